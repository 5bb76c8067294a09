package dev.tandem.reporting.obligation;

import static dev.tandem.reporting.obligation.Evaluate.applies;
import static dev.tandem.reporting.obligation.Evaluate.at;
import static dev.tandem.reporting.obligation.Evaluate.find;
import static dev.tandem.reporting.obligation.Evaluate.instant;
import static dev.tandem.reporting.obligation.Evaluate.maybe;
import static dev.tandem.reporting.obligation.Evaluate.record;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.catalog.Confidence;
import org.junit.jupiter.api.Test;

/**
 * The EU regimes added for issue 14, each expectation derived from the provision quoted above the
 * test (GDPR Arts 33(2) and 34, eIDAS Art 19a, the telecom breach rule, the CER Directive, AI Act
 * Art 73), not from Tandem's output.
 */
class EuCoverageTest {

    /** Friday 20 November 2026, 10:00 in Berlin. */
    private static final String AWARE = "awareAt: 2026-11-20T10:00:00+01:00";
    private static final String AT = "2026-11-20T12:00:00Z";

    /**
     * GDPR Art 34(1): "When the personal data breach is likely to result in a high risk to the rights and
     * freedoms of natural persons, the controller shall communicate the personal data breach to the data
     * subject without undue delay." No fixed period: the duty is owed from awareness, never "overdue" by a
     * date, and it is not owed when the risk is not high.
     */
    @Test
    void gdprArticle34IsOwedWithoutUndueDelayOnlyForAHighRisk() {
        ObligationResult high = at(record("Europe/Berlin", "gdpr-controller", "kind: incident, personalDataBreach: true, highRisk: true",
                AWARE), "2027-06-01T00:00:00Z");
        Obligation communication = find(high, "eu-gdpr", "data-subject-communication");
        assertThat(communication.status()).isEqualTo(Status.ASAP);
        assertThat(communication.due()).isNull();
        assertThat(communication.waitingFor()).isNull();
        assertThat(communication.clockStart()).isEqualTo(instant("2026-11-20T10:00:00+01:00"));
        assertThat(communication.countedAs()).startsWith("without undue delay (no fixed period)");
        assertThat(communication.source()).isEqualTo("GDPR Art 34(1)");
        assertThat(high.overdue()).extracting(o -> o.stage()).containsExactly("notification");

        ObligationResult notHigh = at(record("Europe/Berlin", "gdpr-controller", "kind: incident, personalDataBreach: true", AWARE), AT);
        assertThat(maybe(notHigh, "eu-gdpr", "data-subject-communication")).isEmpty();
        assertThat(find(notHigh, "eu-gdpr", "notification").due()).isEqualTo(instant("2026-11-23T10:00:00+01:00"));
    }

    /**
     * GDPR Art 33(2): "The processor shall notify the controller without undue delay after becoming aware
     * of a personal data breach." Art 33(1) binds the controller: a processor does not notify the
     * supervisory authority.
     */
    @Test
    void aProcessorNotifiesTheControllerNotTheAuthority() {
        ObligationResult result = at(record("Europe/Berlin", "gdpr-processor", "kind: incident, personalDataBreach: true, highRisk: true",
                AWARE), AT);
        assertThat(find(result, "eu-gdpr", "processor-notice").status()).isEqualTo(Status.ASAP);
        assertThat(find(result, "eu-gdpr", "processor-notice").recipient()).contains("controller");
        assertThat(maybe(result, "eu-gdpr", "notification")).isEmpty();
        assertThat(maybe(result, "eu-gdpr", "data-subject-communication")).isEmpty();
        ObligationResult both = at(record("Europe/Berlin", "gdpr-controller, gdpr-processor", "kind: incident, personalDataBreach: true",
                AWARE), AT);
        assertThat(both.obligations()).extracting(o -> o.stage()).contains("notification", "processor-notice");
    }

