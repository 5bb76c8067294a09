package dev.tandem.cli.versions;

import dev.tandem.cli.exit.ExitCode;
import dev.tandem.input.InputException;
import dev.tandem.input.InputPosition;
import dev.tandem.version.InvalidVersionException;
import dev.tandem.version.Version;
import dev.tandem.version.VersionScheme;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tandem versions sort --ecosystem NAME}: sorts the versions read from standard input. */
@Command(name = "sort",
        mixinStandardHelpOptions = true,
        description = {"Read one version per line from standard input and print them in ascending order, one per line.",
                "Blank lines are ignored; equal versions keep their input order."})
final class VersionsSortCommand implements Callable<Integer> {

    static final String STDIN = "<stdin>";
    static final int MAX_LINE = 4096;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--ecosystem", required = true, paramLabel = "NAME",
            description = "OSV ecosystem name, e.g. npm, PyPI, Maven, Go, Debian:12, Red Hat:enterprise_linux:9.")
    String ecosystem;

    @Override
    public Integer call() throws IOException, InputException {
        VersionScheme scheme = EcosystemScheme.resolve(ecosystem);
        List<Version> versions = new ArrayList<>();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        int lineNumber = 0;
        for (String line; (line = readLine(in, lineNumber + 1)) != null; ) {
            lineNumber++;
            String text = line.strip();
            if (text.isEmpty()) {
                continue;
            }
            try {
                versions.add(scheme.parse(text));
            } catch (InvalidVersionException e) {
                throw new InputException(STDIN, InputPosition.at(lineNumber, 0), e.getMessage());
            }
        }
        // List.sort is stable, so equal versions keep their input order.
        versions.sort(null);
        PrintWriter out = spec.commandLine().getOut();
        for (Version v : versions) {
            out.println(v.text());
        }
        out.flush();
        return ExitCode.OK;
    }

    // Like BufferedReader.readLine, but a hostile endless line fails at MAX_LINE instead of filling the heap.
    private static String readLine(BufferedReader in, int lineNumber) throws IOException, InputException {
        StringBuilder line = new StringBuilder();
        int c = in.read();
        if (c < 0) {
            return null;
        }
        while (c >= 0 && c != '\n') {
            if (line.length() == MAX_LINE) {
                throw new InputException(STDIN, InputPosition.at(lineNumber, 0),
                        "line longer than " + MAX_LINE + " characters; expected one version per line");
            }
            line.append((char) c);
            c = in.read();
        }
        int end = line.length();
        if (end > 0 && line.charAt(end - 1) == '\r') {
            line.setLength(end - 1);
        }
        return line.toString();
    }
}
