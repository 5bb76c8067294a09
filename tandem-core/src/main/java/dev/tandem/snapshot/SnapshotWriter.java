package dev.tandem.snapshot;

import dev.tandem.advisory.Advisory;
import dev.tandem.advisory.AdvisoryDatabase;
import dev.tandem.advisory.AffectedPackage;
import dev.tandem.advisory.EpssTable;
import dev.tandem.advisory.KevEntry;
import dev.tandem.advisory.Vulnerability;
import dev.tandem.advisory.cvss.SeverityScore;
import dev.tandem.advisory.nvd.CveRecord;
import dev.tandem.cpe.ApplicabilityNode;
import dev.tandem.cpe.CpeMatch;
import dev.tandem.match.EcosystemName;
import dev.tandem.match.IndexEntry;
import dev.tandem.match.PackageNames;
import dev.tandem.version.RangeEvent;
import dev.tandem.version.VersionRange;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Encodes an {@link AdvisoryDatabase} (and the KEV entries it was built with) as a snapshot. The
 * output depends only on its inputs: the same database and provenance give the same bytes.
 * Package entries keep the database order, so a snapshot index answers lookups exactly as the
 * in-memory index does.
 */
public final class SnapshotWriter {

    private StringTable strings = new StringTable(16);

    private SnapshotWriter() {
    }

    /** The whole snapshot file: header and payload; where it is stored is the caller's business. */
    public static byte[] encode(AdvisoryDatabase database, List<KevEntry> kev, SnapshotProvenance provenance) {
        return encode(database, List.of(), kev, null, provenance);
    }

    /** A snapshot with a day's EPSS scores ({@code epss} null for none). */
    public static byte[] encode(AdvisoryDatabase database, List<KevEntry> kev, EpssTable epss,
            SnapshotProvenance provenance) {
        return encode(database, List.of(), kev, epss, provenance);
    }

    /** A snapshot with NVD/CVE records, without EPSS scores. */
    public static byte[] encode(AdvisoryDatabase database, List<CveRecord> records, List<KevEntry> kev,
            SnapshotProvenance provenance) {
        return encode(database, records, kev, null, provenance);
    }

    /**
     * The whole snapshot file of a database built from OSV advisories and NVD/CVE records (whose
     * advisories are in the database): the records the database kept, with their configurations,
     * indexed by the CPE products they name as vulnerable; and a day's EPSS scores ({@code epss}
     * null for none).
     */
    public static byte[] encode(AdvisoryDatabase database, List<CveRecord> records, List<KevEntry> kev,
            EpssTable epss, SnapshotProvenance provenance) {
        return new SnapshotWriter().file(database, records, kev, epss, provenance);
    }

    /** A text stored without the dictionary (see {@link StringTable#unique}). */
    private int unique(String text) {
        return strings.unique(text);
    }

    private int string(String text) {
        return strings.number(text);
    }

    /**
     * An ecosystem base (Debian for Debian:12, Debian:11 and Debian) while encoding: its tally and its
     * packages' ordinals by normalised name.
     */
    private static final class Base {
        final String name;
        final Tally tally = new Tally();
        final StringIndex packages = new StringIndex(64);
        /** The last advisory counted in {@code tally.advisories}. */
        int advisory = -1;

        Base(String name) {
            this.name = name;
        }
    }

    /** The bases by ecosystem as written, and by name. */
    private final Map<String, Base> basesByWritten = new HashMap<>();
    private final Map<String, Base> bases = new HashMap<>();
    private String lastWritten;
    private Base lastBase;

    /** The base of an ecosystem as written: consecutive entries mostly share the decoder's one String. */
    private Base base(String written) {
        if (written != lastWritten) {
            Base base = basesByWritten.get(written);
            if (base == null) {
                base = bases.computeIfAbsent(EcosystemName.parse(written).base(), Base::new);
                basesByWritten.put(written, base);
            }
            lastWritten = written;
            lastBase = base;
        }
        return lastBase;
    }

