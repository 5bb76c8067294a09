package dev.tandem.usecase.reporting;

import dev.tandem.input.InputException;
import dev.tandem.reporting.catalog.ReportingCatalog;
import dev.tandem.reporting.exercise.Exercise;
import dev.tandem.reporting.exercise.ExerciseRun;
import dev.tandem.reporting.exercise.Scenario;
import dev.tandem.reporting.exercise.ScenarioReader;
import dev.tandem.reporting.obligation.ObligationEngine;
import dev.tandem.usecase.KnowledgeBase;
import dev.tandem.usecase.Provenance;

/** Replays a scenario into one EU–US timeline of obligations, met or missed; optionally a what-if with one event moved. */
public final class ExerciseUseCase {

    private final KnowledgeBase knowledge;

    public ExerciseUseCase(KnowledgeBase knowledge) {
        this.knowledge = knowledge;
    }

    /**
     * @throws InputException the scenario is malformed, the shift names an event it does not record or makes its
     *                        timeline impossible, or the catalog is broken
     */
    public ExerciseResult run(ExerciseRequest request) throws InputException {
        ReportingCatalog catalog = knowledge.reporting();
        ScenarioReader reader = new ScenarioReader(catalog);
        Scenario base = reader.read(request.scenario());
        Scenario moved = request.shift() == null ? null : reader.read(request.scenario(), request.shift());
        ExerciseRun run = new Exercise(new ObligationEngine(catalog)).run(base, request.shift(), moved);
        return new ExerciseResult(run.scenario(), run.base(), run.shift(), run.shifted(), run.changes(), knowledge.fingerprint(),
                IncidentRecords.warnings(request.scenario().source(), base.incident().issues()),
                Provenance.of(request.generatedAt(), run.scenario().until().toString(), knowledge.fingerprint(),
                        java.util.List.of(Provenance.Input.of("exercise scenario", request.scenario()))));
    }
}
