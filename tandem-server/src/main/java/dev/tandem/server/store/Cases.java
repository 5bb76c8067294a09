package dev.tandem.server.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** Vulnerability cases (one per vulnerability and product) and the submissions recorded on them. */
public final class Cases {

    /** A case as stored. {@code awareAt} is null until a user confirms or corrects the proposal. */
    public record StoredCase(long id, long productId, String productSlug, String productName, String vulnerabilityId,
            Instant openedAt, String openedBy, String reason, String evidence, Instant proposedAwareAt, Instant awareAt,
            String awareConfirmedBy, String awareReason, Instant correctiveMeasureAt, String status,
            List<String> releases) {

        /** The awareness the clocks run from: the confirmed one, else the proposal. */
        public Instant effectiveAwareAt() {
            return awareAt != null ? awareAt : proposedAwareAt;
        }
    }

    /** A submission recorded on a case: which stage, when, to whom, the draft's content hash. */
    public record Submission(long id, String framework, String stage, Instant at, String recipient, String draftSha256,
            String reference, String recordedBy, Instant recordedAt) {
    }

    private static final String COLUMNS = "c.id, c.product_id, p.slug, p.name, c.vulnerability_id, c.opened_at, c.opened_by,"
            + " c.reason, c.evidence, c.proposed_aware_at, c.aware_at, c.aware_confirmed_by, c.aware_reason,"
            + " c.corrective_measure_at, c.status, c.releases from vulnerability_cases c join products p on p.id = c.product_id";

    private final Handle h;

    public Cases(Handle h) {
        this.h = h;
    }

    /**
     * Opens the case of a vulnerability in a product unless it exists; a case that exists gains the
     * releases. Returns the case when this call opened it.
     */
    public Optional<Long> openIfAbsent(Tenant tenant, long productId, String vulnerabilityId, List<String> releases,
            String by, String reason, String evidence, Instant at) {
        Optional<Long> opened = h.createQuery("insert into vulnerability_cases (org_id, product_id, vulnerability_id,"
                        + " opened_at, opened_by, reason, evidence, proposed_aware_at, releases) values (:org, :product, :vuln,"
                        + " :at, :by, :reason, :evidence, :at, :releases) on conflict (org_id, product_id, vulnerability_id)"
                        + " do nothing returning id")
                .bind("org", tenant.id()).bind("product", productId).bind("vuln", vulnerabilityId).bind("at", at)
                .bind("by", by).bind("reason", reason).bind("evidence", evidence)
                .bind("releases", releases.toArray(String[]::new)).mapTo(Long.class).findOne();
        if (opened.isEmpty()) {
            h.createUpdate("update vulnerability_cases set releases = array(select distinct unnest(releases || cast(:releases as text[]))"
                            + " order by 1) where org_id = :org and product_id = :product and vulnerability_id = :vuln"
                            + " and not releases @> cast(:releases as text[])")
                    .bind("org", tenant.id()).bind("product", productId).bind("vuln", vulnerabilityId)
                    .bind("releases", releases.toArray(String[]::new)).execute();
        }
        return opened;
    }

    /** A case to open unless it exists: its vulnerability, product and releases, and the reason it opens. */
    public record Opening(Tenant tenant, long productId, String vulnerabilityId, List<String> releases, String reason) {
    }

