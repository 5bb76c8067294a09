package dev.tandem.server.portfolio;

import dev.tandem.input.InputException;
import dev.tandem.server.store.Snapshots;
import dev.tandem.snapshot.Snapshot;
import dev.tandem.snapshot.SnapshotIndex;
import dev.tandem.usecase.scan.AdvisoryInput;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * The advisory snapshot every scan uses, held in memory with its index (decoded packages are cached
 * across scans). The database says which snapshot is current; each scan checks it under a shared
 * lock, so an instance whose snapshot was replaced by another instance loads the new one first.
 */
public final class CurrentAdvisories {

    /** A loaded snapshot; {@code sha256} null when none was ever loaded (scans then find nothing). */
    public record Loaded(String sha256, Snapshot snapshot, SnapshotIndex index) {

        static final Loaded NONE = new Loaded(null, null, null);

        /** The scan's advisory input. */
        public AdvisoryInput input() {
            if (index == null) {
                return new AdvisoryInput.Documents(List.of(), false);
            }
            // The snapshot's CPE index (its NVD/CVE records) and EPSS scores go with it, so the server's findings
            // are those of `tandem scan --db` over the same snapshot.
            return new AdvisoryInput.Index(index, index.stats(), snapshot.info().provenance().advisorySources(),
                    snapshot.info().provenance().kevSources(), index, snapshot.info().provenance().recordSources(),
                    snapshot.epss().orElse(null));
        }
    }

    private volatile Loaded loaded = Loaded.NONE;

    /** The current snapshot, the database row held shared until the caller's transaction ends. */
    public Loaded lockCurrent(Handle h) {
        Snapshots snapshots = new Snapshots(h);
        Optional<Snapshots.StoredSnapshot> current = snapshots.current(true);
        if (current.isEmpty()) {
            return Loaded.NONE;
        }
        String sha = current.get().sha256();
        Loaded now = loaded;
        if (sha.equals(now.sha256())) {
            return now;
        }
        synchronized (this) {
            if (sha.equals(loaded.sha256())) {
                return loaded;
            }
            byte[] bytes = snapshots.bytes(sha).orElseThrow(() -> new IllegalStateException(
                    "the current advisory snapshot " + sha + " has no stored bytes"));
            try {
                Snapshot snapshot = Snapshot.of("advisory snapshot " + sha.substring(0, 12), bytes);
                loaded = new Loaded(sha, snapshot, snapshot.index());
            } catch (InputException e) {
                throw new IllegalStateException("the stored advisory snapshot is unreadable: " + e.getMessage(), e);
            }
            return loaded;
        }
    }

    /** Installs a snapshot that was just made current (after its transaction committed). */
    void install(Loaded snapshot) {
        loaded = snapshot;
    }

    /** What is in memory now, without asking the database (health, pages). */
    public Loaded peek() {
        return loaded;
    }
}
