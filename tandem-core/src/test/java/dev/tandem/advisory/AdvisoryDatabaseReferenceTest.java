package dev.tandem.advisory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.advisory.cvss.Rating;
import dev.tandem.advisory.cvss.SeverityScore;
import dev.tandem.version.AffectedVersions;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The alias merge against a straightforward implementation of its documented rules (kept here, as
 * the merge was written before it worked on numbered ids): on generated advisories, the same
 * vulnerabilities in the same order, with the same ids, aliases, records, severity and KEV entries,
 * the same counts, and the same answer to a look-up by any id in any case.
 */
class AdvisoryDatabaseReferenceTest {

    private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");

    @Test
    void matchesTheReferenceOnGeneratedGroups() {
        Random random = new Random(2026_12_06L);
        for (int round = 0; round < 400; round++) {
            int pool = 1 + random.nextInt(round < 300 ? 30 : 400);
            List<String> ids = idPool(random, pool);
            List<Advisory> advisories = advisories(random, ids, 1 + random.nextInt(pool * 2));
            List<KevEntry> kev = kev(random, ids);
            assertSame(advisories, kev, ids, "round " + round);
        }
    }

    @Test
    void largeCorporaSplitBetweenTwoThreads() {
        // Thousands of groups: the per-group work and the sorts run on two threads (AliasMerge), also
        // when one id holds a NUL or a CVE id is too large to pack (every id then sorted the general way).
        Random random = new Random(2026_12_07L);
        for (String extra : List.of("", "N\u0000-1", "CVE-0001-1099511627000")) {
            List<String> ids = largeIdPool(random, 100_000);
            List<Advisory> advisories = new ArrayList<>(advisories(random, ids, 12_000));
            if (!extra.isEmpty()) {
                advisories.add(random.nextInt(advisories.size()), advisory("LATE-1", T0, List.of(extra)));
                advisories.add(advisory(extra.toLowerCase(Locale.ROOT), T0, List.of()));
                advisories.add(advisory("CVE-9999-1", T0, List.of()));
            }
            AdvisoryDatabase database = assertSame(advisories, kev(random, ids), List.of(), "large " + extra);
            assertThat(database.vulnerabilities()).hasSizeGreaterThan(4_096); // AliasMerge: two threads from 2,048 groups, sorts from 4,096
        }
    }

    @Test
    void chainsCyclesAndLargeGroups() {
        List<Advisory> advisories = new ArrayList<>();
        // A chain of 60 ids, each naming the next; a cycle of 40; a star of 30 around one CVE.
        for (int i = 0; i < 60; i++) {
            advisories.add(advisory("CHAIN-" + i, T0, List.of("chain-" + (i + 1))));
        }
        for (int i = 0; i < 40; i++) {
            advisories.add(advisory("CYCLE-" + i, T0, List.of("CYCLE-" + ((i + 1) % 40))));
        }
        for (int i = 0; i < 30; i++) {
            advisories.add(advisory("STAR-" + i, T0, List.of("cve-2024-" + (1000 + i % 3), "CVE-2024-0999")));
        }
        List<KevEntry> kev = List.of(kev("CVE-2024-1001", KevCatalog.EU), kev("CVE-2024-0999", KevCatalog.CISA),
                kev("cve-2024-1000", KevCatalog.CISA), kev("CVE-2024-1000", KevCatalog.EU));
        List<String> probes = new ArrayList<>();
        advisories.forEach(a -> probes.add(a.id()));
        AdvisoryDatabase database = assertSame(advisories, kev, probes, "chains");
        assertThat(database.vulnerabilities()).extracting(Vulnerability::id).containsExactly("CHAIN-0", "CVE-2024-0999",
                "CYCLE-0");
        assertThat(database.vulnerabilityFor("cycle-17").orElseThrow().aliases()).hasSize(39);
        assertThat(database.vulnerabilityFor("STAR-3").orElseThrow().exploited()).extracting(KevEntry::cveId)
                .containsExactly("cve-2024-1000", "CVE-2024-0999", "CVE-2024-1000", "CVE-2024-1001");
    }

