package dev.tandem.reporting.obligation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.reporting.catalog.CatalogLoader;
import dev.tandem.reporting.incident.IncidentReadResult;
import dev.tandem.reporting.incident.IncidentReader;
import dev.tandem.reporting.incident.RecordIssue;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

/**
 * Deadline edges checked by hand against the research reference during review: the nights before
 * the EU and US DST changes, the SEC clock across Thanksgiving, the NIS2 month-end clamp, DORA's
 * final report after the latest intermediate report, and submissions the record does not owe.
 */
class ReviewEdgeCasesTest {

    private final ObligationEngine engine = new ObligationEngine(CatalogLoader.bundled());
    private final IncidentReader reader = new IncidentReader(CatalogLoader.bundled());

    private ObligationResult run(String json, String at) throws Exception {
        IncidentReadResult read = reader.read("incident.json", json);
        return engine.evaluate(read, OffsetDateTime.parse(at).toInstant(), ObligationEngine.DEFAULT_DUE_SOON);
    }

    private static Instant instant(String text) {
        return OffsetDateTime.parse(text).toInstant();
    }

    private static Obligation find(ObligationResult result, String framework, String stage) {
        return result.obligations().stream().filter(o -> o.framework().equals(framework) && o.stage().equals(stage))
                .findFirst().orElseThrow(() -> new AssertionError("no obligation " + framework + "/" + stage));
    }

    private static String record(String zone, String roles, String event, String timeline, String submissions) {
        return """
                {"entity": {"name": "Acme", "timeZone": "%s", "euMainEstablishment": "DE", "roles": [%s]},
                 "event": {%s}, "timeline": {%s}, "submissions": [%s]}
                """.formatted(zone, roles, event, timeline, submissions);
    }

    @Test
    void euSpringChangeNightBeforeCountsElapsedHoursAndCalendarDays() throws Exception {
        // 23:30 CET on Sat 27 March 2027; clocks go forward at 02:00 on Sun 28 March.
        ObligationResult result = run(record("Europe/Berlin", "\"cra-manufacturer\", \"gdpr-controller\"",
                "\"kind\": \"vulnerability\", \"activelyExploited\": true, \"personalDataBreach\": true",
                "\"awareAt\": \"2027-03-27T23:30:00+01:00\", \"correctiveMeasureAvailableAt\": \"2027-03-28T10:00:00+02:00\"", ""),
                "2027-03-28T12:00:00Z");
        Obligation early = find(result, "eu-cra-vulnerability", "early-warning");
        assertThat(early.due()).isEqualTo(instant("2027-03-29T00:30:00+02:00"));
        assertThat(early.legalLimit().at()).isEqualTo(instant("2027-03-29T01:00:00+02:00"));
        assertThat(find(result, "eu-cra-vulnerability", "notification").due()).isEqualTo(instant("2027-03-31T00:30:00+02:00"));
        assertThat(find(result, "eu-gdpr", "notification").due()).isEqualTo(instant("2027-03-31T00:30:00+02:00"));
        // 14 calendar days keep the local time: Sun 11 April 10:00 CEST; Art 3(4) to the end of Monday 12 April.
        Obligation finalReport = find(result, "eu-cra-vulnerability", "final-report");
        assertThat(finalReport.due()).isEqualTo(instant("2027-04-11T10:00:00+02:00"));
        assertThat(finalReport.legalLimit().at()).isEqualTo(instant("2027-04-13T00:00:00+02:00"));
    }

    @Test
    void usSpringChangeNightBeforeCountsElapsedHours() throws Exception {
        // 23:30 EST on Sat 7 March 2026; clocks go forward at 02:00 on Sun 8 March.
        ObligationResult result = run(record("America/New_York", "\"nydfs-covered\", \"dfars-contractor\", \"nerc-registered\"",
                "\"kind\": \"incident\"", "\"awareAt\": \"2026-03-07T23:30:00-05:00\", \"discoveredAt\": \"2026-03-07T23:30:00-05:00\", "
                        + "\"determinedAt\": \"2026-03-08T01:30:00-05:00\"", ""), "2026-03-08T12:00:00Z");
        assertThat(find(result, "us-nerc-cip-008", "initial-notification").due()).isEqualTo(instant("2026-03-08T03:30:00-04:00"));
        assertThat(find(result, "us-dfars", "report").due()).isEqualTo(instant("2026-03-11T00:30:00-04:00"));
        assertThat(find(result, "us-nydfs", "notification").due()).isEqualTo(instant("2026-03-11T02:30:00-04:00"));
    }

