package dev.tandem.server.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.tandem.audit.AuditChain;
import dev.tandem.audit.AuditEntry;
import dev.tandem.server.store.Tenant;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jdbi.v3.core.Handle;

/** Appends to and reads an organisation's audit chain, in the caller's transaction. */
public final class AuditLog {

    private static final ObjectMapper JSON = new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    private final Handle h;

    public AuditLog(Handle h) {
        this.h = h;
    }

    /**
     * Appends an entry in the caller's transaction: the organisation's head row is locked until
     * commit, so concurrent changes (on any server instance) are chained one after the other.
     */
    public AuditEntry append(Tenant tenant, Instant at, String actor, String action, String target,
            Map<String, ?> details) {
        var head = h.createQuery("select seq, hash from audit_heads where org_id = :org for update")
                .bind("org", tenant.id()).map((rs, ctx) -> new Object[] {rs.getLong("seq"), rs.getString("hash")}).one();
        long seq = (Long) head[0];
        AuditEntry previous = seq == 0 ? null
                : new AuditEntry(tenant.name(), seq, Instant.EPOCH, "", "", "", "{}", AuditChain.GENESIS, (String) head[1]);
        AuditEntry entry = AuditChain.next(previous, tenant.name(), at, actor, action, target, json(details));
        h.createUpdate("insert into audit_log (org_id, seq, at, actor, action, target, details, previous_hash, hash)"
                        + " values (:org, :seq, :at, :actor, :action, :target, :details, :previous, :hash)")
                .bind("org", tenant.id()).bind("seq", entry.seq()).bind("at", entry.at()).bind("actor", entry.actor())
                .bind("action", entry.action()).bind("target", entry.target()).bind("details", entry.details())
                .bind("previous", entry.previousHash()).bind("hash", entry.hash()).execute();
        h.createUpdate("update audit_heads set seq = :seq, hash = :hash where org_id = :org")
                .bind("seq", entry.seq()).bind("hash", entry.hash()).bind("org", tenant.id()).execute();
        return entry;
    }

    /** Entries of the organisation from {@code afterSeq} on, oldest first, at most {@code limit}. */
    public List<AuditEntry> entries(Tenant tenant, long afterSeq, int limit) {
        return h.createQuery("select * from audit_log where org_id = :org and seq > :after order by seq limit :limit")
                .bind("org", tenant.id()).bind("after", afterSeq).bind("limit", limit)
                .map((rs, ctx) -> new AuditEntry(tenant.name(), rs.getLong("seq"), rs.getTimestamp("at").toInstant(),
                        rs.getString("actor"), rs.getString("action"), rs.getString("target"), rs.getString("details"),
                        rs.getString("previous_hash"), rs.getString("hash")))
                .list();
    }

    /** The newest entries, newest first, for the web page. */
    public List<AuditEntry> latest(Tenant tenant, long beforeSeq, int limit) {
        return h.createQuery("select * from audit_log where org_id = :org and seq < :before order by seq desc limit :limit")
                .bind("org", tenant.id()).bind("before", beforeSeq).bind("limit", limit)
                .map((rs, ctx) -> new AuditEntry(tenant.name(), rs.getLong("seq"), rs.getTimestamp("at").toInstant(),
                        rs.getString("actor"), rs.getString("action"), rs.getString("target"), rs.getString("details"),
                        rs.getString("previous_hash"), rs.getString("hash")))
                .list();
    }

    /** Every entry of the organisation, oldest first (verification reads the whole chain). */
    public List<AuditEntry> all(Tenant tenant) {
        return entries(tenant, 0, Integer.MAX_VALUE);
    }

    /** Details as canonical JSON: keys sorted, so the same change always hashes the same. */
    static String json(Map<String, ?> details) {
        try {
            return JSON.writeValueAsString(new TreeMap<>(details));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
