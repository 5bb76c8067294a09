package dev.tandem.render.reporting;

import dev.tandem.reporting.comparison.Evidence;
import dev.tandem.reporting.comparison.FieldRow;
import dev.tandem.reporting.comparison.Finding;
import dev.tandem.reporting.comparison.FindingKind;
import dev.tandem.reporting.comparison.Requirement;
import java.util.ArrayList;
import java.util.List;

/** What the Markdown and HTML comparisons share. */
final class ComparisonText {

    static final String TITLE = "EU and US incident-reporting frameworks compared";
    static final String INTRO = "Derived by Tandem from its catalog; every cell and statement names its source and confidence tag "
            + "([V] legal text, [S] secondary sources, [R] recalled, [U] unconfirmed). Not legal advice.";

    private ComparisonText() {
    }

    static String heading(FindingKind kind) {
        return kind == FindingKind.ALIGNMENT ? "Where they align" : "Where they diverge";
    }

    /** The stages of one framework that require the field of a row. */
    static List<String> stagesFor(FieldRow row, String framework) {
        return row.requiredBy().stream().filter(r -> r.framework().equals(framework)).map(Requirement::stage).distinct().toList();
    }

    /** "eu-nis2/notification `field` (source [V])", one per piece of evidence. */
    static List<String> evidence(Finding finding) {
        List<String> lines = new ArrayList<>();
        for (Evidence e : finding.evidence()) {
            lines.add(e.framework() + (e.stage() == null ? "" : "/" + e.stage()) + (e.field() == null ? "" : " `" + e.field() + "`")
                    + " (" + e.source() + " " + e.confidence().tag() + ")");
        }
        return lines;
    }
}
