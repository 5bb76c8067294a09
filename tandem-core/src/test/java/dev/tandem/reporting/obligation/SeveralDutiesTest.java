package dev.tandem.reporting.obligation;

import static dev.tandem.reporting.obligation.Evaluate.applying;
import static dev.tandem.reporting.obligation.Evaluate.at;
import static dev.tandem.reporting.obligation.Evaluate.find;
import static dev.tandem.reporting.obligation.Evaluate.instant;
import static dev.tandem.reporting.obligation.Evaluate.record;
import static dev.tandem.reporting.obligation.Evaluate.warningsAt;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.reporting.incident.RecordIssue;
import org.junit.jupiter.api.Test;

/**
 * One event can carry several duties, and a flag the user sets is never ignored without a word.
 * Expectations come from CRA Art 14, quoted next to each test.
 */
class SeveralDutiesTest {

    private static final String AWARE = "awareAt: 2026-11-20T23:30:00+01:00";

    /**
     * CRA Art 14(1): "A manufacturer shall notify any actively exploited vulnerability contained in the
     * product with digital elements that it becomes aware of simultaneously to the CSIRT designated as
     * coordinator ... and to ENISA." Art 14(3): "A manufacturer shall notify any severe incident having
     * an impact on the security of the product with digital elements that it becomes aware of ..."
     * Both paragraphs bind independently: a severe incident that also involves an actively exploited
     * vulnerability owes both ladders (Art 14(2) and 14(4)), each with its 24-hour early warning and
     * 72-hour notification from awareness.
     */
    @Test
    void aSevereIncidentInvolvingAnActivelyExploitedVulnerabilityOwesBothCraTracks() {
        ObligationResult result = at(record("Europe/Berlin", "cra-manufacturer",
                "kind: [incident, vulnerability], severe: true, activelyExploited: true", AWARE), "2026-11-21T12:00:00Z");
        assertThat(applying(result)).contains("eu-cra-vulnerability", "eu-cra-incident");
        for (String track : new String[] {"eu-cra-vulnerability", "eu-cra-incident"}) {
            assertThat(find(result, track, "early-warning").due()).as(track).isEqualTo(instant("2026-11-21T23:30:00+01:00"));
            assertThat(find(result, track, "notification").due()).as(track).isEqualTo(instant("2026-11-23T23:30:00+01:00"));
        }
        // Art 14(2)(c): the vulnerability's final report waits for a corrective measure; Art 14(4)(c): the
        // incident's final report runs one month from the notification.
        assertThat(find(result, "eu-cra-vulnerability", "final-report").status()).isEqualTo(Status.WAITING);
        assertThat(find(result, "eu-cra-incident", "final-report").due()).isEqualTo(instant("2026-12-23T23:30:00+01:00"));
        assertThat(result.issues()).isEmpty();
    }

    /**
     * The same facts recorded with one kind only: the other track's flag has no effect, and the record
     * says so at that flag, naming the regime that reads it and what it also needs.
     */
    @Test
    void aFlagThatHasNoEffectOnTheChosenKindIsAWarningNamingTheField() {
        ObligationResult incidentOnly = at(record("Europe/Berlin", "cra-manufacturer", "kind: incident, severe: true, activelyExploited: true",
                AWARE), "2026-11-21T12:00:00Z");
        assertThat(applying(incidentOnly)).contains("eu-cra-incident").doesNotContain("eu-cra-vulnerability");
        assertThat(warningsAt(incidentOnly, "/event/activelyExploited")).singleElement().extracting(RecordIssue::message).asString()
                .contains("event.activelyExploited is true but changes no obligation", "eu-cra-vulnerability", "event.kind vulnerability",
                        "CRA Art 14(1)", "kind: [incident, vulnerability]");
        assertThat(warningsAt(incidentOnly, "/event/severe")).isEmpty();

        ObligationResult vulnerabilityOnly = at(record("Europe/Berlin", "cra-manufacturer",
                "kind: vulnerability, severe: true, activelyExploited: true", AWARE), "2026-11-21T12:00:00Z");
        assertThat(applying(vulnerabilityOnly)).contains("eu-cra-vulnerability").doesNotContain("eu-cra-incident");
        assertThat(warningsAt(vulnerabilityOnly, "/event/severe")).singleElement().extracting(RecordIssue::message).asString()
                .contains("eu-cra-incident", "event.kind incident");
    }

    /** Every flag no regime can read for this entity is a warning naming the field and the role the regime needs. */
    @Test
    void aFlagNoApplicableRegimeReadsIsAWarningNamingTheFieldAndWhatIsMissing() {
        ObligationResult result = at(record("America/New_York", "nydfs-covered", "kind: incident, material: true, substantial: false",
                "determinedAt: 2026-11-20T10:00:00-05:00"), "2026-11-20T16:00:00Z");
        assertThat(warningsAt(result, "/event/material")).singleElement().extracting(RecordIssue::message).asString()
                .contains("us-sec-8k", "role sec-registrant");
        // A flag set to false claims nothing and a flag that changes an obligation is used: neither is warned about.
        assertThat(warningsAt(result, "/event/substantial")).isEmpty();
        assertThat(find(result, "us-nydfs", "notification").due()).isEqualTo(instant("2026-11-23T10:00:00-05:00"));
    }

    /** A key of event that no regime reads is a warning naming it, never silently dropped. */
    @Test
    void anUnknownFlagIsAWarningNamingTheField() {
        ObligationResult result = at(record("Europe/Berlin", "cra-manufacturer", "kind: vulnerability, activelyExploitted: true", AWARE),
                "2026-11-21T12:00:00Z");
        assertThat(warningsAt(result, "/event/activelyExploitted")).singleElement().extracting(RecordIssue::message).asString()
                .contains("no regime reads event.activelyExploitted");
    }

    /** A flag that only changes a stage's period (a NIS2 trust-service provider's 24 hours) is used, not warned about. */
    @Test
    void aFlagThatOnlySelectsAVariantOrAStageIsUsed() {
        ObligationResult result = at(record("Europe/Berlin", "gdpr-controller", "kind: incident, personalDataBreach: true, highRisk: true",
                AWARE), "2026-11-21T12:00:00Z");
        assertThat(warningsAt(result, "/event/highRisk")).isEmpty();
        assertThat(find(result, "eu-gdpr", "data-subject-communication").status()).isEqualTo(Status.ASAP);
    }

    /** The bundled records of the first release read as before: one kind as a string, no new warnings. */
    @Test
    void aSingleKindStringStillReadsTheSame() {
        ObligationResult result = at(record("Europe/Berlin", "cra-manufacturer", "kind: vulnerability, activelyExploited: true, severe: false",
                AWARE), "2026-11-21T12:00:00Z");
        assertThat(applying(result)).containsExactly("eu-cra-vulnerability");
        assertThat(result.issues()).isEmpty();
    }
}
