package dev.tandem.advisory.cvss;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Scores, ratings and problems stay exactly what they were before the array-based scorers (issue 20):
 * every CVSS v2, v3.0, v3.1 and v4.0 base vector, seeded random vectors with temporal, threat and
 * environmental metrics, and seeded random corruptions of them, each as {@code type, vector, score,
 * rating, problem}. The expectations in {@code advisory/cvss/equivalence.txt} were written by the
 * map-based implementation (main de311ba): a SHA-256 per set, and every 251st case in full so a
 * failure names a vector. After an intended change of behaviour, rerun with
 * {@code -Dcvss.equivalence.update=true} from the module folder and review the diff.
 */
class CvssEquivalenceTest {

    private static final String FILE = "advisory/cvss/equivalence.txt";
    private static final int SAMPLE_EVERY = 251;

    private static final String[][] V2_BASE = {{"AV", "L", "A", "N"}, {"AC", "H", "M", "L"}, {"Au", "M", "S", "N"},
            {"C", "N", "P", "C"}, {"I", "N", "P", "C"}, {"A", "N", "P", "C"}};
    private static final String[][] V2_MORE = {{"E", "U", "POC", "F", "H", "ND"}, {"RL", "OF", "TF", "W", "U", "ND"},
            {"RC", "UC", "UR", "C", "ND"}, {"CDP", "N", "L", "LM", "MH", "H", "ND"}, {"TD", "N", "L", "M", "H", "ND"},
            {"CR", "L", "M", "H", "ND"}, {"IR", "L", "M", "H", "ND"}, {"AR", "L", "M", "H", "ND"}};
    private static final String[][] V3_BASE = {{"AV", "N", "A", "L", "P"}, {"AC", "L", "H"}, {"PR", "N", "L", "H"},
            {"UI", "N", "R"}, {"S", "U", "C"}, {"C", "H", "L", "N"}, {"I", "H", "L", "N"}, {"A", "H", "L", "N"}};
    private static final String[][] V3_MORE = {{"E", "X", "U", "P", "F", "H"}, {"RL", "X", "O", "T", "W", "U"},
            {"RC", "X", "U", "R", "C"}, {"CR", "X", "L", "M", "H"}, {"IR", "X", "L", "M", "H"}, {"AR", "X", "L", "M", "H"},
            {"MAV", "X", "N", "A", "L", "P"}, {"MAC", "X", "L", "H"}, {"MPR", "X", "N", "L", "H"}, {"MUI", "X", "N", "R"},
            {"MS", "X", "U", "C"}, {"MC", "X", "H", "L", "N"}, {"MI", "X", "H", "L", "N"}, {"MA", "X", "H", "L", "N"}};
    private static final String[][] V4_BASE = {{"AV", "N", "A", "L", "P"}, {"AC", "L", "H"}, {"AT", "N", "P"},
            {"PR", "N", "L", "H"}, {"UI", "N", "P", "A"}, {"VC", "H", "L", "N"}, {"VI", "H", "L", "N"},
            {"VA", "H", "L", "N"}, {"SC", "H", "L", "N"}, {"SI", "H", "L", "N"}, {"SA", "H", "L", "N"}};
    private static final String[][] V4_MORE = {{"E", "X", "A", "P", "U"}, {"CR", "X", "H", "M", "L"},
            {"IR", "X", "H", "M", "L"}, {"AR", "X", "H", "M", "L"}, {"MAV", "X", "N", "A", "L", "P"},
            {"MAC", "X", "L", "H"}, {"MAT", "X", "N", "P"}, {"MPR", "X", "N", "L", "H"}, {"MUI", "X", "N", "P", "A"},
            {"MVC", "X", "H", "L", "N"}, {"MVI", "X", "H", "L", "N"}, {"MVA", "X", "H", "L", "N"},
            {"MSC", "X", "H", "L", "N"}, {"MSI", "X", "S", "H", "L", "N"}, {"MSA", "X", "S", "H", "L", "N"},
            {"S", "X", "N", "P"}, {"AU", "X", "N", "Y"}, {"R", "X", "A", "U", "I"}, {"V", "X", "D", "C"},
            {"RE", "X", "L", "M", "H"}, {"U", "X", "Clear", "Green", "Amber", "Red"}};

    /** Characters a corruption inserts: separators, case changes, digits, whitespace, non-ASCII, a NUL. */
    private static final String JUNK = "/:/:XxHhNnLl0159 -_()\u00e9\u00a0\u0000\u2028\uD83D\uDE00CVSS";

    @Test
    void everyScoreRatingAndProblemIsAsBefore() throws IOException {
        Map<String, Expectation> expected = read();
        Map<String, Expectation> actual = compute();
        if (Boolean.getBoolean("cvss.equivalence.update")) {
            write(actual);
            return;
        }
        assertThat(actual.keySet()).containsExactlyElementsOf(expected.keySet());
        for (Map.Entry<String, Expectation> set : actual.entrySet()) {
            Expectation want = expected.get(set.getKey());
            assertThat(set.getValue().samples()).as("sampled cases of %s", set.getKey())
                    .containsExactlyElementsOf(want.samples());
            assertThat(set.getValue().count()).as("cases of %s", set.getKey()).isEqualTo(want.count());
            assertThat(set.getValue().sha256()).as("SHA-256 over every case of %s", set.getKey())
                    .isEqualTo(want.sha256());
        }
    }

