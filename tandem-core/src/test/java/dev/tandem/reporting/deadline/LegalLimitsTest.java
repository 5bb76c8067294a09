package dev.tandem.reporting.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.reporting.catalog.CatalogLoader;
import dev.tandem.reporting.catalog.CountingRule;
import dev.tandem.reporting.catalog.ReportingCatalog;
import dev.tandem.reporting.catalog.StagePeriod;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LegalLimitsTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private final ReportingCatalog catalog = CatalogLoader.bundled();
    private final CountingRule eu = catalog.countingRule("eu-1182-71").orElseThrow();
    private final CountingRule dora = catalog.countingRule("dora-rts-2025-301-art5").orElseThrow();

    private Optional<LegalLimit> limit(CountingRule rule, String stage, List<String> roles, String start, StagePeriod period,
            ZoneId zone) {
        BusinessCalendar weekends = new BusinessCalendar(catalog.calendar("weekends-only").orElseThrow());
        BusinessCalendar us = new BusinessCalendar(catalog.calendar("us-federal").orElseThrow());
        Instant from = OffsetDateTime.parse(start).toInstant();
        Instant due = PeriodArithmetic.add(from, period, zone, us);
        return LegalLimits.of(rule, stage, roles, from, due, period, zone, id -> id.equals("us-federal") ? us : weekends);
    }

    private static Instant at(String text) {
        return OffsetDateTime.parse(text).toInstant();
    }

    @Test
    void hourPeriodsRunFromTheNextFullHourUnder1182() {
        // Aware at 23:30 Berlin: the 24 hours run from 00:00 and end at 24:00 the next day.
        LegalLimit limit = limit(eu, "early-warning", List.of(), "2026-11-20T23:30:00+01:00",
                new StagePeriod(24, null, null, null), BERLIN).orElseThrow();
        assertThat(limit.at()).isEqualTo(at("2026-11-22T00:00:00+01:00"));
        assertThat(limit.rules()).singleElement().satisfies(r -> assertThat(r.source()).contains("Art 3(2)(a)"));
    }

    @Test
    void anEventOnTheFullHourStillLeavesItsHourOut() {
        // Art 3(1): the event occurs during the hour 23:00-24:00, which is not counted.
        assertThat(limit(eu, "early-warning", List.of(), "2026-11-20T23:00:00+01:00",
                new StagePeriod(24, null, null, null), BERLIN).orElseThrow().at()).isEqualTo(at("2026-11-22T00:00:00+01:00"));
    }

    @Test
    void dayPeriodsEndAtMidnightAndAWeekendEndMovesToMonday() {
        // Fix available Mon 23 Nov 10:00: 14 days end with Mon 7 Dec.
        assertThat(limit(eu, "final-report", List.of(), "2026-11-23T10:00:00+01:00", new StagePeriod(null, 14, null, null), BERLIN)
                .orElseThrow().at()).isEqualTo(at("2026-12-08T00:00:00+01:00"));
        // Fix available Sat 21 Nov: the 14th day is Sat 5 Dec, extended to the end of Mon 7 Dec (Art 3(4)).
        LegalLimit weekend = limit(eu, "final-report", List.of(), "2026-11-21T10:00:00+01:00",
                new StagePeriod(null, 14, null, null), BERLIN).orElseThrow();
        assertThat(weekend.at()).isEqualTo(at("2026-12-08T00:00:00+01:00"));
        assertThat(weekend.rules()).extracting(AppliedRule::source).anyMatch(s -> s.contains("Art 3(4)"));
    }

    @Test
    void monthPeriodsClampAndExtendOverAWeekend() {
        // 31 Jan 2026 + 1 month = Sat 28 Feb, extended to the end of Mon 2 March.
        assertThat(limit(eu, "final-report", List.of(), "2026-01-31T15:00:00+01:00", new StagePeriod(null, null, 1, null), BERLIN)
                .orElseThrow().at()).isEqualTo(at("2026-03-03T00:00:00+01:00"));
    }

    @Test
    void doraWeekendDeadlinesMoveToNoonOfTheNextWorkingDay() {
        // Final report: 1 month from Thu 28 Jan 2027 12:00 is Sun 28 Feb: 12:00 Mon 1 March.
        assertThat(limit(dora, "final-report", List.of("dora-credit-institution"), "2027-01-28T09:00:00+01:00",
                new StagePeriod(null, null, 1, null), BERLIN).orElseThrow().at()).isEqualTo(at("2027-03-01T12:00:00+01:00"));
        // Initial notification due Sat 06:00: relief for an ordinary financial entity...
        assertThat(limit(dora, "initial-notification", List.of("dora-financial-entity"), "2026-11-28T02:00:00+01:00",
                new StagePeriod(4, null, null, null), BERLIN).orElseThrow().at()).isEqualTo(at("2026-11-30T12:00:00+01:00"));
        // ...but none for a credit institution (RTS 2025/301 Art 5(5)).
        assertThat(limit(dora, "initial-notification", List.of("dora-financial-entity", "dora-credit-institution"),
                "2026-11-28T02:00:00+01:00", new StagePeriod(4, null, null, null), BERLIN)).isEmpty();
    }

    @Test
    void secLimitIsTheEndOfTheFourthBusinessDayEasternTime() {
        CountingRule sec = catalog.countingRule("sec-8k-business-days").orElseThrow();
        assertThat(limit(sec, "form-8k", List.of(), "2026-11-24T16:00:00-05:00", new StagePeriod(null, null, null, 4),
                ZoneId.of("America/New_York")).orElseThrow().at()).isEqualTo(at("2026-12-02T00:00:00-05:00"));
    }
}
