package dev.tandem.match;

import dev.tandem.sbom.Component;
import dev.tandem.sbom.Sbom;
import dev.tandem.version.InvalidVersionException;
import dev.tandem.version.Version;
import dev.tandem.version.VersionScheme;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * What a scan works out from one parsed SBOM alone, kept with that SBOM (by identity, for as long as
 * the SBOM is referenced elsewhere) so a repeated scan of it does not redo the work: every
 * component's package identity (its purl read once), which components repeat an earlier purl, the
 * order of the component labels, each component's version parsed per version scheme, the finding-id
 * input of each component and the ids already made, and the package index's answer for each
 * component, per index (an index does not change once built, see {@link PackageIndex}). None of it
 * depends on the scan's time or options; the SBOM record is immutable, so none of it goes stale.
 * Thread-safe: concurrent scans of one SBOM fill the same slots with equal values.
 */
final class PreparedSbom {

    private static final Map<Key, PreparedSbom> KEPT = new HashMap<>();
    private static final ReferenceQueue<Sbom> COLLECTED = new ReferenceQueue<>();

    private final ComponentIdentity[] identities;
    private final List<ComponentIdentity> identityList;
    private final boolean[] repeatsPurl;
    /** Each component label's place in {@link String#compareTo} order (equal labels, equal ranks). */
    private volatile int[] labelRank;
    private volatile boolean scanned;
    private final AtomicReferenceArray<SchemeVersion> versions;
    private final AtomicReferenceArray<byte[]> idPrefixes;
    private final AtomicReferenceArray<Map<String, FindingId>> ids;
    /** The last index scanned against and its answers; weak, so a replaced snapshot is not kept alive. */
    private volatile Lookups lookups;

    private PreparedSbom(Sbom sbom) {
        List<Component> components = sbom.components();
        int n = components.size();
        identities = new ComponentIdentity[n];
        repeatsPurl = new boolean[n];
        Set<String> seen = HashSet.newHashSet(n);
        for (int i = 0; i < n; i++) {
            Component component = components.get(i);
            identities[i] = PurlIdentities.of(component);
            repeatsPurl[i] = identities[i] instanceof ComponentIdentity.Known && !seen.add(component.purl());
        }
        identityList = List.of(identities);
        versions = new AtomicReferenceArray<>(n);
        idPrefixes = new AtomicReferenceArray<>(n);
        ids = new AtomicReferenceArray<>(n);
    }

    /** The prepared form of {@code sbom}: made on its first scan, found again on the next ones. */
    static PreparedSbom of(Sbom sbom) {
        synchronized (KEPT) {
            for (Object gone; (gone = COLLECTED.poll()) != null; ) {
                KEPT.remove(gone);
            }
            PreparedSbom kept = KEPT.get(new Key(sbom, null));
            if (kept != null) {
                return kept;
            }
        }
        PreparedSbom made = new PreparedSbom(sbom); // outside the lock: scans of other SBOMs need not wait
        synchronized (KEPT) {
            PreparedSbom raced = KEPT.putIfAbsent(new Key(sbom, COLLECTED), made);
            return raced != null ? raced : made;
        }
    }

    ComponentIdentity identity(int component) {
        return identities[component];
    }

    /** Every component's identity in the SBOM's order (immutable). */
    List<ComponentIdentity> identities() {
        return identityList;
    }

    /** True when an earlier component with a package identity has the same purl string (nested copies). */
    boolean repeatsPurl(int component) {
        return repeatsPurl[component];
    }

    /** The answers of {@code index} for this SBOM's components, remembered while the index is the last one used. */
    Lookups lookups(PackageIndex index) {
        Lookups last = lookups;
        if (last != null && last.index.get() == index) {
            return last;
        }
        Lookups made = new Lookups(index, identities.length);
        lookups = made;
        return made;
    }

    /** The component's version parsed by {@code scheme} (null when the scheme rejects it), parsed once per scheme. */
    Version version(int component, VersionScheme scheme, String text) {
        SchemeVersion kept = versions.get(component);
        if (kept != null && kept.scheme == scheme && kept.text.equals(text)) {
            return kept.version;
        }
        Version parsed;
        try {
            parsed = scheme.parse(text);
        } catch (InvalidVersionException e) {
            parsed = null;
        }
        versions.set(component, new SchemeVersion(scheme, text, parsed));
        return parsed;
    }

    /** The finding ids made for the component by earlier scans, by vulnerability id (immutable; empty at first). */
    Map<String, FindingId> findingIds(int component) {
        Map<String, FindingId> made = ids.get(component);
        return made == null ? Map.of() : made;
    }

    /** The component's finding-id input (product and component), worked out on its first finding only. */
    byte[] idPrefix(int component, Component c, FindingId.Maker maker) {
        byte[] prefix = idPrefixes.get(component);
        if (prefix == null) {
            prefix = maker.prefix(c);
            idPrefixes.set(component, prefix);
        }
        return prefix;
    }

    /** Remembers the ids a scan made beside {@code known} (what {@link #findingIds} gave it). */
    void rememberFindingIds(int component, Map<String, FindingId> known, Map<String, FindingId> made) {
        Map<String, FindingId> all = HashMap.newHashMap(known.size() + made.size());
        all.putAll(known);
        all.putAll(made);
        ids.set(component, Map.copyOf(all)); // a lost race only loses remembered ids, never gives a wrong one
    }

    /**
     * The rank of every component label, or null on the SBOM's first scan: ranking all labels costs
     * more than one sort of the findings by label, and pays off only from the second scan on.
     */
    int[] labelRanks(List<Component> components) {
        int[] ranks = labelRank;
        if (ranks == null) {
            if (!scanned) {
                scanned = true;
                return null;
            }
            ranks = ranks(components);
            labelRank = ranks;
        }
        return ranks;
    }

    private static int[] ranks(List<Component> components) {
        int n = components.size();
        String[] labels = new String[n];
        for (int i = 0; i < n; i++) {
            labels[i] = components.get(i).label();
        }
        String[] sorted = labels.clone();
        Arrays.sort(sorted);
        Map<String, Integer> rank = HashMap.newHashMap(n);
        for (int i = 0; i < n; i++) {
            rank.putIfAbsent(sorted[i], i);
        }
        int[] ranks = new int[n];
        for (int i = 0; i < n; i++) {
            ranks[i] = rank.get(labels[i]);
        }
        return ranks;
    }

    /** One index's entries for each component of the SBOM, filled as the scans ask. */
    static final class Lookups {
        private final WeakReference<PackageIndex> index;
        private final AtomicReferenceArray<List<IndexEntry>> entries;

        private Lookups(PackageIndex index, int components) {
            this.index = new WeakReference<>(index);
            this.entries = new AtomicReferenceArray<>(components);
        }

        List<IndexEntry> of(int component, PackageIndex index, PackageKey key) {
            List<IndexEntry> found = entries.get(component);
            if (found == null) {
                found = index.lookup(key);
                entries.set(component, found);
            }
            return found;
        }
    }

    private record SchemeVersion(VersionScheme scheme, String text, Version version) {
    }

    /** The SBOM by identity, held weakly: a record's equals would compare every component. */
    private static final class Key extends WeakReference<Sbom> {
        private final int hash;

        Key(Sbom sbom, ReferenceQueue<Sbom> queue) {
            super(sbom, queue);
            this.hash = System.identityHashCode(sbom);
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object o) {
            if (this == o) {
                return true;
            }
            return o instanceof Key k && k.hash == hash && get() != null && k.get() == get();
        }
    }
}
