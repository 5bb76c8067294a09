package dev.tandem.cli.conformity;

import dev.tandem.cli.exit.ExitCode;
import dev.tandem.cli.exit.UsageException;
import dev.tandem.render.Renderer;
import dev.tandem.render.TextRenderer;
import dev.tandem.usecase.conformity.NotEligibleException;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;

/** Standard output and standard error of a conformity command: warnings first, then the rendered result. */
final class CommandStreams {

    private CommandStreams() {
    }

    /** Each warning as {@code tandem: warning: ...} on standard error. */
    static void warn(List<String> warnings, CommandSpec spec) {
        PrintWriter err = spec.commandLine().getErr();
        warnings.forEach(w -> err.println("tandem: warning: " + w));
        err.flush();
    }

    /** A refusal for a product that is not eligible: the reasons on standard error, nothing written, exit code 1. */
    static int refused(NotEligibleException e, CommandSpec spec) {
        PrintWriter err = spec.commandLine().getErr();
        err.println("tandem: " + e.getMessage() + " (--draft writes one)");
        err.flush();
        return ExitCode.FINDINGS;
    }

    /** Renders to standard output; every format these commands print there is text. */
    static <M> void print(Renderer<M> renderer, M model, CommandSpec spec) {
        if (!(renderer instanceof TextRenderer<M> text)) {
            throw new UsageException("the " + renderer.mediaType() + " output is binary and cannot go to standard output");
        }
        PrintWriter out = spec.commandLine().getOut();
        text.render(model, out);
        out.flush();
    }
}
