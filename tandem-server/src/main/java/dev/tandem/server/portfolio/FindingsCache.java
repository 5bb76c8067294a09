package dev.tandem.server.portfolio;

import dev.tandem.server.store.Findings;
import dev.tandem.server.store.Products;
import dev.tandem.server.store.TriageDecisions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The findings of recently read releases, in list order with their triage decisions and each item's
 * API bytes ready to send, held in memory by one server instance. An entry is stamped with its
 * product's findings version as the database had it when the entry was read; a request reads the
 * current version first (one indexed read) and uses the entry only when it is at least that new, so
 * an instance never serves findings older than the database's, whichever instance changed them.
 * Bounded in bytes; the least recently used releases go first.
 */
public final class FindingsCache {

    /** The default bound: about a dozen releases of 3,000 findings. */
    public static final long DEFAULT_BYTES = 64L << 20;
    /** A release with more findings is read page by page from the database, not held. */
    public static final int MAX_FINDINGS = 20_000;

    /** One finding of a held release. */
    public record Item(Findings.Listed listed, byte[] json) {
    }

    /** A release's findings as of {@code version}. */
    public record Entry(long version, Products.Product product, Products.Release release, List<Item> items,
            Map<String, TriageDecisions.Decision> decisions, long bytes) {

        /** The page a filter selects, as {@link Portfolio.FindingPage}. */
        Portfolio.FindingPage page(Findings.Filter filter) {
            List<Item> selected = items;
            if (!filter.includeSuppressed() || filter.severity() != null || filter.knownExploited() != null) {
                selected = new ArrayList<>();
                for (Item item : items) {
                    Findings.Listed listed = item.listed();
                    if ((filter.includeSuppressed() || !listed.suppressed())
                            && (filter.severity() == null || filter.severity().equals(listed.severity()))
                            && (filter.knownExploited() == null || filter.knownExploited() == listed.knownExploited())) {
                        selected.add(item);
                    }
                }
            }
            int from = (int) Math.min(filter.offset(), (long) selected.size());
            int to = (int) Math.min((long) filter.offset() + filter.limit(), selected.size());
            List<Findings.Stored> stored = new ArrayList<>(to - from);
            List<byte[]> json = new ArrayList<>(to - from);
            for (Item item : selected.subList(from, to)) {
                stored.add(item.listed().stored());
                json.add(item.json());
            }
            return new Portfolio.FindingPage(product, release, selected.size(), filter.offset(), filter.limit(),
                    java.util.Collections.unmodifiableList(stored), decisions, java.util.Collections.unmodifiableList(json),
                    version);
        }
    }

    /** A release's place in the cache: its entry (or none) and when it was last used. */
    private static final class Slot {
        volatile Entry entry;
        volatile long used;
    }

    private final long budget;
    private final ConcurrentHashMap<Long, Slot> slots = new ConcurrentHashMap<>();
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicLong ticks = new AtomicLong();
    private final AtomicLong loads = new AtomicLong();

    public FindingsCache(long budgetBytes) {
        this.budget = budgetBytes;
    }

    /**
     * The release's entry when it is at least as new as {@code version}, else a fresh one from
     * {@code load} (one load at a time per release: fifty readers of a changed release wait for one read).
     */
    public Entry get(long releaseId, long version, Supplier<Entry> load) {
        Slot slot = slots.computeIfAbsent(releaseId, id -> new Slot());
        slot.used = ticks.incrementAndGet();
        Entry entry = slot.entry;
        if (entry != null && entry.version() >= version) {
            return entry;
        }
        synchronized (slot) {
            entry = slot.entry;
            if (entry != null && entry.version() >= version) {
                return entry;
            }
            Entry fresh = load.get();
            loads.incrementAndGet();
            if (fresh.bytes() <= budget) {
                keep(slot, fresh);
            }
            return fresh;
        }
    }

    /**
     * Holds {@code fresh} in {@code slot}, then drops the least recently used other entries until the cache is
     * within its bound. Every change to an entry and to the byte count happens here, under the cache's lock.
     */
    private synchronized void keep(Slot slot, Entry fresh) {
        Entry old = slot.entry;
        slot.entry = fresh;
        bytes.addAndGet(fresh.bytes() - (old == null ? 0 : old.bytes()));
        while (bytes.get() > budget) {
            Slot oldest = null;
            for (Slot candidate : slots.values()) {
                if (candidate != slot && candidate.entry != null && (oldest == null || candidate.used < oldest.used)) {
                    oldest = candidate;
                }
            }
            if (oldest == null) {
                return;
            }
            bytes.addAndGet(-oldest.entry.bytes());
            oldest.entry = null;
        }
    }

    /** How many times a release was read from the database into the cache (for tests and the docs). */
    public long loads() {
        return loads.get();
    }

    /** The bytes held. */
    public long bytes() {
        return bytes.get();
    }

    /** Builds an entry from a release's findings in list order and the product's decisions for them. */
    static Entry entry(long version, Products.Product product, Products.Release release, List<Findings.Listed> listed,
            Map<String, TriageDecisions.Decision> decisions) {
        List<Item> items = new ArrayList<>(listed.size());
        long size = 512;
        for (Findings.Listed finding : listed) {
            byte[] json = FindingJson.item(finding.stored().item(), decisions.get(finding.stored().findingId()));
            items.add(new Item(finding, json));
            // the item's text (one byte a character when it is Latin-1), its bytes, the records around them
            size += finding.stored().item().length() + json.length + 160;
        }
        return new Entry(version, product, release, List.copyOf(items), Map.copyOf(decisions), size);
    }
}
