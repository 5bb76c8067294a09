package dev.tandem.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The string table numbers texts alike and gives the same section whether UTF-8 is made alongside or at the end. */
class StringTableTest {

    @Test
    void theSectionIsTheSameWithTheSecondThreadAsWithout() {
        StringTable serial = new StringTable(4);
        StringTable alongside = new StringTable(4);
        alongside.encodeAlongside();
        Random random = new Random(11);
        String[] texts = {"a", "ünï", "😀", "\uD800", "", "CVE-2099-1", "x".repeat(300)};
        for (int i = 0; i < 50_000; i++) {
            String text = texts[random.nextInt(texts.length)] + (random.nextBoolean() ? i % 977 : "");
            boolean unique = random.nextInt(4) == 0;
            int a = unique ? serial.unique(text) : serial.number(text);
            int b = unique ? alongside.unique(text) : alongside.number(text);
            assertThat(b).isEqualTo(a);
            if (i % 100 == 0) {
                alongside.publish();
            }
        }
        byte[] expected = bytes(serial.section());
        assertThat(bytes(alongside.section())).isEqualTo(expected);
        // The section's layout: count, offsets, UTF-8 as String.getBytes gives it.
        int count = SnapshotFormat.i32(expected, 0);
        assertThat(count).isEqualTo(serial.count());
        int data = 4 + 4 * (count + 1);
        for (int i = 0; i < count; i++) {
            int from = SnapshotFormat.i32(expected, 4 + 4 * i);
            int to = SnapshotFormat.i32(expected, 8 + 4 * i);
            assertThat(new String(expected, data + from, to - from, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8))
                    .isEqualTo(serial.text(i).getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void textsAreNumberedInOrderOfFirstUseThroughCollisionsAndGrowth() {
        StringTable table = new StringTable(2); // grows many times
        java.util.Map<String, Integer> expected = new java.util.HashMap<>();
        expected.put("", 0);
        Random random = new Random(7);
        // "Aa" and "BB" share String.hashCode, as do their concatenations: probes must compare texts.
        String[] parts = {"Aa", "BB"};
        for (int i = 0; i < 40_000; i++) {
            StringBuilder text = new StringBuilder();
            int length = 1 + random.nextInt(6);
            for (int p = 0; p < length; p++) {
                text.append(parts[random.nextInt(2)]);
            }
            if (random.nextInt(3) == 0) {
                text.append(random.nextInt(5_000));
            }
            String value = new String(text); // a distinct instance each time: equal texts are not the same String
            int number = table.number(value);
            Integer known = expected.putIfAbsent(value, expected.size());
            assertThat(number).as(value).isEqualTo(known == null ? expected.size() - 1 : known);
            assertThat(table.text(number)).isEqualTo(value);
        }
        assertThat(table.number(null)).isZero();
        assertThat(table.count()).isEqualTo(expected.size());
    }

    @Test
    void anAbandonedTableStopsItsThread() throws Exception {
        StringTable table = new StringTable(4);
        table.encodeAlongside();
        table.number("one");
        table.publish();
        table.abandon();
        long deadline = 0;
        while (threadAlive() && deadline++ < 500) {
            Thread.sleep(10);
        }
        assertThat(threadAlive()).isFalse();
    }

    private static boolean threadAlive() {
        return Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().equals("snapshot-strings"));
    }

    private static byte[] bytes(EncodedSection section) {
        byte[] out = new byte[section.size()];
        section.copyTo(out, 0);
        return out;
    }
}
