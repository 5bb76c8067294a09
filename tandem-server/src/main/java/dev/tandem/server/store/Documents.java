package dev.tandem.server.store;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** Documents kept with the portfolio as uploaded: incident records and product profiles. */
public final class Documents {

    /** A stored document (its bytes read on demand). */
    public record StoredDocument(long id, String kind, String name, Long productId, String mediaType, String sha256,
            Instant createdAt, String createdBy) {
    }

    private final Handle h;

    public Documents(Handle h) {
        this.h = h;
    }

    /** A document as kept by {@link #put}: its id, and whether the put created it (no document of that name before). */
    public record Kept(long id, boolean created) {
    }

    /** Stores or replaces the document of this kind and name. */
    public Kept put(Tenant tenant, String kind, String name, Long productId, String mediaType, String sha256,
            byte[] content, String by, Instant at) {
        // xmax is 0 on a row this statement inserted, and the updating transaction's id on one it replaced.
        return h.createQuery("insert into documents (org_id, kind, name, product_id, media_type, sha256, content, created_at,"
                        + " created_by) values (:org, :kind, :name, :product, :media, :sha, :content, :at, :by)"
                        + " on conflict (org_id, kind, name) do update set product_id = excluded.product_id,"
                        + " media_type = excluded.media_type, sha256 = excluded.sha256, content = excluded.content,"
                        + " created_at = excluded.created_at, created_by = excluded.created_by"
                        + " returning id, xmax = 0")
                .bind("org", tenant.id()).bind("kind", kind).bind("name", name).bind("product", productId)
                .bind("media", mediaType).bind("sha", sha256).bind("content", content).bind("at", at).bind("by", by)
                .map((rs, ctx) -> new Kept(rs.getLong(1), rs.getBoolean(2))).one();
    }

    /** Every document of a kind in every organisation, with its organisation (for the incident clock watch). */
    public List<Map.Entry<Tenant, StoredDocument>> all(String kind) {
        return h.createQuery("select d.id, d.kind, d.name, d.product_id, d.media_type, d.sha256, d.created_at, d.created_by,"
                        + " d.org_id, o.name as org_name from documents d join organisations o on o.id = d.org_id"
                        + " where d.kind = :kind order by d.id")
                .bind("kind", kind)
                .map((rs, ctx) -> Map.entry(new Tenant(rs.getLong("org_id"), rs.getString("org_name")),
                        new StoredDocument(rs.getLong("id"), rs.getString("kind"), rs.getString("name"),
                                (Long) rs.getObject("product_id"), rs.getString("media_type"), rs.getString("sha256"),
                                rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"))))
                .list();
    }

    public List<StoredDocument> list(Tenant tenant, String kind) {
        return h.createQuery("select id, kind, name, product_id, media_type, sha256, created_at, created_by from documents"
                        + " where org_id = :org and kind = :kind order by name")
                .bind("org", tenant.id()).bind("kind", kind)
                .map((rs, ctx) -> new StoredDocument(rs.getLong("id"), rs.getString("kind"), rs.getString("name"),
                        (Long) rs.getObject("product_id"), rs.getString("media_type"), rs.getString("sha256"),
                        rs.getTimestamp("created_at").toInstant(), rs.getString("created_by")))
                .list();
    }

    public Optional<byte[]> content(Tenant tenant, String kind, String name) {
        return h.createQuery("select content from documents where org_id = :org and kind = :kind and name = :name")
                .bind("org", tenant.id()).bind("kind", kind).bind("name", name).mapTo(byte[].class).findOne();
    }
}
