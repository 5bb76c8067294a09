package dev.tandem.cli.options;

import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * Standard output as commands get it: a writer for text that also hands out the byte stream under it,
 * so a binary format (PDF) can go to standard output when the user redirects it.
 */
public final class StandardOutput extends PrintWriter {

    private final PrintStream bytes;
    private final boolean terminal;

    /**
     * @param terminal whether standard output is an interactive terminal (the {@code ./tandem} launcher
     *                 tests {@code [ -t 1 ]}); binary output is refused there
     */
    public StandardOutput(PrintStream bytes, boolean terminal) {
        super(bytes, true, StandardCharsets.UTF_8);
        this.bytes = bytes;
        this.terminal = terminal;
    }

    /** The byte stream, after the text written so far. */
    public OutputStream binary() {
        flush();
        return bytes;
    }

    /** True when standard output is a terminal, where binary output would garble the screen. */
    public boolean terminal() {
        return terminal;
    }

    /** Whether the launcher found standard output to be a terminal. */
    public static boolean stdoutIsTerminal() {
        return Boolean.getBoolean("tandem.stdout.tty");
    }
}
