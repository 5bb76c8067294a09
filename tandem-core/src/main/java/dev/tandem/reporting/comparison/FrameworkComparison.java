package dev.tandem.reporting.comparison;

import dev.tandem.reporting.catalog.FieldDefinition;
import dev.tandem.reporting.catalog.Framework;
import dev.tandem.reporting.catalog.ReportingCatalog;
import dev.tandem.reporting.catalog.Stage;
import dev.tandem.reporting.catalog.StageField;
import dev.tandem.reporting.catalog.TimeBasis;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Derives the comparison from the catalog. Statements are generated, never written by hand: each
 * names the stages, fields and sources it rests on, so a reviewer can trace it to the catalog.
 */
public final class FrameworkComparison {

    static final String EU = "EU";
    static final String US = "US";

    /** Stage kinds that count as a regime's first report when ranking regimes by speed. */
    private static final Set<String> FIRST_REPORT_KINDS = Set.of("early-warning", "notification", "individual-notice");

    private final ReportingCatalog catalog;

    public FrameworkComparison(ReportingCatalog catalog) {
        this.catalog = catalog;
    }

    /**
     * @param ids the frameworks to compare, in catalog order; empty for all
     * @param on  the date the in-force column is evaluated for
     * @throws IllegalArgumentException for an unknown id
     */
    public Comparison compare(List<String> ids, LocalDate on) {
        for (String id : ids) {
            if (catalog.framework(id).isEmpty()) {
                throw new IllegalArgumentException("unknown framework '" + id + "'; known: "
                        + catalog.frameworks().stream().map(Framework::id).toList());
            }
        }
        List<Framework> frameworks = catalog.frameworks().stream().filter(f -> ids.isEmpty() || ids.contains(f.id())).toList();
        List<FieldRow> fields = fieldMatrix(frameworks);
        List<TimingRow> timing = timing(frameworks, on);
        List<Finding> findings = new ArrayList<>();
        // Alignments and divergences compare the EU and the US; other jurisdictions (UK) are shown, not compared.
        List<TimingRow> euUs = timing.stream().filter(r -> r.jurisdiction().equals(EU) || r.jurisdiction().equals(US)).toList();
        List<FieldRow> euUsFields = fields.stream().map(f -> new FieldRow(f.field(), f.requiredBy().stream()
                .filter(r -> r.jurisdiction().equals(EU) || r.jurisdiction().equals(US)).toList()))
                .filter(f -> !f.requiredBy().isEmpty()).toList();
        commonPeriods(euUs, findings);
        fieldFindings(euUsFields, findings);
        clockStarts(euUs, findings);
        stageKinds(euUs, findings);
        timeBases(euUs, findings);
        fastestFirstReports(euUs, findings);
        noFixedPeriod(euUs, findings);
        notInForce(frameworks, on, findings);
        return new Comparison(frameworks, fields, timing, findings);
    }

    private List<FieldRow> fieldMatrix(List<Framework> frameworks) {
        List<FieldRow> rows = new ArrayList<>();
        for (FieldDefinition field : catalog.fields()) {
            List<Requirement> requiredBy = new ArrayList<>();
            for (Framework framework : frameworks) {
                for (Stage stage : framework.stages()) {
                    for (StageField required : stage.fields()) {
                        if (required.field().equals(field.id())) {
                            requiredBy.add(new Requirement(framework.id(), framework.jurisdiction(), stage.id(),
                                    required.condition(), required.source(), required.confidence()));
                        }
                    }
                }
            }
            if (!requiredBy.isEmpty()) {
                rows.add(new FieldRow(field, requiredBy));
            }
        }
        return rows;
    }

    private static List<TimingRow> timing(List<Framework> frameworks, LocalDate on) {
        List<TimingRow> rows = new ArrayList<>();
        for (Framework framework : frameworks) {
            boolean inForce = framework.inForce().on(on);
            List<TimingRow> own = new ArrayList<>();
            for (Stage stage : framework.stages()) {
                String clock = stage.clockStart().chained() ? "submission of " + stage.clockStart().afterStage()
                        : stage.clockStart().rollWords() + stage.clockStart().event();
                own.add(new TimingRow(framework.id(), framework.jurisdiction(), stage.id(), stage.kind(), stage.period(),
                        clock, stage.cap(), stage.variants(), false, inForce, stage.source(), stage.confidence()));
            }
            TimingRow first = own.stream().filter(r -> !r.clockStart().startsWith("submission of "))
                    .filter(r -> FIRST_REPORT_KINDS.contains(r.kind()))
                    .filter(r -> r.period().fixed())
                    .min(Comparator.comparingLong(TimingRow::minimumHours)).orElse(null);
            for (TimingRow row : own) {
                rows.add(row == first ? new TimingRow(row.framework(), row.jurisdiction(), row.stage(), row.kind(),
                        row.period(), row.clockStart(), row.cap(), row.variants(), true, row.inForce(), row.source(),
                        row.confidence()) : row);
            }
        }
        // Fastest to slowest: regimes by their first report, stages in catalog order within a regime.
        Map<String, Long> speed = new LinkedHashMap<>();
        for (TimingRow row : rows) {
            if (row.firstReport()) {
                speed.put(row.framework(), row.minimumHours());
            }
        }
        List<String> order = rows.stream().map(TimingRow::framework).distinct().toList();
        List<TimingRow> sorted = new ArrayList<>(rows);
        sorted.sort(Comparator.comparingLong((TimingRow r) -> speed.getOrDefault(r.framework(), Long.MAX_VALUE))
                .thenComparingInt(r -> order.indexOf(r.framework())));
        return sorted;
    }

