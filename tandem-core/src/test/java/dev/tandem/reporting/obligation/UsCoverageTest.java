package dev.tandem.reporting.obligation;

import static dev.tandem.reporting.obligation.Evaluate.at;
import static dev.tandem.reporting.obligation.Evaluate.find;
import static dev.tandem.reporting.obligation.Evaluate.instant;
import static dev.tandem.reporting.obligation.Evaluate.maybe;
import static dev.tandem.reporting.obligation.Evaluate.record;
import static dev.tandem.reporting.obligation.Evaluate.warningsAt;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.catalog.Confidence;
import dev.tandem.reporting.incident.RecordIssue;
import org.junit.jupiter.api.Test;

/**
 * The US regimes added for issue 14, each expectation derived from the provision quoted above the
 * test: the banking agencies' 36 hours, NCUA's 72 hours, the FCC CPNI rule, Regulation S-P, DOE-417,
 * the TSA security directives and the HIPAA notices to the media and HHS.
 */
class UsCoverageTest {

    private static final String NY = "America/New_York";
    private static final String AT = "2026-11-20T16:00:00Z";

    /**
     * 12 CFR 53.3: "The OCC must receive this notification from the banking organization as soon as
     * possible and no later than 36 hours after the banking organization determines that a notification
     * incident has occurred." 12 CFR 53.4: a bank service provider notifies each affected banking
     * organization customer "as soon as possible" (no fixed period).
     */
    @Test
    void banksNotifyTheirRegulatorWithin36HoursOfTheDetermination() {
        ObligationResult bank = at(record(NY, "us-banking-organization", "kind: incident, notificationIncident: true",
                "awareAt: 2026-11-20T08:00:00-05:00, determinedAt: 2026-11-20T10:00:00-05:00"), AT);
        assertThat(find(bank, "us-bank-36h", "regulator-notification").due()).isEqualTo(instant("2026-11-21T22:00:00-05:00"));
        assertThat(maybe(bank, "us-bank-36h", "customer-bank-notice")).isEmpty();
        ObligationResult provider = at(record(NY, "us-bank-service-provider", "kind: incident, coveredServicesDisrupted: true",
                "determinedAt: 2026-11-20T10:00:00-05:00"), AT);
        assertThat(find(provider, "us-bank-36h", "customer-bank-notice").status()).isEqualTo(Status.ASAP);
        assertThat(maybe(provider, "us-bank-36h", "regulator-notification")).isEmpty();
        // The bank's flag on a service provider changes nothing, and the record says so.
        ObligationResult crossed = at(record(NY, "us-bank-service-provider", "kind: incident, notificationIncident: true",
                "determinedAt: 2026-11-20T10:00:00-05:00"), AT);
        assertThat(crossed.obligations()).isEmpty();
        assertThat(warningsAt(crossed, "/event/notificationIncident")).singleElement().extracting(RecordIssue::message).asString()
                .contains("us-bank-36h", "role us-banking-organization");
    }

    /**
     * 12 CFR 748.1(c): a federally insured credit union notifies the NCUA "as soon as possible but no
     * later than 72 hours after [it] reasonably believes that it has experienced a reportable cyber
     * incident".
     */
    @Test
    void creditUnionsNotifyTheNcuaWithin72HoursOfReasonableBelief() {
        ObligationResult result = at(record(NY, "ncua-credit-union", "kind: incident, reportableCyberIncident: true",
                "awareAt: 2026-11-20T08:00:00-05:00, reasonableBeliefAt: 2026-11-20T09:30:00-05:00"), AT);
        assertThat(find(result, "us-ncua", "notification").due()).isEqualTo(instant("2026-11-23T09:30:00-05:00"));
    }

    /**
     * 47 CFR 64.2011(b): "As soon as practicable, and in no event later than seven (7) business days,
     * after reasonable determination of the breach, the telecommunications carrier shall electronically
     * notify the United States Secret Service (USSS) and the Federal Bureau of Investigation (FBI)".
     * Business days skip weekends and federal holidays (Thanksgiving, Thu 26 Nov 2026). The 2023
     * amendments are "delayed indefinitely" (89 FR 9968): computed, but not in force.
     */
    @Test
    void carriersNotifyTheSecretServiceAndTheFbiWithinSevenBusinessDays() {
        ObligationResult result = at(record(NY, "fcc-carrier", "kind: incident, cpniBreach: true",
                "awareAt: 2026-11-24T10:00:00-05:00, determinedAt: 2026-11-25T10:00:00-05:00"), "2026-11-25T16:00:00Z");
        // Fri 27 = 1, Mon 30 = 2, Tue 1 = 3, Wed 2 = 4, Thu 3 = 5, Fri 4 = 6, Mon 7 December = 7.
        Obligation notice = find(result, "us-fcc-cpni", "law-enforcement-notice");
        assertThat(notice.due()).isEqualTo(instant("2026-12-07T10:00:00-05:00"));
        assertThat(notice.inForce()).isTrue();
        Obligation amended = find(result, "us-fcc-cpni-2023", "agency-notice");
        assertThat(amended.due()).isEqualTo(notice.due());
        assertThat(amended.inForce()).isFalse();
        assertThat(find(result, "us-fcc-cpni-2023", "customer-notice").inForce()).isFalse();
        // The rule in force sets no customer-notice deadline; it is a note, not a stage.
        assertThat(maybe(result, "us-fcc-cpni", "customer-notice")).isEmpty();
    }

