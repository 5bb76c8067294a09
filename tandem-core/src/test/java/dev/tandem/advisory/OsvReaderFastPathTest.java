package dev.tandem.advisory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.input.InputException;
import dev.tandem.input.InputLimits;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The reader's fast path (a plain parser, keys given twice found by {@link FieldNames}, issue 20) gives
 * exactly what the checked parser gives: the same records, and for a bad document the same error, message
 * and position (Jackson's own for a key given twice), strict and lenient, under every retention.
 */
class OsvReaderFastPathTest {

    private static final String HEAD = "{\"id\":\"T-1\",\"modified\":\"2024-01-01T00:00:00Z\"";

    @Test
    void keysGivenTwiceAnywhereAreJacksonsErrorAtJacksonsPosition() throws Exception {
        List<String> documents = new ArrayList<>(List.of(
                HEAD + ",\"id\":\"T-2\"}",
                HEAD + ",\"database_specific\":{\"a\":1,\"b\":{\"c\":[{\"d\":1,\"d\":2}]}}}",
                HEAD + ",\"credits\":[{\"name\":\"a\",\"contact\":[],\"name\":\"b\"}]}",
                HEAD + ",\"i\\u0064\":\"T-2\"}",
                HEAD + ",\"affected\":[{\"package\":{\"ecosystem\":\"npm\",\"name\":\"a\",\"name\":\"b\"}}]}",
                HEAD + ",\"affected\":[{\"ranges\":[{\"type\":\"SEMVER\",\"events\":[{\"introduced\":\"0\"}]}],"
                        + "\"ranges\":[]}]}",
                HEAD + ",\"id\": tru}",
                HEAD + ",\"id\":",
                HEAD + ",\"modified\":\"2024-01-01T00:00:00Z\",\"modified\":\"bad\"}",
                "{\"id\":\"\",\"id\":\"T-2\"}",
                "{\"summary\":1,\"summary\":2}",
                "[" + HEAD + ",\"summary\":1}," + HEAD + ",\"aliases\":[],\"aliases\":[]}]",
                "[" + HEAD + ",\"summary\":1}," + HEAD + "}]",
                "[{\"id\":1},{\"id\":2,\"x\":{\"y\":1,\"y\":2}}]",
                HEAD + "} {\"a\":1,\"a\":2}",
                HEAD + ",\"x\":{\"a\":1},\"y\":{\"a\":1},\"z\":[{\"a\":1},{\"a\":1}]}",
                "{\"a\":{\"a\":{\"a\":1}}," + HEAD.substring(1) + "}",
                "[]", "", "   ", "[1]", "{}", "null", "[" + HEAD + "}]  ]"));
        StringBuilder many = new StringBuilder(HEAD);
        StringBuilder manyTwice = new StringBuilder(HEAD);
        for (int i = 0; i < 40; i++) {
            many.append(",\"k").append(i).append("\":").append(i);
            manyTwice.append(",\"k").append(i).append("\":").append(i);
        }
        documents.add(many + "}");
        documents.add(manyTwice + ",\"k25\":0}");
        documents.add(manyTwice + ",\"k3\":0}");
        documents.add(HEAD + ",\"x\":" + "{\"a\":".repeat(150) + "1" + "}".repeat(150) + "}");
        documents.add(HEAD + ",\"x\":" + "{\"a\":".repeat(150) + "{\"b\":1,\"b\":2}" + "}".repeat(150) + "}");
        documents.add(HEAD + ",\"x\":" + "[".repeat(250) + "]".repeat(250) + "}");
        int twice = 0;
        for (String document : documents) {
            String outcome = assertSameOutcome(document);
            if (outcome.contains("is given twice")) {
                twice++;
                assertThat(OsvReader.fastPath("d.json", document.getBytes(StandardCharsets.UTF_8),
                        document.getBytes(StandardCharsets.UTF_8).length, InputLimits.DEFAULT,
                        null, null, AdvisoryRetention.ALL)).as(document).isNull();
            }
        }
        assertThat(twice).as("documents refused for a key given twice").isEqualTo(12);
    }

    @Test
    void fixturesAndTheirMutationsReadTheSameBothWays() throws Exception {
        List<String> texts = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(Fixtures.path("osv"))) {
            for (Path file : walk.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                texts.add(Files.readString(file));
            }
        }
        assertThat(texts).hasSizeGreaterThan(5);
        Pattern key = Pattern.compile("\"[A-Za-z_]+\"\\s*:");
        Random random = new Random(20);
        int compared = 0;
        int twice = 0;
        for (String text : texts) {
            assertSameOutcome(text);
            assertThat(OsvReader.fastPath("d.json", text.getBytes(StandardCharsets.UTF_8), text.getBytes(StandardCharsets.UTF_8).length, InputLimits.DEFAULT, null,
                    null, AdvisoryRetention.ALL)).as("read the fast way").isNotNull();
            for (int m = 0; m < 100; m++) {
                String mutated = switch (m % 4) {
                    case 0 -> {
                        // A key with its value given again right after it.
                        List<Integer> keys = new ArrayList<>();
                        for (Matcher k = key.matcher(text); k.find(); ) {
                            keys.add(k.start());
                        }
                        int at = keys.get(random.nextInt(keys.size()));
                        int comma = text.indexOf(',', at);
                        yield comma < 0 ? text : text.substring(0, comma + 1) + text.substring(at, comma + 1)
                                + text.substring(comma + 1);
                    }
                    case 1 -> text.substring(0, random.nextInt(text.length()));
                    case 2 -> {
                        int at = random.nextInt(text.length());
                        yield text.substring(0, at) + "{}[]\",:0a\\ ".charAt(random.nextInt(11)) + text.substring(at);
                    }
                    default -> {
                        int from = random.nextInt(text.length());
                        int to = Math.min(text.length(), from + random.nextInt(40));
                        yield text.substring(0, from) + text.substring(to);
                    }
                };
                twice += assertSameOutcome(mutated).contains("is given twice") ? 1 : 0;
                compared++;
            }
        }
        assertThat(compared).isGreaterThan(500);
        assertThat(twice).as("mutations refused for a key given twice").isGreaterThan(30);
    }

    /** Strict and lenient, under each retention: the fast path's outcome is the checked parser's. */
    private static String assertSameOutcome(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        String first = null;
        for (AdvisoryRetention retention : AdvisoryRetention.values()) {
            for (boolean lenient : new boolean[] {false, true}) {
                String fast = outcome(bytes, retention, lenient, true);
                assertThat(fast).as("%s, %s, lenient %s", text, retention, lenient)
                        .isEqualTo(outcome(bytes, retention, lenient, false));
                if (first == null) {
                    first = fast;
                }
            }
        }
        return first;
    }

    private static String outcome(byte[] bytes, AdvisoryRetention retention, boolean lenient, boolean fast) {
        List<InputException> problems = lenient ? new ArrayList<>() : null;
        StringBuilder out = new StringBuilder();
        try {
            List<Advisory> read = fast
                    ? OsvReader.readAll("d.json", bytes, false, InputLimits.DEFAULT, problems, new RepeatedValues(4),
                            retention)
                    : OsvReader.readChecked("d.json", bytes, false, InputLimits.DEFAULT, problems, null, retention);
            out.append("read: ").append(read);
        } catch (InputException e) {
            out.append(e.getMessage()).append(' ').append(e.position());
        }
        if (problems != null) {
            problems.forEach(p -> out.append(" | ").append(p.getMessage()).append(' ').append(p.position()));
        }
        return out.toString();
    }
}
