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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * A refresh in which only KEV and EPSS changed, applied to the stored findings of the releases it
 * touches without re-scanning them: each finding's {@code knownExploited}, {@code exploitation} (its
 * KEV entries) and {@code epss} are rewritten from the new snapshot exactly as the scan writes them
 * ({@link ScanFindingJson}), the release's findings re-ordered as the matcher orders them (known
 * exploited first, then severity, component, vulnerability; SBOM by SBOM), its known-exploited count
 * and scan time updated, and the changes recorded and cases opened as a re-scan does
 * ({@link ReverseMatch}). KEV and EPSS never decide whether a finding exists, so this is what a
 * re-scan over the new snapshot stores (SnapshotSwapInPlaceTest compares the two). A release it cannot
 * update exactly (a vulnerability the new snapshot names differently, two SBOMs with one name) is
 * left to the caller to re-scan.
 */
final class KevEpssUpdate {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * A stored finding as read for the update. {@code item} and {@code text} are null for a lean read
     * (a finding not known exploited whose vulnerability the change does not touch: it keeps its item
     * and its place among the findings not known exploited); {@code sbom} is the SBOM it came from.
     */
    private record Stored(String findingId, String vulnerabilityId, int severityRank, boolean knownExploited,
            boolean suppressed, int position, ObjectNode item, String text, String epss, String sbom) {
    }