    @Test
    void cveIdsTooLargeToPackAreSortedTheGeneralWay() {
        // Years 0001 and 9999 and sequences near 2^40 leave no room to pack a position beside them.
        List<Advisory> advisories = new ArrayList<>();
        Random random = new Random(7);
        for (int i = 0; i < 1_200; i++) {
            String id = switch (i % 4) {
                case 0 -> "CVE-0001-" + (1_099_511_627_000L + random.nextInt(775));
                case 1 -> "CVE-9999-" + (1000 + random.nextInt(100_000));
                case 2 -> "CVE-2024-0" + random.nextInt(1000) + "-X";
                default -> "GHSA-" + Integer.toString(random.nextInt(1 << 20), 36);
            };
            advisories.add(advisory("ADV-" + i, T0, List.of(id)));
        }
        List<String> probes = advisories.stream().map(a -> a.aliases().get(0)).toList();
        assertSame(advisories, List.of(), probes, "unpackable");
    }

    @Test
    void idsWhoseSortKeysTieOrFallAmongTheCveIds() {
        // Equal sort keys (leading zeros, case) order by the id; CVE ids CveKey does not number sort
        // among those it does.
        List<Advisory> advisories = new ArrayList<>();
        for (String id : List.of("X-0", "X-00", "x-000", "x-1", "X-01", "CVE-2024-01234", "CVE-2024-1234",
                "CVE-2024-1234-A", "CVE-2024-123", "CVE-", "CVE-X", "CVE-2024-99999999999999", "CVF-1", "CVD-1",
                "CVE-2023-1", "CVE-2024-0999", "cve-2024-1000", "A", "Z-1")) {
            advisories.add(advisory(id, T0, List.of()));
        }
        advisories.add(advisory("ADV-1", T0, List.of("cve-2022-0001", "ADV-0001")));
        AdvisoryDatabase database = assertSame(advisories, List.of(), List.of(), "ties");
        assertThat(database.vulnerabilities()).extracting(Vulnerability::id).containsExactly("A", "CVD-1", "CVE-",
                "CVE-2022-0001", "CVE-2023-1", "CVE-2024-123", "CVE-2024-0999", "CVE-2024-1000", "CVE-2024-01234",
                "CVE-2024-1234", "CVE-2024-1234-A", "CVE-2024-99999999999999", "CVE-X", "CVF-1", "X-0", "X-00",
                "x-000", "X-01", "x-1", "Z-1");
        assertThat(database.vulnerabilityFor("adv-1").orElseThrow().aliases()).containsExactly("ADV-0001", "ADV-1");
    }

    @Test
    void idsWithANulAreSortedTheGeneralWay() {
        List<Advisory> advisories = List.of(advisory("N\u0000-2", T0, List.of()), advisory("N-1", T0, List.of()),
                advisory("N\u0000-10", T0, List.of()), advisory("M-1", T0, List.of("CVE-2020-1")));
        AdvisoryDatabase database = assertSame(advisories, List.of(), List.of(), "NUL");
        assertThat(database.vulnerabilities()).extracting(Vulnerability::id).containsExactly("CVE-2020-1", "N\u0000-2",
                "N\u0000-10", "N-1");
    }

