package dev.tandem.reporting.obligation;

import dev.tandem.reporting.catalog.ApplicabilityRule;
import dev.tandem.reporting.catalog.Cap;
import dev.tandem.reporting.catalog.ClockStart;
import dev.tandem.reporting.catalog.FieldDefinition;
import dev.tandem.reporting.catalog.Framework;
import dev.tandem.reporting.catalog.PeriodVariant;
import dev.tandem.reporting.catalog.ReportingCatalog;
import dev.tandem.reporting.catalog.Stage;
import dev.tandem.reporting.catalog.StageField;
import dev.tandem.reporting.catalog.StagePeriod;
import dev.tandem.reporting.deadline.BusinessCalendar;
import dev.tandem.reporting.deadline.LegalLimit;
import dev.tandem.reporting.deadline.LegalLimits;
import dev.tandem.reporting.deadline.PeriodArithmetic;
import dev.tandem.reporting.incident.IncidentReadResult;
import dev.tandem.reporting.incident.IncidentRecord;
import dev.tandem.reporting.incident.RecordIssue;
import dev.tandem.reporting.incident.Submission;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Computes every obligation of an incident record at an instant. Submissions recorded after the
 * instant are treated as not yet made (the evaluation is "as of" that instant) and reported as a
 * warning.
 */
public final class ObligationEngine {

    /** The default due-soon window. */
    public static final Duration DEFAULT_DUE_SOON = Duration.ofHours(24);

    private final ReportingCatalog catalog;
    private final Map<String, BusinessCalendar> calendars = new HashMap<>();

    public ObligationEngine(ReportingCatalog catalog) {
        this.catalog = catalog;
        catalog.calendars().forEach(c -> calendars.put(c.id(), new BusinessCalendar(c)));
    }

    public ReportingCatalog catalog() {
        return catalog;
    }

    public BusinessCalendar calendar(String id) {
        BusinessCalendar calendar = calendars.get(id);
        if (calendar == null) {
            throw new IllegalStateException("unknown calendar " + id);
        }
        return calendar;
    }

