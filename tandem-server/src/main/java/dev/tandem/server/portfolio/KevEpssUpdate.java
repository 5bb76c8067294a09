package dev.tandem.server.portfolio;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.advisory.EpssData;
import dev.tandem.advisory.Vulnerability;
import dev.tandem.render.scan.ScanFindingJson;
import dev.tandem.server.monitor.Cause;
import dev.tandem.server.monitor.ReverseMatch;
import dev.tandem.server.store.FindingChanges;
import dev.tandem.server.store.Products;
import dev.tandem.server.store.Tenant;
import dev.tandem.usecase.scan.ScanUseCase;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * A refresh in which only KEV and EPSS changed, applied to the stored findings of the releases it
 * touches without re-scanning them: each touched finding's {@code knownExploited}, {@code exploitation}
 * (its KEV entries) and {@code epss} are rewritten from the new snapshot exactly as the scan writes them
 * ({@link ScanFindingJson}), the release's known-exploited count and scan time updated, and the changes
 * recorded and cases opened as a re-scan does ({@link ReverseMatch}). KEV and EPSS never decide whether
 * a finding exists nor where it is in the list: the stored order key ({@code position}) does not depend
 * on "known exploited" (the list puts those first by its own column, ReleaseScanner#orderKeys), so only
 * the findings whose flag or item changed are written. This is what a re-scan over the new snapshot
 * stores (SnapshotSwapInPlaceTest compares the two). A release it cannot update exactly (a
 * vulnerability the new snapshot names differently) is left to the caller to re-scan.
 */
final class KevEpssUpdate {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * A stored finding as read for the update: those of a touched vulnerability with their item (to
     * rewrite), the other known-exploited ones lean ({@code item} null: they keep their item, and are
     * read only because a re-scan opens the case of every known-exploited finding).
     */
    private record Stored(String findingId, String vulnerabilityId, int severityRank, boolean knownExploited,
            boolean suppressed, int position, ObjectNode item, String text, String epss) {
    }

    private final Handle h;
    private final CurrentAdvisories.Loaded next;
    private final EpssData epss;
    private final Instant now;
    private final Cause cause;
    private final Set<String> touched;

    /** {@code touched}: the vulnerabilities whose KEV entries or EPSS score the change touches ({@link KevEpssChange}). */
    KevEpssUpdate(Handle h, CurrentAdvisories.Loaded next, Instant now, Cause cause, Set<String> touched) {
        this.h = h;
        this.next = next;
        this.epss = next.snapshot().epss().orElse(null);
        this.now = now;
        this.cause = cause;
        this.touched = touched;
    }

    /**
     * Updates the given releases (locked by the caller, each with its tenant) in place, reading in one
     * query only their findings of a touched vulnerability (whole) and their other known-exploited ones
     * (lean), and writing the changed ones in one statement; returns the releases it could not update
     * exactly, to re-scan.
     */
    List<Object[]> apply(List<Object[]> releases, SwapPhases phases) {
        if (releases.isEmpty()) {
            return List.of();
        }
        Long[] ids = releases.stream().map(r -> ((Products.Release) r[1]).id()).toArray(Long[]::new);
        // Releases with two SBOMs of one name: migration V9 could not tell their SBOMs apart, so their stored order
        // keys may still be the old dense positions; a re-scan writes them anew.
        Set<Long> ambiguous = new java.util.HashSet<>(h.createQuery("select release_id from release_sboms"
                        + " where release_id = any(:ids) group by release_id having count(*) <> count(distinct source)")
                .bind("ids", ids).mapTo(Long.class).list());
        Map<Long, List<Stored>> findings = findings(releases);
        Map<Long, Products.Product> productsById = new Products(h).byIds(releases.stream()
                .map(r -> ((Products.Release) r[1]).productId()).collect(java.util.stream.Collectors.toSet()));
        phases.mark("in place: read the findings");
        List<Object[]> rescan = new ArrayList<>();
        List<Long> orgs = new ArrayList<>();
        List<Long> releaseIds = new ArrayList<>();
        List<String> findingIds = new ArrayList<>();
        List<Boolean> kevs = new ArrayList<>();
        List<String> items = new ArrayList<>();
        PreparedBatch summaries = h.prepareBatch("update release_scans set known_exploited = :kev, scanned_at = :at,"
                + " snapshot_sha256 = :sha where org_id = :org and release_id = :release");
        List<ReverseMatch.Diff> diffs = new ArrayList<>();
        for (Object[] row : releases) {
            Tenant tenant = (Tenant) row[0];
            Products.Release release = (Products.Release) row[1];
            Optional<List<Updated>> updated = ambiguous.contains(release.id()) ? Optional.empty()
                    : update(findings.getOrDefault(release.id(), List.of()));
            if (updated.isEmpty()) {
                rescan.add(row);
                continue;
            }
            List<FindingChanges.State> before = new ArrayList<>();
            List<FindingChanges.State> after = new ArrayList<>();
            int known = 0;
            for (Updated finding : updated.get()) {
                Stored old = finding.stored();
                String text = finding.item() == null ? null : ReleaseScanner.text(finding.item());
                boolean itemChanged = text != null && !text.equals(old.text());
                if (finding.knownExploited() != old.knownExploited() || itemChanged) {
                    orgs.add(tenant.id());
                    releaseIds.add(release.id());
                    findingIds.add(old.findingId());
                    kevs.add(finding.knownExploited());
                    items.add(itemChanged ? text : null);
                }
                known += finding.knownExploited() ? 1 : 0;
                before.add(new FindingChanges.State(old.findingId(), old.vulnerabilityId(), old.knownExploited(),
                        old.suppressed(), old.epss()));
                JsonNode newEpss = finding.item() == null ? null : finding.item().get("epss");
                after.add(new FindingChanges.State(old.findingId(), old.vulnerabilityId(), finding.knownExploited(),
                        old.suppressed(), finding.item() == null ? old.epss()
                                : newEpss == null ? null : ReleaseScanner.text(newEpss)));
            }
            // Every known-exploited finding of the release was read: the count is theirs.
            summaries.bind("kev", known).bind("at", Timestamp.from(now)).bind("sha", next.sha256())
                    .bind("org", tenant.id()).bind("release", release.id()).add();
            Products.Product product = productsById.get(release.productId());
            diffs.add(new ReverseMatch.Diff(new ReverseMatch.Scanned(tenant, product.id(), product.slug(),
                    product.name(), release.id(), release.version()), before, after));
        }
        phases.mark("in place: compute");
        if (!findingIds.isEmpty()) {
            // One statement for the changed rows only: their place in the list does not move (see the class comment).
            h.createUpdate("update findings f set known_exploited = u.kev, item = coalesce(cast(u.item as json), f.item)"
                            + " from unnest(cast(:orgs as bigint[]), cast(:releases as bigint[]), cast(:findings as text[]),"
                            + " cast(:kevs as boolean[]), cast(:items as text[])) as u(org, release, finding, kev, item)"
                            + " where f.release_id = u.release and f.finding_id = u.finding and f.org_id = u.org")
                    .bind("orgs", orgs.toArray(new Long[0])).bind("releases", releaseIds.toArray(new Long[0]))
                    .bind("findings", findingIds.toArray(new String[0])).bind("kevs", kevs.toArray(new Boolean[0]))
                    .bind("items", items.toArray(new String[0])).execute();
        }
        if (summaries.size() > 0) {
            summaries.execute();
        }
        phases.mark("in place: write the findings");
        ReverseMatch.recordAll(h, diffs, cause, now);
        phases.mark("in place: record changes, open cases, events");
        return rescan;
    }

    /** A finding after the update ({@code item} null: unchanged, lean). */
    private record Updated(Stored stored, boolean knownExploited, ObjectNode item) {
    }

    /**
     * The release's read findings rewritten from the new snapshot, in list order (known exploited first,
     * then rating, then the order key); empty when that cannot be done exactly.
     */
    private Optional<List<Updated>> update(List<Stored> stored) {
        List<Updated> updated = new ArrayList<>(stored.size());
        for (Stored finding : stored) {
            Optional<Vulnerability> found = next.index().vulnerabilityFor(finding.vulnerabilityId());
            if (found.isEmpty() || !found.get().id().equals(finding.vulnerabilityId())) {
                return Optional.empty();
            }
            Vulnerability vulnerability = found.get();
            if (finding.item() == null) {
                // Lean: known exploited, not touched; the new snapshot must agree, or the release is re-scanned.
                if (vulnerability.knownExploited() != finding.knownExploited()) {
                    return Optional.empty();
                }
                updated.add(new Updated(finding, finding.knownExploited(), null));
                continue;
            }
            ObjectNode item = finding.item().deepCopy();
            item.put("knownExploited", vulnerability.knownExploited());
            ScanFindingJson.exploitation(item, vulnerability.exploited());
            ScanFindingJson.epss(item, epss == null ? null : ScanUseCase.highest(vulnerability, epss));
            updated.add(new Updated(finding, vulnerability.knownExploited(), item));
        }
        updated.sort(Comparator.comparing((Updated f) -> !f.knownExploited())
                .thenComparingInt(f -> f.stored().severityRank()).thenComparingInt(f -> f.stored().position()));
        return Optional.of(updated);
    }

    /**
     * Of these releases, the findings of a touched vulnerability (with their items) and the other
     * known-exploited ones (lean), by release: two index reads ({@code findings_vulnerability} and
     * {@code findings_order}), never a release's other findings.
     */
    private Map<Long, List<Stored>> findings(List<Object[]> releases) {
        Long[] orgs = releases.stream().map(r -> ((Tenant) r[0]).id()).toArray(Long[]::new);
        Long[] ids = releases.stream().map(r -> ((Products.Release) r[1]).id()).toArray(Long[]::new);
        Map<Long, List<Stored>> byRelease = new HashMap<>();
        String columns = "f.release_id, f.finding_id, f.vulnerability_id, f.severity_rank, f.known_exploited, f.suppressed,"
                + " f.position";
        h.createQuery("select " + columns + ", f.item::text as item, (f.item->'epss')::text as epss from findings f"
                        + " where f.vulnerability_id = any(:touched) and f.release_id = any(:ids)"
                        + " union all select " + columns + ", null, (f.item->'epss')::text from findings f"
                        + " join unnest(cast(:orgs as bigint[]), cast(:ids as bigint[])) as r(org, release)"
                        + " on f.org_id = r.org and f.release_id = r.release"
                        + " where f.known_exploited and not (f.vulnerability_id = any(:touched))")
                .bind("ids", ids).bind("orgs", orgs).bind("touched", touched.toArray(new String[0]))
                .map((rs, ctx) -> {
                    String text = rs.getString("item");
                    byRelease.computeIfAbsent(rs.getLong("release_id"), id -> new ArrayList<>()).add(new Stored(
                            rs.getString("finding_id"), rs.getString("vulnerability_id"), rs.getInt("severity_rank"),
                            rs.getBoolean("known_exploited"), rs.getBoolean("suppressed"), rs.getInt("position"),
                            text == null ? null : parse(text), text, rs.getString("epss")));
                    return 0;
                })
                .list();
        return byRelease;
    }

    private static ObjectNode parse(String text) {
        try {
            return (ObjectNode) JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