    @Test
    void idsThatUpperCaseToOtherCharacters() {
        // ß upper-cases to SS, ı to I (the same key as plain ASCII ids); the Kelvin sign upper-cases to
        // itself though equalsIgnoreCase finds it equal to k.
        List<Advisory> advisories = List.of(
                advisory("STRASSE-1", T0, List.of("X-1")),
                advisory("straße-1", T0.plusSeconds(1), List.of("Y-1")),
                advisory("\u0131D-2", T0, List.of("id-2", "CVE-2020-1")),
                advisory("\u212A-3", T0, List.of("k-3")),
                advisory("k-4", T0, List.of("\u212A-4")),
                advisory("  padded-5 ", T0, List.of(" PADDED-5", "\t", "")),
                advisory("\u00e9t\u00e9-6", T0, List.of("\u00c9T\u00c9-6", "cve-2020-\u00e96")));
        List<String> probes = List.of("strasse-1", "STRAßE-1", "ID-2", "iD-2", "\u0130D-2", "k-3", "\u212A-3", "K-3",
                "k-4", "\u212a-4", "padded-5", " padded-5", "\u00c9t\u00e9-6", "CVE-2020-\u00c96", "y-1", "x-1");
        assertSame(advisories, List.of(kev("cve-2020-\u00e96", KevCatalog.CISA), kev(" CVE-2020-1", KevCatalog.CISA),
                kev("CVE-2020-1", KevCatalog.EU)), probes, "non-ASCII");
    }

    @Test
    void severityPreferenceIsTheDocumentedOrder() {
        List<SeverityScore> scores = scores();
        Comparator<SeverityScore> documented = Comparator
                .comparingInt((SeverityScore s) -> s.rating().ordinal())
                .thenComparing((SeverityScore s) -> s.isScored() ? -s.baseScore() : Double.POSITIVE_INFINITY)
                .thenComparingInt(s -> -Reference.cvssGeneration(s));
        for (SeverityScore a : scores) {
            for (SeverityScore b : scores) {
                assertThat(Integer.signum(AdvisoryDatabase.SEVERITY_PREFERENCE.compare(a, b)))
                        .as("%s vs %s", a, b).isEqualTo(Integer.signum(documented.compare(a, b)));
            }
        }
    }

    private static AdvisoryDatabase assertSame(List<Advisory> advisories, List<KevEntry> kev, List<String> probes,
            String what) {
        AdvisoryDatabase database = AdvisoryDatabase.build(advisories, kev);
        Reference expected = Reference.build(advisories, kev);
        assertThat(database.stats()).as(what).isEqualTo(expected.stats);
        assertThat(database.unmatchedKev()).as(what).isEqualTo(expected.unmatchedKev);
        List<Vulnerability> actual = database.vulnerabilities();
        // Lists compared by equals (linear; containsExactly's diff is quadratic on large corpora).
        assertThat(actual.stream().map(Vulnerability::id).toList()).as(what)
                .isEqualTo(expected.vulnerabilities.stream().map(Vulnerability::id).toList());
        for (int i = 0; i < actual.size(); i++) {
            Vulnerability a = actual.get(i);
            Vulnerability e = expected.vulnerabilities.get(i);
            if (sameVulnerability(a, e)) {
                continue; // checked without AssertJ: large corpora hold tens of thousands
            }
            assertThat(a.aliases()).as(what + " " + e.id()).containsExactlyElementsOf(e.aliases());
            assertThat(a.aliases().comparator()).isSameAs(AdvisoryIdOrder.INSTANCE);
            assertThat(a.advisories()).as(what + " " + e.id()).hasSameSizeAs(e.advisories());
            for (int r = 0; r < a.advisories().size(); r++) {
                assertThat(a.advisories().get(r)).as(what + " " + e.id()).isSameAs(e.advisories().get(r));
            }
            assertThat(a.severity()).as(what + " " + e.id()).isEqualTo(e.severity());
            assertThat(a.exploited()).as(what + " " + e.id()).containsExactlyElementsOf(e.exploited());
            assertThat(a).isEqualTo(e);
        }
        Set<Vulnerability> listed = Collections.newSetFromMap(new IdentityHashMap<>());
        listed.addAll(actual);
        Set<String> allProbes = new LinkedHashSet<>(probes);
        for (Advisory advisory : advisories) {
            allProbes.add(advisory.id());
            allProbes.addAll(advisory.aliases());
        }
        for (String probe : allProbes) {
            for (String variant : List.of(probe, probe.toLowerCase(Locale.ROOT), probe.toUpperCase(Locale.ROOT),
                    " " + probe + "\t")) {
                Optional<Vulnerability> found = database.vulnerabilityFor(variant);
                Optional<Vulnerability> reference = expected.vulnerabilityFor(variant);
                if (!found.map(Vulnerability::id).equals(reference.map(Vulnerability::id))
                        || found.isPresent() && !listed.contains(found.get())) {
                    assertThat(found.map(Vulnerability::id)).as(what + " look-up " + variant)
                            .isEqualTo(reference.map(Vulnerability::id));
                    assertThat(listed.contains(found.get())).as(what + " look-up " + variant + " listed").isTrue();
                }
            }
        }
        assertThat(database.vulnerabilityFor(null)).isEmpty();
        return database;
    }

