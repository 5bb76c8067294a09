package dev.tandem.cli.reporting;

import dev.tandem.cli.exit.ExitCode;
import dev.tandem.cli.exit.UsageException;
import dev.tandem.reporting.incident.IncidentReadResult;
import dev.tandem.reporting.obligation.ObligationEngine;
import dev.tandem.reporting.obligation.ObligationResult;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code tandem obligations}: every report owed for an incident record, to whom, by when, with which fields. */
@Command(name = "obligations", mixinStandardHelpOptions = true,
        description = {"Which EU and US reports an incident record owes, to whom, by which instant, with which fields.",
                "Exit codes: 0 nothing in force is overdue; 1 an in-force report is overdue at --at; 2 bad input."})
public final class ObligationsCommand implements Callable<Integer> {

    /** Output formats. */
    enum Format { table, json, md }

    @Spec
    CommandSpec spec;

    @Option(names = "--incident", required = true, paramLabel = "FILE", description = "Incident record (JSON or YAML).")
    Path incident;

    @Option(names = "--at", paramLabel = "INSTANT", description = "Evaluate as of this instant (ISO-8601 with offset; default: now).")
    String at;

    @Option(names = "--format", defaultValue = "table", paramLabel = "FORMAT", description = "table, json or md (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--due-soon", defaultValue = "PT24H", paramLabel = "DURATION",
            description = "A stage due within this ISO-8601 duration is 'due-soon' (default: ${DEFAULT-VALUE}).")
    String dueSoon;

    @Option(names = "--strict", description = "Treat warnings about the record (unknown keys, doubtful timelines) as errors.")
    boolean strict;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Duration window = window(dueSoon);
        IncidentReadResult read = IncidentInput.read(incident, strict);
        ObligationResult result = new ObligationEngine(IncidentInput.catalog()).evaluate(read, IncidentInput.at(at), window);
        IncidentInput.warn(incident, result.issues(), err);
        out.print(switch (format) {
            case table -> ObligationsText.table(result);
            case md -> ObligationsText.markdown(result);
            case json -> ObligationsJson.render(result);
        });
        out.flush();
        return result.overdue().isEmpty() ? ExitCode.OK : ExitCode.FINDINGS;
    }

    private static Duration window(String text) {
        try {
            Duration duration = Duration.parse(text);
            if (duration.isNegative()) {
                throw new UsageException("--due-soon must not be negative");
            }
            return duration;
        } catch (DateTimeParseException e) {
            throw new UsageException("--due-soon '" + text + "' is not an ISO-8601 duration such as PT24H");
        }
    }
}