    /**
     * Reg 611/2013 Art 2(2): "The provider shall notify the personal data breach to the competent national
     * authority no later than 24 hours after the detection of the personal data breach, where feasible."
     * Art 2(3): where not all information is available, an initial notification within 24 hours, then "a
     * second notification ... as soon as possible, and at the latest within three days following the
     * initial notification." GDPR Art 95: the GDPR "shall not impose additional obligations" where the
     * ePrivacy Directive sets "specific obligations with the same objective".
     */
    @Test
    void aTelecomProvidersServiceBreachFollowsRegulation611NotGdprArticle33() {
        String yaml = record("Europe/Berlin", "eprivacy-provider, gdpr-controller",
                "kind: incident, personalDataBreach: true, communicationsServiceBreach: true, adverseEffectOnSubscribers: true", AWARE)
                + "submissions: [{framework: eu-eprivacy-breach, stage: notification, at: \"2026-11-21T09:00:00+01:00\"}]\n";
        ObligationResult result = at(yaml, "2026-11-21T12:00:00Z");
        assertThat(find(result, "eu-eprivacy-breach", "notification").due()).isEqualTo(instant("2026-11-21T10:00:00+01:00"));
        // Three calendar days after the initial notification actually submitted (Saturday 21 November, 09:00).
        assertThat(find(result, "eu-eprivacy-breach", "second-notification").due()).isEqualTo(instant("2026-11-24T09:00:00+01:00"));
        assertThat(find(result, "eu-eprivacy-breach", "subscriber-notice").status()).isEqualTo(Status.ASAP);
        assertThat(applies(result, "eu-gdpr")).isFalse();
        // The same provider's breach of, say, its staff records is not a breach "in connection with the
        // provision of" the service: the GDPR applies and the telecom rule does not.
        ObligationResult hr = at(record("Europe/Berlin", "eprivacy-provider, gdpr-controller", "kind: incident, personalDataBreach: true",
                AWARE), AT);
        assertThat(applies(hr, "eu-gdpr")).isTrue();
        assertThat(applies(hr, "eu-eprivacy-breach")).isFalse();
    }

    /**
     * eIDAS Art 19a(1)(b) (as amended by Regulation (EU) 2024/1183): trust service providers notify the
     * supervisory body "without undue delay but in any event within 24 hours after having become aware" of
     * any security breach or disruption with a significant impact on the trust service. NIS2 Art 23(4),
     * last subparagraph: by way of derogation from point (b), a trust service provider notifies a
     * significant incident affecting its trust services within 24 hours, not 72. NIS2 Art 3(1)(b):
     * qualified trust service providers are essential entities regardless of their size.
     */
    @Test
    void aQualifiedTrustServiceProviderNotifiesWithin24HoursUnderEidasAndNis2() {
        ObligationResult result = at(record("Europe/Berlin", "eidas-qualified-trust-service-provider",
                "kind: incident, trustServiceImpact: true, significant: true", AWARE), AT);
        assertThat(find(result, "eu-eidas", "breach-notification").due()).isEqualTo(instant("2026-11-21T10:00:00+01:00"));
        Obligation nis2 = find(result, "eu-nis2", "notification");
        assertThat(nis2.due()).isEqualTo(instant("2026-11-21T10:00:00+01:00"));
        assertThat(nis2.variant()).isNotNull();
        assertThat(nis2.variant().source()).isEqualTo("NIS2 Art 23(4), last subparagraph");
        assertThat(nis2.countedAs()).contains("trust service provider");
        // The final report runs one month from the (provisional) notification, now due at 24 hours.
        assertThat(find(result, "eu-nis2", "final-report").due()).isEqualTo(instant("2026-12-21T10:00:00+01:00"));
        // Not a trust service provider: the 72 hours of Art 23(4)(b).
        ObligationResult other = at(record("Europe/Berlin", "nis2-important", "kind: incident, significant: true", AWARE), AT);
        assertThat(find(other, "eu-nis2", "notification").due()).isEqualTo(instant("2026-11-23T10:00:00+01:00"));
        assertThat(find(other, "eu-nis2", "notification").variant()).isNull();
    }

