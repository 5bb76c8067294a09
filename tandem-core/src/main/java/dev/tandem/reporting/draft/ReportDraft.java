package dev.tandem.reporting.draft;

import dev.tandem.reporting.catalog.Framework;
import dev.tandem.reporting.catalog.Stage;
import dev.tandem.reporting.obligation.FrameworkAssessment;
import dev.tandem.reporting.obligation.Obligation;
import java.util.List;

/**
 * A report draft: the framework and stage, whether the framework applies to the record, the
 * computed obligation (null when the stage does not apply), the fields in form order, the
 * notices, and warnings for the reader of the draft.
 */
public record ReportDraft(Framework framework, Stage stage, FrameworkAssessment assessment, Obligation obligation,
        String reporter, List<DraftField> fields, List<DraftNotice> notices, List<String> warnings) {

    public ReportDraft {
        fields = List.copyOf(fields);
        notices = List.copyOf(notices);
        warnings = List.copyOf(warnings);
    }

    public List<String> missingFields() {
        return fields.stream().filter(DraftField::missing).map(DraftField::id).toList();
    }
}
