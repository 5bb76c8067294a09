package dev.tandem.match;

import dev.tandem.advisory.AdvisoryDatabase;
import java.util.List;

/**
 * Every affected package of every live advisory, keyed by {@link PackageKey}: matching a component
 * is one hash lookup plus the evaluation of that package's few entries. Implementations: the
 * in-memory {@link MemoryPackageIndex} and the snapshot-backed index of {@code dev.tandem.snapshot},
 * which must give the same entries in the same order for the same advisories. An index does not
 * change once built (a new snapshot or KEV overlay is a new index): a scan keeps its answers with the
 * SBOM it scanned and asks again only for another index.
 */
public interface PackageIndex {

    /** The in-memory index of a database (compiles every entry up front). */
    static PackageIndex build(AdvisoryDatabase database) {
        return MemoryPackageIndex.build(database);
    }

    /**
     * The entries of one package, empty when no advisory names it; in the database's vulnerability
     * order, then advisory order, then {@code affected[]} order. Thread-safe.
     */
    List<IndexEntry> lookup(PackageKey key);

    /** How many distinct packages the index holds. */
    int packageCount();

    /** How many {@code affected[]} entries the index holds. */
    int entryCount();

    /**
     * Per ecosystem (base name, as {@link PackageKey#ecosystem()}), how many advisories name at
     * least one of its packages: what a scan had to check a component of that ecosystem against.
     */
    java.util.Map<String, Long> ecosystemAdvisories();
}
