package dev.tandem.server.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** The findings of each release's latest scan, and that scan's counts. */
public final class Findings {

    /** One finding to store: the columns filters use, and the API item as JSON text. */
    public record Row(String findingId, String vulnerabilityId, String severity, int severityRank,
            boolean knownExploited, boolean suppressed, String purl, int position, String item) {
    }

    /** The counts of a release's latest scan. */
    public record ScanSummary(long releaseId, String snapshotSha256, Instant scannedAt, int components, int findings,
            int knownExploited, int suppressed, int unmatched, int undecided, String bySeverity, String warnings) {
    }

    /** A stored finding with where it is. */
    public record Stored(String productSlug, long productId, long releaseId, String releaseVersion, String findingId,
            String item) {
    }

    /** Which findings a list shows. */
    public record Filter(boolean includeSuppressed, String severity, Boolean knownExploited, int offset, int limit) {
    }

    private final Handle h;

    public Findings(Handle h) {
        this.h = h;
    }

    /** Replaces a release's findings and scan counts with those of a new scan. */
    public void replace(Tenant tenant, long productId, ScanSummary summary, List<Row> rows) {
        h.createUpdate("delete from findings where org_id = :org and release_id = :release")
                .bind("org", tenant.id()).bind("release", summary.releaseId()).execute();
        if (!rows.isEmpty()) {
            CopyRows copy = new CopyRows();
            for (Row row : rows) {
                copy.value(summary.releaseId()).value(row.findingId()).value(tenant.id()).value(productId)
                        .value(row.vulnerabilityId()).value(row.severity()).value(row.severityRank())
                        .value(row.knownExploited()).value(row.suppressed()).value(row.purl()).value(row.position())
                        .value(row.item()).endRow();
            }
            copy.copy(h, "findings", "release_id, finding_id, org_id, product_id, vulnerability_id, severity, severity_rank,"
                    + " known_exploited, suppressed, purl, position, item");
        }
        h.createUpdate("insert into release_scans (release_id, org_id, snapshot_sha256, scanned_at, components, findings,"
                        + " known_exploited, suppressed, unmatched, undecided, by_severity, warnings) values (:release, :org,"
                        + " :snapshot, :at, :components, :findings, :kev, :suppressed, :unmatched, :undecided,"
                        + " :bySeverity::json, :warnings::json) on conflict (release_id) do update set"
                        + " snapshot_sha256 = excluded.snapshot_sha256, scanned_at = excluded.scanned_at,"
                        + " components = excluded.components, findings = excluded.findings,"
                        + " known_exploited = excluded.known_exploited, suppressed = excluded.suppressed,"
                        + " unmatched = excluded.unmatched, undecided = excluded.undecided,"
                        + " by_severity = excluded.by_severity, warnings = excluded.warnings")
                .bind("release", summary.releaseId()).bind("org", tenant.id()).bind("snapshot", summary.snapshotSha256())
                .bind("at", summary.scannedAt()).bind("components", summary.components())
                .bind("findings", summary.findings()).bind("kev", summary.knownExploited())
                .bind("suppressed", summary.suppressed()).bind("unmatched", summary.unmatched())
                .bind("undecided", summary.undecided()).bind("bySeverity", summary.bySeverity())
                .bind("warnings", summary.warnings())
                .execute();
    }

    public Optional<ScanSummary> summary(Tenant tenant, long releaseId) {
        return h.createQuery("select *, by_severity::text as sev, warnings::text as warn from release_scans"
                        + " where org_id = :org and release_id = :release")
                .bind("org", tenant.id()).bind("release", releaseId)
                .map((rs, ctx) -> new ScanSummary(rs.getLong("release_id"), rs.getString("snapshot_sha256"),
                        rs.getTimestamp("scanned_at").toInstant(), rs.getInt("components"), rs.getInt("findings"),
                        rs.getInt("known_exploited"), rs.getInt("suppressed"), rs.getInt("unmatched"),
                        rs.getInt("undecided"), rs.getString("sev"), rs.getString("warn")))
                .findOne();
    }

