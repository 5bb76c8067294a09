package dev.tandem.reporting.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.reporting.catalog.CatalogLoader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BusinessCalendarTest {

    private final BusinessCalendar us = new BusinessCalendar(CatalogLoader.bundled().calendar("us-federal").orElseThrow());

    @Test
    void computedHolidaysMatchTheHandCompiledList2024To2030() throws IOException {
        List<LocalDate> expected = new ArrayList<>();
        try (InputStream in = getClass().getResourceAsStream("/reporting/us-federal-holidays-2024-2030.txt")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    expected.add(LocalDate.parse(line.strip()));
                }
            }
        }
        List<LocalDate> computed = new ArrayList<>();
        for (int year = 2024; year <= 2030; year++) {
            computed.addAll(us.observedIn(year).keySet());
        }
        assertThat(computed).containsExactlyElementsOf(expected);
    }

    @Test
    void observedDaysMoveToFridayOrMonday() {
        assertThat(us.holiday(LocalDate.of(2026, 7, 3))).contains("Independence Day (observed)");
        assertThat(us.isWorkingDay(LocalDate.of(2026, 7, 3))).isFalse();
        assertThat(us.holiday(LocalDate.of(2027, 7, 5))).contains("Independence Day (observed)");
        assertThat(us.holiday(LocalDate.of(2027, 12, 24))).contains("Christmas Day (observed)");
        assertThat(us.holiday(LocalDate.of(2027, 12, 31))).contains("New Year's Day (observed)");
        assertThat(us.observedIn(2028)).doesNotContainKey(LocalDate.of(2028, 1, 1));
    }

    @Test
    void dayAfterThanksgivingIsABusinessDay() {
        assertThat(us.isWorkingDay(LocalDate.of(2026, 11, 26))).isFalse();
        assertThat(us.isWorkingDay(LocalDate.of(2026, 11, 27))).isTrue();
        assertThat(us.nextWorkingDay(LocalDate.of(2026, 11, 25))).isEqualTo(LocalDate.of(2026, 11, 27));
    }

    @Test
    void juneteenthOnlyFrom2021() {
        assertThat(us.holiday(LocalDate.of(2020, 6, 19))).isEmpty();
        assertThat(us.holiday(LocalDate.of(2021, 6, 18))).contains("Juneteenth National Independence Day (observed)");
    }
}
