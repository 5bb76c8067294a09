package dev.tandem.render.reporting;

import dev.tandem.reporting.catalog.Framework;
import dev.tandem.reporting.catalog.PeriodVariant;
import dev.tandem.reporting.comparison.Evidence;
import dev.tandem.reporting.comparison.FieldRow;
import dev.tandem.reporting.comparison.Finding;
import dev.tandem.reporting.comparison.FindingKind;
import dev.tandem.reporting.comparison.Requirement;
import dev.tandem.reporting.comparison.TimingRow;
import dev.tandem.usecase.reporting.ComparisonResult;
import java.util.ArrayList;
import java.util.List;

/** What the Markdown and HTML comparisons share. */
final class ComparisonText {

    static final String TITLE = "EU and US incident-reporting frameworks compared";
    static final String INTRO = "Derived by Tandem from its catalog; every cell and statement names its source and confidence tag "
            + "([V] legal text, [S] secondary sources, [R] recalled, [U] unconfirmed). Regimes are grouped by jurisdiction "
            + "(EU, US, then UK); the alignments and divergences compare the EU and US sides. Not legal advice.";

    private ComparisonText() {
    }

    static String heading(FindingKind kind) {
        return kind == FindingKind.ALIGNMENT ? "Where they align" : "Where they diverge";
    }

    /** The jurisdictions of the compared frameworks, in the order the outputs group them. */
    static List<String> jurisdictions(ComparisonResult c) {
        return Framework.JURISDICTIONS.stream()
                .filter(j -> c.frameworks().stream().anyMatch(f -> f.jurisdiction().equals(j))).toList();
    }

    /** "framework/stage" of every compared stage of one jurisdiction that requires the field of a row. */
    static List<String> stagesIn(FieldRow row, String jurisdiction) {
        return row.requiredBy().stream().filter(r -> r.jurisdiction().equals(jurisdiction))
                .map(r -> r.framework() + "/" + r.stage()).distinct().toList();
    }

    /** The period in words, with the variants that replace it: "15 calendar days; 2 calendar days for ... (source [V])". */
    static String period(TimingRow t) {
        StringBuilder text = new StringBuilder(t.period().describe());
        for (PeriodVariant v : t.variants()) {
            text.append("; ").append(v.period().describe()).append(" for ").append(v.text()).append(" (").append(v.source())
                    .append(' ').append(v.confidence().tag()).append(')');
        }
        return text.toString();
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
