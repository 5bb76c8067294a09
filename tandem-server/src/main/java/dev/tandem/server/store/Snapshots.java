package dev.tandem.server.store;

import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Advisory snapshots in the {@code .tdb} format, stored in 1 MiB chunks (a 150 MB snapshot would be
 * one huge value otherwise), and which one is current. Advisory data is public: one current
 * snapshot serves every organisation.
 */
public final class Snapshots {

    static final int CHUNK = 1 << 20;

    /** A stored snapshot's identity and description. */
    public record StoredSnapshot(String sha256, long size, String info, Instant storedAt, String storedBy,
            Instant swappedAt) {
    }

    private final Handle h;

    public Snapshots(Handle h) {
        this.h = h;
    }

    /** Stores a snapshot's bytes unless stored already; true when new. */
    public boolean store(String sha256, byte[] bytes, String infoJson, String by, Instant at) {
        int inserted = h.createUpdate("insert into advisory_snapshots (sha256, size, info, stored_at, stored_by)"
                        + " values (:sha, :size, :info::jsonb, :at, :by) on conflict do nothing")
                .bind("sha", sha256).bind("size", bytes.length).bind("info", infoJson).bind("at", at).bind("by", by)
                .execute();
        if (inserted == 0) {
            return false;
        }
        // One chunk at a time: a batch would hold a copy of the whole snapshot until it runs.
        for (int seq = 0, offset = 0; offset < bytes.length || seq == 0; seq++, offset += CHUNK) {
            h.createUpdate("insert into snapshot_chunks (sha256, seq, bytes) values (:sha, :seq, :bytes)")
                    .bind("sha", sha256).bind("seq", seq)
                    .bind("bytes", Arrays.copyOfRange(bytes, offset, Math.min(bytes.length, offset + CHUNK))).execute();
        }
        return true;
    }

    /** Makes a stored snapshot the current one. */
    public void makeCurrent(String sha256, Instant at) {
        h.createUpdate("update current_snapshot set sha256 = :sha, swapped_at = :at").bind("sha", sha256).bind("at", at)
                .execute();
    }

    /**
     * The current snapshot. With {@code lock}, the row is held (shared) until the transaction ends,
     * so a swap waits for scans that use the snapshot it replaces, and the other way round.
     */
    public Optional<StoredSnapshot> current(boolean lock) {
        if (lock) {
            h.createQuery("select singleton from current_snapshot for share").mapTo(Boolean.class).one();
        }
        return h.createQuery("select s.sha256, s.size, s.info::text as info, s.stored_at, s.stored_by, c.swapped_at"
                        + " from current_snapshot c join advisory_snapshots s on s.sha256 = c.sha256")
                .map((rs, ctx) -> new StoredSnapshot(rs.getString("sha256"), rs.getLong("size"), rs.getString("info"),
                        rs.getTimestamp("stored_at").toInstant(), rs.getString("stored_by"),
                        rs.getTimestamp("swapped_at").toInstant()))
                .findOne();
    }

    /** Takes the exclusive lock a swap holds: waits for scans in progress, blocks new ones until commit. */
    public void lockForSwap() {
        h.createQuery("select singleton from current_snapshot for update").mapTo(Boolean.class).one();
    }

    /** A stored snapshot's bytes, reassembled into one array of the stored size (no growing copies). */
    public Optional<byte[]> bytes(String sha256) {
        Optional<Long> size = h.createQuery("select size from advisory_snapshots where sha256 = :sha").bind("sha", sha256)
                .mapTo(Long.class).findOne();
        if (size.isEmpty()) {
            return Optional.empty();
        }
        byte[] bytes = new byte[Math.toIntExact(size.get())];
        int[] filled = {0};
        h.createQuery("select bytes from snapshot_chunks where sha256 = :sha order by seq").bind("sha", sha256)
                .mapTo(byte[].class).forEach(chunk -> {
                    if (filled[0] + chunk.length > bytes.length) {
                        throw new IllegalStateException("the stored chunks of snapshot " + sha256 + " exceed its size");
                    }
                    System.arraycopy(chunk, 0, bytes, filled[0], chunk.length);
                    filled[0] += chunk.length;
                });
        if (filled[0] != bytes.length) {
            throw new IllegalStateException("the stored chunks of snapshot " + sha256 + " are incomplete");
        }
        return Optional.of(bytes);
    }
}
