package dev.tandem.reporting.catalog;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Cross-reference checks run on load: a broken catalog is a bug in Tandem's data, never the user's input. */
final class CatalogConsistency {

    private static final Set<String> EFFECTS = Set.of("start-next-full-hour", "end-of-last-day",
            "next-working-day-end", "next-working-day-noon");

    /** Keys of {@code event} in the record that are not flags. */
    static final Set<String> RESERVED_EVENT_KEYS = Set.of("kind", "affectedIndividuals", "affectedResidents");

    private final ReportingCatalog catalog;
    private final List<String> problems = new ArrayList<>();

    CatalogConsistency(ReportingCatalog catalog) {
        this.catalog = catalog;
    }

    void check() {
        for (Framework framework : catalog.frameworks()) {
            checkFramework(framework);
        }
        for (CountingRule rule : catalog.countingRules()) {
            for (CountingPart part : rule.parts()) {
                require(EFFECTS.contains(part.effect()), rule.id() + "/" + part.id() + ": unknown effect " + part.effect());
                require(part.source() != null && part.confidence() != null, rule.id() + "/" + part.id() + ": source and confidence required");
                part.appliesTo().forEach(TimeBasis::ofKey);
                if (part.calendar() != null) {
                    require(catalog.calendar(part.calendar()).isPresent(), rule.id() + ": unknown calendar " + part.calendar());
                }
            }
        }
        for (FieldDefinition field : catalog.fields()) {
            require(field.source() != null && field.confidence() != null, "field " + field.id() + ": source and confidence required");
        }
        for (Role role : catalog.roles()) {
            require(role.source() != null && role.confidence() != null, "role " + role.id() + ": source and confidence required");
        }
        Set<String> read = new HashSet<>();
        for (Framework framework : catalog.frameworks()) {
            framework.applicability().forEach(r -> read.addAll(r.when() == null ? List.of() : r.when().flags()));
            for (Stage stage : framework.stages()) {
                if (stage.when() != null) {
                    read.addAll(stage.when().flags());
                }
                stage.variants().forEach(v -> read.addAll(v.when() == null ? List.of() : v.when().flags()));
            }
        }
        for (Notice notice : catalog.notices()) {
            if (notice.when() != null) {
                read.addAll(notice.when().flags());
            }
        }
        for (EventFlag flag : catalog.flags()) {
            require(flag.source() != null && flag.confidence() != null, "event flag " + flag.id() + ": source and confidence required");
            require(flag.id() != null && flag.id().matches("[a-z][A-Za-z0-9]*"), "event flag " + flag.id() + ": not a lowerCamelCase id");
            require(!RESERVED_EVENT_KEYS.contains(flag.id()), "event flag " + flag.id() + ": the name is a reserved key of event");
            require(read.contains(flag.id()), "event flag " + flag.id() + ": no applicability rule, stage or notice reads it");
        }
        for (StageKind kind : catalog.stageKinds()) {
            require(kind.source() != null && kind.confidence() != null, "stage kind " + kind.id() + ": source and confidence required");
        }
        for (Notice notice : catalog.notices()) {
            require(notice.source() != null && notice.confidence() != null, "notice " + notice.id() + ": source and confidence required");
            for (String framework : notice.frameworks()) {
                require(framework.equals("*") || catalog.framework(framework).isPresent(), "notice " + notice.id() + ": unknown framework " + framework);
            }
            for (String field : notice.fields()) {
                require(catalog.field(field).isPresent(), "notice " + notice.id() + ": unknown field " + field);
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("catalog is inconsistent: " + String.join("; ", problems));
        }
    }

    private void checkFramework(Framework f) {
        String at = "framework " + f.id();
        require(f.inForce() != null && f.inForce().source() != null && f.inForce().confidence() != null, at + ": inForce needs source and confidence");
        require(f.timeZone() != null, at + ": timeZone required");
        require(Framework.JURISDICTIONS.contains(f.jurisdiction()), at + ": jurisdiction is one of " + Framework.JURISDICTIONS);
        if (f.timeZone() != null && !f.timeZone().equals(Framework.ENTITY_ZONE) && !f.timeZone().equals(Framework.EU_MEMBER_STATE_ZONE)) {
            ZoneId.of(f.timeZone());
        }
        require(f.countingRule() == null || catalog.countingRule(f.countingRule()).isPresent(), at + ": unknown counting rule " + f.countingRule());
        require(catalog.calendar(f.calendar()).isPresent(), at + ": unknown calendar " + f.calendar());
        require(!f.applicability().isEmpty(), at + ": no applicability rules");
        for (ApplicabilityRule rule : f.applicability()) {
            require(rule.source() != null && rule.confidence() != null && rule.when() != null, at + "/" + rule.id() + ": when, source and confidence required");
            checkCondition(rule.when(), at + "/" + rule.id());
        }
        for (Note note : f.notes()) {
            require(note.source() != null && note.confidence() != null, at + ": note without source or confidence");
        }
        Set<String> seen = new HashSet<>();
        for (Stage stage : f.stages()) {
            String s = at + "/" + stage.id();
            require(stage.source() != null && stage.confidence() != null, s + ": source and confidence required");
            require(stage.kind() != null && catalog.stageKind(stage.kind()).isPresent(), s + ": unknown stage kind " + stage.kind());
            require(stage.recipient() != null && stage.channel() != null, s + ": recipient and channel required");
            require(stage.period() != null && stage.clockStart() != null, s + ": period and clockStart required");
            if (stage.period() != null && !stage.period().fixed()) {
                require(stage.cap() == null && stage.variants().isEmpty(), s + ": a period without a fixed length takes no cap or variants");
            }
            for (PeriodVariant variant : stage.variants()) {
                require(variant.when() != null && variant.period() != null && variant.period().fixed() && variant.text() != null
                        && variant.source() != null && variant.confidence() != null,
                        s + ": a variant needs when, a fixed period, text, source and confidence");
                if (variant.when() != null) {
                    checkCondition(variant.when(), s + " (variant)");
                }
            }
            for (Stage other : f.stages()) {
                if (other.clockStart() != null && stage.id().equals(other.clockStart().afterStage())) {
                    require(stage.period() == null || stage.period().fixed(), s + ": a stage without a fixed period cannot start another's clock");
                }
            }
            if (stage.clockStart() != null && stage.clockStart().chained()) {
                require(seen.contains(stage.clockStart().afterStage()), s + ": afterStage must name an earlier stage");
            }
            if (stage.when() != null) {
                checkCondition(stage.when(), s);
            }
            for (StageField field : stage.fields()) {
                require(catalog.field(field.field()).isPresent(), s + ": unknown field " + field.field());
                require(field.source() != null && field.confidence() != null, s + ": field " + field.field() + " needs source and confidence");
            }
            require(seen.add(stage.id()), s + ": duplicate stage id");
        }
    }

    private void checkCondition(Condition c, String at) {
        for (String role : c.roleAny()) {
            require(catalog.knowsRole(role), at + ": unknown role " + role);
        }
        for (String role : c.roleNone()) {
            require(catalog.knowsRole(role), at + ": unknown role " + role);
        }
        List<String> direct = new ArrayList<>(c.eventFlagNone());
        if (c.eventFlag() != null) {
            direct.add(c.eventFlag());
        }
        for (String flag : direct) {
            require(catalog.flag(flag).isPresent(), at + ": unknown event flag " + flag + " (flags.yaml)");
        }
        require(c.eventKind() == null || c.eventKind().equals("vulnerability") || c.eventKind().equals("incident"),
                at + ": eventKind is vulnerability or incident, not " + c.eventKind());
        for (Long count : java.util.Arrays.asList(c.individualsAtLeast(), c.individualsBelow(), c.residentsOfOneJurisdictionAbove())) {
            require(count == null || count >= 0, at + ": a count must not be negative");
        }
        c.anyOf().forEach(inner -> checkCondition(inner, at));
    }

    private void require(boolean ok, String problem) {
        if (!ok) {
            problems.add(problem);
        }
    }
}