    /**
     * {@link #openIfAbsent} for many cases in two statements (a KEV entry reaching hundreds of products
     * opens hundreds of cases in one swap): the same rows as opening them one after the other in this
     * order. Returns, in that order, the cases this call opened, each with its id.
     */
    public List<Map.Entry<Opening, Long>> openAllIfAbsent(List<Opening> openings, String by, String evidence,
            Instant at) {
        if (openings.isEmpty()) {
            return List.of();
        }
        int n = openings.size();
        Long[] orgs = new Long[n];
        Long[] products = new Long[n];
        String[] vulnerabilities = new String[n];
        String[] reasons = new String[n];
        String[] first = new String[n];
        List<Long> releaseOrgs = new java.util.ArrayList<>();
        List<Long> releaseProducts = new java.util.ArrayList<>();
        List<String> releaseVulnerabilities = new java.util.ArrayList<>();
        List<String> releaseVersions = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            Opening o = openings.get(i);
            orgs[i] = o.tenant().id();
            products[i] = o.productId();
            vulnerabilities[i] = o.vulnerabilityId();
            reasons[i] = o.reason();
            first[i] = o.releases().get(0);
            for (String version : o.releases()) {
                releaseOrgs.add(o.tenant().id());
                releaseProducts.add(o.productId());
                releaseVulnerabilities.add(o.vulnerabilityId());
                releaseVersions.add(version);
            }
        }
        // A case opens with the releases of the opening that opened it; the others join as openIfAbsent adds them.
        Map<String, Long> opened = new java.util.HashMap<>();
        h.createQuery("insert into vulnerability_cases (org_id, product_id, vulnerability_id, opened_at, opened_by, reason,"
                        + " evidence, proposed_aware_at, releases) select o, p, v, :at, :by, r, :evidence, :at, array[f]"
                        + " from unnest(cast(:orgs as bigint[]), cast(:products as bigint[]),"
                        + " cast(:vulns as text[]), cast(:reasons as text[]), cast(:first as text[])) with ordinality as t(o, p, v, r, f, n)"
                        + " order by n on conflict (org_id, product_id, vulnerability_id) do nothing"
                        + " returning id, org_id, product_id, vulnerability_id")
                .bind("at", at).bind("by", by).bind("evidence", evidence).bind("orgs", orgs).bind("products", products)
                .bind("vulns", vulnerabilities).bind("reasons", reasons).bind("first", first)
                .map((rs, ctx) -> opened.put(rs.getLong(2) + "/" + rs.getLong(3) + "/" + rs.getString(4), rs.getLong(1)))
                .list();
        h.createUpdate("update vulnerability_cases c set releases = array(select distinct unnest(c.releases || x.releases)"
                        + " order by 1) from (select o, p, v, array_agg(r) as releases from unnest(cast(:orgs as bigint[]),"
                        + " cast(:products as bigint[]), cast(:vulns as text[]), cast(:versions as text[])) as t(o, p, v, r)"
                        + " group by o, p, v) x"
                        + " where c.org_id = x.o and c.product_id = x.p and c.vulnerability_id = x.v"
                        + " and not c.releases @> x.releases")
                .bind("orgs", releaseOrgs.toArray(new Long[0])).bind("products", releaseProducts.toArray(new Long[0]))
                .bind("vulns", releaseVulnerabilities.toArray(new String[0]))
                .bind("versions", releaseVersions.toArray(new String[0])).execute();
        List<Map.Entry<Opening, Long>> result = new java.util.ArrayList<>();
        for (Opening o : openings) {
            Long id = opened.remove(o.tenant().id() + "/" + o.productId() + "/" + o.vulnerabilityId());
            if (id != null) {
                result.add(Map.entry(o, id));
            }
        }
        return result;
    }

    public Optional<StoredCase> find(Tenant tenant, long id) {
        return h.createQuery("select " + COLUMNS + " where c.org_id = :org and c.id = :id").bind("org", tenant.id())
                .bind("id", id).map((rs, ctx) -> stored(rs)).findOne();
    }

    /** Locks a case row for a change to it. */
    public Optional<StoredCase> lock(Tenant tenant, long id) {
        h.createQuery("select id from vulnerability_cases where org_id = :org and id = :id for update")
                .bind("org", tenant.id()).bind("id", id).mapTo(Long.class).findOne();
        return find(tenant, id);
    }

    public List<StoredCase> list(Tenant tenant, boolean openOnly) {
        return h.createQuery("select " + COLUMNS + " where c.org_id = :org" + (openOnly ? " and c.status = 'open'" : "")
                        + " order by c.id desc")
                .bind("org", tenant.id()).map((rs, ctx) -> stored(rs)).list();
    }

    /** Every open case of every organisation, with its organisation (for the clock watcher). */
    public List<Object[]> allOpen() {
        return h.createQuery("select c.org_id, o.name, c.id from vulnerability_cases c join organisations o on o.id = c.org_id"
                        + " where c.status = 'open' order by c.id")
                .map((rs, ctx) -> new Object[] {new Tenant(rs.getLong(1), rs.getString(2)), rs.getLong(3)}).list();
    }

    public void confirmAwareness(Tenant tenant, long id, Instant awareAt, String by, String reason) {
        h.createUpdate("update vulnerability_cases set aware_at = :at, aware_confirmed_by = :by, aware_reason = :reason"
                        + " where org_id = :org and id = :id")
                .bind("at", awareAt).bind("by", by).bind("reason", reason).bind("org", tenant.id()).bind("id", id).execute();
    }

    public void setCorrectiveMeasure(Tenant tenant, long id, Instant at) {
        h.createUpdate("update vulnerability_cases set corrective_measure_at = :at where org_id = :org and id = :id")
                .bind("at", at).bind("org", tenant.id()).bind("id", id).execute();
    }

    public void setStatus(Tenant tenant, long id, String status) {
        h.createUpdate("update vulnerability_cases set status = :status where org_id = :org and id = :id")
                .bind("status", status).bind("org", tenant.id()).bind("id", id).execute();
    }

    /** Records a submission; false when that stage has one already. */
    public boolean submit(Tenant tenant, long caseId, Submission s) {
        return h.createUpdate("insert into case_submissions (org_id, case_id, framework, stage, at, recipient, draft_sha256,"
                        + " reference, recorded_by, recorded_at) values (:org, :case, :framework, :stage, :at, :recipient,"
                        + " :sha, :reference, :by, :recordedAt) on conflict (case_id, framework, stage) do nothing")
                .bind("org", tenant.id()).bind("case", caseId).bind("framework", s.framework()).bind("stage", s.stage())
                .bind("at", s.at()).bind("recipient", s.recipient()).bind("sha", s.draftSha256())
                .bind("reference", s.reference()).bind("by", s.recordedBy()).bind("recordedAt", s.recordedAt())
                .execute() == 1;
    }

    public List<Submission> submissions(Tenant tenant, long caseId) {
        return h.createQuery("select id, framework, stage, at, recipient, draft_sha256, reference, recorded_by, recorded_at"
                        + " from case_submissions where org_id = :org and case_id = :case order by at, id")
                .bind("org", tenant.id()).bind("case", caseId)
                .map((rs, ctx) -> new Submission(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant(), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                        rs.getTimestamp(9).toInstant()))
                .list();
    }

    private static StoredCase stored(ResultSet rs) throws SQLException {
        return new StoredCase(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getTimestamp(6).toInstant(), rs.getString(7), rs.getString(8), rs.getString(9),
                rs.getTimestamp(10).toInstant(), FindingChanges.instant(rs.getTimestamp(11)), rs.getString(12),
                rs.getString(13), FindingChanges.instant(rs.getTimestamp(14)), rs.getString(15),
                List.of((String[]) rs.getArray(16).getArray()));
    }
}
