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
import dev.tandem.match.IndexEntry;
import dev.tandem.match.PackageKey;
import dev.tandem.version.RangeEvent;
import dev.tandem.version.VersionRange;
import java.time.LocalDate;
import java.util.ArrayList;
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
 * The snapshot encoder as it was before the encoder was made fast (commit 85806e1): HashMap string
 * table, a buffer per package, {@link Advisory#statedSeverities()}. Kept as the specification of
 * the bytes {@link SnapshotWriter} must give, byte for byte, on every input.
 */
final class ReferenceSnapshotWriter {

    private Map<String, Integer> stringIndex = new HashMap<>();
    private final List<String> strings = new ArrayList<>();

    private ReferenceSnapshotWriter() {
    }

    /** The whole snapshot file: header and payload; where it is stored is the caller's business. */
    static byte[] encode(AdvisoryDatabase database, List<KevEntry> kev, SnapshotProvenance provenance) {
        return encode(database, List.of(), kev, null, provenance);
    }

    /** A snapshot with a day's EPSS scores ({@code epss} null for none). */
    static byte[] encode(AdvisoryDatabase database, List<KevEntry> kev, EpssTable epss,
            SnapshotProvenance provenance) {
        return encode(database, List.of(), kev, epss, provenance);
    }

    /** A snapshot with NVD/CVE records, without EPSS scores. */
    static byte[] encode(AdvisoryDatabase database, List<CveRecord> records, List<KevEntry> kev,
            SnapshotProvenance provenance) {
        return encode(database, records, kev, null, provenance);
    }

    /**
     * The whole snapshot file of a database built from OSV advisories and NVD/CVE records (whose
     * advisories are in the database): the records the database kept, with their configurations,
     * indexed by the CPE products they name as vulnerable; and a day's EPSS scores ({@code epss}
     * null for none).
     */
    static byte[] encode(AdvisoryDatabase database, List<CveRecord> records, List<KevEntry> kev,
            EpssTable epss, SnapshotProvenance provenance) {
        return new ReferenceSnapshotWriter().file(database, records, kev, epss, provenance);
    }

    /**
     * A text that is (nearly) unique per advisory (source file, summary, details headline): stored
     * without the dictionary lookup, which on half a million advisories costs more than the few
     * duplicates it would save.
     */
    private int unique(String text) {
        if (text == null || text.isEmpty()) {
            return 0;
        }
        strings.add(text);
        return strings.size() - 1;
    }

    private int string(String text) {
        String value = text == null ? "" : text;
        Integer existing = stringIndex.get(value);
        if (existing != null) {
            return existing;
        }
        int index = strings.size();
        strings.add(value);
        stringIndex.put(value, index);
        return index;
    }

    /** One package's entries while encoding: the blob and how many entries it holds. */
    private static final class PackageBlob {
        final PayloadWriter bytes = new PayloadWriter(48);
        int entries;
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
        // Sized for the corpus up front: rehashing a dictionary of millions of strings is not free.
        stringIndex = new HashMap<>(Math.max(16, vulnerabilities.size() * 8));
        string(""); // index 0 is the empty string: absent optional texts cost one byte
        PayloadWriter vulnerabilityBlob = new PayloadWriter(vulnerabilities.size() * 64);
        int[] vulnerabilityOffsets = new int[vulnerabilities.size()];
        Map<PackageKey, PackageBlob> packages = new LinkedHashMap<>();
        Map<String, Tally> tallies = new TreeMap<>();
        List<int[]> ids = new ArrayList<>(); // {upper-case id string, vulnerability}
        long entryCount = 0;
        Set<String> seenIds = new HashSet<>();
        Set<String> advisoryEcosystems = new HashSet<>();
        for (int v = 0; v < vulnerabilities.size(); v++) {
            Vulnerability vulnerability = vulnerabilities.get(v);
            vulnerabilityOffsets[v] = vulnerabilityBlob.size();
            vulnerability(vulnerabilityBlob, vulnerability);
            for (String id : idsOf(vulnerability)) {
                String key = id.toUpperCase(Locale.ROOT);
                if (seenIds.add(key)) {
                    ids.add(new int[] {string(key), v});
                }
            }
            List<Advisory> advisories = vulnerability.advisories();
            for (int a = 0; a < advisories.size(); a++) {
                advisoryEcosystems.clear();
                for (AffectedPackage affected : advisories.get(a).affected()) {
                    if (!IndexEntry.isIndexable(affected)) {
                        continue;
                    }
                    PackageKey key = IndexEntry.keyOf(affected);
                    PackageBlob blob = packages.get(key);
                    Tally tally = tallies.computeIfAbsent(key.ecosystem(), k -> new Tally());
                    if (blob == null) {
                        blob = new PackageBlob();
                        packages.put(key, blob);
                        tally.packages++;
                    }
                    entry(blob.bytes, v, a, affected);
                    blob.entries++;
                    tally.entries++;
                    entryCount++;
                    if (advisoryEcosystems.add(key.ecosystem())) {
                        tally.advisories++;
                    }
                }
            }
        }

        PayloadWriter entries = new PayloadWriter((int) Math.min(SnapshotFormat.MAX_PAYLOAD, entryCount * 24 + 16));
        PayloadWriter packageTable = new PayloadWriter(4 + packages.size() * SnapshotFormat.PACKAGE_ROW);
        packageTable.i32(packages.size());
        int[] packageHashes = new int[packages.size()];
        int ordinal = 0;
        for (Map.Entry<PackageKey, PackageBlob> p : packages.entrySet()) {
            PackageKey key = p.getKey();
            packageTable.i32(string(key.ecosystem()));
            packageTable.i32(string(key.name()));
            packageTable.i32(entries.size());
            packageTable.i32(p.getValue().entries);
            entries.bytes(p.getValue().bytes.array(), 0, p.getValue().bytes.size());
            packageHashes[ordinal++] = SnapshotFormat.packageHash(key.ecosystem(), key.name());
        }
        PayloadWriter packageHash = hashTable(packageHashes, null);

        int[] idHashes = new int[ids.size()];
        int[] idStrings = new int[ids.size()];
        PayloadWriter vulnerabilityTable = new PayloadWriter(4 + vulnerabilities.size() * 4);
        vulnerabilityTable.i32(vulnerabilities.size());
        for (int offset : vulnerabilityOffsets) {
            vulnerabilityTable.i32(offset);
        }
        for (int i = 0; i < ids.size(); i++) {
            idHashes[i] = SnapshotFormat.idHash(strings.get(ids.get(i)[0]));
            idStrings[i] = ids.get(i)[0];
        }
        PayloadWriter idHash = hashTable(idHashes, ids);

        PayloadWriter kevSection = new PayloadWriter(kev.size() * 16 + 8);
        kevSection.varint(kev.size());
        for (KevEntry entry : kev) {
            kevEntry(kevSection, entry);
        }

        CpeSections cpe = cpeSections(vulnerabilities, records);

        PayloadWriter meta = new PayloadWriter(256);
        meta(meta, database.stats(), provenance, packages.size(), entryCount, tallies, cpe.records, cpe.products);
        PayloadWriter epssSection = epss(epss);

        PayloadWriter stringSection = stringSection(); // last: every other section has interned its strings
        PayloadWriter[] sections = new PayloadWriter[SnapshotFormat.SECTION_COUNT];
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
        sections.productHash = hashTable(hashes, null);
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

    private static List<String> idsOf(Vulnerability vulnerability) {
        List<String> ids = new ArrayList<>(1 + vulnerability.aliases().size() + vulnerability.advisories().size());
        ids.add(vulnerability.id());
        ids.addAll(vulnerability.aliases());
        for (Advisory advisory : vulnerability.advisories()) {
            ids.add(advisory.id()); // a vulnerability's own advisory ids are among its aliases or its id
        }
        return ids;
    }

    /**
     * An open-addressing table (linear probing) of {hash, value}: for packages the value is the
     * package ordinal + 1; for ids it is the id's string index + 1 and the row holds the vulnerability.
     */
    private static PayloadWriter hashTable(int[] hashes, List<int[]> ids) {
        int slots = SnapshotFormat.slotsFor(hashes.length);
        int[] first = new int[slots];
        int[] second = new int[slots];
        for (int i = 0; i < hashes.length; i++) {
            int slot = hashes[i] & (slots - 1);
            while (first[slot] != 0) {
                slot = (slot + 1) & (slots - 1);
            }
            if (ids == null) {
                first[slot] = i + 1;
                second[slot] = hashes[i];
            } else {
                first[slot] = ids.get(i)[0] + 1;
                second[slot] = ids.get(i)[1];
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
            List<SeverityScore> stated = advisory.statedSeverities();
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

    /** {count, offsets[count + 1], UTF-8 bytes}: string i is bytes[offsets[i], offsets[i + 1]). */
    private PayloadWriter stringSection() {
        byte[][] encoded = new byte[strings.size()][];
        long total = 0;
        for (int i = 0; i < encoded.length; i++) {
            encoded[i] = SnapshotFormat.utf8(strings.get(i));
            total += encoded[i].length;
        }
        long size = 4 + 4L * (encoded.length + 1) + total;
        if (size > SnapshotFormat.MAX_PAYLOAD) {
            throw new IllegalStateException("the string table would exceed " + SnapshotFormat.MAX_PAYLOAD + " bytes");
        }
        PayloadWriter out = new PayloadWriter((int) size);
        out.i32(encoded.length);
        int offset = 0;
        for (byte[] bytes : encoded) {
            out.i32(offset);
            offset += bytes.length;
        }
        out.i32(offset);
        for (byte[] bytes : encoded) {
            out.bytes(bytes, 0, bytes.length);
        }
        return out;
    }

    private static byte[] assemble(PayloadWriter[] sections) {
        long payloadSize = 4 + 8L * sections.length;
        for (PayloadWriter section : sections) {
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
        for (PayloadWriter section : sections) {
            table.i32(offset);
            table.i32(section.size());
            offset += section.size();
        }
        int position = SnapshotFormat.HEADER_SIZE;
        System.arraycopy(table.array(), 0, file, position, table.size());
        position += table.size();
        for (PayloadWriter section : sections) {
            System.arraycopy(section.array(), 0, file, position, section.size());
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