    @Test
    void secMaterialityOnTheWednesdayBeforeThanksgivingSkipsTheHolidayAndTheWeekend() throws Exception {
        ObligationResult result = run(record("America/New_York", "\"sec-registrant\"", "\"kind\": \"incident\", \"material\": true",
                "\"awareAt\": \"2026-11-20T09:00:00-05:00\", \"materialityDeterminedAt\": \"2026-11-25T10:00:00-05:00\"", ""),
                "2026-11-25T16:00:00Z");
        // Thu 26 Thanksgiving (holiday); Fri 27 = 1, Mon 30 = 2, Tue 1 Dec = 3, Wed 2 Dec = 4.
        Obligation form = find(result, "us-sec-8k", "form-8k");
        assertThat(form.due()).isEqualTo(instant("2026-12-02T10:00:00-05:00"));
        assertThat(form.legalLimit().at()).isEqualTo(instant("2026-12-03T00:00:00-05:00"));
        assertThat(form.status()).isEqualTo(Status.PENDING);
    }

    @Test
    void nis2FinalReportClampsToTheEndOfFebruary() throws Exception {
        String submitted = "{\"framework\": \"eu-nis2\", \"stage\": \"notification\", \"at\": \"2027-01-31T18:00:00+01:00\"}";
        ObligationResult result = run(record("Europe/Berlin", "\"nis2-essential\"", "\"kind\": \"incident\", \"significant\": true",
                "\"awareAt\": \"2027-01-31T10:00:00+01:00\"", submitted), "2027-02-01T12:00:00Z");
        Obligation finalReport = find(result, "eu-nis2", "final-report");
        assertThat(finalReport.provisional()).isFalse();
        assertThat(finalReport.due()).isEqualTo(instant("2027-02-28T18:00:00+01:00"));
        // Not recorded: provisional from the notification's due (Wed 3 Feb 10:00) + 1 month.
        ObligationResult provisional = run(record("Europe/Berlin", "\"nis2-essential\"", "\"kind\": \"incident\", \"significant\": true",
                "\"awareAt\": \"2027-01-31T10:00:00+01:00\"", ""), "2027-02-01T12:00:00Z");
        assertThat(find(provisional, "eu-nis2", "final-report").provisional()).isTrue();
        assertThat(find(provisional, "eu-nis2", "final-report").due()).isEqualTo(instant("2027-03-03T10:00:00+01:00"));
    }

    @Test
    void doraFinalReportRunsFromTheLatestIntermediateReport() throws Exception {
        String submissions = """
                {"framework": "eu-dora", "stage": "initial-notification", "at": "2026-11-18T12:30:00Z"},
                {"framework": "eu-dora", "stage": "intermediate-report", "at": "2026-11-20T09:00:00Z"},
                {"framework": "eu-dora", "stage": "intermediate-report", "at": "2026-11-26T15:00:00Z"}""";
        ObligationResult result = run(record("Europe/Berlin", "\"dora-financial-entity\"", "\"kind\": \"incident\", \"major\": true",
                "\"awareAt\": \"2026-11-18T08:00:00Z\", \"classifiedMajorAt\": \"2026-11-18T10:00:00Z\"", submissions),
                "2026-11-27T00:00:00Z");
        Obligation intermediate = find(result, "eu-dora", "intermediate-report");
        assertThat(intermediate.submittedAt()).isEqualTo(instant("2026-11-20T09:00:00Z"));
        assertThat(intermediate.late()).isFalse();
        Obligation finalReport = find(result, "eu-dora", "final-report");
        assertThat(finalReport.clockStart()).isEqualTo(instant("2026-11-26T15:00:00Z"));
        assertThat(finalReport.clockStartEvent()).isEqualTo("latest submission of intermediate-report");
        assertThat(finalReport.due()).isEqualTo(instant("2026-12-26T16:00:00+01:00"));
        // Updated intermediate reports are expected: no "second submission" warning.
        assertThat(result.issues()).extracting(RecordIssue::message).noneMatch(m -> m.contains("second submission"));
        // Evaluated before the update, the first intermediate report starts the final report.
        ObligationResult before = run(record("Europe/Berlin", "\"dora-financial-entity\"", "\"kind\": \"incident\", \"major\": true",
                "\"awareAt\": \"2026-11-18T08:00:00Z\", \"classifiedMajorAt\": \"2026-11-18T10:00:00Z\"", submissions),
                "2026-11-21T00:00:00Z");
        assertThat(find(before, "eu-dora", "final-report").clockStart()).isEqualTo(instant("2026-11-20T09:00:00Z"));
    }

    @Test
    void aSecondSubmissionOfANonRepeatableStageIsStillAWarning() throws Exception {
        String submissions = """
                {"framework": "eu-nis2", "stage": "notification", "at": "2026-11-19T09:00:00Z"},
                {"framework": "eu-nis2", "stage": "notification", "at": "2026-11-20T09:00:00Z"}""";
        ObligationResult result = run(record("Europe/Berlin", "\"nis2-essential\"", "\"kind\": \"incident\", \"significant\": true",
                "\"awareAt\": \"2026-11-18T08:00:00Z\"", submissions), "2026-11-21T00:00:00Z");
        assertThat(result.issues()).extracting(RecordIssue::path).contains("/submissions/1");
        assertThat(find(result, "eu-nis2", "final-report").clockStart()).isEqualTo(instant("2026-11-19T09:00:00Z"));
    }

