package dev.tandem.snapshot;

import dev.tandem.advisory.Advisory;
import dev.tandem.advisory.AdvisoryDatabase;
import dev.tandem.advisory.AdvisoryLoader;
import dev.tandem.advisory.AffectedPackage;
import dev.tandem.advisory.KevCatalog;
import dev.tandem.advisory.KevEntry;
import dev.tandem.advisory.KevReader;
import dev.tandem.advisory.LoadListener;
import dev.tandem.advisory.LoadOptions;
import dev.tandem.advisory.cvss.Rating;
import dev.tandem.advisory.cvss.SeverityScore;
import dev.tandem.input.InputException;
import dev.tandem.version.AffectedVersions;
import dev.tandem.version.RangeEvent;
import dev.tandem.version.RangeType;
import dev.tandem.version.VersionRange;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Advisories for snapshot tests: the bundled real examples plus hand-made records covering every OSV shape. */
final class SnapshotFixtures {

    static final Path EXAMPLES = Path.of("../examples/advisories");
    static final Path CISA = Path.of("../examples/kev/cisa-known-exploited-vulnerabilities.json");
    static final Path EU = Path.of("../examples/kev/eu-kev.json");
    static final SnapshotProvenance PROVENANCE = new SnapshotProvenance("test", Instant.parse("2026-11-22T10:00:00Z"),
            List.of("../examples/advisories", "hand-made"), List.of("cisa.json"));

    private SnapshotFixtures() {
    }

    static List<Advisory> advisories() throws InputException {
        List<Advisory> all = new ArrayList<>(AdvisoryLoader.load(List.of(EXAMPLES), LoadOptions.strict(),
                LoadListener.NONE).advisories());
        all.addAll(handMade());
        return all;
    }

    static List<KevEntry> kev() throws InputException {
        List<KevEntry> entries = new ArrayList<>(KevReader.read(CISA));
        entries.addAll(KevReader.read(EU));
        entries.add(new KevEntry("CVE-2099-0001", KevCatalog.CISA, LocalDate.of(2026, 1, 2), LocalDate.of(2026, 1, 23),
                true, "Example", "Widget", "Widget RCE", "hand-made"));
        entries.add(new KevEntry("cve-2099-0001", KevCatalog.EU, LocalDate.of(2026, 1, 5), null, false, "", "", "",
                "hand-made"));
        return entries;
    }

    static AdvisoryDatabase database() throws InputException {
        return AdvisoryDatabase.build(advisories(), kev());
    }

    private static AffectedPackage pkg(String ecosystem, String name, List<VersionRange> ranges, List<String> versions) {
        return new AffectedPackage(ecosystem, name, "", new AffectedVersions(ranges, versions), List.of());
    }

    private static VersionRange range(RangeType type, String... kindAndVersion) {
        List<RangeEvent> events = new ArrayList<>();
        for (int i = 0; i < kindAndVersion.length; i += 2) {
            events.add(new RangeEvent(RangeEvent.Kind.valueOf(kindAndVersion[i]), kindAndVersion[i + 1]));
        }
        return new VersionRange(type, type == RangeType.GIT ? "https://example.org/repo.git" : "", events);
    }

    private static Advisory advisory(String id, String summary, String details, List<String> aliases,
            List<SeverityScore> severities, List<AffectedPackage> affected, Instant withdrawn) {
        return new Advisory(id, "hand-made/" + id + ".json", summary, details, Instant.parse("2026-01-01T00:00:00Z"),
                Instant.parse("2026-02-01T00:00:00Z"), withdrawn, aliases, List.of(), severities, affected, List.of());
    }

    static List<Advisory> handMade() {
        SeverityScore critical = new SeverityScore("CVSS_V3", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", 9.8,
                Rating.CRITICAL);
        SeverityScore unparsed = new SeverityScore("CVSS_V3", "CVSS:3.1/garbage", Double.NaN, Rating.UNKNOWN,
                "malformed vector");
        return List.of(
                advisory("GHSA-aaaa-bbbb-cccc", "Two introduced/fixed pairs in a Maven artifact", "",
                        List.of("CVE-2099-0001"), List.of(critical),
                        List.of(pkg("Maven", "org.example:widget", List.of(range(RangeType.ECOSYSTEM,
                                "INTRODUCED", "1.0", "FIXED", "1.2.3", "INTRODUCED", "2.0", "FIXED", "2.0.5")), List.of())),
                        null),
                advisory("PYSEC-2099-1", "", "First line of the details, shown when there is no summary.\nSecond line.",
                        List.of("CVE-2099-0001"), List.of(unparsed),
                        List.of(pkg("PyPI", "Django_Rest.Framework", List.of(range(RangeType.ECOSYSTEM,
                                "INTRODUCED", "0", "LAST_AFFECTED", "3.14.0")), List.of("3.14.0", "3.13.1")),
                                pkg("npm", "@scope/left-pad", List.of(range(RangeType.SEMVER,
                                        "INTRODUCED", "0", "FIXED", "1.3.1", "LIMIT", "2.0.0")), List.of())),
                        null),
                advisory("DEBIAN-CVE-2099-0002", "Limited to one Debian release", "", List.of("CVE-2099-0002"), List.of(),
                        List.of(pkg("Debian:12", "openssl", List.of(range(RangeType.ECOSYSTEM,
                                "INTRODUCED", "0", "FIXED", "3.0.11-1~deb12u2")), List.of())),
                        null),
                advisory("OSV-2099-GIT", "Only a GIT range", "", List.of(), List.of(),
                        List.of(pkg("crates.io", "gitonly", List.of(range(RangeType.GIT,
                                "INTRODUCED", "0", "FIXED", "abcdef0123456789")), List.of()),
                                pkg("", "", List.of(range(RangeType.GIT, "INTRODUCED", "0")), List.of())),
                        null),
                advisory("OSV-2099-UNKNOWN", "An ecosystem without ordering, non-ASCII name ünïcode ✓", "", List.of(),
                        List.of(), List.of(pkg("Hackage", "aeson-ünï", List.of(range(RangeType.ECOSYSTEM,
                                "INTRODUCED", "0", "FIXED", "2.0")), List.of("1.0"))),
                        null),
                advisory("GHSA-wwww-dddd-zzzz", "Withdrawn, must not appear", "", List.of("CVE-2099-0003"), List.of(),
                        List.of(pkg("npm", "withdrawn-pkg", List.of(range(RangeType.SEMVER, "INTRODUCED", "0")),
                                List.of())),
                        Instant.parse("2026-03-01T00:00:00Z")));
    }
}
