package dev.tandem.cli;

import dev.tandem.cli.options.StandardOutput;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** Entry point; {@link #run} is what tests call in-process. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), false,
                StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.err), true,
                StandardCharsets.UTF_8);
        int code = run(args, out, err);
        out.flush();
        err.flush();
        System.exit(code);
    }

    /** Runs one command line against the given streams and returns the exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return TandemCommand.execute(args, new StandardOutput(out, StandardOutput.stdoutIsTerminal()),
                new PrintWriter(err, true, StandardCharsets.UTF_8));
    }
}
