package dev.tandem.reporting.obligation;

import dev.tandem.reporting.catalog.ApplicabilityRule;
import dev.tandem.reporting.catalog.Condition;
import dev.tandem.reporting.catalog.Framework;
import dev.tandem.reporting.catalog.PeriodVariant;
import dev.tandem.reporting.catalog.ReportingCatalog;
import dev.tandem.reporting.catalog.Stage;
import dev.tandem.reporting.incident.IncidentRecord;
import dev.tandem.reporting.incident.RecordIssue;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds the flags of a record that change nothing: a flag set to true is tested by turning it off
 * and comparing which frameworks apply, which stages are owed and which period variants hold. A
 * flag that changes none of them is reported with the regimes that read it and what each of them
 * also needs (a role the entity lacks, another kind of event), so that nothing the user recorded
 * is ignored without a word.
 */
final class FlagEffects {

    private final ReportingCatalog catalog;

    FlagEffects(ReportingCatalog catalog) {
        this.catalog = catalog;
    }

    List<RecordIssue> check(IncidentRecord record) {
        List<RecordIssue> issues = new ArrayList<>();
        Set<String> with = signature(record);
        for (Map.Entry<String, Boolean> flag : record.event().flags().entrySet()) {
            if (!flag.getValue()) {
                continue;
            }
            String id = flag.getKey();
            IncidentRecord without = new IncidentRecord(record.source(), record.entity(), record.event().withFlag(id, false),
                    record.timeline(), record.submissions(), record.document());
            if (!signature(without).equals(with)) {
                continue;
            }
            List<String> readers = new ArrayList<>();
            boolean kindMissing = false;
            for (Framework framework : catalog.frameworks()) {
                if (!reads(framework, id)) {
                    continue;
                }
                Set<String> needs = needs(framework, id, record);
                kindMissing |= needs.stream().anyMatch(n -> n.contains("event.kind "));
                readers.add(framework.id() + (needs.isEmpty() ? "" : ", which also needs " + String.join("; ", needs)));
            }
            String text = readers.isEmpty()
                    ? "event." + id + " is true but no regime reads it: it has no effect"
                    : "event." + id + " is true but changes no obligation of this record: read by " + String.join("; ", readers)
                            + (kindMissing ? ". An event can be of both kinds: kind: [incident, vulnerability]" : "");
            issues.add(RecordIssue.warning("/event/" + id, text));
        }
        return issues;
    }

    /**
     * Which stages are owed and which variants hold: what a flag can change. A framework that applies
     * but owes no stage (a bank's flag on a bank service provider) counts as changing nothing.
     */
    private Set<String> signature(IncidentRecord record) {
        Set<String> signature = new LinkedHashSet<>();
        for (Framework framework : catalog.frameworks()) {
            if (!framework.applicability().stream().allMatch(r -> Conditions.holds(r.when(), record))) {
                continue;
            }
            for (Stage stage : framework.stages()) {
                if (stage.when() == null || Conditions.holds(stage.when(), record)) {
                    signature.add(framework.id() + "/" + stage.id());
                    for (int i = 0; i < stage.variants().size(); i++) {
                        if (Conditions.holds(stage.variants().get(i).when(), record)) {
                            signature.add(framework.id() + "/" + stage.id() + "/variant-" + i);
                        }
                    }
                }
            }
        }
        return signature;
    }

    private static boolean reads(Framework framework, String flag) {
        if (framework.applicability().stream().anyMatch(r -> r.when().flags().contains(flag))) {
            return true;
        }
        for (Stage stage : framework.stages()) {
            if ((stage.when() != null && stage.when().flags().contains(flag))
                    || stage.variants().stream().anyMatch(v -> v.when().flags().contains(flag))) {
                return true;
            }
        }
        return false;
    }

    /**
     * What else a framework that reads {@code flag} needs before the flag can matter, in words, each
     * with the rule or stage that asks for it and its source.
     */
    private static Set<String> needs(Framework framework, String flag, IncidentRecord record) {
        Set<String> needs = new LinkedHashSet<>();
        for (ApplicabilityRule rule : framework.applicability()) {
            List<String> parts = new ArrayList<>(Conditions.failingParts(rule.when(), record));
            parts.remove("event." + flag);
            if (!parts.isEmpty()) {
                needs.add(String.join(", ", parts) + " [" + rule.source() + " " + rule.confidence().tag() + "]");
            }
        }
        if (needs.isEmpty()) {
            for (Stage stage : framework.stages()) {
                List<Condition> reading = new ArrayList<>();
                if (stage.when() != null && stage.when().flags().contains(flag)) {
                    reading.add(stage.when());
                }
                for (PeriodVariant variant : stage.variants()) {
                    if (variant.when().flags().contains(flag)) {
                        if (stage.when() != null) {
                            reading.add(stage.when());
                        }
                        reading.add(variant.when());
                    }
                }
                List<String> parts = new ArrayList<>();
                reading.forEach(c -> parts.addAll(Conditions.failingParts(c, record)));
                parts.remove("event." + flag);
                if (!parts.isEmpty()) {
                    needs.add(String.join(", ", new LinkedHashSet<>(parts)) + " [stage " + stage.id() + ", " + stage.source() + "]");
                }
            }
        }
        return needs;
    }
}
