package dev.tandem.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.advisory.Advisory;
import dev.tandem.advisory.AdvisoryDatabase;
import dev.tandem.advisory.AffectedPackage;
import dev.tandem.advisory.EpssReader;
import dev.tandem.advisory.EpssTable;
import dev.tandem.advisory.KevCatalog;
import dev.tandem.advisory.KevEntry;
import dev.tandem.advisory.LoadOptions;
import dev.tandem.advisory.cvss.Rating;
import dev.tandem.advisory.cvss.SeverityScore;
import dev.tandem.advisory.nvd.CveRecord;
import dev.tandem.advisory.nvd.CveRecordLoader;
import dev.tandem.advisory.nvd.NvdFixtures;
import dev.tandem.version.AffectedVersions;
import dev.tandem.version.RangeEvent;
import dev.tandem.version.RangeType;
import dev.tandem.version.VersionRange;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The encoder gives, byte for byte, the file the straightforward encoder gave
 * ({@link ReferenceSnapshotWriter}): the string numbering, package order, tallies, id keys and
 * stated severities are the file's format, and a faster encoder must not move a byte of them.
 * Checked on the bundled examples, with EPSS and with NVD/CVE records, and on generated corpora
 * made to hit every shortcut the encoder takes (texts shared or merely equal, non-ASCII and broken
 * UTF-16, ecosystems with releases, names that normalise alike, duplicated and NUL-bearing
 * severities, ids differing only in case, details without a summary).
 */
class SnapshotWriterBytesTest {

    @Test
    void theBundledExamplesEncodeAsBefore() throws Exception {
        AdvisoryDatabase database = SnapshotFixtures.database();
        List<KevEntry> kev = SnapshotFixtures.kev();
        assertSameBytes(database, List.of(), kev, null);
    }

    @Test
    void epssScoresEncodeAsBefore() throws Exception {
        EpssTable epss = EpssReader.read("epss.csv", ("cve,epss,percentile\nCVE-2021-44228,0.9,0.99\n"
                + "CVE-2099-0001,0.1,0.5\n").getBytes(StandardCharsets.UTF_8));
        assertSameBytes(SnapshotFixtures.database(), List.of(), SnapshotFixtures.kev(), epss);
    }

    @Test
    void nvdAndCveRecordsEncodeAsBefore() throws Exception {
        List<CveRecord> records = new ArrayList<>(CveRecordLoader.load(
                List.of(NvdFixtures.embedded(), NvdFixtures.path("cve-5")), LoadOptions.strict(), null).records());
        List<Advisory> all = new ArrayList<>(SnapshotFixtures.advisories());
        records.forEach(r -> all.add(r.advisory()));
        AdvisoryDatabase database = AdvisoryDatabase.build(all, SnapshotFixtures.kev());
        assertSameBytes(database, records, SnapshotFixtures.kev(), null);
    }

