package dev.tandem.server.store;

import java.util.Map;
import java.util.Objects;

/**
 * A request the server refuses, with the reason a client acts on: the resource is not there (in the
 * caller's organisation), it conflicts with what exists, the caller's role does not allow it, or the
 * input is invalid, or too many attempts failed. The HTTP layer turns it into an RFC 9457 problem;
 * pages into a message.
 */
public final class Refusal extends RuntimeException {

    /** Why, as the HTTP status it becomes. */
    public enum Kind {
        INVALID(400), FORBIDDEN(403), NOT_FOUND(404), CONFLICT(409), TOO_LARGE(413), UNSUPPORTED(415),
        TOO_MANY_REQUESTS(429);

        private final int status;

        Kind(int status) {
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    private final Kind kind;
    private final transient Map<String, Object> extensions;

    public Refusal(Kind kind, String message, Map<String, Object> extensions) {
        super(message, null, false, false);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.extensions = Map.copyOf(extensions);
    }

    public Refusal(Kind kind, String message) {
        this(kind, message, Map.of());
    }

    public static Refusal notFound(String what) {
        return new Refusal(Kind.NOT_FOUND, what + " was not found");
    }

    public static Refusal invalid(String message) {
        return new Refusal(Kind.INVALID, message);
    }

    public Kind kind() {
        return kind;
    }

    /** Extra members of the problem document ({@code source}, {@code line}, ...). */
    public Map<String, Object> extensions() {
        return extensions;
    }
}
