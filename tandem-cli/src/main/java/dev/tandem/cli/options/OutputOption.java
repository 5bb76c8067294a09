package dev.tandem.cli.options;

import dev.tandem.render.Renderer;
import dev.tandem.render.TextRenderer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * The shared {@code -o/--output FILE} option ({@code --out} is kept as an alias for the commands that
 * had it). Missing folders are created; the file is replaced only once the whole output is written.
 * Without it, text goes to standard output, and so does a binary format (PDF) when standard output is
 * redirected; on a terminal a binary format is refused rather than printed.
 */
public final class OutputOption {

    @Option(names = {"-o", "--output", "--out"}, paramLabel = "FILE",
            description = "Write to FILE instead of standard output (missing folders are created).")
    Path file;

    /** The file given, or null for standard output. */
    public Path file() {
        return file;
    }

    /** Writes {@code model} with {@code renderer} to the file, or to the command's standard output. */
    public <M> void write(Renderer<M> renderer, M model, CommandSpec spec) throws IOException {
        if (file == null) {
            if (renderer instanceof TextRenderer<M> text) {
                PrintWriter out = spec.commandLine().getOut();
                text.render(model, out);
                out.flush();
                return;
            }
            PrintWriter out = spec.commandLine().getOut();
            if (out instanceof StandardOutput standard && !standard.terminal()) {
                OutputStream bytes = standard.binary();
                renderer.write(model, bytes);
                bytes.flush();
                return;
            }
            throw new dev.tandem.cli.exit.UsageException("the " + renderer.mediaType()
                    + " output is binary: give --output FILE, or redirect standard output to a file or a pipe");
        }
        Path target = file.toAbsolutePath();
        if (Files.isDirectory(target)) {
            throw new dev.tandem.cli.exit.UsageException("cannot write to " + file + ": it is a directory");
        }
        Path folder = target.getParent();
        Files.createDirectories(folder);
        // Not Files.createTempFile: its owner-only permissions would carry over to the report.
        Path partial = folder.resolve("." + target.getFileName() + "." + ProcessHandle.current().pid() + "."
                + System.nanoTime() + ".partial");
        try {
            try (OutputStream out = Files.newOutputStream(partial, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                renderer.write(model, out);
            }
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(partial);
        }
    }
}