    /**
     * A page of one release's findings, known-exploited first, then by severity, then in scan order
     * (the {@code findings_order} index gives that order without a sort).
     */
    public List<Stored> list(Products.Product product, Products.Release release, Filter filter) {
        // The page is chosen on the narrow sort columns first; only its rows' items are read and sent. The
        // items are joined on the primary key (release, finding id): joined on the organisation and release
        // instead, a planner without statistics for a just-copied release (autovacuum has not analysed it
        // yet) re-scanned the whole release for every row of the page, 70 times slower.
        return h.createQuery("select f.finding_id, f.item::text as item from (select f.release_id, f.finding_id,"
                        + " f.known_exploited, f.severity_rank, f.position from findings f where f.org_id = :org"
                        + " and f.release_id = :release" + where(filter)
                        + " order by f.known_exploited desc, f.severity_rank, f.position"
                        + " offset :offset limit :limit) page join findings f on f.release_id = page.release_id"
                        + " and f.finding_id = page.finding_id"
                        + " order by page.known_exploited desc, page.severity_rank, page.position")
                .bind("org", product.tenant().id()).bind("release", release.id()).bind("severity", filter.severity())
                .bind("kev", filter.knownExploited()).bind("offset", filter.offset()).bind("limit", filter.limit())
                .map((rs, ctx) -> new Stored(product.slug(), product.id(), release.id(), release.version(),
                        rs.getString("finding_id"), rs.getString("item")))
                .list();
    }

    /**
     * What a findings page of a release depends on, in one indexed read: the product, the release (the
     * latest without a version; empty when there is none), the product's findings version (bumped by the
     * database on every change to its findings or triage decisions, migration V8) and how many findings
     * the release's latest scan stored. Empty when the organisation has no such product.
     */
    public static Optional<Stamp> stamp(java.sql.Connection connection, Tenant tenant, String slug, String version)
            throws java.sql.SQLException {
        // Plain JDBC, not Jdbi: this is the one statement of every findings page, and Jdbi's per-statement
        // work (handle, SQL parsing and rendering, argument binding, mappers) cost more server CPU than the
        // query itself. Two fixed SQL texts, so the driver's statement cache prepares each once per connection.
        boolean latest = version == null || version.isBlank();
        try (java.sql.PreparedStatement query = connection.prepareStatement(latest ? STAMP_LATEST : STAMP_VERSION)) {
            int at = 1;
            if (!latest) {
                query.setString(at++, version); // the release's version comes first in the text, in the lateral join
            }
            query.setLong(at++, tenant.id());
            query.setString(at, slug);
            try (java.sql.ResultSet rs = query.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                Products.Product product = new Products.Product(rs.getLong("id"), tenant, rs.getString("slug"),
                        rs.getString("name"), rs.getString("description"), rs.getTimestamp("created_at").toInstant(),
                        rs.getString("created_by"));
                long releaseId = rs.getLong("r_id");
                Optional<Products.Release> release = rs.wasNull() ? Optional.empty()
                        : Optional.of(new Products.Release(releaseId, product.id(), rs.getString("r_version"),
                                rs.getTimestamp("r_created_at").toInstant()));
                return Optional.of(new Stamp(product, release, rs.getLong("findings_version"), rs.getInt("scanned")));
            }
        }
    }

    private static String stampQuery(boolean latest) {
        return "select p.id, p.slug, p.name, p.description, p.created_at, p.created_by, p.findings_version,"
                + " r.id as r_id, r.version as r_version, r.created_at as r_created_at, s.findings as scanned"
                + " from products p left join lateral (select * from releases r where r.product_id = p.id"
                + (latest ? "" : " and r.version = ?") + " order by r.created_at desc, r.id desc limit 1) r on true"
                + " left join release_scans s on s.release_id = r.id where p.org_id = ? and p.slug = ?";
    }

