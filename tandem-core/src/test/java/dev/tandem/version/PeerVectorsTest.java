package dev.tandem.version;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs the peer comparison vectors in {@code src/test/resources/version/} (see SOURCES.md there),
 * in the style of osv-scalibr's semantic/compare_test.go: one {@code a OP b} per line, checked in
 * both directions. Lines listed in {@code known-differences.txt} must fail; once one passes the
 * test fails so the list shrinks (a difference is documented in docs/versions.md, never skipped).
 */
class PeerVectorsTest {

    /** Which scheme runs which vector file; "SEMVER" is the OSV SEMVER range scheme. */
    private static final String[][] RUNS = {
            {"SEMVER", "semver-versions.txt"},
            {"npm", "semver-versions.txt"},
            {"crates.io", "semver-versions.txt"},
            {"Go", "semver-versions.txt"},
            {"Go", "go-semver-test.txt"},
            {"npm", "node-semver-comparisons.txt"},
            {"Maven", "maven-versions.txt"},
            {"Maven", "maven-versions-generated.txt"},
            {"Maven", "maven-comparableversiontest.txt"},
            {"PyPI", "pypi-versions.txt"},
            {"PyPI", "pypi-versions-generated.txt"},
            {"PyPI", "packaging-versions.txt"},
            {"NuGet", "nuget-versions.txt"},
            {"RubyGems", "rubygems-versions.txt"},
            {"RubyGems", "rubygems-versions-generated.txt"},
            {"Packagist", "packagist-versions.txt"},
            {"Packagist", "packagist-versions-generated.txt"},
            {"Debian", "debian-versions.txt"},
            {"Debian", "debian-versions-generated.txt"},
            {"Debian", "dpkg-version-t.txt"},
            {"Alpine", "alpine-versions.txt"},
            {"Alpine", "alpine-versions-generated.txt"},
            {"Red Hat", "redhat-versions.txt"},
            {"Red Hat", "rpmvercmp-at.txt"},
    };

    @TestFactory
    Stream<DynamicTest> peerVectors() {
        Set<String> known = knownDifferences();
        Set<String> seenKnown = new HashSet<>();
        List<DynamicTest> tests = new ArrayList<>();
        for (String[] run : RUNS) {
            String label = run[0];
            String file = run[1];
            List<String> lines = readLines(file);
            if (lines == null) {
                continue;
            }
            tests.add(DynamicTest.dynamicTest(label + " " + file, () -> {
                VersionScheme scheme = label.equals("SEMVER") ? VersionSchemes.semver()
                        : VersionSchemes.forEcosystem(label).orElseThrow();
                List<String> unexpected = new ArrayList<>();
                List<String> nowPassing = new ArrayList<>();
                int total = 0;
                for (String line : lines) {
                    if (line.isBlank() || line.startsWith("#") || line.startsWith("//")) {
                        continue;
                    }
                    total++;
                    String key = label + " | " + file + " | " + line;
                    String failure = check(scheme, line);
                    boolean expectedToFail = known.contains(key);
                    seenKnown.add(key);
                    if (failure != null && !expectedToFail) {
                        unexpected.add(line + "  -> " + failure);
                    } else if (failure == null && expectedToFail) {
                        nowPassing.add(key);
                    }
                }
                assertThat(unexpected).as("%d of %d failed in %s for %s", unexpected.size(), total, file, label)
                        .isEmpty();
                assertThat(nowPassing).as("known differences that now pass; remove them from known-differences.txt")
                        .isEmpty();
            }));
        }
        tests.add(DynamicTest.dynamicTest("every known difference names a vector line", () -> {
            Set<String> stale = new LinkedHashSet<>(known);
            stale.removeAll(seenKnown);
            assertThat(stale).as("known-differences.txt entries that match no vector line").isEmpty();
        }));
        return tests.stream();
    }

    /** Null when the line holds in both directions, else what went wrong. */
    static String check(VersionScheme scheme, String line) {
        String[] p = line.trim().split(" ");
        if (p.length != 3) {
            return "malformed vector line";
        }
        int expected = switch (p[1]) {
            case "<" -> -1;
            case "=" -> 0;
            case ">" -> 1;
            default -> 99;
        };
        if (expected == 99) {
            return "unknown operator " + p[1];
        }
        try {
            Version a = scheme.parse(p[0]);
            Version b = scheme.parse(p[2]);
            int ab = Integer.signum(a.compareTo(b));
            int ba = Integer.signum(b.compareTo(a));
            if (ab != expected || ba != -expected) {
                return "compared " + word(ab) + " (reverse " + word(ba) + ")";
            }
            return null;
        } catch (InvalidVersionException e) {
            return e.getMessage();
        }
    }

    private static String word(int c) {
        return c < 0 ? "less" : c == 0 ? "equal" : "greater";
    }

    static List<String> readLines(String file) {
        try (InputStream in = PeerVectorsTest.class.getResourceAsStream("/version/" + file)) {
            if (in == null) {
                return null;
            }
            List<String> lines = new ArrayList<>();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String l; (l = r.readLine()) != null; ) {
                    lines.add(l);
                }
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Set<String> knownDifferences() {
        Set<String> known = new HashSet<>();
        List<String> lines = readLines("known-differences.txt");
        if (lines == null) {
            return known;
        }
        for (String l : lines) {
            if (!l.isBlank() && !l.startsWith("#")) {
                known.add(l.strip());
            }
        }
        return known;
    }
}
