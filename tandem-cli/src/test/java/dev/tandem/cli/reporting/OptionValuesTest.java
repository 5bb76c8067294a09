package dev.tandem.cli.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.cli.exit.UsageException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The option values the reporting commands parse themselves; the messages name the option, the core's never do. */
class OptionValuesTest {

    @Test
    void atIsAnInstantWithAnOffsetAndNowWhenAbsent() {
        assertThat(OptionValues.at("2026-11-21T13:00:00+01:00")).isEqualTo(Instant.parse("2026-11-21T12:00:00Z"));
        assertThat(OptionValues.at("2026-11-21T13:00:00+01:00[Europe/Berlin]")).isEqualTo(Instant.parse("2026-11-21T12:00:00Z"));
        Instant before = Instant.now();
        assertThat(OptionValues.at(null)).isBetween(before, Instant.now());
        assertThatThrownBy(() -> OptionValues.at("2026-11-21T12:00:00")).isInstanceOf(UsageException.class).hasMessageStartingWith("--at");
    }

    @Test
    void onIsADateAndTodayInUtcWhenAbsent() {
        assertThat(OptionValues.on("2026-12-01")).isEqualTo(LocalDate.of(2026, 12, 1));
        assertThat(OptionValues.on(null)).isIn(LocalDate.now(ZoneOffset.UTC), LocalDate.now(ZoneOffset.UTC).minusDays(1));
        assertThatThrownBy(() -> OptionValues.on("1 Dec")).isInstanceOf(UsageException.class).hasMessageStartingWith("--on");
    }

    @Test
    void dueSoonIsANonNegativeDuration() {
        assertThat(OptionValues.dueSoon("P3D")).isEqualTo(Duration.ofDays(3));
        assertThatThrownBy(() -> OptionValues.dueSoon("-PT1H")).isInstanceOf(UsageException.class).hasMessageContaining("negative");
        assertThatThrownBy(() -> OptionValues.dueSoon("soon")).isInstanceOf(UsageException.class).hasMessageStartingWith("--due-soon");
    }

    @Test
    void shiftIsAnEventAndASignedDuration() {
        assertThat(OptionValues.shift(null)).isNull();
        assertThat(OptionValues.shift("awareAt=-PT6H").by()).isEqualTo(Duration.ofHours(-6));
        assertThat(OptionValues.shift("materialityDeterminedAt=P2D").event()).isEqualTo("materialityDeterminedAt");
        assertThatThrownBy(() -> OptionValues.shift("awareAt")).isInstanceOf(UsageException.class).hasMessageContaining("EVENT=DURATION");
        assertThatThrownBy(() -> OptionValues.shift("=P1D")).isInstanceOf(UsageException.class);
        assertThatThrownBy(() -> OptionValues.shift("awareAt=2 days")).isInstanceOf(UsageException.class)
                .hasMessageContaining("'2 days' is not an ISO-8601 duration");
    }
}
