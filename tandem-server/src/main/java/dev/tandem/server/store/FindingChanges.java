package dev.tandem.server.store;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;

/** What each scan changed in a release's findings, with its cause: the reverse match's record. */
public final class FindingChanges {

    /** One change of one finding of one release. */
    public record Change(long id, long productId, String productSlug, long releaseId, String releaseVersion,
            String findingId, String vulnerabilityId, String change, String cause, List<String> causeFeeds, String entry,
            Instant at) {
    }

    /**
     * The state of a finding before or after a scan, as the diff needs it; {@code epss} is the item's
     * {@code epss} field as JSON text ({@code null} when it has none).
     */
    public record State(String findingId, String vulnerabilityId, boolean knownExploited, boolean suppressed,
            String epss) {
    }

    private final Handle h;

    public FindingChanges(Handle h) {
        this.h = h;
    }

    /** The findings a release has now (before its re-scan replaces them). */
    public List<State> current(Tenant tenant, long releaseId) {
        return h.createQuery("select finding_id, vulnerability_id, known_exploited, suppressed, (item->'epss')::text"
                        + " from findings where org_id = :org and release_id = :release")
                .bind("org", tenant.id()).bind("release", releaseId)
                .map((rs, ctx) -> new State(rs.getString(1), rs.getString(2), rs.getBoolean(3), rs.getBoolean(4),
                        rs.getString(5))).list();
    }

    /** A change to record. */
    public record NewChange(String findingId, String vulnerabilityId, String change, List<String> causeFeeds,
            String entry) {
    }

    /**
     * Records a scan's changes of one release in one round trip (a first upload "gains" every finding:
     * thousands of rows, which one insert each made the slowest part of an upload).
     */
    public void recordAll(Tenant tenant, long productId, long releaseId, String cause, Instant at, List<NewChange> changes) {
        recordAll(List.of(new ReleaseChanges(tenant, productId, releaseId, changes)), cause, at);
    }

    /** The changes of one release. */
    public record ReleaseChanges(Tenant tenant, long productId, long releaseId, List<NewChange> changes) {
    }

    /** Records the changes of many releases (a swap's), release after release, in one round trip. */
    public void recordAll(List<ReleaseChanges> releases, String cause, Instant at) {
        CopyRows rows = new CopyRows();
        String when = at.toString();
        int count = 0;
        for (ReleaseChanges release : releases) {
            for (NewChange c : release.changes()) {
                rows.value(release.tenant().id()).value(release.productId()).value(release.releaseId())
                        .value(c.findingId()).value(c.vulnerabilityId()).value(c.change()).value(cause)
                        .array(c.causeFeeds()).value(c.entry()).value(when).endRow();
                count++;
            }
        }
        if (count == 0) {
            return;
        }
        rows.copy(h, "finding_changes", "org_id, product_id, release_id, finding_id, vulnerability_id, change, cause,"
                + " cause_feeds, entry, at");
    }

    /** The newest changes of an organisation, newest first. */
    public List<Change> list(Tenant tenant, int offset, int limit) {
        return h.createQuery("select c.id, c.product_id, p.slug, c.release_id, r.version, c.finding_id, c.vulnerability_id,"
                        + " c.change, c.cause, c.cause_feeds, c.entry, c.at from finding_changes c"
                        + " join products p on p.id = c.product_id join releases r on r.id = c.release_id"
                        + " where c.org_id = :org order by c.id desc offset :offset limit :limit")
                .bind("org", tenant.id()).bind("offset", offset).bind("limit", limit)
                .map((rs, ctx) -> new Change(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getLong(4), rs.getString(5),
                        rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                        List.of((String[]) rs.getArray(10).getArray()), rs.getString(11),
                        rs.getTimestamp(12).toInstant()))
                .list();
    }

    static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
