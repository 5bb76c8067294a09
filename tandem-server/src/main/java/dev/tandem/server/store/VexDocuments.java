package dev.tandem.server.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** VEX documents of a product, as uploaded (content-addressed within the product). */
public final class VexDocuments {

    /** A stored VEX document without its bytes. */
    public record StoredVex(long id, long productId, String sha256, String name, String format, String mediaType,
            int statements, long size, String uploadedBy, Instant uploadedAt) {

        /**
         * The name its statements carry as their source ({@code name (sha256 prefix)}): unique within the
         * product, so a finding's statement says which document it came from.
         */
        public String label() {
            return name + " (" + sha256.substring(0, 12) + ")";
        }
    }

    /** A document's bytes with its label, for a scan. */
    public record Content(String label, byte[] bytes) {
    }

    private static final String COLUMNS = "id, product_id, sha256, name, format, media_type, statements, size,"
            + " uploaded_by, uploaded_at";

    private final Handle h;

    public VexDocuments(Handle h) {
        this.h = h;
    }

    /** Stores a document for a product; empty when the product has these bytes already. */
    public Optional<Long> store(Tenant tenant, long productId, String sha256, String name, String format,
            String mediaType, int statements, byte[] content, String by, Instant at) {
        return h.createUpdate("insert into vex_documents (org_id, product_id, sha256, name, format, media_type, statements,"
                        + " content, size, uploaded_by, uploaded_at) values (:org, :product, :sha, :name, :format, :media,"
                        + " :statements, :content, :size, :by, :at) on conflict (product_id, sha256) do nothing")
                .bind("org", tenant.id()).bind("product", productId).bind("sha", sha256).bind("name", name)
                .bind("format", format).bind("media", mediaType).bind("statements", statements).bind("content", content)
                .bind("size", content.length).bind("by", by).bind("at", at)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).findOne();
    }

    /** The documents of a product, in upload order. */
    public List<StoredVex> forProduct(Tenant tenant, long productId) {
        return h.createQuery("select " + COLUMNS + " from vex_documents where org_id = :org and product_id = :product"
                        + " order by id")
                .bind("org", tenant.id()).bind("product", productId).map(VexDocuments::row).list();
    }

    public Optional<StoredVex> find(Tenant tenant, long productId, String sha256) {
        return h.createQuery("select " + COLUMNS + " from vex_documents where org_id = :org and product_id = :product"
                        + " and sha256 = :sha")
                .bind("org", tenant.id()).bind("product", productId).bind("sha", sha256).map(VexDocuments::row).findOne();
    }

    /** The documents' bytes, in upload order, for a scan. */
    public List<Content> contents(Tenant tenant, long productId) {
        return h.createQuery("select name, sha256, content from vex_documents where org_id = :org and product_id = :product"
                        + " order by id")
                .bind("org", tenant.id()).bind("product", productId)
                .map((rs, ctx) -> new Content(rs.getString("name") + " (" + rs.getString("sha256").substring(0, 12) + ")",
                        rs.getBytes("content")))
                .list();
    }

    /** One document's bytes. */
    public Optional<byte[]> content(Tenant tenant, long productId, String sha256) {
        return h.createQuery("select content from vex_documents where org_id = :org and product_id = :product"
                        + " and sha256 = :sha")
                .bind("org", tenant.id()).bind("product", productId).bind("sha", sha256).mapTo(byte[].class).findOne();
    }

    /** Removes a document; false when the product has none with that hash. */
    public boolean delete(Tenant tenant, long productId, String sha256) {
        return h.createUpdate("delete from vex_documents where org_id = :org and product_id = :product and sha256 = :sha")
                .bind("org", tenant.id()).bind("product", productId).bind("sha", sha256).execute() > 0;
    }

    /**
     * The VEX statements the findings of a product's releases carry now: per finding and statement, the
     * release, whether the finding is suppressed, and the statement's source, vulnerability and component
     * (how a document's statements are matched to what they applied to).
     */
    public List<Applied> applied(Tenant tenant, long productId) {
        return h.createQuery("select r.version, f.finding_id, f.suppressed, a->>'source' as source,"
                        + " a->>'vulnerability' as vulnerability, a->>'component' as component,"
                        + " coalesce((a->>'suppresses')::boolean, false) as suppresses"
                        + " from findings f join releases r on r.id = f.release_id,"
                        + " json_array_elements(f.item->'analysis') a"
                        + " where f.org_id = :org and f.product_id = :product and a->>'origin' = 'vex'"
                        + " order by r.created_at desc, r.id desc, f.position")
                .bind("org", tenant.id()).bind("product", productId)
                .map((rs, ctx) -> new Applied(rs.getString("version"), rs.getString("finding_id"),
                        rs.getBoolean("suppressed"), rs.getString("source"), rs.getString("vulnerability"),
                        rs.getString("component"), rs.getBoolean("suppresses")))
                .list();
    }

    /** A VEX statement applied to a stored finding. */
    public record Applied(String release, String findingId, boolean findingSuppressed, String source,
            String vulnerability, String component, boolean suppresses) {
    }

    private static StoredVex row(java.sql.ResultSet rs, org.jdbi.v3.core.statement.StatementContext ctx)
            throws java.sql.SQLException {
        return new StoredVex(rs.getLong("id"), rs.getLong("product_id"), rs.getString("sha256"), rs.getString("name"),
                rs.getString("format"), rs.getString("media_type"), rs.getInt("statements"), rs.getLong("size"),
                rs.getString("uploaded_by"), rs.getTimestamp("uploaded_at").toInstant());
    }
}
