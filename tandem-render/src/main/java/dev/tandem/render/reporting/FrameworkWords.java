package dev.tandem.render.reporting;

import dev.tandem.reporting.catalog.Condition;
import dev.tandem.reporting.catalog.Stage;
import java.util.ArrayList;
import java.util.List;

/** Catalog structures in words, as the framework outputs print them. */
final class FrameworkWords {

    private FrameworkWords() {
    }

    /** "timeline.awareAt (else timeline.x)", "submission of notification", "latest submission of intermediate-report". */
    static String clockStart(Stage stage) {
        return stage.clockStart().chained()
                ? (stage.clockStart().fromLatestSubmission() ? "latest submission of " : "submission of ") + stage.clockStart().afterStage()
                : stage.clockStart().rollWords() + "timeline." + stage.clockStart().event()
                        + (stage.clockStart().fallback() == null ? "" : " (else timeline." + stage.clockStart().fallback() + ")");
    }

    /** A condition in words: "role cra-manufacturer; event.kind = vulnerability; event.activelyExploited". */
    static String describe(Condition c) {
        List<String> parts = new ArrayList<>();
        if (!c.roleAny().isEmpty()) {
            parts.add("role " + String.join(" or ", c.roleAny()));
        }
        if (!c.roleNone().isEmpty()) {
            parts.add("not role " + String.join(", ", c.roleNone()));
        }
        if (c.eventKind() != null) {
            parts.add("event.kind includes " + c.eventKind());
        }
        if (c.eventFlag() != null) {
            parts.add("event." + c.eventFlag());
        }
        if (!c.eventFlagNone().isEmpty()) {
            parts.add("not " + String.join(", not ", c.eventFlagNone().stream().map(f -> "event." + f).toList()));
        }
        if (c.individualsAtLeast() != null) {
            parts.add("event.affectedIndividuals >= " + c.individualsAtLeast());
        }
        if (c.individualsBelow() != null) {
            parts.add("event.affectedIndividuals < " + c.individualsBelow());
        }
        if (c.residentsOfOneJurisdictionAbove() != null) {
            parts.add("more than " + c.residentsOfOneJurisdictionAbove() + " residents of one jurisdiction (event.affectedResidents)");
        }
        if (c.timelineSet() != null) {
            parts.add("timeline." + c.timelineSet() + " recorded");
        }
        if (!c.anyOf().isEmpty()) {
            parts.add("any of (" + String.join(" | ", c.anyOf().stream().map(FrameworkWords::describe).toList()) + ")");
        }
        return String.join("; ", parts);
    }
}
