package dev.tandem.server.store;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

/** Triage decisions: the current one per finding of a product, and the history of every change. */
public final class TriageDecisions {

    /** A decision as stored, in the CycloneDX analysis vocabulary (labels such as {@code not_affected}). */
    public record Decision(long productId, String findingId, String vulnerabilityId, String state,
            String justification, List<String> responses, String comment, String author, Instant decidedAt,
            String releaseVersion) {
        public Decision {
            responses = List.copyOf(responses);
            comment = comment == null ? "" : comment;
        }
    }

    private final Handle h;

    public TriageDecisions(Handle h) {
        this.h = h;
    }

    /** Every current decision of a product. */
    public List<Decision> forProduct(Tenant tenant, long productId) {
        return h.createQuery("select * from triage_decisions where org_id = :org and product_id = :product order by finding_id")
                .bind("org", tenant.id()).bind("product", productId).map(TriageDecisions::row).list();
    }

    /** The current decisions of some findings of a product (a page's), not the whole product's. */
    public List<Decision> forFindings(Tenant tenant, long productId, java.util.Collection<String> findingIds) {
        if (findingIds.isEmpty()) {
            return List.of();
        }
        return h.createQuery("select * from triage_decisions where org_id = :org and product_id = :product"
                        + " and finding_id = any(:ids)")
                .bind("org", tenant.id()).bind("product", productId).bind("ids", findingIds.toArray(String[]::new))
                .map(TriageDecisions::row).list();
    }

    /** The current decisions of a product's findings that a release has. */
    public List<Decision> forRelease(Tenant tenant, long productId, long releaseId) {
        return h.createQuery("select d.* from triage_decisions d where d.org_id = :org and d.product_id = :product"
                        + " and d.finding_id in (select f.finding_id from findings f where f.release_id = :release)")
                .bind("org", tenant.id()).bind("product", productId).bind("release", releaseId)
                .map(TriageDecisions::row).list();
    }

    public Optional<Decision> current(Tenant tenant, long productId, String findingId) {
        return h.createQuery("select * from triage_decisions where org_id = :org and product_id = :product"
                        + " and finding_id = :id")
                .bind("org", tenant.id()).bind("product", productId).bind("id", findingId).map(TriageDecisions::row)
                .findOne();
    }

    /** Every change to a finding's decision, oldest first. */
    public List<Decision> history(Tenant tenant, long productId, String findingId) {
        return h.createQuery("select * from triage_history where org_id = :org and product_id = :product"
                        + " and finding_id = :id order by id")
                .bind("org", tenant.id()).bind("product", productId).bind("id", findingId).map(TriageDecisions::row)
                .list();
    }

    /** Sets the current decision and appends it to the history. */
    public void record(Tenant tenant, Decision decision) {
        String columns = "org_id, product_id, finding_id, vulnerability_id, state, justification, responses, comment,"
                + " author, decided_at, release_version";
        String values = ":org, :product, :id, :vuln, :state, :justification, :responses, :comment, :author, :at, :release";
        for (String sql : List.of("insert into triage_decisions (" + columns + ") values (" + values + ")"
                        + " on conflict (product_id, finding_id) do update set vulnerability_id = excluded.vulnerability_id,"
                        + " state = excluded.state, justification = excluded.justification, responses = excluded.responses,"
                        + " comment = excluded.comment, author = excluded.author, decided_at = excluded.decided_at,"
                        + " release_version = excluded.release_version",
                "insert into triage_history (" + columns + ") values (" + values + ")")) {
            h.createUpdate(sql).bind("org", tenant.id()).bind("product", decision.productId())
                    .bind("id", decision.findingId()).bind("vuln", decision.vulnerabilityId())
                    .bind("state", decision.state()).bind("justification", decision.justification())
                    .bindArray("responses", String.class, decision.responses()).bind("comment", decision.comment())
                    .bind("author", decision.author()).bind("at", decision.decidedAt())
                    .bind("release", decision.releaseVersion()).execute();
        }
    }

    private static Decision row(ResultSet rs, StatementContext ctx) throws SQLException {
        Array responses = rs.getArray("responses");
        return new Decision(rs.getLong("product_id"), rs.getString("finding_id"), rs.getString("vulnerability_id"),
                rs.getString("state"), rs.getString("justification"),
                responses == null ? List.of() : Arrays.asList((String[]) responses.getArray()), rs.getString("comment"),
                rs.getString("author"), rs.getTimestamp("decided_at").toInstant(), rs.getString("release_version"));
    }
}