    @Test
    void anEmptyDatabaseEncodesAsBefore() throws Exception {
        assertSameBytes(AdvisoryDatabase.build(List.of(), List.of()), List.of(), List.of(), null);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 20261206})
    void generatedCorporaEncodeAsBefore(long seed) throws Exception {
        Random random = new Random(seed);
        List<Advisory> advisories = generated(random, 1_500);
        List<KevEntry> kev = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            String cve = "CVE-2099-" + random.nextInt(400);
            kev.add(new KevEntry(random.nextBoolean() ? cve : cve.toLowerCase(java.util.Locale.ROOT),
                    random.nextBoolean() ? KevCatalog.CISA : KevCatalog.EU, LocalDate.of(2026, 1, 1 + i % 28),
                    random.nextBoolean() ? null : LocalDate.of(2026, 3, 1), random.nextBoolean(), pick(random, TEXTS),
                    pick(random, TEXTS), "Entry " + i, "kev.json"));
        }
        assertSameBytes(AdvisoryDatabase.build(advisories, kev), List.of(), kev, null);
    }

    @Test
    void advisoryIdsSharedOrCopiedFromTheAliasesEncodeAsBefore() throws Exception {
        // Advisory ids that are the vulnerability's own Strings skip the id keys; equal copies, other
        // cases and ids named only by an advisory must still be keyed as before.
        String cve = "CVE-2099-7";
        List<Advisory> advisories = new ArrayList<>();
        for (String id : List.of(cve, new String(cve.toCharArray()), "cve-2099-7", "GHSA-aaaa-bbbb-cccc",
                "ghsa-aaaa-bbbb-cccc", "PYSEC-2099-1")) {
            List<String> aliases = id.startsWith("PYSEC") ? List.of("ghsa-AAAA-bbbb-CCCC", cve) : List.of(cve);
            advisories.add(new Advisory(id, "hand-made/" + id + ".json", "summary", "", Instant.parse(
                    "2026-01-01T00:00:00Z"), Instant.parse("2026-02-01T00:00:00Z"), null, aliases, List.of(),
                    List.of(), List.of(new AffectedPackage("PyPI", "requests", "", versions(new Random(1)), List.of())),
                    List.of()));
        }
        assertSameBytes(AdvisoryDatabase.build(advisories, List.of()), List.of(), List.of(), null);
    }

    private static void assertSameBytes(AdvisoryDatabase database, List<CveRecord> records, List<KevEntry> kev,
            EpssTable epss) throws Exception {
        SnapshotProvenance provenance = new SnapshotProvenance("test", Instant.parse("2026-12-06T23:00:00Z"),
                List.of("osv", "ünï"), List.of("kev"), List.of("nvd"));
        byte[] expected = ReferenceSnapshotWriter.encode(database, records, kev, epss, provenance);
        byte[] actual = SnapshotWriter.encode(database, records, kev, epss, provenance);
        assertThat(actual.length).isEqualTo(expected.length);
        int first = java.util.Arrays.mismatch(actual, expected);
        assertThat(first).as("first differing byte").isEqualTo(-1);
        Snapshot.of("bytes.tdb", actual); // and it loads
    }

    private static final String[] ECOSYSTEMS = {"Debian:12", "Debian:11", " Debian ", "Debian", "Alpine:v3.18",
        "Alpine:v3.19", "Ubuntu:Pro:22.04:LTS", "Ubuntu:jammy", "PyPI", "npm", "Go", "Maven", "crates.io", "NuGet",
        "Red Hat:enterprise_linux:9::appstream", "Rocky Linux:el8", ":7", "  ", "", "Hackage"};
    private static final String[] NAMES = {"Django_Rest.Framework", "django-rest-framework", "django--rest__framework",
        "Requests", "requests", "golang.org/X/net", "golang.org/x/net", " padded ", "openssl", "org.example:widget",
        "aeson-ünï", "日本語", "pkg-😀", "broken-\uD800x", "Newtonsoft.Json", "newtonsoft.json", "", "  ", "left-pad"};
    private static final String[] TEXTS = {"", " ", "openssl", "Requests", "CVE-2099-1", "Ünïcode summary ✓",
        "Emoji 😀 summary", "lone \uDC00 surrogate", "plain summary", "hand-made/a.json", "Debian:12", "1.0", "2.0"};
    private static final String[] VERSIONS = {"0", "1.0", "1.2.3", "2.0.5", "3.0.11-1~deb12u2", "1:2.3-4", "ünï",
        "abcdef0123456789", "", "0.0.0-20210101"};

    private static List<Advisory> generated(Random random, int count) {
        List<SeverityScore> severities = new ArrayList<>(List.of(
                new SeverityScore("CVSS_V3", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", 9.8, Rating.CRITICAL),
                new SeverityScore("CVSS_V3", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", 9.8, Rating.CRITICAL,
                        "", "another source"),
                new SeverityScore("CVSS_V3", "CVSS:3.1/garbage", Double.NaN, Rating.UNKNOWN, "malformed vector"),
                new SeverityScore("CVSS_V4", "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N", 9.3,
                        Rating.CRITICAL),
                new SeverityScore("Ubuntu", "medium", Double.NaN, Rating.MEDIUM),
                // Keys that collide once joined with a NUL: "A\0B" + "\0" + "C" equals "A" + "\0" + "B\0C".
                new SeverityScore("A\u0000B", "C", 1.0, Rating.LOW),
                new SeverityScore("A", "B\u0000C", 2.0, Rating.LOW),
                new SeverityScore("A", "B", 3.0, Rating.LOW)));
        for (int i = 0; i < 24; i++) { // enough distinct ones to make a long list
            severities.add(new SeverityScore("CVSS_V2", "AV:N/AC:L/Au:N/C:P/I:P/A:" + i, 5.0 + i / 10.0, Rating.MEDIUM));
        }
        List<Advisory> advisories = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String id = switch (random.nextInt(5)) {
                case 0 -> "GHSA-" + Integer.toHexString(1000 + random.nextInt(800)) + "-abcd-efgh";
                case 1 -> "ghsa-" + Integer.toHexString(1000 + random.nextInt(800)) + "-ABCD-EFGH";
                case 2 -> "PYSEC-2099-" + random.nextInt(900);
                case 3 -> "CVE-2099-" + random.nextInt(400);
                default -> "OSV-2099-" + i;
            };
            List<String> aliases = new ArrayList<>();
            for (int a = random.nextInt(3); a > 0; a--) {
                aliases.add(random.nextBoolean() ? "CVE-2099-" + random.nextInt(400) : "cve-2099-" + random.nextInt(400));
            }
            List<SeverityScore> stated = new ArrayList<>();
            for (int s = random.nextInt(3); s > 0; s--) {
                stated.add(pick(random, severities));
            }
            List<AffectedPackage> affected = new ArrayList<>();
            int packages = random.nextInt(10) == 0 ? 30 : random.nextInt(4);
            for (int p = 0; p < packages; p++) {
                List<SeverityScore> perPackage = new ArrayList<>();
                for (int s = random.nextInt(3); s > 0; s--) {
                    perPackage.add(pick(random, severities));
                }
                if (packages == 30) {
                    perPackage.add(severities.get(8 + p % 24));
                }
                affected.add(new AffectedPackage(copy(random, pick(random, ECOSYSTEMS)), copy(random, pick(random, NAMES)),
                        "", versions(random), perPackage));
            }
            String summary = switch (random.nextInt(4)) {
                case 0 -> "";
                case 1 -> "   ";
                default -> copy(random, pick(random, TEXTS));
            };
            String details = switch (random.nextInt(5)) {
                case 0 -> "";
                case 1 -> "\n  First line of the details  \r\nSecond line";
                case 2 -> "Only line ✓ " + i;
                case 3 -> " " + "x".repeat(1_200) + "\ny";
                default -> "\r\r  Ünïcode\u2028first\rline";
            };
            Instant withdrawn = random.nextInt(20) == 0 ? Instant.parse("2026-03-01T00:00:00Z") : null;
            advisories.add(new Advisory(id, random.nextBoolean() ? "hand-made/" + id + ".json" : pick(random, TEXTS),
                    summary, details, Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-02-01T00:00:00Z"),
                    withdrawn, aliases, List.of(), stated, affected, List.of()));
        }
        return advisories;
    }

    private static AffectedVersions versions(Random random) {
        List<VersionRange> ranges = new ArrayList<>();
        for (int r = random.nextInt(3); r > 0; r--) {
            RangeType type = RangeType.values()[random.nextInt(RangeType.values().length)];
            List<RangeEvent> events = new ArrayList<>();
            events.add(new RangeEvent(RangeEvent.Kind.INTRODUCED, copy(random, pick(random, VERSIONS))));
            if (random.nextBoolean()) {
                events.add(new RangeEvent(random.nextBoolean() ? RangeEvent.Kind.FIXED : RangeEvent.Kind.LAST_AFFECTED,
                        copy(random, pick(random, VERSIONS))));
            }
            ranges.add(new VersionRange(type, type == RangeType.GIT ? "https://example.org/repo.git" : "", events));
        }
        List<String> listed = new ArrayList<>();
        for (int v = random.nextInt(3); v > 0; v--) {
            listed.add(copy(random, pick(random, VERSIONS)));
        }
        return new AffectedVersions(ranges, listed);
    }

    /** The text itself or an equal copy: the encoder must not depend on the decoder sharing Strings. */
    private static String copy(Random random, String text) {
        return random.nextBoolean() ? text : new String(text.toCharArray());
    }

    private static <T> T pick(Random random, T[] values) {
        return values[random.nextInt(values.length)];
    }

    private static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
