package dev.tandem.snapshot;

import dev.tandem.advisory.Advisory;
import dev.tandem.advisory.AdvisoryDatabase;
import dev.tandem.advisory.AdvisoryIdOrder;
import dev.tandem.advisory.AdvisoryFeed;
import dev.tandem.advisory.AffectedPackage;
import dev.tandem.advisory.KevEntry;
import dev.tandem.advisory.Vulnerability;
import dev.tandem.advisory.cvss.Rating;
import dev.tandem.advisory.cvss.SeverityScore;
import dev.tandem.cpe.Applicability;
import dev.tandem.cpe.ApplicabilityNode;
import dev.tandem.cpe.CpeMatch;
import dev.tandem.cpe.CpeName;
import dev.tandem.cpe.MalformedCpeException;
import dev.tandem.cpe.Operator;
import dev.tandem.cpe.VersionBounds;
import dev.tandem.match.CpeEntry;
import dev.tandem.match.CpeIndex;
import dev.tandem.match.IndexEntry;
import dev.tandem.match.PackageIndex;
import dev.tandem.match.PackageKey;
import dev.tandem.version.AffectedVersions;
import dev.tandem.version.RangeEvent;
import dev.tandem.version.RangeType;
import dev.tandem.version.VersionRange;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * A {@link PackageIndex} and {@link CpeIndex} answered from a {@link Snapshot}: a lookup probes the file's package hash
 * table and decodes only that package's entries (and their vulnerabilities), once; a scan touches a
 * few thousand of the hundreds of thousands of packages. Gives the same entries, in the same order,
 * as {@link dev.tandem.match.MemoryPackageIndex} over the database the snapshot was built from.
 *
 * <p>Advisories decoded from a snapshot carry what findings show (id, source, summary, the first
 * line of the details when there is no summary) and every severity they state (record-level and
 * per package, as {@link Advisory#statedSeverities()} lists them); their {@code affected} list is
 * empty, because each {@link IndexEntry} carries its own {@link AffectedPackage}.
 */
public final class SnapshotIndex implements PackageIndex, CpeIndex {

    private static final RangeType[] RANGE_TYPES = RangeType.values();
    private static final RangeEvent.Kind[] EVENT_KINDS = RangeEvent.Kind.values();
    private static final AdvisoryFeed[] FEEDS = AdvisoryFeed.values();
    private static final Operator[] OPERATORS = Operator.values();

    private final Snapshot snapshot;
    private final KevOverlay overlay;
    private final AtomicReferenceArray<List<IndexEntry>> packages;
    private final AtomicReferenceArray<Vulnerability> vulnerabilities;
    private final AtomicReferenceArray<List<CpeEntry>> cpeProducts;
    private final AtomicReferenceArray<CpeEntry> cveRecords;
    /**
     * Package keys already looked up, with their entries (an empty list when the snapshot has none):
     * a repeated scan skips the hash-table probe into the file. Bounded, so a long-running server
     * scanning ever new names keeps at most {@link #KNOWN_KEYS} keys; past that, lookups probe.
     */
    private final java.util.concurrent.ConcurrentHashMap<PackageKey, List<IndexEntry>> known =
            new java.util.concurrent.ConcurrentHashMap<>();
    private static final int KNOWN_KEYS = 1 << 17;

    SnapshotIndex(Snapshot snapshot, KevOverlay overlay) {
        this.snapshot = snapshot;
        this.overlay = overlay;
        this.packages = new AtomicReferenceArray<>(snapshot.packageCount());
        this.vulnerabilities = new AtomicReferenceArray<>(snapshot.vulnerabilityCount());
        this.cpeProducts = new AtomicReferenceArray<>(snapshot.cpeProductCount());
        this.cveRecords = new AtomicReferenceArray<>(snapshot.cveRecordCount());
    }

    /**
     * The records naming a CPE product as vulnerable, decoded once per product.
     *
     * @throws CorruptSnapshotException when the product's records are malformed (a crafted file)
     */
    @Override
    public List<CpeEntry> lookup(String productKey) {
        int ordinal = guarded(() -> findProduct(productKey));
        if (ordinal < 0) {
            return List.of();
        }
        List<CpeEntry> entries = cpeProducts.get(ordinal);
        if (entries == null) {
            entries = guarded(() -> decodeProduct(ordinal));
            cpeProducts.set(ordinal, entries);
        }
        return entries;
    }

    @Override
    public int productCount() {
        return snapshot.cpeProductCount();
    }

    @Override
    public int recordCount() {
        return snapshot.cveRecordCount();
    }

    private int findProduct(String key) {
        int slots = snapshot.cpeProductSlots();
        int hash = SnapshotFormat.productHash(key);
        int mask = slots - 1;
        int slot = hash & mask;
        for (int probes = 0; probes < slots; probes++) {
            int ordinal = snapshot.cpeProductSlotOrdinal(slot);
            if (ordinal == 0) {
                return -1;
            }
            if (snapshot.cpeProductSlotHash(slot) == hash) {
                int candidate = snapshot.checkedCpeProduct(ordinal);
                if (snapshot.stringEquals(snapshot.cpeProductKey(candidate), key)) {
                    return candidate;
                }
            }
            slot = (slot + 1) & mask;
        }
        return -1;
    }

    private List<CpeEntry> decodeProduct(int ordinal) {
        int count = snapshot.cpeProductEntryCount(ordinal);
        if (count < 1) {
            throw new IndexOutOfBoundsException("CPE product " + ordinal + " has " + count + " records");
        }
        PayloadReader in = snapshot.at(SnapshotFormat.CPE_ENTRIES, snapshot.cpeProductEntriesOffset(ordinal));
        List<CpeEntry> entries = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int record = in.varint();
            if (record >= snapshot.cveRecordCount()) {
                throw new IndexOutOfBoundsException("CVE record " + record + " of " + snapshot.cveRecordCount());
            }
            CpeEntry entry = cveRecords.get(record);
            if (entry == null) {
                entry = decodeRecord(record);
                cveRecords.set(record, entry);
            }
            entries.add(entry);
        }
        return List.copyOf(entries);
    }

    private CpeEntry decodeRecord(int record) {
        PayloadReader in = snapshot.at(SnapshotFormat.CVE_RECORD_BLOB, snapshot.cveRecordOffset(record));
        Vulnerability vulnerability = vulnerability(checkedVulnerability(in.varint()));
        Advisory advisory = vulnerability.advisories().get(in.varint());
        int configurationCount = in.count();
        List<ApplicabilityNode.Group> configurations = new ArrayList<>(configurationCount);
        for (int c = 0; c < configurationCount; c++) {
            if (!(node(in, 0) instanceof ApplicabilityNode.Group group)) {
                throw new IndexOutOfBoundsException("a configuration of CVE record " + record + " is not a group");
            }
            configurations.add(group);
        }
        return new CpeEntry(vulnerability, advisory, new Applicability(configurations));
    }

    private ApplicabilityNode node(PayloadReader in, int depth) {
        if (depth > SnapshotFormat.MAX_NODE_DEPTH) {
            throw new IndexOutOfBoundsException("configuration nodes nested deeper than " + SnapshotFormat.MAX_NODE_DEPTH);
        }
        int kind = in.u8();
        if (kind == 0) {
            Operator operator = OPERATORS[in.u8()];
            boolean negate = in.u8() != 0;
            int childCount = in.count();
            List<ApplicabilityNode> children = new ArrayList<>(childCount);
            for (int i = 0; i < childCount; i++) {
                children.add(node(in, depth + 1));
            }
            return new ApplicabilityNode.Group(operator, negate, children);
        }
        if (kind != 1) {
            throw new IndexOutOfBoundsException("unknown configuration node kind " + kind);
        }
        String criteria = snapshot.string(in.varint());
        boolean vulnerable = in.u8() != 0;
        VersionBounds bounds = new VersionBounds(snapshot.string(in.varint()), snapshot.string(in.varint()),
                snapshot.string(in.varint()), snapshot.string(in.varint()));
        String id = snapshot.string(in.varint());
        try {
            return new ApplicabilityNode.Leaf(new CpeMatch(CpeName.parse(criteria), criteria, vulnerable, bounds, id));
        } catch (MalformedCpeException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /**
     * {@inheritDoc}
     *
     * @throws CorruptSnapshotException when the package's records are malformed (a crafted file
     *                                  whose checksum matches)
     */
    @Override
    public List<IndexEntry> lookup(PackageKey key) {
        List<IndexEntry> cached = known.get(key);
        if (cached != null) {
            return cached;
        }
        int ordinal = guarded(() -> find(key));
        List<IndexEntry> entries = ordinal < 0 ? List.of() : packages.get(ordinal);
        if (entries == null) {
            entries = guarded(() -> decodePackage(ordinal));
            packages.set(ordinal, entries); // decoding twice in a race gives equal lists; no lock needed
        }
        if (known.size() < KNOWN_KEYS) {
            known.putIfAbsent(key, entries);
        }
        return entries;
    }

    @Override
    public int packageCount() {
        return snapshot.packageCount();
    }

    @Override
    public int entryCount() {
        return (int) snapshot.info().entries();
    }

    @Override
    public java.util.Map<String, Long> ecosystemAdvisories() {
        java.util.Map<String, Long> counts = new java.util.TreeMap<>();
        snapshot.info().ecosystems().forEach(e -> counts.put(e.ecosystem(), e.advisories()));
        return java.util.Collections.unmodifiableMap(counts);
    }

    /** The database counts, with KEV counts recomputed when fresher KEV entries were overlaid. */
    public AdvisoryDatabase.Stats stats() {
        return overlay == null ? snapshot.info().stats() : overlay.stats(snapshot.info().stats());
    }

    /** The vulnerability an advisory id or alias (any case) belongs to. */
    public Optional<Vulnerability> vulnerabilityFor(String id) {
        int index = guarded(() -> snapshot.vulnerabilityOf(id));
        return index < 0 ? Optional.empty() : Optional.of(vulnerability(index));
    }

    private int find(PackageKey key) {
        int hash = SnapshotFormat.packageHash(key.ecosystem(), key.name());
        int slots = snapshot.packageSlots();
        int mask = slots - 1;
        int slot = hash & mask;
        for (int probes = 0; probes < slots; probes++) {
            int ordinal = snapshot.packageSlotOrdinal(slot);
            if (ordinal == 0) {
                return -1;
            }
            if (snapshot.packageSlotHash(slot) == hash) {
                int candidate = snapshot.checkedPackage(ordinal);
                if (snapshot.stringEquals(snapshot.packageName(candidate), key.name())
                        && snapshot.stringEquals(snapshot.packageEcosystem(candidate), key.ecosystem())) {
                    return candidate;
                }
            }
            slot = (slot + 1) & mask;
        }
        return -1;
    }

    private List<IndexEntry> decodePackage(int ordinal) {
        int count = snapshot.packageEntryCount(ordinal);
        if (count < 1) {
            throw new IndexOutOfBoundsException("package " + ordinal + " has " + count + " entries");
        }
        PayloadReader in = snapshot.at(SnapshotFormat.ENTRIES, snapshot.packageEntriesOffset(ordinal));
        // The count comes from the package row: a forged one (with a valid checksum) must not allocate
        // billions of slots. An entry takes at least six bytes (four indexes and two counts).
        in.fits(count, 6);
        List<IndexEntry> entries = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Vulnerability vulnerability = vulnerability(checkedVulnerability(in.varint()));
            int advisoryOrdinal = in.varint();
            Advisory advisory = vulnerability.advisories().get(advisoryOrdinal);
            String ecosystem = snapshot.string(in.varint());
            String name = snapshot.string(in.varint());
            int rangeCount = in.count();
            List<VersionRange> ranges = new ArrayList<>(rangeCount);
            for (int r = 0; r < rangeCount; r++) {
                RangeType type = RANGE_TYPES[in.u8()];
                String repo = snapshot.string(in.varint());
                int eventCount = in.count();
                List<RangeEvent> events = new ArrayList<>(eventCount);
                for (int e = 0; e < eventCount; e++) {
                    RangeEvent.Kind kind = EVENT_KINDS[in.u8()];
                    events.add(new RangeEvent(kind, snapshot.string(in.varint())));
                }
                ranges.add(new VersionRange(type, repo, events));
            }
            int versionCount = in.count();
            List<String> versions = new ArrayList<>(versionCount);
            for (int v = 0; v < versionCount; v++) {
                versions.add(snapshot.string(in.varint()));
            }
            AffectedPackage affected = new AffectedPackage(ecosystem, name, "", new AffectedVersions(ranges, versions),
                    List.of());
            entries.add(IndexEntry.of(vulnerability, advisory, affected));
        }
        return List.copyOf(entries);
    }

    private int checkedVulnerability(int index) {
        if (!snapshot.isVulnerability(index)) {
            throw new IndexOutOfBoundsException("vulnerability " + index + " of " + snapshot.vulnerabilityCount());
        }
        return index;
    }

    Vulnerability vulnerability(int index) {
        Vulnerability cached = vulnerabilities.get(index);
        if (cached == null) {
            cached = guarded(() -> decodeVulnerability(index));
            vulnerabilities.set(index, cached);
        }
        return cached;
    }

    private Vulnerability decodeVulnerability(int index) {
        PayloadReader in = snapshot.at(SnapshotFormat.VULNERABILITY_BLOB, snapshot.vulnerabilityOffset(index));
        String id = snapshot.string(in.varint());
        int aliasCount = in.count();
        TreeSet<String> aliases = new TreeSet<>(AdvisoryIdOrder.INSTANCE);
        List<String> aliasOrder = new ArrayList<>(aliasCount);
        for (int i = 0; i < aliasCount; i++) {
            String alias = snapshot.string(in.varint());
            aliases.add(alias);
            aliasOrder.add(alias);
        }
        int advisoryCount = in.count();
        List<Advisory> advisories = new ArrayList<>(advisoryCount);
        for (int i = 0; i < advisoryCount; i++) {
            String advisoryId = snapshot.string(in.varint());
            AdvisoryFeed feed = FEEDS[in.u8()];
            String source = snapshot.string(in.varint());
            String summary = snapshot.string(in.varint());
            String headline = snapshot.string(in.varint());
            int severityCount = in.count();
            List<SeverityScore> stated = new ArrayList<>(severityCount);
            for (int s = 0; s < severityCount; s++) {
                stated.add(severity(in));
            }
            advisories.add(new Advisory(advisoryId, source, summary, headline, null, null, null, List.of(), List.of(),
                    stated, List.of(), List.of(), feed));
        }
        SeverityScore severity = in.u8() != 0 ? severity(in) : null;
        int kevCount = in.count();
        List<KevEntry> exploited = new ArrayList<>(kevCount);
        for (int i = 0; i < kevCount; i++) {
            exploited.add(snapshot.kevEntry(in));
        }
        if (overlay != null) {
            List<String> ids = new ArrayList<>(1 + aliasCount);
            ids.add(id);
            ids.addAll(aliasOrder);
            exploited = overlay.exploited(exploited, ids);
        }
        return new Vulnerability(id, aliases, advisories, severity, exploited);
    }

    private SeverityScore severity(PayloadReader in) {
        String type = snapshot.string(in.varint());
        String vector = snapshot.string(in.varint());
        double score = in.f64();
        Rating rating = Rating.valueOf(snapshot.string(in.varint()));
        String problem = snapshot.string(in.varint());
        return new SeverityScore(type, vector, score, rating, problem, snapshot.string(in.varint()));
    }

    private <T> T guarded(java.util.function.Supplier<T> decode) {
        try {
            return decode.get();
        } catch (IndexOutOfBoundsException | IllegalArgumentException | java.time.DateTimeException e) {
            throw new CorruptSnapshotException(snapshot.corrupt("malformed record (" + e.getMessage() + ")"));
        }
    }
}