    /** Per-ecosystem tallies while encoding. */
    private static final class Tally {
        long advisories;
        long packages;
        long entries;
    }

    private byte[] file(AdvisoryDatabase database, List<CveRecord> records, List<KevEntry> kev, EpssTable epss,
            SnapshotProvenance provenance) {
        List<Vulnerability> vulnerabilities = database.vulnerabilities();
        // Sized for the corpus up front (OSV feeds give about six dictionary texts per vulnerability,
        // 2.69 million texts for 440,808 vulnerabilities): a dictionary of millions of texts is not
        // rehashed for free.
        strings = new StringTable(Math.max(16, vulnerabilities.size() * 6));
        PayloadWriter vulnerabilityBlob = new PayloadWriter(vulnerabilities.size() * 64);
        int[] vulnerabilityOffsets = new int[vulnerabilities.size()];
        PackageEntries entries = new PackageEntries(vulnerabilities.size() / 2, vulnerabilities.size() * 4,
                (int) Math.min(SnapshotFormat.MAX_PAYLOAD, vulnerabilities.size() * 48L));
        ids = new Ids(vulnerabilities.size() * 3);
        if (Runtime.getRuntime().availableProcessors() > 1) {
            strings.encodeAlongside();
        }
        try {
            for (int v = 0; v < vulnerabilities.size(); v++) {
                vulnerabilityOffsets[v] = vulnerabilityBlob.size();
                add(vulnerabilityBlob, entries, v, vulnerabilities.get(v));
                strings.publish();
            }
            return sections(database, records, kev, epss, provenance, vulnerabilityBlob, vulnerabilityOffsets,
                    entries);
        } finally {
            strings.abandon(); // stops the encoding thread if anything failed before the strings section
        }
    }

    /** Every section once the vulnerabilities are encoded, and the file they make. */
    private byte[] sections(AdvisoryDatabase database, List<CveRecord> records, List<KevEntry> kev, EpssTable epss,
            SnapshotProvenance provenance, PayloadWriter vulnerabilityBlob, int[] vulnerabilityOffsets,
            PackageEntries entries) {
        List<Vulnerability> vulnerabilities = database.vulnerabilities();
        long entryCount = entries.entryCount();
        Map<String, Tally> tallies = new TreeMap<>();
        for (Base base : bases.values()) {
            if (base.tally.entries > 0) {
                tallies.put(base.name, base.tally);
            }
        }

        int packageCount = entries.packageCount();
        PayloadWriter packageTable = new PayloadWriter(4 + packageCount * SnapshotFormat.PACKAGE_ROW);
        packageTable.i32(packageCount);
        int[] packageHashes = new int[packageCount];
        int[] packageOffsets = entries.offsets();
        for (int p = 0; p < packageCount; p++) {
            String ecosystem = packageNames.get(2 * p);
            String name = packageNames.get(2 * p + 1);
            packageTable.i32(string(ecosystem));
            packageTable.i32(string(name));
            packageTable.i32(packageOffsets[p]);
            packageTable.i32(entries.count(p));
            packageHashes[p] = SnapshotFormat.packageHash(ecosystem, name);
        }
        PayloadWriter packageHash = hashTable(packageHashes, null, null);

        PayloadWriter vulnerabilityTable = new PayloadWriter(4 + vulnerabilities.size() * 4);
        vulnerabilityTable.i32(vulnerabilities.size());
        for (int offset : vulnerabilityOffsets) {
            vulnerabilityTable.i32(offset);
        }
        PayloadWriter idHash = hashTable(Arrays.copyOf(ids.hashes, ids.count), ids.strings, ids.vulnerabilities);

        PayloadWriter kevSection = new PayloadWriter(kev.size() * 16 + 8);
        kevSection.varint(kev.size());
        for (KevEntry entry : kev) {
            kevEntry(kevSection, entry);
        }

        CpeSections cpe = cpeSections(vulnerabilities, records);

        PayloadWriter meta = new PayloadWriter(256);
        meta(meta, database.stats(), provenance, packageCount, entryCount, tallies, cpe.records, cpe.products);
        PayloadWriter epssSection = epss(epss);

        EncodedSection stringSection = strings.section(); // last: every other section has interned its strings
        EncodedSection[] sections = new EncodedSection[SnapshotFormat.SECTION_COUNT];
        sections[SnapshotFormat.META] = meta;
        sections[SnapshotFormat.STRINGS] = stringSection;
        sections[SnapshotFormat.PACKAGES] = packageTable;
        sections[SnapshotFormat.PACKAGE_HASH] = packageHash;
        sections[SnapshotFormat.ENTRIES] = entries;
        sections[SnapshotFormat.VULNERABILITIES] = vulnerabilityTable;
        sections[SnapshotFormat.VULNERABILITY_BLOB] = vulnerabilityBlob;
        sections[SnapshotFormat.ID_HASH] = idHash;
        sections[SnapshotFormat.KEV] = kevSection;
        sections[SnapshotFormat.EPSS] = epssSection;
        sections[SnapshotFormat.CPE_PRODUCTS] = cpe.productTable;
        sections[SnapshotFormat.CPE_PRODUCT_HASH] = cpe.productHash;
        sections[SnapshotFormat.CPE_ENTRIES] = cpe.entries;
        sections[SnapshotFormat.CVE_RECORDS] = cpe.recordTable;
        sections[SnapshotFormat.CVE_RECORD_BLOB] = cpe.recordBlob;
        return assemble(sections);
    }