    /**
     * CER Art 15(1): critical entities "submit an initial notification no later than 24 hours after
     * becoming aware of an incident, followed, where relevant, by a detailed report no later than one
     * month thereafter."
     */
    @Test
    void aCriticalEntityNotifiesWithin24HoursAndReportsWithinAMonth() {
        ObligationResult result = at(record("Europe/Berlin", "cer-critical-entity", "kind: incident, significantDisruption: true", AWARE), AT);
        assertThat(find(result, "eu-cer", "initial-notification").due()).isEqualTo(instant("2026-11-21T10:00:00+01:00"));
        Obligation detailed = find(result, "eu-cer", "detailed-report");
        assertThat(detailed.provisional()).isTrue();
        assertThat(detailed.due()).isEqualTo(instant("2026-12-21T10:00:00+01:00"));
        // The catalog records the application date the Directive sets for Chapter III (10 months after notification).
        assertThat(result.frameworks()).filteredOn(a -> a.framework().id().equals("eu-cer")).singleElement()
                .satisfies(a -> assertThat(a.framework().inForce().note()).contains("10 months"));
    }

    /**
     * AI Act Art 73(2): the report is made "not later than 15 days after the provider or, where applicable,
     * the deployer, becomes aware of the serious incident"; Art 73(4): "in the event of the death of a
     * person ... not later than 10 days"; Art 73(3): "in the event of a widespread infringement or a serious
     * incident as defined in Article 3, point (49)(b) ... not later than two days". The shortest applicable
     * period binds. Days are counted under Reg 1182/71: a period ending on a Saturday or Sunday ends with
     * the next working day (Art 3(4)), shown as the legal limit.
     */
    @Test
    void aiActSeriousIncidentReportsTakeTheShortestApplicablePeriod() {
        String roles = "ai-high-risk-provider";
        Obligation plain = find(at(record("Europe/Berlin", roles, "kind: incident, seriousIncident: true", AWARE), AT),
                "eu-ai-act", "serious-incident-report");
        assertThat(plain.due()).isEqualTo(instant("2026-12-05T10:00:00+01:00"));
        assertThat(plain.variant()).isNull();
        // Saturday 5 December: the period runs to the end of Monday 7 December.
        assertThat(plain.legalLimit().at()).isEqualTo(instant("2026-12-08T00:00:00+01:00"));

        Obligation death = find(at(record("Europe/Berlin", roles, "kind: incident, seriousIncident: true, deathOfPerson: true", AWARE), AT),
                "eu-ai-act", "serious-incident-report");
        assertThat(death.due()).isEqualTo(instant("2026-11-30T10:00:00+01:00"));
        assertThat(death.variant().source()).isEqualTo("AI Act Art 73(4)");

        Obligation both = find(at(record("Europe/Berlin", roles,
                "kind: incident, seriousIncident: true, deathOfPerson: true, criticalInfrastructureDisruption: true", AWARE), AT),
                "eu-ai-act", "serious-incident-report");
        assertThat(both.due()).isEqualTo(instant("2026-11-22T10:00:00+01:00"));
        assertThat(both.variant().source()).isEqualTo("AI Act Art 73(3)");
        assertThat(both.variant().confidence()).isEqualTo(Confidence.VERIFIED);
        // Sunday 22 November: the period runs to the end of Monday 23 November.
        assertThat(both.legalLimit().at()).isEqualTo(instant("2026-11-24T00:00:00+01:00"));
    }

    /** AI Act Art 113: the Regulation applies from 2 August 2026 (Art 73 with the high-risk rules for Annex III systems). */
    @Test
    void theAiActDutyIsNotInForceBefore2August2026() {
        ObligationResult before = at(record("Europe/Berlin", "ai-high-risk-provider", "kind: incident, seriousIncident: true",
                "awareAt: 2026-08-01T10:00:00+02:00"), "2026-08-01T12:00:00Z");
        assertThat(find(before, "eu-ai-act", "serious-incident-report").inForce()).isFalse();
        ObligationResult from = at(record("Europe/Berlin", "ai-high-risk-provider", "kind: incident, seriousIncident: true",
                "awareAt: 2026-08-02T10:00:00+02:00"), "2026-08-02T12:00:00Z");
        assertThat(find(from, "eu-ai-act", "serious-incident-report").inForce()).isTrue();
    }
}