    /** The outcome of every case, by set. */
    private static Map<String, Expectation> compute() {
        Map<String, Expectation> sets = new LinkedHashMap<>();
        sets.put("v2 base", digest(out -> {
            for (String body : all(V2_BASE)) {
                out.accept(new String[] {"CVSS_V2", body});
                out.accept(new String[] {"CVSS_V3", "(" + body + ")"});
                out.accept(new String[] {"NVD", "CVSS:2.0/" + body});
            }
        }));
        sets.put("v3.0 base", digest(out -> all(V3_BASE).forEach(body -> out.accept(new String[] {"CVSS_V3", "CVSS:3.0/" + body}))));
        sets.put("v3.1 base", digest(out -> all(V3_BASE).forEach(body -> out.accept(new String[] {"CVSS_V3", "CVSS:3.1/" + body}))));
        sets.put("v4.0 base", digest(out -> all(V4_BASE).forEach(body -> out.accept(new String[] {"CVSS_V4", "CVSS:4.0/" + body}))));
        sets.put("v2 random", digest(out -> random(out, 20_000, 2, "", "CVSS_V2", V2_BASE, V2_MORE, false)));
        sets.put("v3.1 random", digest(out -> random(out, 50_000, 31, "CVSS:3.1/", "CVSS_V3", V3_BASE, V3_MORE, false)));
        sets.put("v3.0 random", digest(out -> random(out, 10_000, 30, "CVSS:3.0/", "CVSS_V3", V3_BASE, V3_MORE, false)));
        sets.put("v4.0 random", digest(out -> random(out, 200_000, 40, "CVSS:4.0/", "CVSS_V4", V4_BASE, V4_MORE, false)));
        sets.put("v2 corrupted", digest(out -> random(out, 30_000, 102, "", "CVSS_V2", V2_BASE, V2_MORE, true)));
        sets.put("v3.1 corrupted", digest(out -> random(out, 60_000, 131, "CVSS:3.1/", "CVSS_V3", V3_BASE, V3_MORE, true)));
        sets.put("v4.0 corrupted", digest(out -> random(out, 100_000, 140, "CVSS:4.0/", "CVSS_V4", V4_BASE, V4_MORE, true)));
        sets.put("words and odd types", digest(out -> {
            for (String type : List.of("Ubuntu", "database_specific", "CVSS_V3", "CVSS_V4", "CVSS_V2", "cvss_v3", "")) {
                for (String text : List.of("critical", "HIGH", " Important ", "moderate", "Medium", "low", "negligible",
                        "none", "untriaged", "", "   ", "9.8", "CVSS:", "CVSS:3.1", "CVSS:3.1/", "CVSS:3.2/AV:N",
                        "CVSS:2.0", "CVSS:2.0/", "(AV:N/AC:L/Au:N/C:P/I:P/A:P", "AV:N/AC:L/Au:N/C:P/I:P/A:P)",
                        " CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H ", "cvss:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
                        "CVSS:4.0/", "CVSS:4.0", "CVSS:" + "x".repeat(60) + "/AV:N")) {
                    out.accept(new String[] {type, text});
                }
            }
        }));
        return sets;
    }

    private static void random(Consumer<String[]> out, int count, long seed, String prefix, String type,
            String[][] base, String[][] more, boolean corrupt) {
        SplittableRandom random = new SplittableRandom(seed);
        StringBuilder vector = new StringBuilder();
        for (int i = 0; i < count; i++) {
            vector.setLength(0);
            vector.append(prefix);
            List<String[]> metrics = new ArrayList<>(List.of(base));
            for (String[] metric : more) {
                if (random.nextInt(3) == 0) {
                    metrics.add(metric);
                }
            }
            if (random.nextInt(4) == 0) {
                // Any order: the specifications fix one, the scorers accept every one.
                for (int j = metrics.size() - 1; j > 0; j--) {
                    int k = random.nextInt(j + 1);
                    String[] swap = metrics.get(j);
                    metrics.set(j, metrics.get(k));
                    metrics.set(k, swap);
                }
            }
            for (String[] metric : metrics) {
                vector.append(metric[0]).append(':').append(metric[1 + random.nextInt(metric.length - 1)]).append('/');
            }
            vector.setLength(vector.length() - 1);
            if (corrupt) {
                corrupt(vector, random, prefix.length());
            }
            out.accept(new String[] {type, vector.toString()});
        }
    }

