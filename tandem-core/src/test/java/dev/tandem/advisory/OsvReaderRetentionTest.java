package dev.tandem.advisory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.input.InputException;
import dev.tandem.input.InputLimits;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Reading with a retention that drops parts of a record ({@link AdvisoryRetention#SCAN}, {@link
 * AdvisoryRetention#SNAPSHOT}) gives exactly the retention applied to the whole record, and reports
 * exactly the same problems, at the same positions, as reading everything: what is dropped is
 * still checked.
 */
class OsvReaderRetentionTest {

    private static final String HEAD = "{\"id\":\"T-1\",\"modified\":\"2024-01-01T00:00:00Z\"";

    @Test
    void goodRecordsAreTheRetentionAppliedToTheWholeRecord() throws Exception {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(Fixtures.path("osv"))) {
            walk.filter(Files::isRegularFile).sorted().forEach(files::add);
        }
        List<byte[]> documents = new ArrayList<>();
        List<Boolean> yaml = new ArrayList<>();
        for (Path file : files) {
            documents.add(Files.readAllBytes(file));
            yaml.add(OsvReader.isYaml(file.toString()));
        }
        for (String text : List.of(
                HEAD + ",\"summary\":\"\",\"details\":\"  First line\\nsecond\\r\\nthird \",\"related\":[\"A\",\"B\"],"
                        + "\"references\":[{\"type\":\"WEB\",\"url\":\"https://a\"},{\"url\":null},{\"type\":\"X\"}]}",
                HEAD + ",\"details\":\"" + "long ".repeat(400) + "\",\"summary\":\"   \"}",
                HEAD + ",\"details\":\"only details, no summary\",\"references\":null,\"related\":null}",
                HEAD + ",\"details\":null,\"summary\":\"a summary\",\"related\":[]}",
                HEAD + ",\"summary\":\"s\",\"details\":\"d\\nmore\",\"references\":[]}",
                // The summary first (as OSV states it): a snapshot's record then drops the details unread.
                HEAD + ",\"summary\":\"s\",\"details\":null}",
                HEAD + ",\"summary\":\" \\n\",\"details\":\"blank summary first\\nmore\"}",
                HEAD + ",\"summary\":null,\"details\":\"null summary first\"}",
                HEAD + ",\"summary\":\"s\",\"details\":\"" + "long \\u00e9 ".repeat(400) + "\"}",
                "[" + HEAD + ",\"details\":\"x\\ny\"}," + HEAD.replace("T-1", "T-2") + ",\"summary\":\"z\"}]")) {
            documents.add(text.getBytes(StandardCharsets.UTF_8));
            yaml.add(false);
        }
        documents.add("id: Y-1\nmodified: 2024-01-01T00:00:00Z\ndetails: |\n  one\n  two\nrelated: [1.0, true]\nreferences:\n  - url: 12\n"
                .getBytes(StandardCharsets.UTF_8));
        yaml.add(true);
        int compared = 0;
        for (int i = 0; i < documents.size(); i++) {
            List<Advisory> whole = OsvReader.readAll("d" + i, documents.get(i), yaml.get(i), InputLimits.DEFAULT, null,
                    null, AdvisoryRetention.ALL);
            for (AdvisoryRetention retention : AdvisoryRetention.values()) {
                for (RepeatedValues table : new RepeatedValues[] {null, new RepeatedValues(4)}) {
                    List<Advisory> kept = OsvReader.readAll("d" + i, documents.get(i), yaml.get(i),
                            InputLimits.DEFAULT, null, table, retention);
                    assertThat(kept).as("document %d, %s", i, retention)
                            .isEqualTo(whole.stream().map(retention::apply).toList());
                    compared += kept.size();
                }
            }
        }
        assertThat(compared).isGreaterThan(50);
    }

    @Test
    void badRecordsGiveTheSameProblemsWhateverIsKept() {
        List<String> bad = new ArrayList<>();
        for (String field : List.of("references", "related", "details", "summary", "aliases")) {
            for (String value : List.of("1", "\"text\"", "{}", "[1]", "[{}]", "[{\"url\":1}]", "[{\"url\":[]}]",
                    "[null]", "[\"a\", 2]", "[{\"url\":\"u\",\"url\":\"v\"}]", "true", "[[\"x\"]]")) {
                bad.add(HEAD + ",\"" + field + "\":" + value + "}");
                bad.add(HEAD + ",\"summary\":\"s\",\"" + field + "\":" + value + "}");
                // Before the required fields, and in the middle of an array read leniently.
                bad.add("{\"" + field + "\":" + value + ",\"id\":\"T-3\"}");
                bad.add("[" + HEAD + "}," + HEAD.replace("T-1", "T-2") + ",\"" + field + "\":" + value + "},"
                        + HEAD.replace("T-1", "T-4") + ",\"references\":[{\"url\":\"https://b\"}]}]");
            }
        }
        bad.add(HEAD + ",\"references\":[{\"url\":\"a\"}");
        bad.add(HEAD + ",\"related\":[\"a\",");
        bad.add(HEAD + ",\"details\":\"cut");
        bad.add("[" + HEAD + ",\"references\":[{\"url\":\"a\"}]}," + HEAD + ",\"related\":[1]}");
        int problems = 0;
        for (String text : bad) {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            String whole = outcome(bytes, AdvisoryRetention.ALL);
            problems += whole.contains("d.json:") ? 1 : 0;
            for (AdvisoryRetention retention : AdvisoryRetention.values()) {
                assertThat(outcome(bytes, retention)).as(text + " read for " + retention).isEqualTo(whole);
            }
        }
        assertThat(problems).as("inputs that had a problem").isGreaterThan(100);
    }

    @Test
    void detailsAfterASummaryAreCheckedAsStrictlyOnEitherParser() {
        // Documents over the string limit are read by the checked parser, shorter ones on the fast path: on either,
        // details dropped unread are refused as read ones are (over the limit, a bad escape, cut off, not a string).
        InputLimits limits = new InputLimits(1 << 20, 200, 40, 10, 1 << 20);
        List<String> texts = List.of(
                HEAD + ",\"summary\":\"s\",\"details\":\"" + "x".repeat(41) + "\"}",
                HEAD + ",\"summary\":\"s\",\"details\":\"" + "x".repeat(40) + "\"}",
                HEAD + ",\"summary\":\"s\",\"details\":\"bad \\q escape\"}",
                HEAD + ",\"summary\":\"s\",\"details\":\"cut",
                "{\"summary\":\"s\",\"details\":\"bad \\q\"}",
                "{\"summary\":\"s\",\"details\":\"ok\"}",
                "{\"summary\":\"s\",\"details\":7}");
        int refused = 0;
        for (String text : texts) {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            String whole = outcome(bytes, AdvisoryRetention.ALL, limits);
            refused += whole.startsWith("strict: read") ? 0 : 1;
            assertThat(outcome(bytes, AdvisoryRetention.SNAPSHOT, limits)).as(text).isEqualTo(whole);
        }
        assertThat(refused).isEqualTo(texts.size() - 1);
    }

    private static String outcome(byte[] bytes, AdvisoryRetention retention) {
        return outcome(bytes, retention, InputLimits.DEFAULT);
    }

    /** Strict: the exception; lenient: the problems and the ids read; each retention the same. */
    private static String outcome(byte[] bytes, AdvisoryRetention retention, InputLimits limits) {
        StringBuilder out = new StringBuilder();
        try {
            OsvReader.readAll("d.json", bytes, false, limits, null, new RepeatedValues(4), retention);
            out.append("strict: read");
        } catch (InputException e) {
            out.append("strict: ").append(e.getMessage()).append(' ').append(e.position());
        }
        List<InputException> problems = new ArrayList<>();
        try {
            List<Advisory> read = OsvReader.readAll("d.json", bytes, false, limits, problems, null,
                    retention);
            out.append(" | lenient: ").append(read.stream().map(Advisory::id).toList());
        } catch (InputException e) {
            out.append(" | lenient: ").append(e.getMessage()).append(' ').append(e.position());
        }
        problems.forEach(p -> out.append(" | ").append(p.getMessage()).append(' ').append(p.position()));
        return out.toString();
    }
}
