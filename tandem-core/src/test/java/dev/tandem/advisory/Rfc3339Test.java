package dev.tandem.advisory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The hand-read timestamps give exactly {@link DateTimeFormatter#ISO_OFFSET_DATE_TIME}'s instant or error. */
class Rfc3339Test {

    private static String reference(String text) {
        try {
            return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant().toString();
        } catch (DateTimeParseException e) {
            return "error";
        }
    }

    private static String ours(String text) {
        try {
            return Rfc3339.parse(text).toString();
        } catch (DateTimeParseException e) {
            return "error";
        }
    }

    @Test
    void shapesOsvRecordsUseAndEdgeCasesAgreeWithTheFormatter() {
        List<String> cases = List.of("2024-01-31T12:00:00Z", "2024-01-31T12:00:00.1Z", "2024-01-31T12:00:00.123456789Z",
                "2024-01-31T12:00:00.1234567890Z", "2024-01-31T12:00:00.Z", "2024-02-29T00:00:00Z", "2023-02-29T00:00:00Z",
                "2024-04-31T00:00:00Z", "2024-12-31T23:59:59+14:00", "2024-12-31T23:59:59-00:00", "2024-12-31T23:59:59+18:00",
                "2024-12-31T23:59:59+19:00", "2024-12-31T23:59:60Z", "2024-12-31T24:00:00Z", "2024-12-31t12:00:00z",
                "2024-12-31T12:00Z", "2024-12-31T12:00:00", "2024-12-31T12:00:00+0100", "2024-12-31T12:00:00+01:00:30",
                "+12024-12-31T12:00:00Z", "0000-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999-17:59",
                "2024-1-31T12:00:00Z", "2024-01-31 12:00:00Z", "2024-01-31T12:00:00ZZ", "2024-00-10T00:00:00Z",
                "2024-13-10T00:00:00Z", "2024-01-00T00:00:00Z", "2024-01-31T12:60:00Z", "２０２４-01-31T12:00:00Z", "");
        for (String text : cases) {
            assertThat(ours(text)).as(text).isEqualTo(reference(text));
        }
        assertThat(Rfc3339.fastPath("2024-01-31T12:00:00.5+02:00")).isEqualTo(Instant.parse("2024-01-31T10:00:00.5Z"));
    }

    @Test
    void theDayCountIsLocalDatesForEveryDayOfFourDigitYears() {
        for (java.time.LocalDate day = java.time.LocalDate.of(0, 1, 1); day.getYear() < 10_000; day = day.plusDays(1)) {
            if (Rfc3339.epochDay(day.getYear(), day.getMonthValue(), day.getDayOfMonth()) != day.toEpochDay()) {
                assertThat(Rfc3339.epochDay(day.getYear(), day.getMonthValue(), day.getDayOfMonth())).as(day.toString())
                        .isEqualTo(day.toEpochDay());
            }
        }
    }

    @Test
    void randomTimestampsAndTheirMutationsAgreeWithTheFormatter() {
        Random random = new Random(3339);
        String alphabet = "0123456789-:T.Z+zt ";
        int fast = 0;
        RepeatedValues table = new RepeatedValues(3);
        for (int i = 0; i < 50_000; i++) {
            String text = String.format("%04d-%02d-%02dT%02d:%02d:%02d%s%s", random.nextInt(10_000), random.nextInt(14),
                    random.nextInt(33), random.nextInt(26), random.nextInt(61), random.nextInt(62),
                    random.nextBoolean() ? "" : "." + "123456789012".substring(0, random.nextInt(12)),
                    switch (random.nextInt(4)) {
                        case 0 -> "Z";
                        case 1 -> String.format("+%02d:%02d", random.nextInt(20), random.nextInt(62));
                        case 2 -> String.format("-%02d:%02d", random.nextInt(20), random.nextInt(62));
                        default -> "";
                    });
            if (random.nextInt(4) == 0) {
                char[] chars = text.toCharArray();
                chars[random.nextInt(chars.length)] = alphabet.charAt(random.nextInt(alphabet.length()));
                text = new String(chars);
            }
            Instant alone = Rfc3339.fastPath(text);
            if (alone != null) {
                fast++;
            }
            // Through a load's table (a small one, so slots are taken over): the same instant or the same null.
            assertThat(Rfc3339.fastPath(text, table)).as(text).isEqualTo(alone);
            assertThat(ours(text)).as(text).isEqualTo(reference(text));
        }
        assertThat(fast).as("timestamps read by hand").isGreaterThan(5_000);
    }
}