    /**
     * 17 CFR 248.30(a)(4)(iii) (Regulation S-P as amended in 2024): notice to affected individuals "as soon
     * as practicable, but not later than 30 days, after becoming aware" of the unauthorized access; service
     * providers notify the covered institution no later than 72 hours after becoming aware (248.30(a)(5)).
     * Compliance date for larger entities: 3 December 2025.
     */
    @Test
    void regulationSpCustomerNoticeWithin30Days() {
        ObligationResult result = at(record(NY, "sec-reg-sp-covered-institution", "kind: incident, sensitiveCustomerInformation: true",
                "awareAt: 2026-11-20T10:00:00-05:00"), AT);
        assertThat(find(result, "us-sec-reg-s-p", "customer-notice").due()).isEqualTo(instant("2026-12-20T10:00:00-05:00"));
        ObligationResult provider = at(record(NY, "sec-reg-sp-service-provider", "kind: incident, sensitiveCustomerInformation: true",
                "awareAt: 2026-11-20T10:00:00-05:00"), AT);
        assertThat(find(provider, "us-sec-reg-s-p", "service-provider-notice").due()).isEqualTo(instant("2026-11-23T10:00:00-05:00"));
        ObligationResult before = at(record(NY, "sec-reg-sp-covered-institution", "kind: incident, sensitiveCustomerInformation: true",
                "awareAt: 2025-12-01T10:00:00-05:00"), "2025-12-01T16:00:00Z");
        assertThat(find(before, "us-sec-reg-s-p", "customer-notice").inForce()).isFalse();
    }

    /**
     * Form DOE-417, Response Due: "Within 1 hour of the incident ... as an Emergency Alert report if
     * criteria 1-9 are met"; "Within 6 hours ... as a Normal Report if only criteria 10-13 are met"; "By
     * the end of the next calendar day after a determination ... as an Attempted Cyber Compromise if
     * criterion 14 is met"; "a final report ... within 72 hours of the incident".
     */
    @Test
    void doe417AlertTimesFollowTheCriteriaMet() {
        ObligationResult emergency = at(record(NY, "doe-417-respondent", "kind: incident, gridEmergency: true, gridNormalReport: true",
                "discoveredAt: 2026-11-20T10:00:00-05:00"), AT);
        assertThat(find(emergency, "us-doe-417", "emergency-alert").due()).isEqualTo(instant("2026-11-20T11:00:00-05:00"));
        assertThat(maybe(emergency, "us-doe-417", "normal-report")).as("only criteria 10-13").isEmpty();
        assertThat(find(emergency, "us-doe-417", "final-report").due()).isEqualTo(instant("2026-11-23T10:00:00-05:00"));

        ObligationResult normal = at(record(NY, "doe-417-respondent", "kind: incident, gridNormalReport: true",
                "discoveredAt: 2026-11-20T10:00:00-05:00"), AT);
        assertThat(find(normal, "us-doe-417", "normal-report").due()).isEqualTo(instant("2026-11-20T16:00:00-05:00"));

        // Determined on Friday 20 November at 15:00 in New York: due by the end of Saturday 21 November.
        ObligationResult attempt = at(record(NY, "doe-417-respondent", "kind: incident, attemptedCyberCompromise: true",
                "discoveredAt: 2026-11-20T09:00:00-05:00, determinedAt: 2026-11-20T15:00:00-05:00"), AT);
        Obligation compromise = find(attempt, "us-doe-417", "attempted-cyber-compromise");
        assertThat(compromise.due()).isEqualTo(instant("2026-11-22T00:00:00-05:00"));
        assertThat(compromise.clockStart()).isEqualTo(instant("2026-11-21T00:00:00-05:00"));
        assertThat(compromise.clockStartEvent()).isEqualTo("the end of the day of timeline.determinedAt");
    }