    private Ids ids;
    /** Counts every advisory of the database, so a base counts each advisory once. */
    private int advisoryOrdinal;

    /**
     * One vulnerability: its record, its id keys, then its advisories' package entries — the order
     * in which the serial encoder has always numbered their texts. A method of its own (not the body
     * of {@link #file}'s loop), so the JIT compiles it small and early instead of replacing the
     * whole of {@code file} on the stack.
     */
    private void add(PayloadWriter vulnerabilityBlob, PackageEntries entries, int v, Vulnerability vulnerability) {
        vulnerability(vulnerabilityBlob, vulnerability);
        // Every id of the vulnerability, upper-cased, its first vulnerability only; a
        // vulnerability's own advisory ids are among its aliases or its id.
        ids.add(vulnerability.id(), v);
        for (String alias : vulnerability.aliases()) {
            ids.add(alias, v);
        }
        List<Advisory> advisories = vulnerability.advisories();
        for (Advisory advisory : advisories) {
            if (!isNamedBy(vulnerability, advisory.id())) {
                ids.add(advisory.id(), v);
            }
        }
        for (int a = 0; a < advisories.size(); a++, advisoryOrdinal++) {
            for (AffectedPackage affected : advisories.get(a).affected()) {
                if (IndexEntry.isIndexable(affected)) {
                    addEntry(entries, v, a, affected);
                }
            }
        }
    }

    /**
     * Whether {@code id} is the very String of the vulnerability's id or of one of its aliases (the
     * merge hands them over as they are): adding it again would find its key already met, so the
     * upper-casing and the look-up are skipped. Compares references only; an equal copy is added.
     */
    private static boolean isNamedBy(Vulnerability vulnerability, String id) {
        if (id == vulnerability.id()) {
            return true;
        }
        for (String alias : vulnerability.aliases()) {
            if (id == alias) {
                return true;
            }
        }
        return false;
    }

    private void addEntry(PackageEntries entries, int v, int a, AffectedPackage affected) {
        Base base = base(affected.ecosystem());
        String name = PackageNames.key(base.name, affected.name()).name();
        int packageOrdinal = base.packages.putIfAbsent(name, entries.packageCount());
        if (packageOrdinal == StringIndex.ABSENT) {
            packageOrdinal = entries.addPackage();
            packageNames.add(base.name);
            packageNames.add(name);
            base.tally.packages++;
        }
        entry(entries.begin(packageOrdinal), v, a, affected);
        base.tally.entries++;
        if (base.advisory != advisoryOrdinal) {
            base.advisory = advisoryOrdinal;
            base.tally.advisories++;
        }
    }