    /** Equal ids, aliases (in order, the merge's comparator), the same record objects, severity and KEV entries. */
    private static boolean sameVulnerability(Vulnerability a, Vulnerability e) {
        if (!a.equals(e) || a.aliases().comparator() != AdvisoryIdOrder.INSTANCE
                || !List.copyOf(a.aliases()).equals(List.copyOf(e.aliases()))
                || !Objects.equals(a.severity(), e.severity()) || !a.exploited().equals(e.exploited())
                || a.advisories().size() != e.advisories().size()) {
            return false;
        }
        for (int r = 0; r < a.advisories().size(); r++) {
            if (a.advisories().get(r) != e.advisories().get(r)) {
                return false;
            }
        }
        return true;
    }

    private static List<String> idPool(Random random, int size) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            int year = 2019 + random.nextInt(6);
            String id = switch (random.nextInt(12)) {
                case 0, 1, 2 -> "CVE-" + year + "-" + (random.nextBoolean() ? String.format("%04d", random.nextInt(10_000))
                        : Integer.toString(10_000 + random.nextInt(90_000_000)));
                case 3 -> "cve-" + year + "-" + (1000 + random.nextInt(9000));
                case 4 -> "GHSA-" + word(random) + "-" + word(random) + "-" + word(random);
                case 5 -> "GO-" + year + "-" + random.nextInt(30);
                case 6 -> "PYSEC-" + year + "-" + random.nextInt(300);
                case 7 -> "MAL-" + year + "-" + random.nextInt(50);
                case 8 -> "RUSTSEC-" + year + "-" + String.format("%04d", random.nextInt(100));
                case 9 -> "CVE-" + year + "-0" + random.nextInt(100_000); // not a canonical CVE id
                case 10 -> "DSA-" + random.nextInt(6000) + "-" + random.nextInt(3);
                default -> "USN-" + random.nextInt(7000) + "-1";
            };
            ids.add(id);
        }
        return ids;
    }

    /** Mostly distinct ids (few shared ones, so the groups stay small), with idPool's shapes mixed in. */
    private static List<String> largeIdPool(Random random, int size) {
        List<String> ids = new ArrayList<>(idPool(random, size / 20));
        for (int i = ids.size(); i < size; i++) {
            int year = 2019 + random.nextInt(6);
            ids.add(switch (i % 5) {
                case 0, 1 -> "CVE-" + year + "-" + (1000 + i);
                case 2 -> "GHSA-" + Integer.toString(i, 36) + "-" + word(random) + "-" + word(random);
                case 3 -> "UBUNTU-CVE-" + year + "-" + i;
                default -> "mal-" + year + "-" + i;
            });
        }
        Collections.shuffle(ids, random);
        return ids;
    }

    private static String word(Random random) {
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < 4; i++) {
            word.append((char) ('a' + random.nextInt(4)));
        }
        return word.toString();
    }

    private static List<Advisory> advisories(Random random, List<String> ids, int count) {
        List<Advisory> advisories = new ArrayList<>();
        List<SeverityScore> scores = scores();
        for (int i = 0; i < count; i++) {
            String id = variant(random, ids.get(random.nextInt(ids.size())));
            List<String> aliases = new ArrayList<>();
            int aliasCount = random.nextInt(10) < 2 ? 0 : 1 + random.nextInt(random.nextInt(10) == 0 ? 8 : 3);
            for (int a = 0; a < aliasCount; a++) {
                aliases.add(random.nextInt(30) == 0 ? (random.nextBoolean() ? "" : "  ")
                        : variant(random, ids.get(random.nextInt(ids.size()))));
            }
            Instant modified = random.nextInt(8) == 0 ? null : T0.plusSeconds(random.nextInt(3));
            Instant withdrawn = random.nextInt(15) == 0 ? T0 : null;
            AdvisoryFeed feed = random.nextInt(8) == 0 ? (random.nextBoolean() ? AdvisoryFeed.NVD : AdvisoryFeed.CVE)
                    : AdvisoryFeed.OSV;
            List<SeverityScore> severities = new ArrayList<>();
            List<AffectedPackage> affected = new ArrayList<>();
            for (int s = random.nextInt(3); s > 0; s--) {
                severities.add(scores.get(random.nextInt(scores.size())));
            }
            if (random.nextInt(4) == 0) {
                affected.add(new AffectedPackage("npm", "p" + i, "", new AffectedVersions(List.of(), List.of()),
                        List.of(scores.get(random.nextInt(scores.size())))));
            }
            advisories.add(new Advisory(id, "a" + i + ".json", "", "", null, modified, withdrawn, aliases,
                    random.nextInt(5) == 0 ? List.of(ids.get(random.nextInt(ids.size()))) : List.of(), severities,
                    affected, List.of(), feed));
        }
        return advisories;
    }

    /** The id as another advisory might write it: another case, or padded. */
    private static String variant(Random random, String id) {
        return switch (random.nextInt(10)) {
            case 0 -> id.toLowerCase(Locale.ROOT);
            case 1 -> id.toUpperCase(Locale.ROOT);
            case 2 -> " " + id;
            default -> id;
        };
    }

    private static List<KevEntry> kev(Random random, List<String> ids) {
        List<KevEntry> kev = new ArrayList<>();
        for (int i = random.nextInt(Math.max(1, ids.size() / 2)); i > 0; i--) {
            String id = random.nextInt(6) == 0 ? "CVE-2099-" + random.nextInt(50) : variant(random, ids.get(random.nextInt(ids.size())));
            kev.add(kev(id, random.nextBoolean() ? KevCatalog.CISA : KevCatalog.EU));
        }
        return kev;
    }

    private static KevEntry kev(String id, KevCatalog catalog) {
        return new KevEntry(id, catalog, LocalDate.of(2024, 1, 1), null, false, "", "", id, "kev.json");
    }

    private static List<SeverityScore> scores() {
        return List.of(
                new SeverityScore("CVSS_V3", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", 9.8, Rating.CRITICAL),
                new SeverityScore("CVSS_V4", "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N", 9.8,
                        Rating.CRITICAL),
                new SeverityScore("CVSS_V3", "CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", 9.8, Rating.CRITICAL),
                new SeverityScore("CVSS_V2", "AV:N/AC:L/Au:N/C:C/I:C/A:C", 10.0, Rating.HIGH),
                new SeverityScore("CVSS_V3", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N", 7.5, Rating.HIGH),
                new SeverityScore("database_specific", "HIGH", Double.NaN, Rating.HIGH),
                new SeverityScore("Ubuntu", "medium", Double.NaN, Rating.MEDIUM),
                new SeverityScore("CVSS_V3", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N", 7.5, Rating.HIGH, "",
                        "NVD CVE-2024-1, nvd@nist.gov, Primary"),
                new SeverityScore("CVSS_V3", "CVSS:3.1/AV:N", Double.NaN, Rating.UNKNOWN, "malformed"));
    }

    private static Advisory advisory(String id, Instant modified, List<String> aliases) {
        return new Advisory(id, "a.json", "", "", null, modified, null, aliases, List.of(), List.of(), List.of(),
                List.of());
    }

    /** The merge as documented, written plainly: maps keyed by upper-cased strings, a TreeSet per group. */
    private static final class Reference {
        final List<Vulnerability> vulnerabilities;
        final Map<String, Vulnerability> byId;
        final List<String> unmatchedKev;
        final AdvisoryDatabase.Stats stats;

        private Reference(List<Vulnerability> vulnerabilities, Map<String, Vulnerability> byId, List<String> unmatchedKev,
                AdvisoryDatabase.Stats stats) {
            this.vulnerabilities = vulnerabilities;
            this.byId = byId;
            this.unmatchedKev = unmatchedKev;
            this.stats = stats;
        }

        Optional<Vulnerability> vulnerabilityFor(String id) {
            return Optional.ofNullable(byId.get(key(id.strip())));
        }

        static Reference build(List<Advisory> advisories, List<KevEntry> kev) {
            long withdrawn = 0;
            long rejected = 0;
            long osv = 0;
            // Withdrawn dropped; per (feed, id) the latest modified, the first on a tie or when one is unknown.
            Map<List<Object>, Advisory> latest = new LinkedHashMap<>();
            for (Advisory advisory : advisories) {
                boolean record = advisory.feed().isCveRecord();
                if (advisory.isWithdrawn()) {
                    if (record) {
                        rejected++;
                    } else {
                        withdrawn++;
                    }
                    continue;
                }
                if (!record) {
                    osv++;
                }
                latest.merge(List.of(advisory.feed(), key(advisory.id().strip())), advisory, (a, b) ->
                        a.modified() != null && b.modified() != null && b.modified().isAfter(a.modified()) ? b : a);
            }
            long liveOsv = latest.values().stream().filter(a -> !a.feed().isCveRecord()).count();

            // Ids in order of first sight; displayed as first written (a CVE id upper-cased).
            Map<String, String> display = new LinkedHashMap<>();
            Map<String, Set<String>> edges = new HashMap<>();
            for (Advisory advisory : latest.values()) {
                String own = key(advisory.id().strip());
                display.putIfAbsent(own, isCve(own) ? own : advisory.id());
                edges.computeIfAbsent(own, k -> new LinkedHashSet<>());
                for (String alias : advisory.aliases()) {
                    if (alias.isBlank()) {
                        continue;
                    }
                    String other = key(alias.strip());
                    display.putIfAbsent(other, isCve(other) ? other : alias.strip());
                    edges.computeIfAbsent(own, k -> new LinkedHashSet<>()).add(other);
                    edges.computeIfAbsent(other, k -> new LinkedHashSet<>()).add(own);
                }
            }
            // Connected components by breadth-first search; a group is numbered by its first record.
            Map<String, Integer> component = new HashMap<>();
            List<List<Advisory>> groupRecords = new ArrayList<>();
            for (Advisory advisory : latest.values()) {
                String own = key(advisory.id().strip());
                if (!component.containsKey(own)) {
                    int group = groupRecords.size();
                    groupRecords.add(new ArrayList<>());
                    List<String> queue = new ArrayList<>(List.of(own));
                    component.put(own, group);
                    for (int q = 0; q < queue.size(); q++) {
                        for (String next : edges.getOrDefault(queue.get(q), Set.of())) {
                            if (component.putIfAbsent(next, group) == null) {
                                queue.add(next);
                            }
                        }
                    }
                }
                groupRecords.get(component.get(own)).add(advisory);
            }
            List<List<String>> groupIds = new ArrayList<>();
            groupRecords.forEach(g -> groupIds.add(new ArrayList<>()));
            display.keySet().forEach(id -> groupIds.get(component.get(id)).add(id));

            Map<String, List<KevEntry>> kevById = new LinkedHashMap<>();
            for (KevEntry entry : kev) {
                List<KevEntry> entries = kevById.computeIfAbsent(key(entry.cveId()), k -> new ArrayList<>());
                if (entries.stream().noneMatch(e -> e.catalog() == entry.catalog())) {
                    entries.add(entry);
                }
            }
            List<Vulnerability> vulnerabilities = new ArrayList<>();
            Map<String, Vulnerability> byId = new HashMap<>();
            long kevMatched = 0;
            for (int g = 0; g < groupRecords.size(); g++) {
                List<String> members = groupIds.get(g);
                List<KevEntry> exploited = new ArrayList<>();
                for (String id : members) {
                    if (kevById.containsKey(id)) {
                        exploited.addAll(kevById.get(id));
                        kevMatched++;
                    }
                }
                exploited.sort(Comparator.comparing(KevEntry::catalog));
                List<Advisory> records = groupRecords.get(g);
                String preferred = members.stream().filter(Reference::isCve).min(AdvisoryIdOrder.INSTANCE)
                        .orElseGet(() -> records.stream().map(Advisory::id).min(AdvisoryIdOrder.INSTANCE)
                                .orElseThrow());
                TreeSet<String> aliases = new TreeSet<>(AdvisoryIdOrder.INSTANCE);
                for (String id : members) {
                    if (!display.get(id).equalsIgnoreCase(preferred)) {
                        aliases.add(display.get(id));
                    }
                }
                Vulnerability vulnerability = new Vulnerability(preferred, aliases, groupRecords.get(g),
                        strongest(groupRecords.get(g)), exploited);
                vulnerabilities.add(vulnerability);
                members.forEach(id -> byId.put(id, vulnerability));
            }
            vulnerabilities.sort(Comparator.comparing((Vulnerability v) -> AdvisoryIdOrder.sortKey(v.id()))
                    .thenComparing(Vulnerability::id));
            List<String> unmatched = new ArrayList<>(kevById.keySet());
            unmatched.removeIf(byId::containsKey);
            unmatched.sort(AdvisoryIdOrder.INSTANCE);
            AdvisoryDatabase.Stats stats = new AdvisoryDatabase.Stats(liveOsv, withdrawn, osv - liveOsv,
                    vulnerabilities.size(), kev.size(), kevMatched, unmatched.size(), latest.size() - liveOsv, rejected);
            return new Reference(vulnerabilities, byId, unmatched, stats);
        }

        /** The OSV advisories' strongest score, else the records'; the first of equals; named by its advisory. */
        static SeverityScore strongest(List<Advisory> advisories) {
            for (boolean records : new boolean[] {false, true}) {
                SeverityScore best = null;
                for (Advisory advisory : advisories) {
                    if (advisory.feed().isCveRecord() != records) {
                        continue;
                    }
                    List<SeverityScore> all = new ArrayList<>(advisory.severities());
                    advisory.affected().forEach(a -> all.addAll(a.severities()));
                    for (SeverityScore score : all) {
                        SeverityScore sourced = score.source().isEmpty()
                                ? score.withSource(advisory.feed().label() + " " + advisory.id()) : score;
                        if (best == null || compare(sourced, best) < 0) {
                            best = sourced;
                        }
                    }
                }
                if (best != null) {
                    return best;
                }
            }
            return null;
        }

        private static int compare(SeverityScore a, SeverityScore b) {
            int rating = Integer.compare(a.rating().ordinal(), b.rating().ordinal());
            if (rating != 0) {
                return rating;
            }
            double scoreA = a.isScored() ? a.baseScore() : Double.NEGATIVE_INFINITY;
            double scoreB = b.isScored() ? b.baseScore() : Double.NEGATIVE_INFINITY;
            return scoreA != scoreB ? Double.compare(scoreB, scoreA) : Integer.compare(cvssGeneration(b), cvssGeneration(a));
        }

        static int cvssGeneration(SeverityScore score) {
            if (!score.isScored()) {
                return 0;
            }
            String vector = score.vector().strip();
            return vector.startsWith("CVSS:4.0/") ? 4 : vector.startsWith("CVSS:3.1/") ? 3
                    : vector.startsWith("CVSS:3.0/") ? 2 : 1;
        }

        private static boolean isCve(String key) {
            return key.startsWith("CVE-");
        }

        private static String key(String id) {
            return id.toUpperCase(Locale.ROOT);
        }
    }
}