    @Test
    void submissionsForFrameworksOrStagesTheRecordDoesNotOweAreReported() throws Exception {
        String submissions = """
                {"framework": "eu-nis2", "stage": "notification", "at": "2026-11-19T09:00:00Z"},
                {"framework": "us-nydfs", "stage": "extortion-payment-notice", "at": "2026-11-19T09:00:00Z"}""";
        ObligationResult result = run(record("Europe/Berlin", "\"nydfs-covered\"", "\"kind\": \"incident\"",
                "\"awareAt\": \"2026-11-18T08:00:00Z\", \"determinedAt\": \"2026-11-18T09:00:00Z\"", submissions),
                "2026-11-21T00:00:00Z");
        assertThat(result.issues()).filteredOn(i -> i.path().equals("/submissions/0")).singleElement()
                .satisfies(i -> assertThat(i.message()).contains("eu-nis2").contains("does not apply"));
        assertThat(result.issues()).filteredOn(i -> i.path().equals("/submissions/1")).singleElement()
                .satisfies(i -> assertThat(i.message()).contains("extortion-payment-notice").contains("does not owe"));
    }

    @Test
    void theMemberStateZoneIsShownAsAnUnconfirmedTandemChoice() throws Exception {
        ObligationResult result = run(record("Europe/Berlin", "\"nis2-essential\"", "\"kind\": \"incident\", \"significant\": true",
                "\"awareAt\": \"2026-11-18T08:00:00Z\"", ""), "2026-11-21T00:00:00Z");
        FrameworkAssessment nis2 = result.frameworks().stream().filter(a -> a.framework().id().equals("eu-nis2")).findFirst().orElseThrow();
        assertThat(nis2.timeZoneReason()).contains("(DE)").contains("[U: UNCONFIRMED]");
    }

    @Test
    void aLateGdprNotificationOwesTheReasonsForTheDelay() throws Exception {
        String json = record("Europe/Berlin", "\"gdpr-controller\"", "\"kind\": \"incident\", \"personalDataBreach\": true",
                "\"awareAt\": \"2026-11-18T08:00:00Z\"", "");
        assertThat(find(run(json, "2026-11-19T00:00:00Z"), "eu-gdpr", "notification").missingFields()).doesNotContain("meta.delay_reasons");
        Obligation overdue = find(run(json, "2026-11-22T00:00:00Z"), "eu-gdpr", "notification");
        assertThat(overdue.status()).isEqualTo(Status.OVERDUE);
        assertThat(overdue.missingFields()).contains("meta.delay_reasons");
        String late = record("Europe/Berlin", "\"gdpr-controller\"", "\"kind\": \"incident\", \"personalDataBreach\": true",
                "\"awareAt\": \"2026-11-18T08:00:00Z\"",
                "{\"framework\": \"eu-gdpr\", \"stage\": \"notification\", \"at\": \"2026-11-21T10:00:00Z\"}");
        Obligation submittedLate = find(run(late.replace("}]}", "}], \"content\": {\"delayReasons\": \"forensics\"}}"),
                "2026-11-22T00:00:00Z"), "eu-gdpr", "notification");
        assertThat(submittedLate.late()).isTrue();
        assertThat(submittedLate.fields()).extracting(FieldCheck::id).contains("meta.delay_reasons");
        assertThat(submittedLate.missingFields()).doesNotContain("meta.delay_reasons");
    }

    @Test
    void decisionsThatContradictTheEventFlagsAreReported() throws Exception {
        ObligationResult result = run(record("Europe/Berlin", "\"dora-financial-entity\", \"sec-registrant\"",
                "\"kind\": \"incident\", \"major\": false, \"material\": false",
                "\"awareAt\": \"2026-11-18T08:00:00Z\", \"classifiedMajorAt\": \"2026-11-18T10:00:00Z\", "
                        + "\"materialityDeterminedAt\": \"2026-11-19T10:00:00Z\", \"correctiveMeasureAvailableAt\": \"2026-11-19T10:00:00Z\"", ""),
                "2026-11-21T00:00:00Z");
        assertThat(result.issues()).extracting(RecordIssue::path)
                .contains("/event/major", "/event/material", "/timeline/correctiveMeasureAvailableAt");
        ObligationResult consistent = run(record("Europe/Berlin", "\"dora-financial-entity\"", "\"kind\": \"incident\", \"major\": true",
                "\"awareAt\": \"2026-11-18T08:00:00Z\", \"classifiedMajorAt\": \"2026-11-18T10:00:00Z\"", ""), "2026-11-21T00:00:00Z");
        assertThat(consistent.issues()).isEmpty();
    }
}
