package dev.tandem.cli.progress;

/**
 * Whether standard error is an interactive terminal. Java cannot tell for stderr by itself, so the
 * {@code ./tandem} launcher tests {@code [ -t 2 ]} and passes {@code -Dtandem.stderr.tty=true}.
 */
public final class Terminal {

    private Terminal() {
    }

    public static boolean stderrIsTerminal() {
        return Boolean.getBoolean("tandem.stderr.tty") && System.getenv("CI") == null;
    }
}
