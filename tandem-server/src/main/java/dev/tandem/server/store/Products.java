package dev.tandem.server.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** Products and their releases. */
public final class Products {

    /** A product; {@code slug} is its id in URLs, unique within the organisation. */
    public record Product(long id, Tenant tenant, String slug, String name, String description, Instant createdAt,
            String createdBy) {
    }

    /** A release of a product. */
    public record Release(long id, long productId, String version, Instant createdAt) {
    }

    private final Handle h;

    public Products(Handle h) {
        this.h = h;
    }

    public Product create(Tenant tenant, String slug, String name, String description, String by, Instant at) {
        long id = h.createUpdate("insert into products (org_id, slug, name, description, created_at, created_by)"
                        + " values (:org, :slug, :name, :description, :at, :by)")
                .bind("org", tenant.id()).bind("slug", slug).bind("name", name).bind("description", description)
                .bind("at", at).bind("by", by).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
        return new Product(id, tenant, slug, name, description, at, by);
    }

    public Optional<Product> find(Tenant tenant, String slug) {
        return h.createQuery("select * from products where org_id = :org and slug = :slug")
                .bind("org", tenant.id()).bind("slug", slug)
                .map((rs, ctx) -> new Product(rs.getLong("id"), tenant, rs.getString("slug"), rs.getString("name"),
                        rs.getString("description"), rs.getTimestamp("created_at").toInstant(), rs.getString("created_by")))
                .findOne();
    }

    public Optional<Product> byId(Tenant tenant, long id) {
        return h.createQuery("select slug from products where org_id = :org and id = :id").bind("org", tenant.id())
                .bind("id", id).mapTo(String.class).findOne().flatMap(slug -> find(tenant, slug));
    }

    /** The products with these ids, of any organisation, by id (one query for a swap's touched releases). */
    public java.util.Map<Long, Product> byIds(java.util.Collection<Long> ids) {
        java.util.Map<Long, Product> found = new java.util.HashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        h.createQuery("select p.*, o.name as org_name from products p join organisations o on o.id = p.org_id"
                        + " where p.id = any(:ids)")
                .bind("ids", ids.toArray(new Long[0]))
                .map((rs, ctx) -> new Product(rs.getLong("id"), new Tenant(rs.getLong("org_id"), rs.getString("org_name")),
                        rs.getString("slug"), rs.getString("name"), rs.getString("description"),
                        rs.getTimestamp("created_at").toInstant(), rs.getString("created_by")))
                .forEach(product -> found.put(product.id(), product));
        return found;
    }

    public List<Product> list(Tenant tenant) {
        return h.createQuery("select * from products where org_id = :org order by name, slug").bind("org", tenant.id())
                .map((rs, ctx) -> new Product(rs.getLong("id"), tenant, rs.getString("slug"), rs.getString("name"),
                        rs.getString("description"), rs.getTimestamp("created_at").toInstant(), rs.getString("created_by")))
                .list();
    }

    /** Locks the release row of {@code version}, creating it first when new: one scan of a release at a time. */
    public Release lockRelease(Product product, String version, Instant at) {
        h.createUpdate("insert into releases (org_id, product_id, version, created_at) values (:org, :product, :version, :at)"
                        + " on conflict (product_id, version) do nothing")
                .bind("org", product.tenant().id()).bind("product", product.id()).bind("version", version).bind("at", at)
                .execute();
        return h.createQuery("select * from releases where product_id = :product and version = :version for update")
                .bind("product", product.id()).bind("version", version).map(Products::releaseRow).one();
    }

    public Optional<Release> release(Product product, String version) {
        return h.createQuery("select * from releases where org_id = :org and product_id = :product and version = :version")
                .bind("org", product.tenant().id()).bind("product", product.id()).bind("version", version)
                .map(Products::releaseRow).findOne();
    }

    /** Releases of a product, newest first. */
    public List<Release> releases(Product product) {
        return h.createQuery("select * from releases where org_id = :org and product_id = :product order by created_at desc, id desc")
                .bind("org", product.tenant().id()).bind("product", product.id()).map(Products::releaseRow).list();
    }

    /** Every release of every organisation, locked, for a rescan over a new advisory snapshot. */
    public List<Object[]> lockAllReleases() {
        return h.createQuery("select r.id, r.product_id, r.version, o.id as org_id, o.name as org_name from releases r"
                        + " join organisations o on o.id = r.org_id order by r.id for update of r")
                .map((rs, ctx) -> new Object[] {new Tenant(rs.getLong("org_id"), rs.getString("org_name")),
                        new Release(rs.getLong("id"), rs.getLong("product_id"), rs.getString("version"), null)})
                .list();
    }

    /** The releases with these ids, locked for update, in id order (same rows as {@link #lockAllReleases()}). */
    public List<Object[]> lockReleases(java.util.Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return h.createQuery("select r.id, r.product_id, r.version, o.id as org_id, o.name as org_name from releases r"
                        + " join organisations o on o.id = r.org_id where r.id = any(:ids) order by r.id for update of r")
                .bind("ids", ids.toArray(new Long[0]))
                .map((rs, ctx) -> new Object[] {new Tenant(rs.getLong("org_id"), rs.getString("org_name")),
                        new Release(rs.getLong("id"), rs.getLong("product_id"), rs.getString("version"), null)})
                .list();
    }

    private static Release releaseRow(java.sql.ResultSet rs, org.jdbi.v3.core.statement.StatementContext ctx)
            throws java.sql.SQLException {
        return new Release(rs.getLong("id"), rs.getLong("product_id"), rs.getString("version"),
                rs.getTimestamp("created_at").toInstant());
    }
}