    /** Each package's base and normalised name, in ordinal order (two per package). */
    private final List<String> packageNames = new ArrayList<>();

    /**
     * The id keys while encoding: every id and alias upper-cased, the first time it is met, with its
     * string, its hash and the vulnerability it leads to. A key met before is in the string table
     * (it was numbered then), so a flag per string number says whether it was met: one dictionary
     * look-up per id, not a set of its own beside the table.
     */
    private final class Ids {
        final BitSet seen = new BitSet();
        int[] strings;
        int[] hashes;
        int[] vulnerabilities;
        int count;

        Ids(int expected) {
            strings = new int[Math.max(16, expected)];
            hashes = new int[strings.length];
            vulnerabilities = new int[strings.length];
        }

        void add(String id, int vulnerability) {
            String key = id.toUpperCase(Locale.ROOT);
            int number = string(key);
            if (seen.get(number)) {
                return;
            }
            seen.set(number);
            if (count == strings.length) {
                strings = Arrays.copyOf(strings, count * 2);
                hashes = Arrays.copyOf(hashes, count * 2);
                vulnerabilities = Arrays.copyOf(vulnerabilities, count * 2);
            }
            strings[count] = number;
            hashes[count] = SnapshotFormat.idHash(key);
            vulnerabilities[count] = vulnerability;
            count++;
        }
    }

    /** The five CPE sections and their counts. */
    private static final class CpeSections {
        PayloadWriter productTable;
        PayloadWriter productHash;
        PayloadWriter entries;
        PayloadWriter recordTable;
        PayloadWriter recordBlob;
        long records;
        long products;
    }

    /**
     * The records the database kept (those whose advisory is one of a vulnerability's), in the
     * database's vulnerability order, and the products their configurations name as vulnerable, in
     * order of first appearance: the order the in-memory CPE index gives.
     */
    private CpeSections cpeSections(List<Vulnerability> vulnerabilities, List<CveRecord> records) {
        Map<Advisory, CveRecord> byAdvisory = new IdentityHashMap<>();
        for (CveRecord record : records) {
            if (!record.isRejected() && !record.applicability().isEmpty()) {
                byAdvisory.put(record.advisory(), record);
            }
        }
        PayloadWriter blob = new PayloadWriter(byAdvisory.size() * 96 + 16);
        List<Integer> offsets = new ArrayList<>();
        Map<String, List<Integer>> products = new LinkedHashMap<>();
        if (!byAdvisory.isEmpty()) {
            for (int v = 0; v < vulnerabilities.size(); v++) {
                List<Advisory> advisories = vulnerabilities.get(v).advisories();
                for (int a = 0; a < advisories.size(); a++) {
                    CveRecord record = byAdvisory.get(advisories.get(a));
                    if (record == null) {
                        continue;
                    }
                    int ordinal = offsets.size();
                    offsets.add(blob.size());
                    blob.varint(v);
                    blob.varint(a);
                    List<ApplicabilityNode.Group> configurations = record.applicability().configurations();
                    blob.varint(configurations.size());
                    for (ApplicabilityNode.Group configuration : configurations) {
                        node(blob, configuration);
                    }
                    for (String key : record.applicability().vulnerableProducts()) {
                        products.computeIfAbsent(key, k -> new ArrayList<>(2)).add(ordinal);
                    }
                }
            }
        }
        CpeSections sections = new CpeSections();
        sections.records = offsets.size();
        sections.products = products.size();
        sections.recordBlob = blob;
        sections.recordTable = new PayloadWriter(4 + offsets.size() * 4);
        sections.recordTable.i32(offsets.size());
        offsets.forEach(sections.recordTable::i32);
        sections.entries = new PayloadWriter(products.size() * 4 + 16);
        sections.productTable = new PayloadWriter(4 + products.size() * SnapshotFormat.CPE_PRODUCT_ROW);
        sections.productTable.i32(products.size());
        int[] hashes = new int[products.size()];
        int ordinal = 0;
        for (Map.Entry<String, List<Integer>> product : products.entrySet()) {
            sections.productTable.i32(string(product.getKey()));
            sections.productTable.i32(sections.entries.size());
            sections.productTable.i32(product.getValue().size());
            for (int record : product.getValue()) {
                sections.entries.varint(record);
            }
            hashes[ordinal++] = SnapshotFormat.productHash(product.getKey());
        }
        sections.productHash = hashTable(hashes, null, null);
        return sections;
    }

