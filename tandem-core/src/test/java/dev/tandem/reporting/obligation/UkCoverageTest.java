package dev.tandem.reporting.obligation;

import static dev.tandem.reporting.obligation.Evaluate.at;
import static dev.tandem.reporting.obligation.Evaluate.find;
import static dev.tandem.reporting.obligation.Evaluate.instant;
import static dev.tandem.reporting.obligation.Evaluate.maybe;
import static dev.tandem.reporting.obligation.Evaluate.record;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The UK regimes: the NIS Regulations 2018 and the UK GDPR, expectations derived from the quoted provisions. */
class UkCoverageTest {

    private static final String LONDON = "Europe/London";

    /**
     * NIS Regulations 2018 reg 11(1): "An OES must notify the designated competent authority ... about any
     * incident which has a significant impact on the continuity of the essential service"; reg 11(3)(b):
     * "without undue delay and in any event no later than 72 hours after the OES is aware". Reg 12(3): an
     * RDSP notifies the Information Commissioner of an incident with "a substantial impact on the provision"
     * of its digital service, in the same 72 hours.
     */
    @Test
    void ukNisIncidentsAreNotifiedWithin72Hours() {
        ObligationResult oes = at(record(LONDON, "uk-nis-oes", "kind: incident, essentialServiceImpact: true",
                "awareAt: 2026-11-20T10:00:00Z"), "2026-11-20T12:00:00Z");
        Obligation notification = find(oes, "uk-nis", "oes-notification");
        assertThat(notification.due()).isEqualTo(instant("2026-11-23T10:00:00Z"));
        assertThat(notification.timeZone()).isEqualTo("Europe/London");
        assertThat(maybe(oes, "uk-nis", "rdsp-notification")).isEmpty();
        ObligationResult rdsp = at(record(LONDON, "uk-nis-rdsp", "kind: incident, digitalServiceImpact: true",
                "awareAt: 2026-11-20T10:00:00Z"), "2026-11-20T12:00:00Z");
        assertThat(find(rdsp, "uk-nis", "rdsp-notification").recipient()).contains("Information Commissioner");
    }

    /**
     * UK GDPR Art 33(1): the controller notifies the Information Commissioner "without undue delay and,
     * where feasible, not later than 72 hours after having become aware of it"; Art 34(1): the data
     * subjects, without undue delay, for a high risk. No legal limit beyond the 72 hours is computed.
     */
    @Test
    void ukGdprBreachesGoToTheIcoWithin72Hours() {
        ObligationResult result = at(record(LONDON, "uk-gdpr-controller", "kind: incident, personalDataBreach: true, highRisk: true",
                "awareAt: 2026-11-20T23:30:00Z"), "2026-11-21T12:00:00Z");
        Obligation notification = find(result, "uk-gdpr", "notification");
        assertThat(notification.due()).isEqualTo(instant("2026-11-23T23:30:00Z"));
        assertThat(notification.legalLimit()).isNull();
        assertThat(find(result, "uk-gdpr", "data-subject-communication").status()).isEqualTo(Status.ASAP);
        // An EU controller role alone does not make the UK GDPR apply, nor the other way round.
        assertThat(maybe(result, "eu-gdpr", "notification")).isEmpty();
    }
}
