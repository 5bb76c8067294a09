package dev.tandem.cli.conformity;

import dev.tandem.cli.exit.ExitCode;
import dev.tandem.cli.exit.UsageException;
import dev.tandem.cli.options.OutputOption;
import dev.tandem.render.Renderer;
import dev.tandem.render.TextRenderer;
import dev.tandem.usecase.conformity.NotEligibleException;
import java.io.IOException;
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

    /**
     * Writes a drafted document: its warnings on standard error, the document to {@code --output} or
     * standard output, and, for a file, {@code tandem: wrote FILE} so a terminal user sees where it went.
     */
    static <M> void writeDocument(Renderer<M> renderer, M model, List<String> warnings, OutputOption output,
            CommandSpec spec) throws IOException {
        warn(warnings, spec);
        output.write(renderer, model, spec);
        if (output.file() != null) {
            spec.commandLine().getErr().println("tandem: wrote " + output.file());
            spec.commandLine().getErr().flush();
        }
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