    private static Evidence evidence(TimingRow row) {
        return new Evidence(row.framework(), row.stage(), null, row.source(), row.confidence());
    }

    private static Set<String> sides(List<TimingRow> rows) {
        Set<String> sides = new LinkedHashSet<>();
        rows.forEach(r -> sides.add(r.jurisdiction()));
        return sides;
    }

    /** Periods that both sides use for a clock-started stage (the 72-hour anchor, the 24-hour reports). */
    private static void commonPeriods(List<TimingRow> timing, List<Finding> findings) {
        Map<String, List<TimingRow>> byPeriod = group(timing.stream().filter(r -> r.period().fixed()).toList(), r -> r.period().iso());
        byPeriod.forEach((iso, rows) -> {
            if (sides(rows).containsAll(List.of(EU, US))) {
                findings.add(new Finding("common-period-" + iso, FindingKind.ALIGNMENT,
                        rows.get(0).period().describe() + " is a deadline on both sides: EU " + stages(rows, EU)
                                + "; US " + stages(rows, US) + ".",
                        rows.stream().map(FrameworkComparison::evidence).toList()));
            }
        });
    }

    private static void fieldFindings(List<FieldRow> fields, List<Finding> findings) {
        addFieldFinding(findings, "fields-both-sides", FindingKind.ALIGNMENT, "Fields required on both sides",
                fields, f -> f.requiredIn(EU) && f.requiredIn(US));
        addFieldFinding(findings, "fields-eu-only", FindingKind.DIVERGENCE, "Fields only EU regimes require",
                fields, f -> f.requiredIn(EU) && !f.requiredIn(US));
        addFieldFinding(findings, "fields-us-only", FindingKind.DIVERGENCE, "Fields only US regimes require",
                fields, f -> f.requiredIn(US) && !f.requiredIn(EU));
    }

    private static void addFieldFinding(List<Finding> findings, String id, FindingKind kind, String title,
            List<FieldRow> fields, Predicate<FieldRow> test) {
        boolean bothSides = fields.stream().anyMatch(f -> f.requiredIn(EU)) && fields.stream().anyMatch(f -> f.requiredIn(US));
        List<FieldRow> matching = fields.stream().filter(test).toList();
        if (!bothSides || matching.isEmpty()) {
            return;
        }
        List<Evidence> evidence = new ArrayList<>();
        matching.forEach(f -> f.requiredBy().forEach(r -> evidence.add(
                new Evidence(r.framework(), r.stage(), f.field().id(), r.source(), r.confidence()))));
        findings.add(new Finding(id, kind, title + ": " + String.join(", ", matching.stream().map(f -> f.field().id()).toList()) + ".",
                evidence));
    }

    /** Which events start the clocks on each side. */
    private static void clockStarts(List<TimingRow> timing, List<Finding> findings) {
        if (!sides(timing).containsAll(List.of(EU, US))) {
            return;
        }
        Map<String, List<TimingRow>> byEvent = group(timing.stream().filter(r -> !r.clockStart().startsWith("submission of ")).toList(),
                TimingRow::clockStart);
        byEvent.forEach((event, rows) -> {
            Set<String> sides = sides(rows);
            if (sides.size() == 2) {
                findings.add(new Finding("clock-start-" + event, FindingKind.ALIGNMENT, "The clock starts at " + event
                        + " on both sides: EU " + stages(rows, EU) + "; US " + stages(rows, US) + ".",
                        rows.stream().map(FrameworkComparison::evidence).toList()));
            } else {
                String side = sides.iterator().next();
                findings.add(new Finding("clock-start-" + event, FindingKind.DIVERGENCE, "Only " + side
                        + " clocks start at " + event + ": " + stages(rows, side) + ".",
                        rows.stream().map(FrameworkComparison::evidence).toList()));
            }
        });
        List<TimingRow> chained = timing.stream().filter(r -> r.clockStart().startsWith("submission of ")).toList();
        if (!chained.isEmpty() && sides(chained).size() == 1) {
            String side = sides(chained).iterator().next();
            findings.add(new Finding("clock-start-submission", FindingKind.DIVERGENCE, "Only " + side
                    + " stages run from the submission of an earlier report: " + stages(chained, side) + ".",
                    chained.stream().map(FrameworkComparison::evidence).toList()));
        }
    }