    private static final String STAMP_LATEST = stampQuery(true);
    private static final String STAMP_VERSION = stampQuery(false);

    /** A product's findings version (see {@link #stamp}). */
    public long version(Products.Product product) {
        return h.createQuery("select findings_version from products where id = :id").bind("id", product.id())
                .mapTo(Long.class).one();
    }

    /** What a findings page depends on: see {@link #stamp}. */
    public record Stamp(Products.Product product, Optional<Products.Release> release, long findingsVersion,
            int scannedFindings) {
    }

    /** A stored finding with the columns a list filters on. */
    public record Listed(Stored stored, String severity, boolean knownExploited, boolean suppressed) {
    }

    /** Every finding of a release in list order ({@link #list}'s, unfiltered). */
    public List<Listed> all(Products.Product product, Products.Release release) {
        return h.createQuery("select finding_id, severity, known_exploited, suppressed, item::text as item from findings f"
                        + " where f.org_id = :org and f.release_id = :release"
                        + " order by f.known_exploited desc, f.severity_rank, f.position")
                .bind("org", product.tenant().id()).bind("release", release.id())
                .map((rs, ctx) -> new Listed(new Stored(product.slug(), product.id(), release.id(), release.version(),
                        rs.getString("finding_id"), rs.getString("item")), rs.getString("severity"),
                        rs.getBoolean("known_exploited"), rs.getBoolean("suppressed")))
                .list();
    }

    public long count(Tenant tenant, long releaseId, Filter filter) {
        return h.createQuery("select count(*) from findings f where f.org_id = :org and f.release_id = :release"
                        + where(filter))
                .bind("org", tenant.id()).bind("release", releaseId).bind("severity", filter.severity())
                .bind("kev", filter.knownExploited()).mapTo(Long.class).one();
    }

    private static String where(Filter filter) {
        StringBuilder sql = new StringBuilder();
        if (!filter.includeSuppressed()) {
            sql.append(" and not f.suppressed");
        }
        if (filter.severity() != null) {
            sql.append(" and f.severity = :severity");
        }
        if (filter.knownExploited() != null) {
            sql.append(" and f.known_exploited = :kev");
        }
        return sql.toString();
    }

    /** Every occurrence of a finding id in the organisation, newest release first. */
    public List<Stored> occurrences(Tenant tenant, String findingId) {
        return h.createQuery("select p.slug, f.product_id, f.release_id, r.version, f.finding_id, f.item::text as item"
                        + " from findings f join releases r on r.id = f.release_id join products p on p.id = f.product_id"
                        + " where f.org_id = :org and f.finding_id = :id order by r.created_at desc, r.id desc")
                .bind("org", tenant.id()).bind("id", findingId)
                .map((rs, ctx) -> new Stored(rs.getString("slug"), rs.getLong("product_id"), rs.getLong("release_id"),
                        rs.getString("version"), rs.getString("finding_id"), rs.getString("item")))
                .list();
    }

    /** Open (unsuppressed) findings of the organisation's latest releases, by product and severity. */
    public List<Object[]> openBySeverity(Tenant tenant) {
        return h.createQuery("select f.product_id, f.severity, count(*) as n, sum(case when f.known_exploited then 1"
                        + " else 0 end) as kev from findings f join (select distinct on (product_id) id, product_id"
                        + " from releases where org_id = :org order by product_id, created_at desc, id desc) latest"
                        + " on latest.id = f.release_id where f.org_id = :org and not f.suppressed"
                        + " group by f.product_id, f.severity")
                .bind("org", tenant.id())
                .map((rs, ctx) -> new Object[] {rs.getLong("product_id"), rs.getString("severity"), rs.getLong("n"),
                        rs.getLong("kev")})
                .list();
    }
}
