package dev.tandem.snapshot;

import dev.tandem.advisory.Advisory;
import dev.tandem.advisory.AdvisoryDatabase;
import dev.tandem.advisory.AdvisoryIdOrder;
import dev.tandem.advisory.AffectedPackage;
import dev.tandem.advisory.KevEntry;
import dev.tandem.advisory.Vulnerability;
import dev.tandem.advisory.cvss.Rating;
import dev.tandem.advisory.cvss.SeverityScore;
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
 * A {@link PackageIndex} answered from a {@link Snapshot}: a lookup probes the file's package hash
 * table and decodes only that package's entries (and their vulnerabilities), once; a scan touches a
 * few thousand of the hundreds of thousands of packages. Gives the same entries, in the same order,
 * as {@link dev.tandem.match.MemoryPackageIndex} over the database the snapshot was built from.
 *
 * <p>Advisories decoded from a snapshot carry what findings show (id, source, summary, the first
 * line of the details when there is no summary) and every severity they state (record-level and
 * per package, as {@link Advisory#statedSeverities()} lists them); their {@code affected} list is
 * empty, because each {@link IndexEntry} carries its own {@link AffectedPackage}.
 */
public final class SnapshotIndex implements PackageIndex {

    private static final RangeType[] RANGE_TYPES = RangeType.values();
    private static final RangeEvent.Kind[] EVENT_KINDS = RangeEvent.Kind.values();

    private final Snapshot snapshot;
    private final KevOverlay overlay;
    private final AtomicReferenceArray<List<IndexEntry>> packages;
    private final AtomicReferenceArray<Vulnerability> vulnerabilities;

    SnapshotIndex(Snapshot snapshot, KevOverlay overlay) {
        this.snapshot = snapshot;
        this.overlay = overlay;
        this.packages = new AtomicReferenceArray<>(snapshot.packageCount());
        this.vulnerabilities = new AtomicReferenceArray<>(snapshot.vulnerabilityCount());
    }

    /**
     * {@inheritDoc}
     *
     * @throws CorruptSnapshotException when the package's records are malformed (a crafted file
     *                                  whose checksum matches)
     */
    @Override
    public List<IndexEntry> lookup(PackageKey key) {
        int ordinal = guarded(() -> find(key));
        if (ordinal < 0) {
            return List.of();
        }
        List<IndexEntry> entries = packages.get(ordinal);
        if (entries == null) {
            entries = guarded(() -> decodePackage(ordinal));
            packages.set(ordinal, entries); // decoding twice in a race gives equal lists; no lock needed
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
            String source = snapshot.string(in.varint());
            String summary = snapshot.string(in.varint());
            String headline = snapshot.string(in.varint());
            int severityCount = in.count();
            List<SeverityScore> stated = new ArrayList<>(severityCount);
            for (int s = 0; s < severityCount; s++) {
                stated.add(severity(in));
            }
            advisories.add(new Advisory(advisoryId, source, summary, headline, null, null, null, List.of(), List.of(),
                    stated, List.of(), List.of()));
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
        return new SeverityScore(type, vector, score, rating, snapshot.string(in.varint()));
    }

    private <T> T guarded(java.util.function.Supplier<T> decode) {
        try {
            return decode.get();
        } catch (IndexOutOfBoundsException | IllegalArgumentException | java.time.DateTimeException e) {
            throw new CorruptSnapshotException(snapshot.corrupt("malformed record (" + e.getMessage() + ")"));
        }
    }
}
