package dev.tandem.cli.versions;

import dev.tandem.cli.exit.ExitCode;
import dev.tandem.cli.exit.UsageException;
import dev.tandem.input.InputException;
import dev.tandem.render.TextRenderer;
import dev.tandem.render.versions.VersionsFormats;
import dev.tandem.usecase.scan.VersionArgumentException;
import dev.tandem.usecase.scan.VersionSortRequest;
import dev.tandem.usecase.scan.VersionSortResult;
import dev.tandem.usecase.scan.VersionSortUseCase;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/** {@code tandem versions sort --ecosystem NAME}: sorts the versions read from standard input. */
@Command(name = "sort",
        mixinStandardHelpOptions = true,
        description = {"Read one version per line from standard input and print them in ascending order, one per line.",
                "Blank lines are ignored; equal versions keep their input order."})
final class VersionsSortCommand implements Callable<Integer> {

    static final String STDIN = "<stdin>";

    /** The most characters read from standard input: far above any real list of versions. */
    static final long MAX_INPUT = 64L << 20;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--ecosystem", required = true, paramLabel = "NAME",
            description = "OSV ecosystem name, e.g. npm, PyPI, Maven, Go, Debian:12, Red Hat:enterprise_linux:9.")
    String ecosystem;

    @Override
    public Integer call() throws IOException, InputException {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        VersionSortResult result;
        try {
            result = new VersionSortUseCase().run(new VersionSortRequest(ecosystem, STDIN, lines(in)));
        } catch (VersionArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        ((TextRenderer<VersionSortResult>) VersionsFormats.sort().find(null).orElseThrow()).render(result, out);
        out.flush();
        return ExitCode.OK;
    }

    /**
     * The lines of standard input. A hostile endless line is not read into memory: reading stops one
     * character past the longest line the use case accepts, which then refuses that line by number.
     */
    private static List<String> lines(BufferedReader in) throws IOException, InputException {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        long read = 0;
        for (int c = in.read(); ; c = in.read()) {
            // Standard input has no size known in advance (a pipe, /dev/zero): bounded like every input.
            if (++read > MAX_INPUT) {
                throw new InputException(STDIN, dev.tandem.input.InputPosition.at(lines.size() + 1, 1),
                        "more than " + MAX_INPUT + " characters of versions; sort them in parts");
            }
            if (c < 0 || c == '\n') {
                if (c < 0 && line.isEmpty()) {
                    return lines;
                }
                int end = line.length();
                if (end > 0 && line.charAt(end - 1) == '\r') {
                    line.setLength(end - 1);
                }
                lines.add(line.toString());
                line.setLength(0);
                if (c < 0) {
                    return lines;
                }
                continue;
            }
            line.append((char) c);
            if (line.length() > VersionSortUseCase.MAX_LINE) {
                lines.add(line.toString());
                return lines;
            }
        }
    }
}
