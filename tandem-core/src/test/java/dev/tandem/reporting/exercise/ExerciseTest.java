package dev.tandem.reporting.exercise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.input.InputDocument;
import dev.tandem.input.InputException;
import dev.tandem.reporting.catalog.CatalogLoader;
import dev.tandem.reporting.obligation.ObligationEngine;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExerciseTest {

    private final ScenarioReader reader = new ScenarioReader(CatalogLoader.bundled());
    private final Exercise exercise = new Exercise(new ObligationEngine(CatalogLoader.bundled()));

    private static Instant at(String text) {
        return OffsetDateTime.parse(text).toInstant();
    }

    private static TimelineEntry due(Replay replay, String framework, String stage) {
        return replay.timeline().stream().filter(e -> e.type().equals("due") && framework.equals(e.framework()) && stage.equals(e.stage()))
                .findFirst().orElseThrow(() -> new AssertionError("no due " + framework + "/" + stage));
    }

    private Replay replay(String file) throws Exception {
        return exercise.replay(reader.read(InputDocument.read(Path.of("../examples/scenarios/" + file))));
    }

    @Test
    void ransomwareScenarioTimeline() throws Exception {
        Replay replay = replay("ransomware-energy-eu-us.yaml");
        assertThat(replay.timeline()).extracting(TimelineEntry::at).isSortedAccordingTo(java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder()));
        assertThat(due(replay, "us-nerc-cip-008", "initial-notification")).satisfies(e -> {
            assertThat(e.at()).isEqualTo(at("2026-11-23T10:30:00-05:00"));
            assertThat(e.outcome()).isEqualTo(Outcome.MET);
        });
        assertThat(due(replay, "eu-nis2", "notification").outcome()).isEqualTo(Outcome.LATE);
        assertThat(due(replay, "eu-gdpr", "notification").outcome()).isEqualTo(Outcome.MET);
        assertThat(due(replay, "us-sec-8k", "form-8k")).satisfies(e -> {
            assertThat(e.at()).isEqualTo(at("2026-12-02T17:00:00-05:00"));
            assertThat(e.outcome()).isEqualTo(Outcome.MET);
        });
        assertThat(due(replay, "us-circia", "incident-report")).satisfies(e -> {
            assertThat(e.outcome()).isEqualTo(Outcome.MISSED);
            assertThat(e.inForce()).isFalse();
        });
        // NIS2 final report: one month after the (late) notification submission, Amsterdam time.
        assertThat(due(replay, "eu-nis2", "final-report")).satisfies(e -> {
            assertThat(e.at()).isEqualTo(at("2026-12-26T16:30:00+01:00"));
            assertThat(e.outcome()).isEqualTo(Outcome.MISSED);
            assertThat(e.provisional()).isFalse();
        });
        assertThat(replay.divergences()).anyMatch(d -> d.startsWith("First in-force report due") && d.contains("the US one comes first"));
        assertThat(replay.divergences()).anyMatch(d -> d.startsWith("US: ") && d.contains("(including us-circia, not in force)"));
        assertThat(replay.divergences()).anyMatch(d -> d.startsWith("EU: ") && !d.contains("not in force"));
        assertThat(replay.divergences()).contains("Stage kind 'early-warning' is owed on the EU side only.",
                "Stage kind 'ransom-payment-report' is owed on the US side only.");
    }

    @Test
    void shiftingTheMaterialityDecisionByTwoDaysMovesTheSecDeadlineByOneDayAcrossThanksgiving() throws Exception {
        Path file = Path.of("../examples/scenarios/ransomware-energy-eu-us.yaml");
        Shift shift = new Shift("materialityDeterminedAt", Duration.ofDays(2));
        ExerciseRun result = exercise.run(reader.read(InputDocument.read(file)), shift, reader.read(InputDocument.read(file), shift));
        assertThat(result.changes()).singleElement().satisfies(c -> {
            assertThat(c.framework()).isEqualTo("us-sec-8k");
            assertThat(c.dueBefore()).isEqualTo(at("2026-12-02T17:00:00-05:00"));
            // Fri 27 Nov 17:00 + 4 business days: Mon 30, Tue 1, Wed 2, Thu 3 December.
            assertThat(c.dueAfter()).isEqualTo(at("2026-12-03T17:00:00-05:00"));
            assertThat(Duration.between(c.dueBefore(), c.dueAfter())).isEqualTo(Duration.ofDays(1));
        });
    }

    @Test
    void routerScenarioOwesOnlyEuReports() throws Exception {
        Replay replay = replay("router-exploited-vulnerability.yaml");
        assertThat(replay.result().obligations()).allSatisfy(o -> assertThat(o.framework()).startsWith("eu-"));
        assertThat(due(replay, "eu-cra-vulnerability", "early-warning").outcome()).isEqualTo(Outcome.MET);
        assertThat(due(replay, "eu-cra-vulnerability", "notification").outcome()).isEqualTo(Outcome.MET);
        assertThat(due(replay, "eu-cra-vulnerability", "final-report")).satisfies(e -> {
            assertThat(e.at()).isEqualTo(at("2026-12-18T18:00:00+01:00"));
            assertThat(e.outcome()).isEqualTo(Outcome.LATE);
        });
        assertThat(replay.divergences()).anyMatch(d -> d.startsWith("Only EU reports are owed"));
    }

    @Test
    void aLaterFixMakesTheLateFinalReportOnTime() throws Exception {
        Path file = Path.of("../examples/scenarios/router-exploited-vulnerability.yaml");
        Shift shift = new Shift("correctiveMeasureAvailableAt", Duration.ofDays(7));
        ExerciseRun result = exercise.run(reader.read(InputDocument.read(file)), shift, reader.read(InputDocument.read(file), shift));
        assertThat(result.changes()).singleElement().satisfies(c -> {
            assertThat(c.before()).isEqualTo(Outcome.LATE);
            assertThat(c.after()).isEqualTo(Outcome.MET);
        });
    }

    @Test
    void bankScenarioUnderDoraAndNydfs() throws Exception {
        Replay replay = replay("bank-personal-data-breach.yaml");
        // Classified Saturday 09:00 within 24 h of awareness: 4 h later, 13:00 Dublin time, no weekend relief.
        assertThat(due(replay, "eu-dora", "initial-notification")).satisfies(e -> {
            assertThat(e.at()).isEqualTo(at("2026-11-28T13:00:00Z"));
            assertThat(e.outcome()).isEqualTo(Outcome.MET);
        });
        assertThat(replay.result().obligations()).filteredOn(o -> o.stage().equals("initial-notification"))
                .singleElement().satisfies(o -> assertThat(o.legalLimit()).isNull());
        assertThat(due(replay, "eu-dora", "intermediate-report")).satisfies(e -> {
            assertThat(e.at()).isEqualTo(at("2026-12-01T12:30:00Z"));
            assertThat(e.outcome()).isEqualTo(Outcome.LATE);
        });
        assertThat(due(replay, "eu-dora", "final-report").at()).isEqualTo(at("2027-01-01T15:00:00Z"));
        assertThat(due(replay, "eu-gdpr", "notification").outcome()).isEqualTo(Outcome.MET);
        assertThat(due(replay, "us-nydfs", "notification")).satisfies(e -> {
            assertThat(e.at()).isEqualTo(at("2026-11-30T14:00:00-05:00"));
            assertThat(e.outcome()).isEqualTo(Outcome.LATE);
        });
        assertThat(replay.result().frameworks()).filteredOn(a -> a.framework().id().equals("eu-nis2")).singleElement()
                .satisfies(a -> assertThat(a.applies()).isFalse());
    }

    @Test
    void earlierAwarenessMakesTheBanksGdprNotificationLate() throws Exception {
        Path file = Path.of("../examples/scenarios/bank-personal-data-breach.yaml");
        Shift shift = new Shift("awareAt", Duration.ofHours(-12));
        ExerciseRun result = exercise.run(reader.read(InputDocument.read(file)), shift, reader.read(InputDocument.read(file), shift));
        assertThat(result.changes()).singleElement().satisfies(c -> {
            assertThat(c.framework() + "/" + c.stage()).isEqualTo("eu-gdpr/notification");
            assertThat(c.dueAfter()).isEqualTo(at("2026-11-30T04:00:00Z"));
            assertThat(c.before()).isEqualTo(Outcome.MET);
            assertThat(c.after()).isEqualTo(Outcome.LATE);
        });
    }

    @Test
    void malformedAndHostileScenariosAreInputErrors() {
        assertThatThrownBy(() -> reader.read("s.yaml", "title: x\nuntil: [\n", null))
                .isInstanceOf(InputException.class).hasMessageStartingWith("s.yaml");
        assertThatThrownBy(() -> reader.read("s.json", "{\"title\": \"x\", \"incident\": " + "[".repeat(5000) + "]".repeat(5000) + "}", null))
                .isInstanceOf(InputException.class).hasMessageContaining("nesting depth");
        assertThatThrownBy(() -> reader.read("s.json", "[]", null))
                .isInstanceOf(InputException.class).hasMessageContaining("must be an object");
        assertThatThrownBy(() -> reader.read("s.yaml", "title: x\nuntil: 2026-12-01T00:00:00Z\nincident: {entity: {}}\n", null))
                .isInstanceOf(InputException.class).hasMessageContaining("s.yaml#/incident").hasMessageContaining("/event");
    }

    @Test
    void everyBundledScenarioReplays() throws Exception {
        for (String file : List.of("ransomware-energy-eu-us.yaml", "router-exploited-vulnerability.yaml", "bank-personal-data-breach.yaml")) {
            Scenario scenario = reader.read(InputDocument.read(Path.of("../examples/scenarios/" + file)));
            assertThat(scenario.incident().issues()).as(file).isEmpty();
            assertThat(exercise.replay(scenario).timeline()).as(file).isNotEmpty();
        }
    }

    @Test
    void badScenariosAndShiftsAreReported() {
        assertThatThrownBy(() -> reader.read("s.yaml", "title: x\nincident: {}\n", null))
                .isInstanceOf(InputException.class).hasMessageContaining("/until");
        assertThatThrownBy(() -> reader.read("s.yaml", "title: x\nuntil: 2026-12-01T00:00:00\nincident: {}\n", null))
                .isInstanceOf(InputException.class).hasMessageContaining("offset");
        assertThatThrownBy(() -> reader.read("s.yaml", "title: x\nwhen: now\n", null))
                .isInstanceOf(InputException.class).hasMessageContaining("/when");
        assertThatThrownBy(() -> reader.read(InputDocument.read(Path.of("../examples/scenarios/router-exploited-vulnerability.yaml")),
                new Shift("ransomPaidAt", Duration.ofDays(1))))
                .isInstanceOf(InputException.class).hasMessageContaining("does not record");
        // Moving awareness after the ransom payment makes the timeline impossible.
        assertThatThrownBy(() -> reader.read(InputDocument.read(Path.of("../examples/scenarios/ransomware-energy-eu-us.yaml")),
                new Shift("awareAt", Duration.ofDays(5))))
                .isInstanceOf(InputException.class).hasMessageContaining("before awareAt");
    }

    /**
     * A duty without a fixed period (GDPR Art 34(1), "without undue delay") is placed on the timeline at
     * its clock start and stays open until submitted: never "missed" by a date it does not have. UK
     * obligations get a line of their own in the divergences.
     */
    @Test
    void dutiesWithoutAFixedPeriodStayOpenAndTheUkHasItsOwnLine() throws Exception {
        String scenario = """
                title: Breach at a controller in the EU and the UK
                until: 2026-12-31T00:00:00Z
                incident:
                  entity: {name: Acme, timeZone: Europe/London, euMainEstablishment: IE, roles: [gdpr-controller, uk-gdpr-controller]}
                  event: {kind: incident, personalDataBreach: true, highRisk: true}
                  timeline: {awareAt: "2026-11-20T10:00:00Z"}
                  submissions:
                    - {framework: uk-gdpr, stage: data-subject-communication, at: "2026-11-22T10:00:00Z"}
                """;
        Replay replay = exercise.replay(reader.read(InputDocument.of("s.yaml", scenario)));
        TimelineEntry eu = due(replay, "eu-gdpr", "data-subject-communication");
        assertThat(eu.at()).isEqualTo(at("2026-11-20T10:00:00Z"));
        assertThat(eu.outcome()).isEqualTo(Outcome.OPEN);
        assertThat(eu.label()).contains("no fixed period");
        assertThat(due(replay, "uk-gdpr", "data-subject-communication").outcome()).isEqualTo(Outcome.MET);
        assertThat(replay.divergences()).anyMatch(d -> d.startsWith("UK: "));
    }
}
