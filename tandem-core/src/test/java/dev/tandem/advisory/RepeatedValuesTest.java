package dev.tandem.advisory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.input.InputDocument;
import dev.tandem.input.InputLimits;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** One load's table of recurring strings: always an equal string, the same instance for a repeat still held. */
class RepeatedValuesTest {

    @Test
    void aRepeatIsAnsweredWithTheHeldInstance() {
        RepeatedValues table = new RepeatedValues();
        char[] buffer = "xx1.2.3yy".toCharArray();
        String first = table.of(buffer, 2, 5);
        assertThat(first).isEqualTo("1.2.3");
        assertThat(table.of(buffer, 2, 5)).isSameAs(first);
        assertThat(table.text(new String("1.2.3"))).isSameAs(first);
        String fromText = table.text(new String("lodash"));
        assertThat(table.of("lodash".toCharArray(), 0, 6)).isSameAs(fromText);
        assertThat(table.of("".toCharArray(), 0, 0)).isEmpty();
        assertThat(table.text(null)).isNull();
    }

    @Test
    void anInstantIsTheHeldOneWhenItsSecondAndNanosRecur() {
        RepeatedValues table = new RepeatedValues(4);
        Instant first = table.instant(1_700_000_000L, 0);
        assertThat(first).isEqualTo(Instant.ofEpochSecond(1_700_000_000L));
        assertThat(table.instant(1_700_000_000L, 0)).isSameAs(first);
        assertThat(table.instant(1_700_000_000L, 5)).isEqualTo(Instant.ofEpochSecond(1_700_000_000L, 5));
        assertThat(table.instant(-86_400L, 999_999_999)).isEqualTo(Instant.ofEpochSecond(-86_400L, 999_999_999));
        // More distinct instants than slots: each answer equal to what was asked, whatever the slot held.
        Random random = new Random(42);
        for (int i = 0; i < 20_000; i++) {
            long seconds = random.nextInt(64) * 86_400L - random.nextInt(3);
            int nanos = random.nextInt(4) == 0 ? random.nextInt(1_000_000_000) : 0;
            assertThat(table.instant(seconds, nanos)).isEqualTo(Instant.ofEpochSecond(seconds, nanos));
        }
    }

    @Test
    void longTextsAreNotHeld() {
        RepeatedValues table = new RepeatedValues();
        String longText = "x".repeat(RepeatedValues.MAX_LENGTH + 1);
        String first = table.of(longText.toCharArray(), 0, longText.length());
        assertThat(first).isEqualTo(longText);
        assertThat(table.of(longText.toCharArray(), 0, longText.length())).isEqualTo(longText).isNotSameAs(first);
    }

    @Test
    void collisionsAndNonAsciiTextsStillGiveEqualStrings() {
        // Two slots: nearly every lookup collides with another text.
        RepeatedValues table = new RepeatedValues(1);
        Random random = new Random(7);
        for (int i = 0; i < 20_000; i++) {
            String text = random(random);
            char[] padded = ("ab" + text + "c").toCharArray();
            assertThat(table.of(padded, 2, text.length())).isEqualTo(text);
            assertThat(table.text(new String(text))).isEqualTo(text);
        }
        assertThatThrownBy(() -> new RepeatedValues(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void parsingThreadsShareOneTable() throws Exception {
        RepeatedValues table = new RepeatedValues(8);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int seed = t;
                results.add(pool.submit(() -> {
                    Random random = new Random(seed);
                    for (int i = 0; i < 50_000; i++) {
                        String text = "v" + random.nextInt(2_000);
                        if (!table.of(text.toCharArray(), 0, text.length()).equals(text)) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> result : results) {
                assertThat(result.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aTableIsSizedForWhatItReads() {
        assertThat(RepeatedValues.forBytes(0).capacity()).isEqualTo(1 << 10);
        assertThat(RepeatedValues.forBytes(1_000_000).capacity()).isEqualTo(1 << 14);
        assertThat(RepeatedValues.forBytes(Long.MAX_VALUE).capacity()).isEqualTo(1 << 20);
        assertThat(new RepeatedValues().capacity()).isEqualTo(1 << 20);
        assertThat(RepeatedValues.forLoad(AdvisoryRetention.SNAPSHOT).capacity()).isEqualTo(1 << 12);
        assertThat(RepeatedValues.forLoad(AdvisoryRetention.SCAN).capacity()).isEqualTo(1 << 20);
        assertThat(RepeatedValues.forLoad(AdvisoryRetention.ALL).capacity()).isEqualTo(1 << 20);
    }

    @Test
    void aLoadGivesTheSameRecordsAsReadingEachAloneAndSharesWhatRecurs() throws Exception {
        List<InputDocument> documents = new ArrayList<>();
        List<Advisory> alone = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Fixtures.path("osv"))) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                byte[] content = Files.readAllBytes(file);
                documents.add(new InputDocument(file.toString(), content));
                alone.addAll(OsvReader.readAll(file.toString(), content, OsvReader.isYaml(file.toString()),
                        InputLimits.DEFAULT));
            }
        }
        // Each record twice, as a second ecosystem's feed repeats a first's package and versions.
        List<InputDocument> twice = new ArrayList<>(documents);
        documents.forEach(d -> twice.add(new InputDocument(d.source(), d.content())));
        List<Advisory> loaded = AdvisoryLoader.read(twice, LoadOptions.strict()).advisories();
        assertThat(loaded).hasSize(alone.size() * 2);
        assertThat(loaded.subList(0, alone.size())).isEqualTo(alone);
        assertThat(loaded.subList(alone.size(), loaded.size())).isEqualTo(alone);
        // Read twice through one table: the second record holds the first one's strings.
        RepeatedValues table = new RepeatedValues();
        InputDocument document = documents.get(0);
        Advisory first = OsvReader.readAll(document.source(), document.content(), false, InputLimits.DEFAULT, null, table)
                .get(0);
        Advisory again = OsvReader.readAll(document.source(), document.content(), false, InputLimits.DEFAULT, null, table)
                .get(0);
        assertThat(again).isEqualTo(first).isEqualTo(alone.get(0));
        assertThat(again.affected().get(0).name()).isSameAs(first.affected().get(0).name());
        assertThat(again.affected().get(0).ecosystem()).isSameAs(first.affected().get(0).ecosystem());
        assertThat(again.affected().get(0).versions().ranges().get(0).events().get(0).version())
                .isSameAs(first.affected().get(0).versions().ranges().get(0).events().get(0).version());
        assertThat(again.references().get(0)).isSameAs(first.references().get(0));
        assertThat(again.aliases().get(0)).isSameAs(first.aliases().get(0));
        assertThat(again.summary()).isEqualTo(first.summary()).isNotSameAs(first.summary());
    }

    private static String random(Random random) {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(12);
        for (int i = 0; i < length; i++) {
            int pick = random.nextInt(10);
            text.append(pick < 7 ? (char) ('0' + random.nextInt(10)) : pick < 9 ? '.' : (char) (0x4e00 + random.nextInt(50)));
        }
        return text.toString();
    }
}
