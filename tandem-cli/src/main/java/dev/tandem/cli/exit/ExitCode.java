package dev.tandem.cli.exit;

/** Tandem's exit codes, the same for every command (documented in docs/exit-codes.md). */
public final class ExitCode {

    /** Success; nothing at or above the failure threshold. */
    public static final int OK = 0;
    /** The command ran and found something at or above the threshold (findings, overdue reports, gaps). */
    public static final int FINDINGS = 1;
    /** Bad usage or bad input; the message names the file and, where there is one, the position. */
    public static final int BAD_INPUT = 2;
    /** An internal error: a bug in Tandem, reported with a stack trace on standard error. */
    public static final int INTERNAL = 3;

    private ExitCode() {
    }
}
