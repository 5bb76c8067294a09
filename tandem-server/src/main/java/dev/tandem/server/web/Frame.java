package dev.tandem.server.web;

/**
 * What every page's layout shows: the title, who is logged in (null on the login page), the CSRF
 * token its forms carry, the navigation section to mark, and a one-time message.
 */
public record Frame(String title, String user, String role, String organisation, String csrf, String section,
        boolean admin, String message) {

    /** The page for a visitor who is not logged in. */
    static Frame anonymous(String title) {
        return new Frame(title, null, null, null, "", "", false, null);
    }

    public boolean loggedIn() {
        return user != null;
    }
}