    /** A finding after the update ({@code item} null: unchanged, lean). */
    private record Updated(Stored stored, boolean knownExploited, ObjectNode item, String label, String sbom) {
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
     * Updates the given releases (locked by the caller, each with its tenant) in place, reading their
     * findings in one query (whole items only of the findings known exploited or touched: the others
     * keep their items and their relative order) and writing the changed ones in one statement;
     * returns the releases it could not update exactly, to re-scan.
     */
    List<Object[]> apply(List<Object[]> releases, SwapPhases phases) {
        if (releases.isEmpty()) {
            return List.of();
        }
        Long[] ids = releases.stream().map(r -> ((Products.Release) r[1]).id()).toArray(Long[]::new);
        Set<Long> ambiguous = new HashSet<>();
        Set<Long> severalSboms = new HashSet<>();
        h.createQuery("select release_id, count(*) <> count(distinct source) from release_sboms where release_id = any(:ids)"
                        + " group by release_id having count(*) > 1")
                .bind("ids", ids)
                .map((rs, ctx) -> {
                    severalSboms.add(rs.getLong(1));
                    if (rs.getBoolean(2)) {
                        ambiguous.add(rs.getLong(1));
                    }
                    return 0;
                }).list();
        Map<Long, List<Stored>> findings = findings(ids, false, severalSboms);
        Map<Long, Products.Product> productsById = new Products(h).byIds(releases.stream()
                .map(r -> ((Products.Release) r[1]).productId()).collect(java.util.stream.Collectors.toSet()));
        phases.mark("in place: read the findings");
        List<Object[]> rescan = new ArrayList<>();
        Map<Long, List<Updated>> updates = new HashMap<>();
        List<Long> whole = new ArrayList<>();
        for (Object[] row : releases) {
            Products.Release release = (Products.Release) row[1];
            if (ambiguous.contains(release.id())) {
                rescan.add(row);
                continue;
            }
            Optional<List<Updated>> updated = update(findings.getOrDefault(release.id(), List.of()));
            if (updated.isEmpty()) {
                rescan.add(row);
            } else if (updated.get().stream().anyMatch(f -> f.stored().knownExploited() && !f.knownExploited())) {
                // A finding leaving the known exploited joins the others at its place by severity and component:
                // that needs every finding's component, so the release is read whole.
                whole.add(release.id());
            } else {
                updates.put(release.id(), mergeOrder(updated.get()));
            }
        }
        if (!whole.isEmpty()) {
            Map<Long, List<Stored>> read = findings(whole.toArray(new Long[0]), true, severalSboms);
            for (Long id : whole) {
                Optional<List<Updated>> updated = update(read.getOrDefault(id, List.of()));
                if (updated.isPresent()) {
                    updates.put(id, order(updated.get()));
                } else {
                    releases.stream().filter(r -> ((Products.Release) r[1]).id() == id).findFirst().ifPresent(rescan::add);
                }
            }
        }
        List<Long> orgs = new ArrayList<>();
        List<Long> releaseIds = new ArrayList<>();
        List<String> findingIds = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        List<Boolean> kevs = new ArrayList<>();
        List<String> items = new ArrayList<>();
        PreparedBatch summaries = h.prepareBatch("update release_scans set known_exploited = :kev, scanned_at = :at,"
                + " snapshot_sha256 = :sha where org_id = :org and release_id = :release");
        List<ReverseMatch.Diff> diffs = new ArrayList<>();
        for (Object[] row : releases) {
            Tenant tenant = (Tenant) row[0];
            Products.Release release = (Products.Release) row[1];
            List<Updated> ordered = updates.get(release.id());
            if (ordered == null) {
                continue;
            }
            List<FindingChanges.State> before = new ArrayList<>();
            List<FindingChanges.State> after = new ArrayList<>();
            int known = 0;
            for (int position = 0; position < ordered.size(); position++) {
                Updated finding = ordered.get(position);
                Stored old = finding.stored();
                String text = finding.item() == null ? null : ReleaseScanner.text(finding.item());
                if (position != old.position() || finding.knownExploited() != old.knownExploited()
                        || (text != null && !text.equals(old.text()))) {
                    orgs.add(tenant.id());
                    releaseIds.add(release.id());
                    findingIds.add(old.findingId());
                    positions.add(position);
                    kevs.add(finding.knownExploited());
                    items.add(text != null && !text.equals(old.text()) ? text : null);
                }
                known += finding.knownExploited() ? 1 : 0;
                before.add(new FindingChanges.State(old.findingId(), old.vulnerabilityId(), old.knownExploited(),
                        old.suppressed(), old.epss()));
                JsonNode newEpss = finding.item() == null ? null : finding.item().get("epss");
                after.add(new FindingChanges.State(old.findingId(), old.vulnerabilityId(), finding.knownExploited(),
                        old.suppressed(), finding.item() == null ? old.epss()
                                : newEpss == null ? null : ReleaseScanner.text(newEpss)));
            }
            summaries.bind("kev", known).bind("at", Timestamp.from(now)).bind("sha", next.sha256())
                    .bind("org", tenant.id()).bind("release", release.id()).add();
            Products.Product product = productsById.get(release.productId());
            diffs.add(new ReverseMatch.Diff(new ReverseMatch.Scanned(tenant, product.id(), product.slug(),
                    product.name(), release.id(), release.version()), before, after));
        }
        phases.mark("in place: compute");
        if (!findingIds.isEmpty()) {
            // One statement for every changed row (a new known-exploited finding moves the others down a place).
            h.createUpdate("update findings f set position = u.position, known_exploited = u.kev,"
                            + " item = coalesce(cast(u.item as json), f.item) from unnest(cast(:orgs as bigint[]),"
                            + " cast(:releases as bigint[]), cast(:findings as text[]), cast(:positions as integer[]),"
                            + " cast(:kevs as boolean[]), cast(:items as text[])) as u(org, release, finding, position, kev, item)"
                            + " where f.release_id = u.release and f.finding_id = u.finding and f.org_id = u.org")
                    .bind("orgs", orgs.toArray(new Long[0])).bind("releases", releaseIds.toArray(new Long[0]))
                    .bind("findings", findingIds.toArray(new String[0])).bind("positions", positions.toArray(new Integer[0]))
                    .bind("kevs", kevs.toArray(new Boolean[0])).bind("items", items.toArray(new String[0])).execute();
        }
        if (summaries.size() > 0) {
            summaries.execute();
        }
        phases.mark("in place: write the findings");
        ReverseMatch.recordAll(h, diffs, cause, now);
        phases.mark("in place: record changes, open cases, events");
        return rescan;
    }

    /** The release's findings rewritten from the new snapshot; empty when that cannot be done exactly. */
    private Optional<List<Updated>> update(List<Stored> stored) {
        List<Updated> updated = new ArrayList<>(stored.size());
        for (Stored finding : stored) {
            Optional<Vulnerability> found = next.index().vulnerabilityFor(finding.vulnerabilityId());
            if (found.isEmpty() || !found.get().id().equals(finding.vulnerabilityId())) {
                return Optional.empty();
            }
            Vulnerability vulnerability = found.get();
            if (finding.item() == null) {
                // Lean: not known exploited, not touched; the new snapshot must agree, or the release is re-scanned.
                if (vulnerability.knownExploited() != finding.knownExploited()) {
                    return Optional.empty();
                }
                updated.add(new Updated(finding, finding.knownExploited(), null, null, finding.sbom()));
                continue;
            }
            ObjectNode item = finding.item().deepCopy();
            item.put("knownExploited", vulnerability.knownExploited());
            ScanFindingJson.exploitation(item, vulnerability.exploited());
            ScanFindingJson.epss(item, epss == null ? null : ScanUseCase.highest(vulnerability, epss));
            updated.add(new Updated(finding, vulnerability.knownExploited(), item, label(item.get("component")),
                    finding.sbom()));
        }
        return Optional.of(updated);
    }

