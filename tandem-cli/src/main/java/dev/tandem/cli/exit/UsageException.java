package dev.tandem.cli.exit;

/** A command line that parses but makes no sense (conflicting options, unknown format); exit code 2. */
public final class UsageException extends RuntimeException {
    public UsageException(String message) {
        super(message);
    }
}
