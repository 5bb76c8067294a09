package dev.tandem.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.advisory.Advisory;
import dev.tandem.advisory.AdvisoryDatabase;
import dev.tandem.advisory.AffectedPackage;
import dev.tandem.advisory.KevCatalog;
import dev.tandem.advisory.KevEntry;
import dev.tandem.advisory.cvss.Rating;
import dev.tandem.advisory.cvss.SeverityScore;
import dev.tandem.match.MemoryPackageIndex;
import dev.tandem.version.AffectedVersions;
import dev.tandem.version.RangeEvent;
import dev.tandem.version.RangeType;
import dev.tandem.version.VersionRange;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The snapshot encoder gives the same bytes whatever the number of threads that prepare its work and
 * however the vulnerabilities are cut into chunks, and the same bytes as the serial encoder it replaced
 * (the SHA-256 below was taken from that encoder, commit f060bb5, on this generated corpus): a corpus whose
 * strings, packages and aliases cross chunk boundaries, with summaries equal to shared strings (unique texts
 * are stored again, not looked up), withdrawn advisories, blank ecosystems and KEV entries.
 */
class ParallelSnapshotEncodingTest {

    /** SHA-256 of the file the serial encoder of f060bb5 wrote for this corpus and provenance. */
    private static final String SERIAL_ENCODER_SHA256 = "d40918c5cbb48a6e530405b41a2dfce6a3f9108ce763a7ea1990c88af90e653e";

    private static final String[] ECOSYSTEMS = {"npm", "PyPI", "Maven", "Go", "crates.io", "Debian:12", "Ubuntu:22.04",
        "Alpine:v3.19", "RubyGems", "Packagist"};

    private static AdvisoryDatabase database;
    private static List<KevEntry> kev;

    @BeforeAll
    static void build() {
        Random random = new Random(20261206L);
        List<Advisory> advisories = new ArrayList<>();
        for (int i = 0; i < 4000; i++) {
            advisories.add(advisory(random, i));
        }
        kev = new ArrayList<>();
        for (int i = 0; i < 300; i += 7) {
            kev.add(new KevEntry("CVE-2026-" + (10000 + i), i % 2 == 0 ? KevCatalog.CISA : KevCatalog.EU,
                    LocalDate.of(2026, 1, 1).plusDays(i), i % 3 == 0 ? null : LocalDate.of(2026, 3, 1), i % 5 == 0,
                    "Vendor " + (i % 11), "Product " + (i % 13), "Name " + i, "kev.json"));
        }
        database = AdvisoryDatabase.build(advisories, kev);
    }

    /** Several advisories per CVE (aliases merge them across ecosystems), shared and unique texts. */
    private static Advisory advisory(Random random, int i) {
        String ecosystem = ECOSYSTEMS[random.nextInt(ECOSYSTEMS.length)];
        String cve = "CVE-2026-" + (10000 + random.nextInt(1500));
        List<String> aliases = new ArrayList<>();
        if (random.nextInt(4) > 0) {
            aliases.add(random.nextBoolean() ? cve : cve.toLowerCase());
        }
        if (random.nextInt(10) == 0) {
            aliases.add("GHSA-" + Integer.toString(random.nextInt(900), 36) + "-xxxx-yyyy");
        }
        List<AffectedPackage> affected = new ArrayList<>();
        int packages = random.nextInt(4); // none, one or several packages
        for (int p = 0; p < packages; p++) {
            String name = random.nextInt(3) == 0 ? "shared-" + random.nextInt(20) : "pkg-" + random.nextInt(2000);
            List<RangeEvent> events = new ArrayList<>();
            events.add(new RangeEvent(RangeEvent.Kind.INTRODUCED, random.nextBoolean() ? "0" : random.nextInt(5) + ".0"));
            if (random.nextInt(5) > 0) {
                events.add(new RangeEvent(random.nextBoolean() ? RangeEvent.Kind.FIXED : RangeEvent.Kind.LAST_AFFECTED,
                        random.nextInt(9) + "." + random.nextInt(30) + "." + random.nextInt(i + 1)));
            }
            RangeType type = random.nextInt(8) == 0 ? RangeType.GIT : RangeType.ECOSYSTEM;
            List<VersionRange> ranges = List.of(new VersionRange(type,
                    type == RangeType.GIT ? "https://example.org/" + name + ".git" : "", events));
            List<String> versions = random.nextInt(3) == 0 ? List.of("1.0", random.nextInt(40) + ".1") : List.of();
            affected.add(new AffectedPackage(random.nextInt(20) == 0 ? "" : ecosystem, name, "",
                    new AffectedVersions(ranges, versions), List.of()));
        }
        List<SeverityScore> severities = switch (random.nextInt(3)) {
            case 0 -> List.of();
            case 1 -> List.of(new SeverityScore("CVSS_V3", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", 9.8,
                    Rating.CRITICAL));
            default -> List.of(new SeverityScore("CVSS_V3", "CVSS:3.1/garbage/" + random.nextInt(50), Double.NaN,
                    Rating.UNKNOWN, "malformed vector"));
        };
        // a summary may equal a shared string (a version): unique texts are stored again, not looked up
        String summary = switch (random.nextInt(4)) {
            case 0 -> "";
            case 1 -> "1.0";
            default -> "Summary of advisory " + i;
        };
        String details = random.nextBoolean() ? "First line of " + i + "\nsecond line" : "";
        Instant withdrawn = random.nextInt(50) == 0 ? Instant.parse("2026-03-01T00:00:00Z") : null;
        String id = ecosystem.toUpperCase().replaceAll("[^A-Z]", "") + "-" + i;
        return new Advisory(id, "gen/" + ecosystem + "/" + id + ".json", summary, details,
                Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-02-01T00:00:00Z"), withdrawn, aliases,
                List.of(), severities, affected, List.of());
    }

    @Test
    void theDefaultEncoderWritesTheSerialEncodersBytes() throws Exception {
        byte[] file = SnapshotWriter.encode(database, List.of(), kev, null, SnapshotFixtures.PROVENANCE);
        assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(file)))
                .isEqualTo(SERIAL_ENCODER_SHA256);
    }

    @ParameterizedTest(name = "{0} threads, chunks of {1}")
    @CsvSource({"1, 1000", "1, 1", "2, 1000", "2, 97", "3, 1", "4, 500", "8, 13"})
    void everyThreadCountAndChunkSizeGivesTheSameBytes(int threads, int chunkSize) throws Exception {
        assertThat(database.vulnerabilities()).hasSizeGreaterThan(chunkSize * 2 - 1);
        byte[] file = SnapshotWriter.encode(database, List.of(), kev, null, SnapshotFixtures.PROVENANCE, threads,
                chunkSize);
        assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(file)))
                .isEqualTo(SERIAL_ENCODER_SHA256);
    }

    @Test
    void theFileReadsBackWithEveryVulnerabilityAndPackage() throws Exception {
        Snapshot snapshot = Snapshot.of("generated.tdb", SnapshotWriter.encode(database, List.of(), kev, null,
                SnapshotFixtures.PROVENANCE, 2, 50));
        MemoryPackageIndex memory = MemoryPackageIndex.build(database);
        assertThat(snapshot.index().entryCount()).isEqualTo(memory.entryCount()).isGreaterThan(3000);
        assertThat(snapshot.index().packageCount()).isEqualTo(memory.packageCount());
        assertThat(snapshot.info().stats().vulnerabilities()).isEqualTo(database.vulnerabilities().size());
    }
}
