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
import dev.tandem.match.PackageKey;
import dev.tandem.version.RangeEvent;
import dev.tandem.version.VersionRange;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

/**
 * Encodes an {@link AdvisoryDatabase} (and the KEV entries it was built with) as a snapshot. The
 * output depends only on its inputs: the same database and provenance give the same bytes.
 * Package entries keep the database order, so a snapshot index answers lookups exactly as the
 * in-memory index does.
 */
public final class SnapshotWriter {

    /** Vulnerabilities prepared per chunk by a helper thread (see {@link OrderedPreparation}). */
    static final int CHUNK = 512;
    /** How many chunks the helpers may prepare ahead of the encoder (bounds the plans held at once). */
    private static final int LOOK_AHEAD = 8;

    /** Every distinct text met so far, with its index once numbered; shared by the preparing threads. */
    private ConcurrentHashMap<String, TextSlot> textSlots = new ConcurrentHashMap<>();
    /** Every package key met so far, with its entries once the encoder reaches it. */
    private final ConcurrentHashMap<PackageKey, PackageSlot> packageSlots = new ConcurrentHashMap<>();
    private final List<String> strings = new ArrayList<>();
    /** Texts met outside a vulnerability's records (tables, KEV, meta): looked up and numbered at once. */
    private final Texts serial = new Texts() {
        @Override
        public int string(String text) {
            return number(slot(text));
        }

        @Override
        public int unique(String text) {
            return SnapshotWriter.this.unique(text);
        }
    };

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
        return encode(database, records, kev, epss, provenance, Runtime.getRuntime().availableProcessors(), CHUNK);
    }

    /**
     * As above, with the vulnerabilities' records prepared on {@code threads} threads (the caller's
     * and {@code threads - 1} helpers) in chunks of {@code chunkSize}: the bytes never depend on either.
     */
    static byte[] encode(AdvisoryDatabase database, List<CveRecord> records, List<KevEntry> kev, EpssTable epss,
            SnapshotProvenance provenance, int threads, int chunkSize) {
        return new SnapshotWriter().file(database, records, kev, epss, provenance, threads, chunkSize);
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
        return serial.string(text);
    }

    /** The one slot of {@code text} (null is the empty text); safe from any thread. */
    private TextSlot slot(String text) {
        String value = text == null ? "" : text;
        TextSlot slot = textSlots.get(value);
        if (slot == null) {
            TextSlot created = new TextSlot(value);
            slot = textSlots.putIfAbsent(value, created);
            if (slot == null) {
                slot = created;
            }
        }
        return slot;
    }

    /** The one slot of a package key; safe from any thread. */
    private PackageSlot packageSlot(PackageKey key) {
        PackageSlot slot = packageSlots.get(key);
        if (slot == null) {
            PackageSlot created = new PackageSlot(key, slot(key.ecosystem()), slot(key.name()));
            slot = packageSlots.putIfAbsent(key, created);
            if (slot == null) {
                slot = created;
            }
        }
        return slot;
    }

    /**
     * The index of a slot's text, numbering it now when this is its first use: texts are numbered in
     * the order the encoder first uses them, on the encoding thread only.
     */
    private int number(TextSlot slot) {
        if (slot.index < 0) {
            slot.index = strings.size();
            strings.add(slot.text);
        }
        return slot.index;
    }

    /** How the record encoders turn a text into its string index. */
    private interface Texts {
        int string(String text);

        int unique(String text);
    }

    /** A distinct text and, once the encoder has used it, its string index. */
    private static final class TextSlot {
        final String text;
        int index = -1; // encoding thread only
        boolean idKey; // encoding thread only: the text is an id key already listed in the id table

        TextSlot(String text) {
            this.text = text;
        }
    }

    /** One package: its entries' blob and count once the encoder reaches it (encoding thread only). */
    private static final class PackageSlot {
        final PackageKey key;
        final TextSlot ecosystem;
        final TextSlot name;
        final int hash;
        PayloadWriter bytes;
        int entries;
        Tally tally;

        PackageSlot(PackageKey key, TextSlot ecosystem, TextSlot name) {
            this.key = key;
            this.ecosystem = ecosystem;
            this.name = name;
            this.hash = SnapshotFormat.packageHash(key.ecosystem(), key.name());
        }
    }

    /** Per-ecosystem tallies while encoding. */
    private static final class Tally {
        long advisories;
        long packages;
        long entries;
        long lastAdvisory = -1; // the last advisory counted, so each is counted once per ecosystem
    }

    /**
     * What the encoder needs of one vulnerability, prepared on any thread: the slots of the texts its
     * records use, in the order the encoder uses them; the slots of its id keys; and the slot of each
     * indexable package of each advisory, in order (null for one that is not indexable).
     */
    private record Plan(TextSlot[] texts, TextSlot[] ids, PackageSlot[] packages) {
    }

    /** Records the slots a vulnerability's records use, in order (the bytes it writes are thrown away). */
    private final class Recorder implements Texts {
        private TextSlot[] used = new TextSlot[256]; // reused vulnerability after vulnerability
        private int count;

        @Override
        public int string(String text) {
            if (count == used.length) {
                used = Arrays.copyOf(used, count * 2);
            }
            used[count++] = slot(text);
            return 0;
        }

        TextSlot[] take() {
            TextSlot[] taken = Arrays.copyOf(used, count);
            Arrays.fill(used, 0, count, null);
            count = 0;
            return taken;
        }

        @Override
        public int unique(String text) {
            return 0;
        }
    }

    /** Replays a prepared vulnerability's slots on the encoding thread, numbering texts as they are first used. */
    private final class Replay implements Texts {
        private TextSlot[] slots;
        private int next;

        void start(TextSlot[] plan) {
            slots = plan;
            next = 0;
        }

        @Override
        public int string(String text) {
            TextSlot slot = slots[next++];
            assert slot.text.equals(text == null ? "" : text) : "prepared " + slot.text + ", encoding " + text;
            return number(slot);
        }

        @Override
        public int unique(String text) {
            return SnapshotWriter.this.unique(text);
        }

        void finish() {
            if (next != slots.length) {
                throw new IllegalStateException("prepared " + slots.length + " texts, encoded " + next);
            }
        }
    }

    /** Prepares vulnerability {@code v}: the work of the encoder that does not depend on what came before. */
    private Plan plan(Vulnerability vulnerability, int v, PayloadWriter scratch, Recorder recorder) {
        scratch.clear();
        vulnerability(scratch, recorder, vulnerability);
        List<String> ids = idsOf(vulnerability);
        TextSlot[] idSlots = new TextSlot[ids.size()];
        for (int i = 0; i < idSlots.length; i++) {
            idSlots[i] = slot(ids.get(i).toUpperCase(Locale.ROOT));
        }
        List<PackageSlot> packages = new ArrayList<>();
        List<Advisory> advisories = vulnerability.advisories();
        for (int a = 0; a < advisories.size(); a++) {
            for (AffectedPackage affected : advisories.get(a).affected()) {
                if (!IndexEntry.isIndexable(affected)) {
                    packages.add(null);
                    continue;
                }
                packages.add(packageSlot(IndexEntry.keyOf(affected)));
                scratch.clear();
                entry(scratch, recorder, v, a, affected);
            }
        }
        return new Plan(recorder.take(), idSlots, packages.toArray(PackageSlot[]::new));
    }

    private byte[] file(AdvisoryDatabase database, List<CveRecord> records, List<KevEntry> kev, EpssTable epss,
            SnapshotProvenance provenance, int threads, int chunkSize) {
        List<Vulnerability> vulnerabilities = database.vulnerabilities();
        // Sized for the corpus up front: rehashing a dictionary of millions of strings is not free.
        textSlots = new ConcurrentHashMap<>(Math.max(16, vulnerabilities.size() * 8));
        string(""); // index 0 is the empty string: absent optional texts cost one byte
        PayloadWriter vulnerabilityBlob = new PayloadWriter(vulnerabilities.size() * 64);
        int[] vulnerabilityOffsets = new int[vulnerabilities.size()];
        List<PackageSlot> packages = new ArrayList<>();
        Map<String, Tally> tallies = new TreeMap<>();
        List<int[]> ids = new ArrayList<>(); // {upper-case id string, vulnerability}
        long entryCount = 0;
        long advisoryNumber = 0;
        Replay replay = new Replay();
        // The slots of every text and package are looked up on every core, ahead of this loop; the loop
        // numbers the texts and writes the bytes in database order, as a serial encoder does.
        ThreadLocal<PayloadWriter> scratch = ThreadLocal.withInitial(() -> new PayloadWriter(4096));
        ThreadLocal<Recorder> recorders = ThreadLocal.withInitial(Recorder::new);
        try (OrderedPreparation<Plan> plans = new OrderedPreparation<>(vulnerabilities.size(), chunkSize,
                threads - 1, LOOK_AHEAD, v -> plan(vulnerabilities.get(v), v, scratch.get(), recorders.get()))) {
            for (int v = 0; v < vulnerabilities.size(); v++) {
                Vulnerability vulnerability = vulnerabilities.get(v);
                Plan plan = plans.get(v);
                replay.start(plan.texts());
                vulnerabilityOffsets[v] = vulnerabilityBlob.size();
                vulnerability(vulnerabilityBlob, replay, vulnerability);
                for (TextSlot key : plan.ids()) {
                    if (!key.idKey) {
                        key.idKey = true;
                        ids.add(new int[] {number(key), v});
                    }
                }
                List<Advisory> advisories = vulnerability.advisories();
                int next = 0;
                for (int a = 0; a < advisories.size(); a++) {
                    advisoryNumber++;
                    for (AffectedPackage affected : advisories.get(a).affected()) {
                        PackageSlot slot = plan.packages()[next++];
                        if (slot == null) {
                            continue;
                        }
                        if (slot.bytes == null) {
                            slot.bytes = new PayloadWriter(48);
                            slot.tally = tallies.computeIfAbsent(slot.key.ecosystem(), k -> new Tally());
                            slot.tally.packages++;
                            packages.add(slot);
                        }
                        entry(slot.bytes, replay, v, a, affected);
                        slot.entries++;
                        slot.tally.entries++;
                        entryCount++;
                        if (slot.tally.lastAdvisory != advisoryNumber) {
                            slot.tally.lastAdvisory = advisoryNumber;
                            slot.tally.advisories++;
                        }
                    }
                }
                replay.finish();
            }
        } finally {
            // The encoding thread may live on (a server's refresh): its per-thread buffers reach this
            // writer's tables, which must not outlive the encode (the helpers' threads end with it).
            scratch.remove();
            recorders.remove();
        }

        PayloadWriter entries = new PayloadWriter((int) Math.min(SnapshotFormat.MAX_PAYLOAD, entryCount * 24 + 16));
        PayloadWriter packageTable = new PayloadWriter(4 + packages.size() * SnapshotFormat.PACKAGE_ROW);
        packageTable.i32(packages.size());
        int[] packageHashes = new int[packages.size()];
        int ordinal = 0;
        for (PackageSlot p : packages) {
            PackageKey key = p.key;
            packageTable.i32(number(p.ecosystem));
            packageTable.i32(number(p.name));
            packageTable.i32(entries.size());
            packageTable.i32(p.entries);
            entries.append(p.bytes);
            packageHashes[ordinal++] = p.hash;
        }
        PayloadWriter packageHash = hashTable(packageHashes, null);

        int[] idHashes = new int[ids.size()];
        PayloadWriter vulnerabilityTable = new PayloadWriter(4 + vulnerabilities.size() * 4);
        vulnerabilityTable.i32(vulnerabilities.size());
        for (int offset : vulnerabilityOffsets) {
            vulnerabilityTable.i32(offset);
        }
        // A million ids hashed on every core; the table itself is filled in order (probing depends on it).
        IntStream.range(0, ids.size()).parallel().forEach(i -> idHashes[i] = SnapshotFormat.idHash(strings.get(ids.get(i)[0])));
        PayloadWriter idHash = hashTable(idHashes, ids);

        PayloadWriter kevSection = new PayloadWriter(kev.size() * 16 + 8);
        kevSection.varint(kev.size());
        for (KevEntry entry : kev) {
            kevEntry(kevSection, serial, entry);
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

    private static void entry(PayloadWriter out, Texts texts, int vulnerability, int advisory,
            AffectedPackage affected) {
        out.varint(vulnerability);
        out.varint(advisory);
        out.varint(texts.string(affected.ecosystem()));
        out.varint(texts.string(affected.name()));
        List<VersionRange> ranges = affected.versions().ranges();
        out.varint(ranges.size());
        for (VersionRange range : ranges) {
            out.u8(range.type().ordinal());
            out.varint(texts.string(range.repo()));
            out.varint(range.events().size());
            for (RangeEvent event : range.events()) {
                out.u8(event.kind().ordinal());
                out.varint(texts.string(event.version()));
            }
        }
        List<String> versions = affected.versions().versions();
        out.varint(versions.size());
        for (String version : versions) {
            out.varint(texts.string(version));
        }
    }

    private static void vulnerability(PayloadWriter out, Texts texts, Vulnerability vulnerability) {
        out.varint(texts.string(vulnerability.id()));
        out.varint(vulnerability.aliases().size());
        for (String alias : vulnerability.aliases()) {
            out.varint(texts.string(alias));
        }
        out.varint(vulnerability.advisories().size());
        for (Advisory advisory : vulnerability.advisories()) {
            out.varint(texts.string(advisory.id()));
            out.u8(advisory.feed().ordinal());
            out.varint(texts.unique(advisory.source()));
            out.varint(texts.unique(advisory.summary()));
            out.varint(texts.unique(advisory.summary().isBlank() ? headline(advisory.details()) : ""));
            List<SeverityScore> stated = advisory.statedSeverities();
            out.varint(stated.size());
            for (SeverityScore score : stated) {
                severity(out, texts, score);
            }
        }
        SeverityScore severity = vulnerability.severity();
        if (severity == null) {
            out.u8(0);
        } else {
            out.u8(1);
            severity(out, texts, severity);
        }
        out.varint(vulnerability.exploited().size());
        for (KevEntry entry : vulnerability.exploited()) {
            kevEntry(out, texts, entry);
        }
    }

    private static void severity(PayloadWriter out, Texts texts, SeverityScore severity) {
        out.varint(texts.string(severity.type()));
        out.varint(texts.string(severity.vector()));
        out.f64(severity.baseScore());
        out.varint(texts.string(severity.rating().name()));
        out.varint(texts.string(severity.problem()));
        out.varint(texts.string(severity.source()));
    }

    /** The first line of an advisory's details, the only part a finding shows when there is no summary. */
    static String headline(String details) {
        return Advisory.headline(details);
    }

    private static void kevEntry(PayloadWriter out, Texts texts, KevEntry entry) {
        out.varint(texts.string(entry.cveId()));
        out.varint(texts.string(entry.catalog().name()));
        date(out, entry.dateAdded());
        date(out, entry.dueDate());
        out.u8(entry.knownRansomwareUse() ? 1 : 0);
        out.varint(texts.string(entry.vendor()));
        out.varint(texts.string(entry.product()));
        out.varint(texts.string(entry.name()));
        out.varint(texts.string(entry.source()));
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
        // Millions of texts, each encoded on its own: on every core.
        IntStream.range(0, encoded.length).parallel().forEach(i -> encoded[i] = SnapshotFormat.utf8(strings.get(i)));
        long total = 0;
        for (byte[] bytes : encoded) {
            total += bytes.length;
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
