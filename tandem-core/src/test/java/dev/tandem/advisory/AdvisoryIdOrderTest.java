package dev.tandem.advisory;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The id order, and the sort keys the alias merge sorts by instead of comparing ids. */
class AdvisoryIdOrderTest {

    @Test
    void numbersCompareAsNumbersAndCaseIsIgnored() {
        List<String> ids = new ArrayList<>(List.of("GO-2020-10", "go-2020-9", "CVE-2021-1000", "CVE-2021-999", "A", "a",
                "GO-2020-0010"));
        ids.sort(AdvisoryIdOrder.INSTANCE);
        assertThat(ids).containsExactly("A", "a", "CVE-2021-999", "CVE-2021-1000", "go-2020-9", "GO-2020-0010",
                "GO-2020-10");
    }

    @Test
    void sortKeysThenIdsOrderAsTheComparator() {
        Random random = new Random(20);
        for (int round = 0; round < 20_000; round++) {
            String a = id(random);
            String b = id(random);
            int byKeys = AdvisoryIdOrder.sortKey(a).compareTo(AdvisoryIdOrder.sortKey(b));
            int expected = byKeys != 0 ? byKeys : a.compareTo(b);
            assertThat(Integer.signum(AdvisoryIdOrder.INSTANCE.compare(a, b))).as("%s vs %s", a, b)
                    .isEqualTo(Integer.signum(expected));
        }
    }

    @Test
    void sortKeyBytesAreTheSortKeyOfAnAsciiId() {
        Random random = new Random(21);
        byte[] out = new byte[512];
        for (int round = 0; round < 20_000; round++) {
            String id = id(random);
            int end = AdvisoryIdOrder.sortKeyBytes(id, out, 5);
            if (id.chars().allMatch(c -> c < 0x80)) {
                assertThat(new String(out, 5, end - 5, StandardCharsets.ISO_8859_1)).as(id)
                        .isEqualTo(AdvisoryIdOrder.sortKey(id));
            } else {
                assertThat(end).as(id).isEqualTo(-1);
            }
        }
        assertThat(AdvisoryIdOrder.sortKeyBytes("X-" + "1".repeat(256), new byte[1024], 0)).isEqualTo(-1);
        assertThat(AdvisoryIdOrder.sortKeyBytes("X-" + "1".repeat(255), new byte[1024], 0)).isEqualTo(259);
    }

    private static String id(Random random) {
        String alphabet = "AaBbCcVvEe-:_0123456789 ß\u00e9";
        StringBuilder id = new StringBuilder();
        for (int i = random.nextInt(12); i >= 0; i--) {
            id.append(alphabet.charAt(random.nextInt(random.nextInt(4) == 0 ? alphabet.length() : 22)));
        }
        return id.toString();
    }
}
