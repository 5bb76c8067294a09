package dev.tandem.cli.reporting;

import dev.tandem.cli.exit.UsageException;
import dev.tandem.render.Renderer;
import dev.tandem.render.TextRenderer;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;

/** Where a reporting command's result goes: warnings to standard error, the rendered result to standard output. */
final class Console {

    private Console() {
    }

    /** Prints each warning as {@code tandem: warning: ...}, so that it is seen whatever the format. */
    static void warn(CommandSpec spec, List<String> warnings) {
        PrintWriter err = spec.commandLine().getErr();
        warnings.forEach(w -> err.println("tandem: warning: " + w));
        err.flush();
    }

    /** Renders {@code model} on standard output. */
    static <M> void print(CommandSpec spec, Renderer<M> renderer, M model) {
        if (!(renderer instanceof TextRenderer<M> text)) {
            throw new UsageException("the " + renderer.mediaType() + " output is binary and cannot go to standard output");
        }
        PrintWriter out = spec.commandLine().getOut();
        text.render(model, out);
        out.flush();
    }
}