    /**
     * TSA Security Directive Pipeline-2021-01: report cybersecurity incidents to CISA within 12 hours of
     * identification; rail directives 1580-21-01 / 1582-21-01: within 24 hours. The reporting window of
     * the versions now in effect is unconfirmed, so the stages carry [U].
     */
    @Test
    void tsaDirectivesAreComputedButMarkedUnconfirmed() {
        ObligationResult pipeline = at(record(NY, "tsa-pipeline-operator", "kind: incident", "discoveredAt: 2026-11-20T10:00:00-05:00"), AT);
        Obligation report = find(pipeline, "us-tsa-pipeline", "cisa-report");
        assertThat(report.due()).isEqualTo(instant("2026-11-20T22:00:00-05:00"));
        assertThat(report.confidence()).isEqualTo(Confidence.UNCONFIRMED);
        ObligationResult rail = at(record(NY, "tsa-rail-operator", "kind: incident", "discoveredAt: 2026-11-20T10:00:00-05:00"), AT);
        assertThat(find(rail, "us-tsa-rail", "cisa-report").due()).isEqualTo(instant("2026-11-21T10:00:00-05:00"));
        assertThat(find(rail, "us-tsa-rail", "cisa-report").confidence()).isEqualTo(Confidence.UNCONFIRMED);
    }

    /**
     * 45 CFR 164.406(a): notice to prominent media outlets for a breach "involving more than 500 residents
     * of a State or jurisdiction", within the 60 days of 164.404(b). 164.408(b): for 500 or more individuals
     * the Secretary is notified "contemporaneously" with the individuals; 164.408(c): for fewer than 500,
     * "not later than 60 days after the end of each calendar year" for the breaches discovered in it.
     */
    @Test
    void hipaaMediaAndHhsNoticesFollowTheNumbersAffected() {
        String large = "kind: incident, personalDataBreach: true, affectedIndividuals: 1200, affectedResidents: {NY: 800, NJ: 400}";
        ObligationResult big = at(record(NY, "hipaa-covered", large, "discoveredAt: 2026-11-23T09:00:00-05:00"), AT);
        for (String stage : new String[] {"individual-notice", "media-notice", "hhs-notice"}) {
            assertThat(find(big, "us-hipaa", stage).due()).as(stage).isEqualTo(instant("2027-01-22T09:00:00-05:00"));
        }
        assertThat(maybe(big, "us-hipaa", "hhs-annual-notice")).isEmpty();

        String small = "kind: incident, personalDataBreach: true, affectedIndividuals: 120, affectedResidents: {NY: 120}";
        ObligationResult few = at(record(NY, "hipaa-covered", small, "discoveredAt: 2026-11-23T09:00:00-05:00"), AT);
        assertThat(maybe(few, "us-hipaa", "media-notice")).isEmpty();
        assertThat(maybe(few, "us-hipaa", "hhs-notice")).isEmpty();
        // 60 days after the end of 2026: the period ends at the end of 1 March 2027.
        Obligation annual = find(few, "us-hipaa", "hhs-annual-notice");
        assertThat(annual.clockStart()).isEqualTo(instant("2027-01-01T00:00:00-05:00"));
        assertThat(annual.due()).isEqualTo(instant("2027-03-02T00:00:00-05:00"));
        // In a leap year the 60 days end with 29 February.
        ObligationResult leap = at(record(NY, "hipaa-covered", small, "discoveredAt: 2027-05-10T09:00:00-04:00"), "2027-05-10T16:00:00Z");
        assertThat(find(leap, "us-hipaa", "hhs-annual-notice").due()).isEqualTo(instant("2028-03-01T00:00:00-05:00"));
    }

    /** Without the numbers, the notices that depend on them are not guessed: the record is told what to add. */
    @Test
    void hipaaNoticesThatDependOnMissingNumbersAreNamedNotGuessed() {
        ObligationResult result = at(record(NY, "hipaa-covered", "kind: incident, personalDataBreach: true",
                "discoveredAt: 2026-11-23T09:00:00-05:00"), AT);
        assertThat(find(result, "us-hipaa", "individual-notice").due()).isEqualTo(instant("2027-01-22T09:00:00-05:00"));
        assertThat(result.obligations()).extracting(o -> o.stage()).doesNotContain("media-notice", "hhs-notice", "hhs-annual-notice");
        assertThat(warningsAt(result, "/event")).extracting(RecordIssue::message)
                .anySatisfy(m -> assertThat(m).contains("media-notice", "event.affectedResidents"))
                .anySatisfy(m -> assertThat(m).contains("hhs-notice", "event.affectedIndividuals"))
                .anySatisfy(m -> assertThat(m).contains("hhs-annual-notice", "event.affectedIndividuals"));
    }

    /** 45 CFR 164.410(b): a business associate notifies the covered entity no later than 60 calendar days after discovery. */
    @Test
    void aBusinessAssociateNotifiesTheCoveredEntity() {
        ObligationResult result = at(record(NY, "hipaa-business-associate", "kind: incident, personalDataBreach: true",
                "discoveredAt: 2026-11-23T09:00:00-05:00"), AT);
        assertThat(find(result, "us-hipaa", "business-associate-notice").due()).isEqualTo(instant("2027-01-22T09:00:00-05:00"));
        assertThat(maybe(result, "us-hipaa", "individual-notice")).isEmpty();
    }
}
