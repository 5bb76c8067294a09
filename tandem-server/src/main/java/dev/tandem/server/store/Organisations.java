package dev.tandem.server.store;

import dev.tandem.audit.AuditChain;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** Organisations (tenants). */
public final class Organisations {

    private final Handle h;

    public Organisations(Handle h) {
        this.h = h;
    }

    /** Creates an organisation with an empty audit chain. */
    public Tenant create(String name, Instant at) {
        long id = h.createUpdate("insert into organisations (name, created_at) values (:name, :at)")
                .bind("name", name).bind("at", at).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
        h.createUpdate("insert into audit_heads (org_id, seq, hash) values (:org, 0, :hash)")
                .bind("org", id).bind("hash", AuditChain.GENESIS).execute();
        return new Tenant(id, name);
    }

    public Optional<Tenant> find(String name) {
        return h.createQuery("select id, name from organisations where name = :name").bind("name", name)
                .map((rs, ctx) -> new Tenant(rs.getLong("id"), rs.getString("name"))).findOne();
    }

    public List<Tenant> list() {
        return h.createQuery("select id, name from organisations order by id")
                .map((rs, ctx) -> new Tenant(rs.getLong("id"), rs.getString("name"))).list();
    }

    public boolean any() {
        return h.createQuery("select exists (select 1 from organisations)").mapTo(Boolean.class).one();
    }
}
