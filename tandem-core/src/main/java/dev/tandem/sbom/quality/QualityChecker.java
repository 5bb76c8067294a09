package dev.tandem.sbom.quality;

import dev.tandem.sbom.quality.QualityReport.FieldResult;
import dev.tandem.sbom.quality.QualityReport.Violation;
import java.util.ArrayList;
import java.util.List;

/** Checks {@link SbomFacts} against a {@link QualityProfile}: per-field coverage and each violation. */
public final class QualityChecker {

    /** How many offending components a violation names. */
    static final int EXAMPLES = 5;

    private QualityChecker() {
    }

    public static QualityReport check(SbomFacts facts, QualityProfile profile) {
        List<FieldResult> results = new ArrayList<>();
        List<Violation> violations = new ArrayList<>();
        for (QualityProfile.Field field : profile.fields()) {
            boolean verifiable = !facts.undeterminable().contains(field.level() + ":" + field.id());
            int covered;
            int total;
            List<String> missing = new ArrayList<>();
            if (field.componentLevel()) {
                total = facts.components().size();
                covered = 0;
                for (SbomFacts.ComponentFacts c : facts.components()) {
                    if (c.fields().contains(field.id())) {
                        covered++;
                    } else {
                        missing.add(c.label());
                    }
                }
            } else {
                total = 1;
                covered = facts.documentFields().contains(field.id()) ? 1 : 0;
            }
            double coverage = total == 0 ? 1.0 : Math.round(10_000.0 * covered / total) / 10_000.0;
            results.add(new FieldResult(field.id(), field.level(), field.obligation(), field.title(), covered, total,
                    coverage, verifiable, field.source()));
            if (!field.required() || covered == total) {
                continue;
            }
            String note = facts.notes().get(field.level() + ":" + field.id());
            if (!verifiable) {
                violations.add(new Violation(field.id(), field.level(), field.title() + ": cannot be verified for "
                        + facts.format() + (note == null ? "" : " (" + note + ")"), List.of()));
            } else if (field.componentLevel()) {
                violations.add(new Violation(field.id(), field.level(), field.title() + ": missing on "
                        + (total - covered) + " of " + total + " components" + (note == null ? "" : " (" + note + ")"),
                        missing.subList(0, Math.min(EXAMPLES, missing.size()))));
            } else {
                violations.add(new Violation(field.id(), field.level(), field.title() + ": missing"
                        + (note == null ? "" : " (" + note + ")"), List.of()));
            }
        }
        return new QualityReport(facts.source(), profile.id(), profile.title(), facts.components().size(),
                violations.isEmpty(), results, violations);
    }
}