    /** One to three edits after the prefix (sometimes in it): a deletion, an insertion, a repeated or dropped metric. */
    private static void corrupt(StringBuilder vector, SplittableRandom random, int prefix) {
        int edits = 1 + random.nextInt(3);
        for (int e = 0; e < edits && vector.length() > 0; e++) {
            int from = random.nextInt(10) == 0 ? 0 : Math.min(prefix, vector.length() - 1);
            int at = from + random.nextInt(vector.length() - from);
            switch (random.nextInt(6)) {
                case 0 -> vector.deleteCharAt(at);
                case 1 -> vector.insert(at, JUNK.charAt(random.nextInt(JUNK.length())));
                case 2 -> vector.setCharAt(at, JUNK.charAt(random.nextInt(JUNK.length())));
                case 3 -> {
                    int slash = vector.indexOf("/", at);
                    int start = vector.lastIndexOf("/", at);
                    if (start >= 0 && slash > start) {
                        vector.insert(slash, vector.substring(start, slash));
                    }
                }
                case 4 -> {
                    int slash = vector.indexOf("/", at);
                    if (slash >= 0) {
                        int next = vector.indexOf("/", slash + 1);
                        vector.delete(slash, next < 0 ? vector.length() : next);
                    }
                }
                default -> {
                    if (at < vector.length()) {
                        char c = vector.charAt(at);
                        vector.setCharAt(at, Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c));
                    }
                }
            }
        }
    }

    private static List<String> all(String[][] metrics) {
        List<String> bodies = new ArrayList<>();
        all(metrics, 0, new StringBuilder(), bodies);
        return bodies;
    }

    private static void all(String[][] metrics, int index, StringBuilder prefix, List<String> into) {
        if (index == metrics.length) {
            into.add(prefix.toString());
            return;
        }
        for (int v = 1; v < metrics[index].length; v++) {
            int length = prefix.length();
            prefix.append(index == 0 ? "" : "/").append(metrics[index][0]).append(':').append(metrics[index][v]);
            all(metrics, index + 1, prefix, into);
            prefix.setLength(length);
        }
    }

    private static Expectation digest(Consumer<Consumer<String[]>> cases) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        List<String> samples = new ArrayList<>();
        int[] count = {0};
        cases.accept(c -> {
            // A fresh copy each time: the decoder's strings are new, their hash not computed.
            SeverityScore score = Cvss.score(new String(c[0].toCharArray()), new String(c[1].toCharArray()));
            String line = escape(c[0]) + "\t" + escape(c[1]) + "\t" + score.baseScore() + "\t" + score.rating() + "\t"
                    + escape(score.problem());
            if (!score.type().equals(c[0]) || !score.vector().equals(c[1])) {
                throw new AssertionError("the score of " + line + " names another type or vector");
            }
            sha.update(line.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) '\n');
            if (count[0]++ % SAMPLE_EVERY == 0) {
                samples.add(line);
            }
        });
        return new Expectation(count[0], HexFormat.of().formatHex(sha.digest()), samples);
    }

    private static String escape(String text) {
        if (text.chars().allMatch(c -> c != '\\' && c >= 0x20 && c <= 0x7e)) {
            return text;
        }
        StringBuilder escaped = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' || c < 0x20 || c > 0x7e) {
                escaped.append(String.format("\\u%04x", (int) c));
            } else {
                escaped.append(c);
            }
        }
        return escaped.toString();
    }

    private record Expectation(int count, String sha256, List<String> samples) {
    }

    private static Map<String, Expectation> read() throws IOException {
        Map<String, Expectation> sets = new LinkedHashMap<>();
        try (InputStream in = CvssEquivalenceTest.class.getResourceAsStream("/" + FILE)) {
            if (in == null) {
                return sets;
            }
            String name = null;
            int count = 0;
            String sha = null;
            List<String> samples = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.startsWith("# ") || line.isEmpty()) {
                    continue;
                }
                if (line.startsWith("== ")) {
                    if (name != null) {
                        sets.put(name, new Expectation(count, sha, samples));
                    }
                    String[] head = line.substring(3).split(" \\| ");
                    name = head[0];
                    count = Integer.parseInt(head[1]);
                    sha = head[2];
                    samples = new ArrayList<>();
                } else {
                    samples.add(line);
                }
            }
            if (name != null) {
                sets.put(name, new Expectation(count, sha, samples));
            }
        }
        return sets;
    }

    private static void write(Map<String, Expectation> sets) throws IOException {
        StringBuilder text = new StringBuilder();
        text.append("# CVSS scores as Cvss.score gives them: written by CvssEquivalenceTest, see its Javadoc.\n");
        text.append("# == set | cases | SHA-256 over every case's line; then one case in ").append(SAMPLE_EVERY)
                .append(": type, vector, score, rating, problem (tab-separated, \\uXXXX escapes).\n");
        for (Map.Entry<String, Expectation> set : sets.entrySet()) {
            Expectation e = set.getValue();
            text.append("== ").append(set.getKey()).append(" | ").append(e.count()).append(" | ").append(e.sha256()).append('\n');
            e.samples().forEach(line -> text.append(line).append('\n'));
        }
        Path file = Path.of("src/test/resources").resolve(FILE);
        Files.writeString(file, text.toString(), StandardCharsets.UTF_8);
    }
}
