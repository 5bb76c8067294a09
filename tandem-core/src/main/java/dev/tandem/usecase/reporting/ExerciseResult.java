package dev.tandem.usecase.reporting;

import dev.tandem.catalog.CatalogFingerprint;
import dev.tandem.reporting.exercise.Change;
import dev.tandem.reporting.exercise.Replay;
import dev.tandem.reporting.exercise.Scenario;
import dev.tandem.reporting.exercise.Shift;
import dev.tandem.usecase.Provenance;
import java.util.List;

/**
 * An exercise: the scenario, its replay, and with a shift the shifted replay and every stage whose
 * due instant or outcome changed. {@code warnings} are the problems in the scenario's record.
 *
 * @param shift   the what-if, or null
 * @param shifted the replay with the event moved, or null
 */
public record ExerciseResult(Scenario scenario, Replay base, Shift shift, Replay shifted, List<Change> changes,
        CatalogFingerprint catalog, List<String> warnings, Provenance provenance) {

    public ExerciseResult {
        changes = List.copyOf(changes);
        warnings = List.copyOf(warnings);
        provenance = provenance == null ? Provenance.unknown(catalog) : provenance;
    }

    /** A result without provenance (hand-built). */
    public ExerciseResult(Scenario scenario, Replay base, Shift shift, Replay shifted, List<Change> changes,
            CatalogFingerprint catalog, List<String> warnings) {
        this(scenario, base, shift, shifted, changes, catalog, warnings, null);
    }
}