    public ObligationResult evaluate(IncidentReadResult read, Instant at, Duration dueSoon) {
        List<RecordIssue> issues = new ArrayList<>(read.issues());
        IncidentRecord record = asOf(read.record(), at, issues);
        read.record().timeline().events().forEach((event, time) -> {
            if (time.toInstant().isAfter(at)) {
                issues.add(RecordIssue.warning("/timeline/" + event, event + " is after the evaluation instant " + at));
            }
        });
        List<FrameworkAssessment> assessments = new ArrayList<>();
        List<Obligation> obligations = new ArrayList<>();
        for (Framework framework : catalog.frameworks()) {
            List<RuleCheck> checks = new ArrayList<>();
            boolean applies = true;
            for (ApplicabilityRule rule : framework.applicability()) {
                boolean met = Conditions.holds(rule.when(), record);
                checks.add(new RuleCheck(rule.id(), rule.text(), met, rule.source(), rule.confidence()));
                applies &= met;
            }
            GoverningZone zone = GoverningZone.of(framework, record.entity(), catalog);
            boolean inForce = framework.inForce().on(firstClockStart(framework, record).orElse(at).atZone(zone.zone()).toLocalDate());
            List<String> notApplicable = new ArrayList<>();
            if (applies) {
                Map<String, Obligation> done = new LinkedHashMap<>();
                for (Stage stage : framework.stages()) {
                    if (stage.when() != null && !Conditions.holds(stage.when(), record)) {
                        notApplicable.add(stage.id());
                        if (Conditions.undecided(stage.when(), record)) {
                            String missing = String.join(" and ", Conditions.missingCounts(stage.when(), record));
                            issues.add(RecordIssue.warning("/event", framework.id() + " " + stage.id() + " (" + stage.name()
                                    + ", " + stage.source() + ") depends on " + missing + ", which the record does not give: "
                                    + "it is not listed until the number is recorded"));
                        }
                        continue;
                    }
                    Obligation obligation = stage(framework, stage, record, zone, inForce, at, dueSoon, done);
                    done.put(stage.id(), obligation);
                    obligations.add(obligation);
                }
            }
            assessments.add(new FrameworkAssessment(framework, applies, inForce, checks, notApplicable,
                    zone.zone().getId(), zone.reason()));
        }
        unusedSubmissions(record, assessments, issues);
        issues.addAll(new FlagEffects(catalog).check(record));
        List<String> order = catalog.frameworks().stream().map(Framework::id).toList();
        // Dated stages by due; then those owed without a fixed period, then those still waiting.
        obligations.sort(Comparator.comparing(Obligation::due, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(o -> o.status() == Status.ASAP ? 0 : 1)
                .thenComparing(o -> order.indexOf(o.framework())));
        return new ObligationResult(record.source(), at, assessments, obligations, issues,
                catalog.roleHierarchy().expand(record.entity().roles()));
    }

    /** A submission for a framework or stage the record does not owe is reported, never silently dropped. */
    private static void unusedSubmissions(IncidentRecord record, List<FrameworkAssessment> assessments, List<RecordIssue> issues) {
        for (Submission submission : record.submissions()) {
            assessments.stream().filter(a -> a.framework().id().equals(submission.framework())).findFirst().ifPresent(a -> {
                if (!a.applies()) {
                    issues.add(RecordIssue.warning(submission.path(), "submission for " + submission.framework()
                            + ", which does not apply to this record (an applicability rule is not met): not used"));
                } else if (a.stagesNotApplicable().contains(submission.stage())) {
                    issues.add(RecordIssue.warning(submission.path(), "submission for " + submission.framework() + " "
                            + submission.stage() + ", a stage this record does not owe (its condition is not met): not used"));
                }
            });
        }
    }

    /** The record without the submissions made after {@code at}. */
    private static IncidentRecord asOf(IncidentRecord record, Instant at, List<RecordIssue> issues) {
        List<Submission> known = new ArrayList<>();
        for (Submission submission : record.submissions()) {
            if (submission.at().toInstant().isAfter(at)) {
                issues.add(RecordIssue.warning(submission.path(), "submitted after the evaluation instant " + at
                        + ": not counted as submitted"));
            } else {
                known.add(submission);
            }
        }
        return new IncidentRecord(record.source(), record.entity(), record.event(), record.timeline(), known, record.document());
    }

    /** The earliest clock-start event of a framework's own stages: the date its in-force test uses. */
    private static Optional<Instant> firstClockStart(Framework framework, IncidentRecord record) {
        return framework.stages().stream()
                .map(Stage::clockStart)
                .filter(c -> !c.chained())
                .map(c -> record.timeline().get(c.event()).or(() -> Optional.ofNullable(c.fallback()).flatMap(record.timeline()::get)))
                .flatMap(Optional::stream)
                .map(OffsetDateTime::toInstant)
                .min(Comparator.naturalOrder());
    }

    private Obligation stage(Framework framework, Stage stage, IncidentRecord record, GoverningZone zone, boolean inForce,
            Instant at, Duration dueSoon, Map<String, Obligation> earlier) {
        ClockStart clock = stage.clockStart();
        Instant start = null;
        String startEvent;
        boolean provisional = false;
        String waitingFor = null;
        if (clock.chained()) {
            Optional<Submission> submitted = clock.fromLatestSubmission()
                    ? record.latestSubmission(framework.id(), clock.afterStage())
                    : record.submission(framework.id(), clock.afterStage());
            Obligation previous = earlier.get(clock.afterStage());
            startEvent = (clock.fromLatestSubmission() ? "latest submission of " : "submission of ") + clock.afterStage();
            if (submitted.isPresent()) {
                start = submitted.get().at().toInstant();
            } else if (previous != null && previous.due() != null) {
                start = previous.due();
                provisional = true;
                startEvent = "due of " + clock.afterStage() + " (provisional: no submission recorded)";
            } else {
                waitingFor = previous != null && previous.waitingFor() != null
                        ? "submission of " + clock.afterStage() + ", which waits for " + previous.waitingFor()
                        : "submission of " + clock.afterStage();
            }
        } else {
            startEvent = "timeline." + clock.event();
            Optional<OffsetDateTime> event = record.timeline().get(clock.event());
            if (event.isEmpty() && clock.fallback() != null) {
                event = record.timeline().get(clock.fallback());
                startEvent = "timeline." + clock.fallback() + " (no timeline." + clock.event() + " recorded)";
            }
            if (event.isPresent()) {
                start = event.get().toInstant();
            } else {
                waitingFor = "timeline." + clock.event();
            }
        }
        if (start != null && clock.startOf() != null) {
            start = rolled(start, clock.startOf(), zone.zone());
            startEvent = clock.rollWords() + startEvent;
        }
        BusinessCalendar calendar = calendar(framework.calendar());
        PeriodVariant variant = null;
        StagePeriod period = stage.period();
        Instant due = null;
        LegalLimit legalLimit = null;
        if (start != null && period.fixed()) {
            due = PeriodArithmetic.add(start, period, zone.zone(), calendar);
            for (PeriodVariant candidate : stage.variants()) {
                if (Conditions.holds(candidate.when(), record)) {
                    Instant candidateDue = PeriodArithmetic.add(start, candidate.period(), zone.zone(), calendar);
                    if (candidateDue.isBefore(due)) {
                        due = candidateDue;
                        period = candidate.period();
                        variant = candidate;
                    }
                }
            }
        } else if (start == null) {
            variant = stage.variants().stream().filter(v -> Conditions.holds(v.when(), record)).findFirst().orElse(null);
            period = variant == null ? period : variant.period();
        }
        String countedAs = period.describe() + countingWords(stage, period, zone.zone(), calendar)
                + (variant == null ? "" : " (" + variant.text() + ", " + variant.source() + " " + variant.confidence().tag() + ")");
        if (due != null) {
            Cap cap = stage.cap();
            if (cap != null) {
                Optional<OffsetDateTime> capEvent = record.timeline().get(cap.event());
                if (capEvent.isPresent()) {
                    Instant capDue = PeriodArithmetic.add(capEvent.get().toInstant(), cap.period(), zone.zone(), calendar);
                    if (!start.isAfter(capDue) && capDue.isBefore(due)) {
                        due = capDue;
                        countedAs = cap.period().describe() + " from timeline." + cap.event() + " (" + cap.source() + ")";
                    }
                }
            }
            Instant dueFinal = due;
            Instant startFinal = start;
            StagePeriod periodFinal = period;
            legalLimit = catalog.countingRule(framework.countingRule())
                    .flatMap(rule -> LegalLimits.of(rule, stage.id(), record.entity().effectiveRoles(), startFinal, dueFinal,
                            periodFinal, zone.zone(), this::calendar))
                    .orElse(null);
        }
        Optional<Submission> submission = record.submission(framework.id(), stage.id());
        Status status;
        if (submission.isPresent()) {
            status = Status.SUBMITTED;
        } else if (start != null && !period.fixed()) {
            status = Status.ASAP;
        } else if (due == null) {
            status = Status.WAITING;
        } else if (at.isAfter(due)) {
            status = Status.OVERDUE;
        } else if (!due.isAfter(at.plus(dueSoon))) {
            status = Status.DUE_SOON;
        } else {
            status = Status.PENDING;
        }
        Instant submittedAt = submission.map(s -> s.at().toInstant()).orElse(null);
        boolean late = submittedAt != null && due != null && submittedAt.isAfter(due);
        return new Obligation(framework.id(), framework.name(), stage.id(), stage.name(), start, startEvent, provisional,
                countedAs, due, legalLimit, waitingFor, inForce, status, submittedAt, late,
                fill(stage.recipient(), record), stage.channel(), fields(stage, record, late || status == Status.OVERDUE),
                stage.source(), stage.confidence(),
                zone.zone().getId(), variant);
    }

    /** The start of the next calendar day or year after {@code at}, in {@code zone}. */
    private static Instant rolled(Instant at, String startOf, ZoneId zone) {
        java.time.LocalDate day = at.atZone(zone).toLocalDate();
        java.time.LocalDate next = ClockStart.NEXT_DAY.equals(startOf) ? day.plusDays(1) : day.withDayOfYear(1).plusYears(1);
        return next.atStartOfDay(zone).toInstant();
    }

    private static String countingWords(Stage stage, StagePeriod period, ZoneId zone, BusinessCalendar calendar) {
        return switch (period.basis()) {
            case HOURS -> " (DST changes included)";
            case DAYS, MONTHS -> " in " + zone.getId() + (period.basis() == dev.tandem.reporting.catalog.TimeBasis.MONTHS
                    ? ", month ends clamped" : "");
            case BUSINESS_DAYS -> " in " + zone.getId() + ", skipping " + calendar.definition().name();
            case ASAP -> "";
        } + " from " + (stage.clockStart().chained()
                ? (stage.clockStart().fromLatestSubmission() ? "latest submission of " : "submission of ") + stage.clockStart().afterStage()
                : stage.clockStart().rollWords() + "timeline." + stage.clockStart().event());
    }

    private static String fill(String recipient, IncidentRecord record) {
        String state = record.entity().euMainEstablishment();
        return recipient.replace("{euMainEstablishment}", state == null ? "Member State of the main establishment" : state);
    }

    private List<FieldCheck> fields(Stage stage, IncidentRecord record, boolean late) {
        List<FieldCheck> checks = new ArrayList<>();
        for (StageField required : stage.fields()) {
            if (!required.owed(late)) {
                continue;
            }
            FieldDefinition field = catalog.field(required.field()).orElseThrow();
            checks.add(new FieldCheck(field.id(), field.label(), field.recordPath(),
                    record.valueAt(field.recordPath()).isPresent(), required.condition(), required.source(),
                    required.confidence()));
        }
        return checks;
    }
}