    /**
     * The matcher's order within each SBOM (known exploited first, then severity, component label,
     * vulnerability id), the SBOMs in the order their findings were stored; a stable sort over the
     * stored order, so equal keys keep the order the scan gave them.
     */
    private static List<Updated> order(List<Updated> findings) {
        Comparator<Updated> matcher = Comparator.comparing((Updated f) -> !f.knownExploited())
                .thenComparingInt(f -> f.stored().severityRank())
                .thenComparing(Updated::label)
                .thenComparing(f -> f.stored().vulnerabilityId());
        List<Updated> ordered = new ArrayList<>(findings.size());
        int start = 0;
        for (int i = 1; i <= findings.size(); i++) {
            if (i == findings.size() || !findings.get(i).sbom().equals(findings.get(start).sbom())) {
                List<Updated> run = new ArrayList<>(findings.subList(start, i));
                run.sort(matcher);
                ordered.addAll(run);
                start = i;
            }
        }
        return ordered;
    }

    /**
     * {@link #order} when no finding leaves the known exploited: within each SBOM, the findings not known
     * exploited keep their stored order (they were in the matcher's order and none joins them), and the
     * known-exploited ones (read whole) go first in the matcher's order, equal keys in stored order;
     * exactly what the stable sort gives, without the components of the others.
     */
    private static List<Updated> mergeOrder(List<Updated> findings) {
        Comparator<Updated> matcher = Comparator.comparingInt((Updated f) -> f.stored().severityRank())
                .thenComparing(Updated::label)
                .thenComparing(f -> f.stored().vulnerabilityId())
                .thenComparingInt(f -> f.stored().position());
        List<Updated> ordered = new ArrayList<>(findings.size());
        int start = 0;
        for (int i = 1; i <= findings.size(); i++) {
            if (i == findings.size() || !findings.get(i).sbom().equals(findings.get(start).sbom())) {
                List<Updated> run = findings.subList(start, i);
                List<Updated> known = new ArrayList<>();
                for (Updated f : run) {
                    if (f.knownExploited()) {
                        known.add(f);
                    }
                }
                known.sort(matcher);
                ordered.addAll(known);
                for (Updated f : run) {
                    if (!f.knownExploited()) {
                        ordered.add(f);
                    }
                }
                start = i;
            }
        }
        return ordered;
    }

    /** The component's label as the matcher sorts by it ({@code Component.label()}): its purl, else group/name@version. */
    private static String label(JsonNode component) {
        String purl = component.path("purl").asText("");
        if (!purl.isEmpty()) {
            return purl;
        }
        String name = component.path("name").asText("");
        String group = component.path("group").asText("");
        String version = component.path("version").asText("");
        String base = group.isEmpty() ? name : group + "/" + name;
        return version.isEmpty() ? base : base + "@" + version;
    }

    /**
     * The findings of these releases in stored order; {@code whole}: every item, else only those known
     * exploited or of a touched vulnerability (the others read lean). The SBOM a finding came from is
     * read for the releases with several.
     */
    private Map<Long, List<Stored>> findings(Long[] ids, boolean whole, Set<Long> severalSboms) {
        Map<Long, List<Stored>> byRelease = new HashMap<>();
        String wanted = whole ? "true" : "(known_exploited or vulnerability_id = any(:touched))";
        h.createQuery("select release_id, finding_id, vulnerability_id, severity_rank, known_exploited, suppressed,"
                        + " position, case when " + wanted + " then item::text end as item,"
                        + " case when " + wanted + " then (item->'epss')::text end as epss,"
                        + " case when release_id = any(:several) then coalesce(item->>'sbom', '') else '' end as sbom"
                        + " from findings where release_id = any(:ids) order by release_id, position")
                .bind("ids", ids).bind("touched", touched.toArray(new String[0]))
                .bind("several", severalSboms.toArray(new Long[0]))
                .map((rs, ctx) -> {
                    String text = rs.getString("item");
                    byRelease.computeIfAbsent(rs.getLong("release_id"), id -> new ArrayList<>()).add(new Stored(
                            rs.getString("finding_id"), rs.getString("vulnerability_id"), rs.getInt("severity_rank"),
                            rs.getBoolean("known_exploited"), rs.getBoolean("suppressed"), rs.getInt("position"),
                            text == null ? null : parse(text), text, rs.getString("epss"), rs.getString("sbom")));
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
