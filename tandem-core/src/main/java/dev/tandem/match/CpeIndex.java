package dev.tandem.match;

import java.util.List;

/**
 * The NVD and CVE records by the products their configurations name as vulnerable
 * ({@link dev.tandem.cpe.CpeName#productKey()}, {@code a:openssl:openssl}): matching a component's CPE
 * is one hash lookup and the evaluation of that product's records. Implementations: the in-memory
 * {@link MemoryCpeIndex} and the snapshot-backed index of {@code dev.tandem.snapshot}, which give
 * the same entries in the same order for the same records.
 */
public interface CpeIndex {

    /** No records: components are matched by package URL only. */
    CpeIndex EMPTY = new CpeIndex() {
        @Override
        public List<CpeEntry> lookup(String productKey) {
            return List.of();
        }

        @Override
        public int productCount() {
            return 0;
        }

        @Override
        public int recordCount() {
            return 0;
        }
    };

    /** The records naming the product as vulnerable, in the database's vulnerability order; empty when none. Thread-safe. */
    List<CpeEntry> lookup(String productKey);

    /** How many products the records name as vulnerable. */
    int productCount();

    /** How many records with a configuration the index holds. */
    int recordCount();

    /** True when the index holds no record: CPE matching is off. */
    default boolean isEmpty() {
        return recordCount() == 0;
    }
}