    /** A configuration node: {@code u8} 0 and a group, or {@code u8} 1 and a criterion. */
    private void node(PayloadWriter out, ApplicabilityNode node) {
        switch (node) {
            case ApplicabilityNode.Group group -> {
                out.u8(0);
                out.u8(group.operator().ordinal());
                out.u8(group.negate() ? 1 : 0);
                out.varint(group.children().size());
                for (ApplicabilityNode child : group.children()) {
                    node(out, child);
                }
            }
            case ApplicabilityNode.Leaf leaf -> {
                CpeMatch match = leaf.match();
                out.u8(1);
                out.varint(string(match.criteria()));
                out.u8(match.vulnerable() ? 1 : 0);
                out.varint(string(match.bounds().startIncluding()));
                out.varint(string(match.bounds().startExcluding()));
                out.varint(string(match.bounds().endIncluding()));
                out.varint(string(match.bounds().endExcluding()));
                out.varint(string(match.matchCriteriaId()));
            }
        }
    }

    /**
     * The EPSS section: its own layout version, whether scores are present, where they came from,
     * and fixed-width rows sorted by CVE key, so a lookup is a binary search over the file's bytes.
     */
    private PayloadWriter epss(EpssTable epss) {
        int rows = epss == null ? 0 : epss.count();
        PayloadWriter out = new PayloadWriter(32 + rows * SnapshotFormat.EPSS_ROW);
        out.u8(SnapshotFormat.EPSS_SECTION_VERSION);
        if (epss == null) {
            out.u8(0);
            return out;
        }
        out.u8(1);
        out.varint(string(epss.source()));
        out.varint(string(epss.modelVersion()));
        date(out, epss.scoreDate());
        out.i32(rows);
        for (int i = 0; i < rows; i++) {
            out.i64(epss.key(i));
            out.f64(epss.score(i));
            out.f64(epss.percentile(i));
        }
        return out;
    }

    /**
     * An open-addressing table (linear probing) of {hash, value}: for packages the value is the
     * package ordinal + 1; for ids it is the id's string index + 1 and the row holds the vulnerability.
     */
    private static PayloadWriter hashTable(int[] hashes, int[] idStrings, int[] idVulnerabilities) {
        int slots = SnapshotFormat.slotsFor(hashes.length);
        int[] first = new int[slots];
        int[] second = new int[slots];
        for (int i = 0; i < hashes.length; i++) {
            int slot = hashes[i] & (slots - 1);
            while (first[slot] != 0) {
                slot = (slot + 1) & (slots - 1);
            }
            if (idStrings == null) {
                first[slot] = i + 1;
                second[slot] = hashes[i];
            } else {
                first[slot] = idStrings[i] + 1;
                second[slot] = idVulnerabilities[i];
            }
        }
        PayloadWriter table = new PayloadWriter(4 + slots * SnapshotFormat.HASH_SLOT);
        table.i32(slots);
        for (int slot = 0; slot < slots; slot++) {
            table.i32(first[slot]);
            table.i32(second[slot]);
        }
        return table;
    }

