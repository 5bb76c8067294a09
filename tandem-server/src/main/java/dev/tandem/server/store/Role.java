package dev.tandem.server.store;

import java.util.Locale;

/** What a user or API key may do in its organisation: admin (everything), editor (change data), viewer (read). */
public enum Role {
    VIEWER, EDITOR, ADMIN;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** True when this role includes everything {@code needed} may do. */
    public boolean covers(Role needed) {
        return compareTo(needed) >= 0;
    }

    /** Reads {@code admin}, {@code editor} or {@code viewer}. */
    public static Role of(String text) {
        for (Role role : values()) {
            if (role.label().equals(text == null ? "" : text.strip().toLowerCase(Locale.ROOT))) {
                return role;
            }
        }
        throw new IllegalArgumentException("unknown role '" + text + "': expected admin, editor or viewer");
    }
}
