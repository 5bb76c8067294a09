package dev.tandem.advisory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** What a bulk load drops from each advisory changes nothing a scan or a snapshot shows. */
class AdvisoryRetentionTest {

    private static Advisory advisory(String summary, String details) {
        return new Advisory("GHSA-aaaa-bbbb-cccc", "a.json", summary, details, null, null, null, List.of("CVE-2024-1"),
                List.of("GHSA-dddd-eeee-ffff"), List.of(), List.of(), List.of("https://example.org/1"));
    }

    @Test
    void theSnapshotKeepsExactlyTheHeadlineOfTheDetails() {
        List<String> details = new ArrayList<>(List.of("", "   ", "one line", "  padded first line  \nsecond",
                "trailing blanks   \r\nnext", "first\rsecond", "\n\n  starts after blank lines \n", "tab\t\nx",
                "x".repeat(999) + " \nmore", "y".repeat(1_000) + "  tail", "z".repeat(1_500),
                "w".repeat(998) + "\uD83D\uDE00" + "after a surrogate pair at the cut"));
        Random random = new Random(20);
        String alphabet = "ab \t\n\r.\u00e9\u2028";
        for (int i = 0; i < 2_000; i++) {
            StringBuilder text = new StringBuilder();
            for (int n = random.nextInt(i < 1_000 ? 12 : 1_200); n > 0; n--) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            details.add(text.toString());
        }
        for (String text : details) {
            Advisory kept = AdvisoryRetention.SNAPSHOT.apply(advisory("", text));
            assertThat(Advisory.headline(kept.details())).as(text).isEqualTo(Advisory.headline(text));
            assertThat(kept.details().length()).isLessThanOrEqualTo(Advisory.HEADLINE_LENGTH + 2);
        }
    }

    @Test
    void aScanKeepsDetailsAndReferencesTheSnapshotKeepsNeither() {
        Advisory full = advisory("A summary", "Long details\nwith more lines");
        Advisory scan = AdvisoryRetention.SCAN.apply(full);
        assertThat(scan.details()).isEqualTo(full.details());
        assertThat(scan.related()).isEmpty();
        assertThat(scan.references()).isEqualTo(full.references());
        assertThat(scan.aliases()).isEqualTo(full.aliases());
        Advisory snapshot = AdvisoryRetention.SNAPSHOT.apply(full);
        assertThat(snapshot.references()).isEmpty();
        assertThat(snapshot.details()).isEmpty();
        assertThat(AdvisoryRetention.SCAN.apply(advisory("", "Only details\nhere")).details())
                .isEqualTo("Only details\nhere");
        assertThat(AdvisoryRetention.ALL.apply(full)).isSameAs(full);
    }
}
