package dev.tandem.reporting.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.reporting.catalog.CatalogLoader;
import dev.tandem.reporting.catalog.StagePeriod;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class PeriodArithmeticTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private final BusinessCalendar us = new BusinessCalendar(CatalogLoader.bundled().calendar("us-federal").orElseThrow());
    private final BusinessCalendar weekends = new BusinessCalendar(CatalogLoader.bundled().calendar("weekends-only").orElseThrow());

    private static StagePeriod hours(int n) {
        return new StagePeriod(n, null, null, null);
    }

    private static StagePeriod days(int n) {
        return new StagePeriod(null, n, null, null);
    }

    private static StagePeriod months(int n) {
        return new StagePeriod(null, null, n, null);
    }

    private static StagePeriod businessDays(int n) {
        return new StagePeriod(null, null, null, n);
    }

    private Instant add(String start, StagePeriod period, ZoneId zone, BusinessCalendar calendar) {
        return PeriodArithmetic.add(OffsetDateTime.parse(start).toInstant(), period, zone, calendar);
    }

    private static Instant at(String text) {
        return OffsetDateTime.parse(text).toInstant();
    }

    @Test
    void twentyFourHoursAcrossTheEuSpringChangeAre24RealHours() {
        // Last Sunday of March 2026 (29 March): Berlin skips 02:00-03:00.
        Instant due = add("2026-03-28T12:00:00+01:00", hours(24), BERLIN, weekends);
        assertThat(due).isEqualTo(at("2026-03-29T13:00:00+02:00"));
        assertThat(Duration.between(at("2026-03-28T12:00:00+01:00"), due)).isEqualTo(Duration.ofHours(24));
    }

    @Test
    void twentyFourHoursAcrossTheEuAutumnChangeEndAnHourEarlierOnTheWallClock() {
        // Last Sunday of October 2026 (25 October).
        assertThat(add("2026-10-24T12:00:00+02:00", hours(24), BERLIN, weekends)).isEqualTo(at("2026-10-25T11:00:00+01:00"));
    }

    @Test
    void hoursAcrossUsDstChanges() {
        // Second Sunday of March 2026 is 8 March; first Sunday of November 2026 is 1 November.
        assertThat(add("2026-03-07T12:00:00-05:00", hours(24), NEW_YORK, us)).isEqualTo(at("2026-03-08T13:00:00-04:00"));
        assertThat(add("2026-10-31T12:00:00-04:00", hours(72), NEW_YORK, us)).isEqualTo(at("2026-11-03T11:00:00-05:00"));
    }

    @Test
    void calendarDaysKeepTheLocalTimeAcrossDst() {
        Instant due = add("2026-03-20T10:00:00+01:00", days(14), BERLIN, weekends);
        assertThat(due).isEqualTo(at("2026-04-03T10:00:00+02:00"));
        assertThat(Duration.between(at("2026-03-20T10:00:00+01:00"), due)).isEqualTo(Duration.ofDays(14).minusHours(1));
    }

    @Test
    void monthsClampToTheEndOfShorterMonthsIncludingLeapYears() {
        assertThat(add("2026-01-31T10:00:00+01:00", months(1), BERLIN, weekends)).isEqualTo(at("2026-02-28T10:00:00+01:00"));
        assertThat(add("2028-01-31T10:00:00+01:00", months(1), BERLIN, weekends)).isEqualTo(at("2028-02-29T10:00:00+01:00"));
        assertThat(add("2026-03-31T10:00:00+02:00", months(1), BERLIN, weekends)).isEqualTo(at("2026-04-30T10:00:00+02:00"));
        assertThat(add("2026-02-28T10:00:00+01:00", months(1), BERLIN, weekends)).isEqualTo(at("2026-03-28T10:00:00+01:00"));
    }

    @Test
    void monthsAreCountedInTheGoverningZoneNotUtc() {
        // 1 February 00:30 in Berlin is still 31 January in UTC: the month runs to 1 March, Berlin time.
        assertThat(add("2026-02-01T00:30:00+01:00", months(1), BERLIN, weekends)).isEqualTo(at("2026-03-01T00:30:00+01:00"));
    }

    @Test
    void secFourBusinessDaysSkipThanksgivingButNotTheDayAfter() {
        // Tue 24 Nov 2026: Wed 25 (1), Thu 26 Thanksgiving, Fri 27 (2), Mon 30 (3), Tue 1 Dec (4).
        assertThat(add("2026-11-24T16:00:00-05:00", businessDays(4), NEW_YORK, us)).isEqualTo(at("2026-12-01T16:00:00-05:00"));
    }

    @Test
    void secFourBusinessDaysSkipChristmas() {
        // Wed 23 Dec 2026: Thu 24 (1), Fri 25 Christmas, Mon 28 (2), Tue 29 (3), Wed 30 (4).
        assertThat(add("2026-12-23T09:00:00-05:00", businessDays(4), NEW_YORK, us)).isEqualTo(at("2026-12-30T09:00:00-05:00"));
    }

    @Test
    void observedFridayAndMondayHolidaysAreSkipped() {
        // 4 July 2026 is a Saturday, observed Friday 3 July.
        assertThat(add("2026-07-01T10:00:00-04:00", businessDays(4), NEW_YORK, us)).isEqualTo(at("2026-07-08T10:00:00-04:00"));
        // 4 July 2027 is a Sunday, observed Monday 5 July.
        assertThat(add("2027-07-01T10:00:00-04:00", businessDays(4), NEW_YORK, us)).isEqualTo(at("2027-07-08T10:00:00-04:00"));
    }

    @Test
    void aTriggerOnANonBusinessDayStartsCountingOnTheNextBusinessDay() {
        // Saturday 28 Nov 2026: Monday 30 is day 1, Thursday 3 Dec day 4.
        assertThat(add("2026-11-28T10:00:00-05:00", businessDays(4), NEW_YORK, us)).isEqualTo(at("2026-12-03T10:00:00-05:00"));
        // On Thanksgiving itself: Friday 27 is day 1.
        assertThat(add("2026-11-26T10:00:00-05:00", businessDays(1), NEW_YORK, us)).isEqualTo(at("2026-11-27T10:00:00-05:00"));
    }

    @Test
    void businessDaysAcrossTheUsSpringChangeKeepTheLocalTime() {
        // Fri 6 March 2026 + 1 business day = Mon 9 March, after the change to EDT.
        assertThat(add("2026-03-06T17:00:00-05:00", businessDays(1), NEW_YORK, us)).isEqualTo(at("2026-03-09T17:00:00-04:00"));
    }
}
