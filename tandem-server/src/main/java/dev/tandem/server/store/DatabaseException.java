package dev.tandem.server.store;

/** The database could not be started, reached or migrated; the message says what to do. */
public final class DatabaseException extends Exception {
    public DatabaseException(String message, Throwable cause) {
        super(message, cause);
    }

    public DatabaseException(String message) {
        super(message);
    }
}