    private void entry(PayloadWriter out, int vulnerability, int advisory, AffectedPackage affected) {
        out.varint(vulnerability);
        out.varint(advisory);
        out.varint(string(affected.ecosystem()));
        out.varint(string(affected.name()));
        List<VersionRange> ranges = affected.versions().ranges();
        out.varint(ranges.size());
        for (VersionRange range : ranges) {
            out.u8(range.type().ordinal());
            out.varint(string(range.repo()));
            out.varint(range.events().size());
            for (RangeEvent event : range.events()) {
                out.u8(event.kind().ordinal());
                out.varint(string(event.version()));
            }
        }
        List<String> versions = affected.versions().versions();
        out.varint(versions.size());
        for (String version : versions) {
            out.varint(string(version));
        }
    }

    private void vulnerability(PayloadWriter out, Vulnerability vulnerability) {
        out.varint(string(vulnerability.id()));
        out.varint(vulnerability.aliases().size());
        for (String alias : vulnerability.aliases()) {
            out.varint(string(alias));
        }
        out.varint(vulnerability.advisories().size());
        for (Advisory advisory : vulnerability.advisories()) {
            out.varint(string(advisory.id()));
            out.u8(advisory.feed().ordinal());
            out.varint(unique(advisory.source()));
            out.varint(unique(advisory.summary()));
            out.varint(unique(advisory.summary().isBlank() ? headline(advisory.details()) : ""));
            List<SeverityScore> stated = statedSeverities(advisory);
            out.varint(stated.size());
            for (SeverityScore score : stated) {
                severity(out, score);
            }
        }
        SeverityScore severity = vulnerability.severity();
        if (severity == null) {
            out.u8(0);
        } else {
            out.u8(1);
            severity(out, severity);
        }
        out.varint(vulnerability.exploited().size());
        for (KevEntry entry : vulnerability.exploited()) {
            kevEntry(out, entry);
        }
    }

    /** The writer's one list of an advisory's stated severities, and their keys once the list is long. */
    private final List<SeverityScore> stated = new ArrayList<>();
    private final Set<String> statedKeys = new HashSet<>();
    private static final int STATED_SCAN = 16;

    /**
     * {@link Advisory#statedSeverities()} without a map and a copy per advisory: record-level
     * severities, then those of the {@code affected[]} entries, each type and vector once, the first
     * kept. The answer is reused by the next call.
     */
    private List<SeverityScore> statedSeverities(Advisory advisory) {
        stated.clear();
        for (SeverityScore score : advisory.severities()) {
            addStated(score);
        }
        for (AffectedPackage affected : advisory.affected()) {
            for (SeverityScore score : affected.severities()) {
                addStated(score);
            }
        }
        return stated;
    }

    private void addStated(SeverityScore score) {
        if (stated.size() >= STATED_SCAN) {
            if (statedKeys.add(severityKey(score))) {
                stated.add(score);
            }
            return;
        }
        for (SeverityScore kept : stated) {
            if (sameKey(kept, score)) {
                return;
            }
        }
        stated.add(score);
        if (stated.size() == STATED_SCAN) { // long lists (one per package) are deduplicated by key
            statedKeys.clear();
            for (SeverityScore kept : stated) {
                statedKeys.add(severityKey(kept));
            }
        }
    }

    /** The key {@link Advisory#statedSeverities()} deduplicates by. */
    private static String severityKey(SeverityScore score) {
        return score.type() + "\u0000" + score.vector();
    }

    /**
     * Whether two severities have the same {@link #severityKey} without building it: when neither
     * type holds a NUL, the keys are equal exactly when types and vectors are.
     */
    private static boolean sameKey(SeverityScore a, SeverityScore b) {
        if (a.type().indexOf(0) < 0 && b.type().indexOf(0) < 0) {
            return a.type().equals(b.type()) && a.vector().equals(b.vector());
        }
        return severityKey(a).equals(severityKey(b));
    }

    private void severity(PayloadWriter out, SeverityScore severity) {
        out.varint(string(severity.type()));
        out.varint(string(severity.vector()));
        out.f64(severity.baseScore());
        out.varint(string(severity.rating().name()));
        out.varint(string(severity.problem()));
        out.varint(string(severity.source()));
    }

