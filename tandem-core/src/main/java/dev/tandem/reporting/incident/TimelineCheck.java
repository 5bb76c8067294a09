package dev.tandem.reporting.incident;

import dev.tandem.reporting.catalog.ClockStart;
import dev.tandem.reporting.catalog.Framework;
import dev.tandem.reporting.catalog.ReportingCatalog;
import dev.tandem.reporting.catalog.Stage;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Finds impossible and doubtful timelines. Impossible (errors): an event that presupposes
 * awareness recorded before awareAt; a submission before its stage's clock started. Doubtful
 * (warnings): no awareAt at all, a fix available before awareness, discovery after awareness, a
 * stage submitted twice, a classification or materiality decision recorded while the event's
 * flag says false, a fix recorded for an incident.
 */
final class TimelineCheck {

    /** Events that cannot happen before the entity is aware of the incident. */
    private static final List<String> AFTER_AWARENESS = List.of("reasonableBeliefAt", "determinedAt", "classifiedMajorAt",
            "materialityDeterminedAt", "ransomPaidAt");

    private final ReportingCatalog catalog;
    private final IncidentRecord record;
    private final List<RecordIssue> errors;
    private final List<RecordIssue> warnings;

    TimelineCheck(ReportingCatalog catalog, IncidentRecord record, List<RecordIssue> errors, List<RecordIssue> warnings) {
        this.catalog = catalog;
        this.record = record;
        this.errors = errors;
        this.warnings = warnings;
    }

    void run() {
        Timeline timeline = record.timeline();
        Optional<OffsetDateTime> aware = timeline.get("awareAt");
        if (aware.isEmpty()) {
            warnings.add(RecordIssue.warning("/timeline/awareAt", "missing: every stage counted from awareness waits for it"));
        } else {
            for (String event : AFTER_AWARENESS) {
                timeline.get(event).filter(at -> at.isBefore(aware.get())).ifPresent(at -> errors.add(RecordIssue.error(
                        "/timeline/" + event, event + " " + at + " is before awareAt " + aware.get() + ": impossible")));
            }
            timeline.get("correctiveMeasureAvailableAt").filter(at -> at.isBefore(aware.get())).ifPresent(at -> warnings.add(
                    RecordIssue.warning("/timeline/correctiveMeasureAvailableAt", "a fix available before awareness: "
                            + "the final report's clock then started before awareness; check the date")));
            timeline.get("discoveredAt").filter(at -> at.isAfter(aware.get())).ifPresent(at -> warnings.add(
                    RecordIssue.warning("/timeline/discoveredAt", "discovery recorded after awareness; check the date")));
        }
        flagWithoutEvent("classifiedMajorAt", "major");
        flagWithoutEvent("materialityDeterminedAt", "material");
        if (timeline.get("correctiveMeasureAvailableAt").isPresent() && record.event().hasKind("incident")
                && !record.event().hasKind("vulnerability")) {
            warnings.add(RecordIssue.warning("/timeline/correctiveMeasureAvailableAt", "recorded for an incident: only the CRA "
                    + "final report for a vulnerability (event.kind vulnerability) runs from it"));
        }
        timeline.get("ransomDemandedAt").ifPresent(demanded -> timeline.get("ransomPaidAt")
                .filter(paid -> paid.isBefore(demanded)).ifPresent(paid -> errors.add(RecordIssue.error(
                        "/timeline/ransomPaidAt", "ransomPaidAt " + paid + " is before ransomDemandedAt " + demanded + ": impossible"))));
        Set<String> seen = new HashSet<>();
        Set<String> repeatable = repeatableStages();
        for (Submission submission : record.submissions()) {
            String key = submission.framework() + "/" + submission.stage();
            if (!seen.add(key) && !repeatable.contains(key)) {
                warnings.add(RecordIssue.warning(submission.path(), "second submission of " + submission.framework() + " "
                        + submission.stage() + ": the earliest one counts"));
            }
            Framework framework = catalog.framework(submission.framework()).orElseThrow();
            Stage stage = framework.stage(submission.stage()).orElseThrow();
            clockStartOf(framework, stage.clockStart()).filter(start -> submission.at().isBefore(start.at())).ifPresent(start ->
                    errors.add(RecordIssue.error(submission.path() + "/at", "submitted " + submission.at() + ", before its clock started ("
                            + start.what() + " " + start.at() + "): impossible")));
        }
    }

    /** A decision recorded in the timeline contradicts the event's flag: one of the two is probably wrong. */
    private void flagWithoutEvent(String event, String flag) {
        if (record.timeline().get(event).isPresent() && record.event().flags().containsKey(flag) && !record.event().flag(flag)) {
            warnings.add(RecordIssue.warning("/event/" + flag, "event." + flag + " is false but timeline." + event
                    + " is recorded: the rules that need event." + flag + " do not apply; check which is right"));
        }
    }

    /** Stages a later stage chains on by their latest submission: updates of them are expected, not doubtful. */
    private Set<String> repeatableStages() {
        Set<String> repeatable = new HashSet<>();
        for (Framework framework : catalog.frameworks()) {
            for (Stage stage : framework.stages()) {
                if (stage.clockStart().chained() && stage.clockStart().fromLatestSubmission()) {
                    repeatable.add(framework.id() + "/" + stage.clockStart().afterStage());
                }
            }
        }
        return repeatable;
    }

    private record Start(String what, OffsetDateTime at) {
    }

    private Optional<Start> clockStartOf(Framework framework, ClockStart clock) {
        if (clock.chained()) {
            return record.submission(framework.id(), clock.afterStage())
                    .map(earlier -> new Start("submission of " + clock.afterStage(), earlier.at()));
        }
        Optional<OffsetDateTime> at = record.timeline().get(clock.event());
        if (at.isPresent()) {
            return Optional.of(new Start(clock.event(), at.get()));
        }
        return clock.fallback() == null ? Optional.empty()
                : record.timeline().get(clock.fallback()).map(t -> new Start(clock.fallback(), t));
    }
}
