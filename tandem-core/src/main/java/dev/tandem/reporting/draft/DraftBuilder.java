package dev.tandem.reporting.draft;

import dev.tandem.reporting.catalog.FieldDefinition;
import dev.tandem.reporting.catalog.Framework;
import dev.tandem.reporting.catalog.ReportingCatalog;
import dev.tandem.reporting.catalog.Stage;
import dev.tandem.reporting.catalog.StageField;
import dev.tandem.reporting.incident.IncidentReadResult;
import dev.tandem.reporting.incident.IncidentRecord;
import dev.tandem.reporting.obligation.Conditions;
import dev.tandem.reporting.obligation.FrameworkAssessment;
import dev.tandem.reporting.obligation.Obligation;
import dev.tandem.reporting.obligation.ObligationEngine;
import dev.tandem.reporting.obligation.ObligationResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Builds the draft of one stage's report from an incident record. */
public final class DraftBuilder {

    private final ObligationEngine engine;

    public DraftBuilder(ObligationEngine engine) {
        this.engine = engine;
    }

    /**
     * @throws IllegalArgumentException when the framework or the stage is not in the catalog
     */
    public ReportDraft build(IncidentReadResult read, String frameworkId, String stageId, Instant at) {
        ReportingCatalog catalog = engine.catalog();
        Framework framework = catalog.framework(frameworkId).orElseThrow(() -> new IllegalArgumentException(
                "unknown framework '" + frameworkId + "'; known: " + catalog.frameworks().stream().map(Framework::id).toList()));
        Stage stage = framework.stage(stageId).orElseThrow(() -> new IllegalArgumentException(
                "framework " + frameworkId + " has no stage '" + stageId + "'; it has "
                        + framework.stages().stream().map(Stage::id).toList()));
        ObligationResult result = engine.evaluate(read, at, ObligationEngine.DEFAULT_DUE_SOON);
        FrameworkAssessment assessment = result.frameworks().stream()
                .filter(a -> a.framework().id().equals(frameworkId)).findFirst().orElseThrow();
        Obligation obligation = result.obligations().stream()
                .filter(o -> o.framework().equals(frameworkId) && o.stage().equals(stageId)).findFirst().orElse(null);
        IncidentRecord record = read.record();
        List<String> warnings = new ArrayList<>();
        if (!assessment.applies()) {
            warnings.add("The record does not meet every applicability rule of " + frameworkId
                    + ": this draft is for reference only (the obligations evaluation lists the rules that are not met).");
        } else if (obligation == null) {
            warnings.add("Stage " + stageId + " does not apply to this record (its condition is not met).");
        }
        if (!assessment.inForce()) {
            warnings.add(frameworkId + " is not in force on the clock-start date (" + framework.inForce().describe()
                    + ", " + framework.inForce().source() + ").");
        }
        read.issues().forEach(issue -> warnings.add("Record " + issue.severity().label() + ": " + issue.describe()));
        List<DraftField> fields = new ArrayList<>();
        boolean late = obligation != null && (obligation.late() || obligation.status() == dev.tandem.reporting.obligation.Status.OVERDUE);
        for (StageField required : stage.fields()) {
            if (!required.owed(late)) {
                continue;
            }
            FieldDefinition field = catalog.field(required.field()).orElseThrow();
            fields.add(new DraftField(field.id(), field.label(), field.recordPath(),
                    record.valueAt(field.recordPath()).orElse(null), required.condition(), required.source(),
                    required.confidence()));
        }
        List<DraftNotice> notices = catalog.notices().stream()
                .filter(n -> n.accompanies(frameworkId))
                .filter(n -> n.when() == null || Conditions.holds(n.when(), record))
                .map(n -> new DraftNotice(n, n.fields().stream().map(id -> {
                    FieldDefinition field = catalog.field(id).orElseThrow();
                    return new DraftField(field.id(), field.label(), field.recordPath(),
                            record.valueAt(field.recordPath()).orElse(null), null, n.source(), n.confidence());
                }).toList()))
                .toList();
        return new ReportDraft(framework, stage, assessment, obligation, record.entity().name(), fields, notices, warnings);
    }
}
