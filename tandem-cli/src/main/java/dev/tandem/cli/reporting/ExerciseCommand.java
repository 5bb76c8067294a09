package dev.tandem.cli.reporting;

import dev.tandem.cli.exit.UsageException;
import dev.tandem.reporting.exercise.Exercise;
import dev.tandem.reporting.exercise.ExerciseResult;
import dev.tandem.reporting.exercise.Scenario;
import dev.tandem.reporting.exercise.ScenarioReader;
import dev.tandem.reporting.exercise.Shift;
import dev.tandem.reporting.obligation.ObligationEngine;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tandem exercise SCENARIO}: replay a scenario into one EU–US timeline; optionally a what-if with one event shifted. */
@Command(name = "exercise", mixinStandardHelpOptions = true,
        description = {"Replay a scenario into one timeline of every EU and US obligation, met or missed.",
                "Shows where the two sides diverge; --shift replays it with one event moved."})
public final class ExerciseCommand implements Callable<Integer> {

    enum Format { table, json, html }

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SCENARIO", description = "Scenario file (JSON or YAML), e.g. examples/scenarios/ransomware-energy-eu-us.yaml.")
    Path scenario;

    @Option(names = "--shift", paramLabel = "EVENT=DURATION",
            description = "Replay again with a timeline event moved by an ISO-8601 duration, e.g. materialityDeterminedAt=P2D.")
    String shift;

    @Option(names = "--format", defaultValue = "table", paramLabel = "FORMAT", description = "table, json or html (default: ${DEFAULT-VALUE}).")
    Format format;

    @Override
    public Integer call() throws Exception {
        ScenarioReader reader = new ScenarioReader(IncidentInput.catalog());
        Scenario base = reader.read(scenario);
        Shift parsed = null;
        Scenario moved = null;
        if (shift != null) {
            try {
                parsed = ScenarioReader.parseShift(shift);
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage());
            }
            moved = reader.read(scenario, parsed);
        }
        ExerciseResult result = new Exercise(new ObligationEngine(IncidentInput.catalog())).run(base, parsed, moved);
        PrintWriter err = spec.commandLine().getErr();
        IncidentInput.warn(scenario, base.incident().issues(), err);
        PrintWriter out = spec.commandLine().getOut();
        out.print(switch (format) {
            case table -> ExerciseRenderer.table(result);
            case json -> ExerciseRenderer.json(result);
            case html -> ExerciseRenderer.html(result);
        });
        out.flush();
        return 0;
    }
}