    /** The first line of an advisory's details, the only part a finding shows when there is no summary. */
    static String headline(String details) {
        return Advisory.headline(details);
    }

    private void kevEntry(PayloadWriter out, KevEntry entry) {
        out.varint(string(entry.cveId()));
        out.varint(string(entry.catalog().name()));
        date(out, entry.dateAdded());
        date(out, entry.dueDate());
        out.u8(entry.knownRansomwareUse() ? 1 : 0);
        out.varint(string(entry.vendor()));
        out.varint(string(entry.product()));
        out.varint(string(entry.name()));
        out.varint(string(entry.source()));
    }

    private static void date(PayloadWriter out, LocalDate date) {
        if (date == null) {
            out.u8(0);
        } else {
            out.u8(1);
            out.i64(date.toEpochDay());
        }
    }

    private void meta(PayloadWriter out, AdvisoryDatabase.Stats stats, SnapshotProvenance provenance, int packages,
            long entries, Map<String, Tally> tallies, long cpeRecords, long cpeProducts) {
        out.varint(string(provenance.toolVersion()));
        out.i64(provenance.builtAt().getEpochSecond());
        out.i32(provenance.builtAt().getNano());
        out.varint(provenance.advisorySources().size());
        for (String source : provenance.advisorySources()) {
            out.varint(string(source));
        }
        out.varint(provenance.kevSources().size());
        for (String source : provenance.kevSources()) {
            out.varint(string(source));
        }
        out.varlong(stats.advisories());
        out.varlong(stats.withdrawn());
        out.varlong(stats.duplicates());
        out.varlong(stats.vulnerabilities());
        out.varlong(stats.kevEntries());
        out.varlong(stats.kevMatched());
        out.varlong(stats.unmatchedKev());
        out.varlong(packages);
        out.varlong(entries);
        out.varint(tallies.size());
        for (Map.Entry<String, Tally> tally : tallies.entrySet()) {
            out.varint(string(tally.getKey()));
            out.varlong(tally.getValue().advisories);
            out.varlong(tally.getValue().packages);
            out.varlong(tally.getValue().entries);
        }
        out.varint(provenance.recordSources().size());
        for (String source : provenance.recordSources()) {
            out.varint(string(source));
        }
        out.varlong(stats.records());
        out.varlong(stats.rejected());
        out.varlong(cpeRecords);
        out.varlong(cpeProducts);
    }

    private static byte[] assemble(EncodedSection[] sections) {
        long payloadSize = 4 + 8L * sections.length;
        for (EncodedSection section : sections) {
            payloadSize += section.size();
        }
        if (payloadSize > SnapshotFormat.MAX_PAYLOAD) {
            throw new IllegalStateException("the snapshot would exceed " + SnapshotFormat.MAX_PAYLOAD + " bytes");
        }
        // The payload is laid out in the file's own array: a second payload-sized copy would be the
        // largest allocation of a build.
        byte[] file = new byte[SnapshotFormat.HEADER_SIZE + (int) payloadSize];
        PayloadWriter table = new PayloadWriter(4 + 8 * sections.length);
        table.i32(sections.length);
        int offset = 4 + 8 * sections.length;
        for (EncodedSection section : sections) {
            table.i32(offset);
            table.i32(section.size());
            offset += section.size();
        }
        int position = SnapshotFormat.HEADER_SIZE;
        table.copyTo(file, position);
        position += table.size();
        for (EncodedSection section : sections) {
            section.copyTo(file, position);
            position += section.size();
        }
        System.arraycopy(SnapshotFormat.MAGIC, 0, file, 0, SnapshotFormat.MAGIC.length);
        PayloadWriter header = new PayloadWriter(16);
        header.i32(SnapshotFormat.VERSION);
        header.i32(SnapshotFormat.crc32c(file, SnapshotFormat.HEADER_SIZE, (int) payloadSize));
        header.i64(payloadSize);
        System.arraycopy(header.array(), 0, file, 8, 16);
        return file;
    }
}
