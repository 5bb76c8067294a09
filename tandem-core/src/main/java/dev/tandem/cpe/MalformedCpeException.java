package dev.tandem.cpe;

/**
 * A string that is not a CPE name in either binding; the message quotes the name and says what is
 * wrong and, where it applies, at which character (1-based).
 */
public final class MalformedCpeException extends Exception {

    private final String problem;

    MalformedCpeException(String name, String problem) {
        super("malformed CPE name \"" + shorten(name) + "\": " + problem);
        this.problem = problem;
    }

    /** What is wrong, without the name. */
    public String problem() {
        return problem;
    }

    static String shorten(String text) {
        return text.length() <= 120 ? text : text.substring(0, 120) + "...";
    }
}