    /** Kinds of report that exist on one side only (early warning, final report, ransom payment report...). */
    private void stageKinds(List<TimingRow> timing, List<Finding> findings) {
        if (!sides(timing).containsAll(List.of(EU, US))) {
            return;
        }
        group(timing, TimingRow::kind).forEach((kind, rows) -> {
            Set<String> sides = sides(rows);
            String text = catalog.stageKind(kind).map(k -> k.text()).orElse(kind);
            if (sides.size() == 1) {
                String side = sides.iterator().next();
                findings.add(new Finding("stage-kind-" + kind, FindingKind.DIVERGENCE, text + ": " + side + " only ("
                        + stages(rows, side) + ").", rows.stream().map(FrameworkComparison::evidence).toList()));
            } else {
                findings.add(new Finding("stage-kind-" + kind, FindingKind.ALIGNMENT, text + ": both sides (EU "
                        + stages(rows, EU) + "; US " + stages(rows, US) + ").",
                        rows.stream().map(FrameworkComparison::evidence).toList()));
            }
        });
    }

    private static void timeBases(List<TimingRow> timing, List<Finding> findings) {
        if (!sides(timing).containsAll(List.of(EU, US))) {
            return;
        }
        Map<String, List<TimingRow>> byBasis = group(timing.stream().filter(r -> r.period().fixed()).toList(), r -> r.period().basis().key());
        byBasis.forEach((basis, rows) -> {
            Set<String> sides = sides(rows);
            if (sides.size() == 1) {
                String side = sides.iterator().next();
                findings.add(new Finding("time-basis-" + basis, FindingKind.DIVERGENCE, "Only " + side + " periods are counted in "
                        + TimeBasis.ofKey(basis).words() + ": " + stages(rows, side) + ".",
                        rows.stream().map(FrameworkComparison::evidence).toList()));
            }
        });
    }

    private static void fastestFirstReports(List<TimingRow> timing, List<Finding> findings) {
        List<TimingRow> first = timing.stream().filter(TimingRow::firstReport).toList();
        if (!sides(first).containsAll(List.of(EU, US))) {
            return;
        }
        TimingRow eu = first.stream().filter(r -> r.jurisdiction().equals(EU)).min(Comparator.comparingLong(TimingRow::minimumHours)).orElseThrow();
        TimingRow us = first.stream().filter(r -> r.jurisdiction().equals(US)).min(Comparator.comparingLong(TimingRow::minimumHours)).orElseThrow();
        findings.add(new Finding("fastest-first-report", eu.period().equals(us.period()) ? FindingKind.ALIGNMENT : FindingKind.DIVERGENCE,
                "Fastest first report: EU " + eu.framework() + "/" + eu.stage() + " (" + eu.period().describe() + " from " + eu.clockStart()
                        + "); US " + us.framework() + "/" + us.stage() + " (" + us.period().describe() + " from " + us.clockStart() + ").",
                List.of(evidence(eu), evidence(us))));
    }

    /** Duties owed "without undue delay" or "as soon as possible", with no fixed period, on each side. */
    private static void noFixedPeriod(List<TimingRow> timing, List<Finding> findings) {
        List<TimingRow> rows = timing.stream().filter(r -> !r.period().fixed()).toList();
        if (rows.isEmpty() || !sides(timing).containsAll(List.of(EU, US))) {
            return;
        }
        Set<String> sides = sides(rows);
        String text = sides.containsAll(List.of(EU, US))
                ? "Duties owed without a fixed period (without undue delay, as soon as possible) exist on both sides: EU "
                        + stages(rows, EU) + "; US " + stages(rows, US) + "."
                : "Only " + (sides.contains(EU) ? EU : US) + " duties are owed without a fixed period: "
                        + stages(rows, sides.contains(EU) ? EU : US) + ".";
        findings.add(new Finding("no-fixed-period", sides.containsAll(List.of(EU, US)) ? FindingKind.ALIGNMENT : FindingKind.DIVERGENCE,
                text, rows.stream().map(FrameworkComparison::evidence).toList()));
    }

    private static void notInForce(List<Framework> frameworks, LocalDate on, List<Finding> findings) {
        for (Framework framework : frameworks) {
            if (!framework.inForce().on(on)) {
                findings.add(new Finding("not-in-force-" + framework.id(), FindingKind.DIVERGENCE, framework.id()
                        + " is not in force on " + on + " (" + framework.inForce().describe() + "); its deadlines are computed for planning only.",
                        List.of(new Evidence(framework.id(), null, null, framework.inForce().source(), framework.inForce().confidence()))));
            }
        }
    }

    private static <K> Map<K, List<TimingRow>> group(List<TimingRow> rows, Function<TimingRow, K> key) {
        Map<K, List<TimingRow>> groups = new LinkedHashMap<>();
        rows.forEach(r -> groups.computeIfAbsent(key.apply(r), k -> new ArrayList<>()).add(r));
        return groups;
    }

    private static String stages(List<TimingRow> rows, String side) {
        return String.join(", ", rows.stream().filter(r -> r.jurisdiction().equals(side)).map(r -> r.framework() + "/" + r.stage()).toList());
    }
}
