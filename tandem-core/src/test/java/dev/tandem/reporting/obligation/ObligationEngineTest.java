package dev.tandem.reporting.obligation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.input.InputDocument;
import dev.tandem.reporting.catalog.CatalogLoader;
import dev.tandem.reporting.incident.IncidentReadResult;
import dev.tandem.reporting.incident.IncidentReader;
import dev.tandem.reporting.incident.RecordIssue;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class ObligationEngineTest {

    private final ObligationEngine engine = new ObligationEngine(CatalogLoader.bundled());
    private final IncidentReader reader = new IncidentReader(CatalogLoader.bundled());

    private ObligationResult run(String json, String at) throws Exception {
        return engine.evaluate(reader.read("incident.json", json), instant(at), ObligationEngine.DEFAULT_DUE_SOON);
    }

    private ObligationResult runFile(String path, String at) throws Exception {
        return engine.evaluate(reader.read(InputDocument.read(Path.of(path))), instant(at), ObligationEngine.DEFAULT_DUE_SOON);
    }

    private static Instant instant(String text) {
        return OffsetDateTime.parse(text).toInstant();
    }

    private static Obligation find(ObligationResult result, String framework, String stage) {
        return result.obligations().stream().filter(o -> o.framework().equals(framework) && o.stage().equals(stage))
                .findFirst().orElseThrow(() -> new AssertionError("no obligation " + framework + "/" + stage));
    }

    private static FrameworkAssessment assessment(ObligationResult result, String framework) {
        return result.frameworks().stream().filter(a -> a.framework().id().equals(framework)).findFirst().orElseThrow();
    }

    private static String record(String roles, String event, String timeline, String submissions) {
        return """
                {"entity": {"name": "Acme", "timeZone": "Europe/Berlin", "euMainEstablishment": "DE", "roles": [%s]},
                 "event": {%s}, "timeline": {%s}, "submissions": [%s]}
                """.formatted(roles, event, timeline, submissions);
    }

    // --- CRA, actively exploited vulnerability -------------------------------------------------

    @Test
    void routerExampleStatusesMoveWithTheEvaluationInstant() throws Exception {
        String router = "../examples/incidents/router-exploited-vulnerability.json";
        ObligationResult morning = runFile(router, "2026-11-21T12:00:00Z");
        assertThat(find(morning, "eu-cra-vulnerability", "early-warning").status()).isEqualTo(Status.SUBMITTED);
        Obligation notification = find(morning, "eu-cra-vulnerability", "notification");
        assertThat(notification.due()).isEqualTo(instant("2026-11-23T23:30:00+01:00"));
        assertThat(notification.legalLimit().at()).isEqualTo(instant("2026-11-24T00:00:00+01:00"));
        assertThat(notification.status()).isEqualTo(Status.PENDING);
        assertThat(notification.recipient()).contains("(DE)").contains("ENISA");
        Obligation finalReport = find(morning, "eu-cra-vulnerability", "final-report");
        assertThat(finalReport.status()).isEqualTo(Status.WAITING);
        assertThat(finalReport.due()).isNull();
        assertThat(finalReport.waitingFor()).isEqualTo("timeline.correctiveMeasureAvailableAt");
        assertThat(finalReport.missingFields()).contains("vuln.description_severity_impact", "mitig.security_update_details");

        assertThat(find(runFile(router, "2026-11-23T00:00:00Z"), "eu-cra-vulnerability", "notification").status())
                .isEqualTo(Status.DUE_SOON);
        ObligationResult late = runFile(router, "2026-11-24T00:00:00Z");
        assertThat(find(late, "eu-cra-vulnerability", "notification").status()).isEqualTo(Status.OVERDUE);
        assertThat(late.overdue()).hasSize(1);
        assertThat(assessment(late, "us-sec-8k").applies()).isFalse();
    }

    @Test
    void earlyWarningAt2330BerlinIsDue2330NextDayWithALegalLimitAtMidnight() throws Exception {
        ObligationResult result = run(record("\"cra-manufacturer\"", "\"kind\": \"vulnerability\", \"activelyExploited\": true",
                "\"awareAt\": \"2026-11-20T23:30:00+01:00\"", ""), "2026-11-21T00:00:00Z");
        Obligation early = find(result, "eu-cra-vulnerability", "early-warning");
        assertThat(early.due()).isEqualTo(instant("2026-11-21T22:30:00Z"));
        assertThat(early.legalLimit().at()).isEqualTo(instant("2026-11-21T23:00:00Z"));
        assertThat(early.legalLimit().rules()).allSatisfy(r -> assertThat(r.source()).startsWith("Reg 1182/71"));
        assertThat(early.status()).isEqualTo(Status.DUE_SOON);
    }

    @Test
    void finalReportIsDatedOnceAFixIsAvailable() throws Exception {
        ObligationResult result = run(record("\"cra-manufacturer\"", "\"kind\": \"vulnerability\", \"activelyExploited\": true",
                "\"awareAt\": \"2026-11-20T23:30:00+01:00\", \"correctiveMeasureAvailableAt\": \"2026-11-25T10:00:00+01:00\"", ""),
                "2026-11-26T00:00:00Z");
        Obligation finalReport = find(result, "eu-cra-vulnerability", "final-report");
        assertThat(finalReport.due()).isEqualTo(instant("2026-12-09T10:00:00+01:00"));
        assertThat(finalReport.legalLimit().at()).isEqualTo(instant("2026-12-10T00:00:00+01:00"));
        assertThat(finalReport.status()).isEqualTo(Status.PENDING);
    }

    @Test
    void craDoesNotApplyBefore11September2026InTheGoverningZone() throws Exception {
        String before = record("\"cra-manufacturer\"", "\"kind\": \"vulnerability\", \"activelyExploited\": true",
                "\"awareAt\": \"2026-09-10T23:30:00+02:00\"", "");
        ObligationResult early = run(before, "2026-09-12T00:00:00Z");
        assertThat(find(early, "eu-cra-vulnerability", "early-warning").inForce()).isFalse();
        assertThat(early.overdue()).isEmpty();
        // 00:30 on 11 September in Berlin is still 10 September in UTC: Berlin's date counts.
        ObligationResult onTheDay = run(before.replace("2026-09-10T23:30:00+02:00", "2026-09-11T00:30:00+02:00"),
                "2026-09-12T00:00:00Z");
        assertThat(find(onTheDay, "eu-cra-vulnerability", "early-warning").inForce()).isTrue();
    }

    // --- CRA, severe incident: chaining ---------------------------------------------------------

    @Test
    void finalReportChainsOnTheRecordedNotification() throws Exception {
        ObligationResult result = run(record("\"cra-manufacturer\"", "\"kind\": \"incident\", \"severe\": true",
                "\"awareAt\": \"2026-01-29T09:00:00+01:00\"",
                "{\"framework\": \"eu-cra-incident\", \"stage\": \"notification\", \"at\": \"2026-01-31T15:00:00+01:00\"}"),
                "2026-02-01T00:00:00Z");
        Obligation finalReport = find(result, "eu-cra-incident", "final-report");
        assertThat(finalReport.provisional()).isFalse();
        assertThat(finalReport.clockStart()).isEqualTo(instant("2026-01-31T15:00:00+01:00"));
        assertThat(finalReport.due()).isEqualTo(instant("2026-02-28T15:00:00+01:00"));
        // 28 Feb 2026 is a Saturday: Art 3(4) extends to the end of Monday 2 March.
        assertThat(finalReport.legalLimit().at()).isEqualTo(instant("2026-03-03T00:00:00+01:00"));
        assertThat(find(result, "eu-cra-incident", "notification").status()).isEqualTo(Status.SUBMITTED);
    }

    @Test
    void withoutARecordedSubmissionTheFinalReportIsProvisionalFromTheNotificationDue() throws Exception {
        ObligationResult result = run(record("\"cra-manufacturer\"", "\"kind\": \"incident\", \"severe\": true",
                "\"awareAt\": \"2026-01-28T15:00:00+01:00\"", ""), "2026-02-01T00:00:00Z");
        Obligation finalReport = find(result, "eu-cra-incident", "final-report");
        assertThat(finalReport.provisional()).isTrue();
        assertThat(finalReport.clockStart()).isEqualTo(instant("2026-01-31T15:00:00+01:00"));
        assertThat(finalReport.due()).isEqualTo(instant("2026-02-28T15:00:00+01:00"));
        assertThat(finalReport.clockStartEvent()).contains("provisional");
    }

    // --- NIS2 -----------------------------------------------------------------------------------

    @Test
    void nis2FinalReportIsAMonthAfterTheNotificationInTheMemberStatesZone() throws Exception {
        ObligationResult result = run(record("\"nis2-essential\"", "\"kind\": \"incident\", \"significant\": true",
                "\"awareAt\": \"2026-03-27T10:00:00+01:00\"",
                "{\"framework\": \"eu-nis2\", \"stage\": \"notification\", \"at\": \"2026-03-29T10:00:00+02:00\"}"),
                "2026-03-30T00:00:00Z");
        // 72 h from Fri 27 March 10:00 CET crosses the spring change: Mon 30 March 11:00 CEST.
        assertThat(find(result, "eu-nis2", "notification").due()).isEqualTo(instant("2026-03-30T11:00:00+02:00"));
        assertThat(find(result, "eu-nis2", "final-report").due()).isEqualTo(instant("2026-04-29T10:00:00+02:00"));
        assertThat(assessment(result, "eu-nis2").timeZone()).isEqualTo("Europe/Berlin");
    }

    @Test
    void nis2GivesWayToDoraForFinancialEntities() throws Exception {
        ObligationResult result = run(record("\"nis2-essential\", \"dora-financial-entity\"",
                "\"kind\": \"incident\", \"significant\": true, \"major\": true",
                "\"awareAt\": \"2026-11-20T08:00:00Z\"", ""), "2026-11-20T09:00:00Z");
        FrameworkAssessment nis2 = assessment(result, "eu-nis2");
        assertThat(nis2.applies()).isFalse();
        assertThat(nis2.rules()).filteredOn(r -> r.id().equals("not-dora")).singleElement()
                .satisfies(r -> assertThat(r.met()).isFalse());
        assertThat(assessment(result, "eu-dora").applies()).isTrue();
    }

    // --- GDPR -----------------------------------------------------------------------------------

    @Test
    void gdpr72HoursAcrossTheAutumnChange() throws Exception {
        ObligationResult result = run(record("\"gdpr-controller\"", "\"kind\": \"incident\", \"personalDataBreach\": true",
                "\"awareAt\": \"2026-10-23T12:00:00+02:00\"", ""), "2026-10-23T12:00:00Z");
        assertThat(find(result, "eu-gdpr", "notification").due()).isEqualTo(instant("2026-10-26T11:00:00+01:00"));
    }

    // --- DORA -----------------------------------------------------------------------------------

    private ObligationResult dora(String classified, String submissions) throws Exception {
        return run(record("\"dora-financial-entity\"", "\"kind\": \"incident\", \"major\": true",
                "\"awareAt\": \"2026-11-18T08:00:00Z\"" + (classified == null ? "" : ", \"classifiedMajorAt\": \"" + classified + "\""),
                submissions), "2026-11-18T13:00:00Z");
    }

    @Test
    void doraInitialNotificationIsFourHoursAfterClassificationWithinTheDayOfAwareness() throws Exception {
        assertThat(find(dora("2026-11-18T10:00:00Z", ""), "eu-dora", "initial-notification").due())
                .isEqualTo(instant("2026-11-18T14:00:00Z"));
        // Classified at 06:00 the next day: 4 h would be 10:00, but 24 h after awareness (08:00) comes first.
        Obligation capped = find(dora("2026-11-19T06:00:00Z", ""), "eu-dora", "initial-notification");
        assertThat(capped.due()).isEqualTo(instant("2026-11-19T08:00:00Z"));
        assertThat(capped.countedAs()).contains("timeline.awareAt");
        // Classified more than 24 h after awareness: 4 h after classification.
        assertThat(find(dora("2026-11-20T08:00:00Z", ""), "eu-dora", "initial-notification").due())
                .isEqualTo(instant("2026-11-20T12:00:00Z"));
    }

    @Test
    void doraWaitsForClassificationAndChainsItsLaterStages() throws Exception {
        ObligationResult unclassified = dora(null, "");
        assertThat(find(unclassified, "eu-dora", "initial-notification").waitingFor()).isEqualTo("timeline.classifiedMajorAt");
        assertThat(find(unclassified, "eu-dora", "intermediate-report").status()).isEqualTo(Status.WAITING);
        assertThat(find(unclassified, "eu-dora", "final-report").waitingFor()).contains("submission of intermediate-report");

        ObligationResult chained = dora("2026-11-18T10:00:00Z",
                "{\"framework\": \"eu-dora\", \"stage\": \"initial-notification\", \"at\": \"2026-11-18T12:30:00Z\"}");
        Obligation intermediate = find(chained, "eu-dora", "intermediate-report");
        assertThat(intermediate.provisional()).isFalse();
        assertThat(intermediate.due()).isEqualTo(instant("2026-11-21T12:30:00Z"));
        // Sat 21 Nov: RTS 2025/301 Art 5(4) relief to 12:00 Monday for an ordinary financial entity.
        assertThat(intermediate.legalLimit().at()).isEqualTo(instant("2026-11-23T12:00:00+01:00"));
        Obligation finalReport = find(chained, "eu-dora", "final-report");
        assertThat(finalReport.provisional()).isTrue();
        assertThat(finalReport.due()).isEqualTo(instant("2026-12-21T13:30:00+01:00"));
    }

    // --- CIRCIA ---------------------------------------------------------------------------------

    @Test
    void circiaIsComputedButNotInForce() throws Exception {
        ObligationResult result = run(record("\"circia-covered\"", "\"kind\": \"incident\", \"substantial\": true",
                "\"awareAt\": \"2026-11-20T08:00:00-05:00\", \"reasonableBeliefAt\": \"2026-11-20T10:00:00-05:00\"", ""),
                "2026-11-25T00:00:00Z");
        Obligation report = find(result, "us-circia", "incident-report");
        assertThat(report.due()).isEqualTo(instant("2026-11-23T10:00:00-05:00"));
        assertThat(report.inForce()).isFalse();
        assertThat(report.status()).isEqualTo(Status.OVERDUE);
        assertThat(result.overdue()).as("not in force: never makes the command fail").isEmpty();
        assertThat(assessment(result, "us-circia").stagesNotApplicable()).containsExactly("ransom-payment-report");
    }

    @Test
    void aRansomPaymentAloneTriggersOnlyTheRansomReport() throws Exception {
        ObligationResult result = run(record("\"circia-covered\", \"nydfs-covered\"", "\"kind\": \"incident\"",
                "\"awareAt\": \"2026-10-19T08:00:00-04:00\", \"ransomPaidAt\": \"2026-10-20T10:00:00-04:00\"", ""),
                "2026-10-20T12:00:00Z");
        assertThat(assessment(result, "us-circia").stagesNotApplicable()).containsExactly("incident-report");
        assertThat(find(result, "us-circia", "ransom-payment-report").due()).isEqualTo(instant("2026-10-21T10:00:00-04:00"));
        // NYDFS: notice in 24 h, written justification in 30 days (across the US autumn change, same local time).
        assertThat(find(result, "us-nydfs", "extortion-payment-notice").due()).isEqualTo(instant("2026-10-21T10:00:00-04:00"));
        assertThat(find(result, "us-nydfs", "extortion-payment-justification").due()).isEqualTo(instant("2026-11-19T10:00:00-05:00"));
        assertThat(find(result, "us-nydfs", "notification").waitingFor()).isEqualTo("timeline.determinedAt");
    }

    // --- SEC ------------------------------------------------------------------------------------

    @Test
    void secCountsBusinessDaysInEasternTimeWhateverTheEntityZone() throws Exception {
        ObligationResult result = run(record("\"sec-registrant\"", "\"kind\": \"incident\", \"material\": true",
                "\"awareAt\": \"2026-11-20T08:00:00+01:00\", \"materialityDeterminedAt\": \"2026-11-24T22:00:00+01:00\"", ""),
                "2026-11-25T00:00:00Z");
        Obligation form = find(result, "us-sec-8k", "form-8k");
        assertThat(form.timeZone()).isEqualTo("America/New_York");
        // 16:00 New York on Tue 24 Nov: Wed 25, (Thanksgiving), Fri 27, Mon 30, Tue 1 Dec.
        assertThat(form.due()).isEqualTo(instant("2026-12-01T16:00:00-05:00"));
        assertThat(form.legalLimit().at()).isEqualTo(instant("2026-12-02T00:00:00-05:00"));
        assertThat(form.countedAs()).contains("US federal holidays");
    }

    // --- DFARS, NERC, HIPAA ---------------------------------------------------------------------

    @Test
    void dfarsFallsBackToAwarenessWhenDiscoveryIsNotRecorded() throws Exception {
        ObligationResult result = run(record("\"dfars-contractor\"", "\"kind\": \"incident\"",
                "\"awareAt\": \"2026-03-06T12:00:00-05:00\"", ""), "2026-03-07T00:00:00Z");
        Obligation report = find(result, "us-dfars", "report");
        assertThat(report.clockStartEvent()).contains("awareAt").contains("no timeline.discoveredAt");
        // 72 elapsed hours across the US spring change (8 March 2026).
        assertThat(report.due()).isEqualTo(instant("2026-03-09T13:00:00-04:00"));
    }

    @Test
    void nercOneHourAfterDetermination() throws Exception {
        ObligationResult result = run(record("\"nerc-registered\"", "\"kind\": \"incident\"",
                "\"awareAt\": \"2026-11-01T00:30:00-04:00\", \"determinedAt\": \"2026-11-01T01:30:00-04:00\"", ""),
                "2026-11-01T05:00:00Z");
        // 01:30 EDT + 1 h = 01:30 EST (the clock repeats the hour on 1 November 2026).
        Obligation nerc = find(result, "us-nerc-cip-008", "initial-notification");
        assertThat(nerc.due()).isEqualTo(instant("2026-11-01T01:30:00-05:00"));
        assertThat(nerc.status()).isEqualTo(Status.DUE_SOON);
    }

    @Test
    void hipaaSixtyCalendarDaysThroughALeapFebruary() throws Exception {
        ObligationResult result = run("""
                {"entity": {"name": "Clinic", "timeZone": "America/Chicago", "roles": ["hipaa-covered"]},
                 "event": {"kind": "incident", "personalDataBreach": true},
                 "timeline": {"discoveredAt": "2028-01-01T09:00:00-06:00", "awareAt": "2028-01-02T09:00:00-06:00"}}
                """, "2028-01-02T00:00:00Z");
        assertThat(find(result, "us-hipaa", "individual-notice").due()).isEqualTo(instant("2028-03-01T09:00:00-06:00"));
    }

    // --- statuses -------------------------------------------------------------------------------

    @Test
    void submissionsAfterTheEvaluationInstantAreNotCountedYet() throws Exception {
        String json = record("\"cra-manufacturer\"", "\"kind\": \"vulnerability\", \"activelyExploited\": true",
                "\"awareAt\": \"2026-11-20T23:30:00+01:00\"",
                "{\"framework\": \"eu-cra-vulnerability\", \"stage\": \"early-warning\", \"at\": \"2026-11-21T20:00:00+01:00\"}");
        ObligationResult before = run(json, "2026-11-21T12:00:00Z");
        assertThat(find(before, "eu-cra-vulnerability", "early-warning").status()).isEqualTo(Status.DUE_SOON);
        assertThat(before.issues()).extracting(RecordIssue::path).contains("/submissions/0");
        assertThat(find(run(json, "2026-11-21T20:00:00Z"), "eu-cra-vulnerability", "early-warning").status())
                .isEqualTo(Status.SUBMITTED);
    }

    @Test
    void lateSubmissionsAreMarked() throws Exception {
        ObligationResult result = run(record("\"cra-manufacturer\"", "\"kind\": \"vulnerability\", \"activelyExploited\": true",
                "\"awareAt\": \"2026-11-20T23:30:00+01:00\"",
                "{\"framework\": \"eu-cra-vulnerability\", \"stage\": \"early-warning\", \"at\": \"2026-11-22T08:00:00+01:00\"}"),
                "2026-11-22T12:00:00Z");
        Obligation early = find(result, "eu-cra-vulnerability", "early-warning");
        assertThat(early.status()).isEqualTo(Status.SUBMITTED);
        assertThat(early.late()).isTrue();
    }

    @Test
    void theDueSoonWindowIsAParameter() throws Exception {
        IncidentReadResult read = reader.read("incident.json", record("\"cra-manufacturer\"",
                "\"kind\": \"vulnerability\", \"activelyExploited\": true", "\"awareAt\": \"2026-11-20T23:30:00+01:00\"", ""));
        Instant at = instant("2026-11-21T12:00:00Z");
        assertThat(find(engine.evaluate(read, at, Duration.ofHours(1)), "eu-cra-vulnerability", "early-warning").status())
                .isEqualTo(Status.PENDING);
        assertThat(find(engine.evaluate(read, at, Duration.ofHours(12)), "eu-cra-vulnerability", "early-warning").status())
                .isEqualTo(Status.DUE_SOON);
    }

    @Test
    void ransomwareExampleCoversBothSidesOfTheAtlantic() throws Exception {
        ObligationResult result = runFile("../examples/incidents/ransomware-energy-operator.yaml", "2026-11-26T12:00:00Z");
        assertThat(result.frameworks()).filteredOn(FrameworkAssessment::applies).extracting(a -> a.framework().id())
                .containsExactly("eu-nis2", "eu-gdpr", "us-circia", "us-sec-8k", "us-nerc-cip-008");
        assertThat(find(result, "us-sec-8k", "form-8k").due()).isEqualTo(instant("2026-12-02T17:00:00-05:00"));
        assertThat(find(result, "eu-nis2", "notification").timeZone()).isEqualTo("Europe/Amsterdam");
        assertThat(find(result, "us-nerc-cip-008", "initial-notification").status()).isEqualTo(Status.SUBMITTED);
        assertThat(result.overdue()).isEmpty();
    }
}
