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

    /** A stored finding as read for the update. */
    private record Stored(String findingId, String vulnerabilityId, int severityRank, boolean knownExploited,
            boolean suppressed, int position, ObjectNode item, String text, String epss) {
    }

    /** A finding after the update. */
    private record Updated(Stored stored, boolean knownExploited, ObjectNode item, String label, String sbom) {
    }

    private final Handle h;
    private final CurrentAdvisories.Loaded next;
    private final EpssData epss;
    private final Instant now;
    private final Cause cause;

    KevEpssUpdate(Handle h, CurrentAdvisories.Loaded next, Instant now, Cause cause) {
        this.h = h;
        this.next = next;
        this.epss = next.snapshot().epss().orElse(null);
        this.now = now;
        this.cause = cause;
    }

    /**
     * Updates the given releases (locked by the caller, each with its tenant) in place, reading every
     * finding in one query and writing the changed ones in batches; returns the releases it could not
     * update exactly, to re-scan.
     */
    List<Object[]> apply(List<Object[]> releases) {
        if (releases.isEmpty()) {
            return List.of();
        }
        Long[] ids = releases.stream().map(r -> ((Products.Release) r[1]).id()).toArray(Long[]::new);
        Map<Long, List<Stored>> findings = findings(ids);
        Set<Long> ambiguous = new HashSet<>(h.createQuery("select release_id from release_sboms where release_id = any(:ids)"
                        + " group by release_id having count(*) <> count(distinct source)")
                .bind("ids", ids).mapTo(Long.class).list());
        Products products = new Products(h);
        Map<Long, Products.Product> productsById = new HashMap<>();
        List<Object[]> rescan = new ArrayList<>();
        PreparedBatch rows = h.prepareBatch("update findings set known_exploited = :kev, position = :position,"
                + " item = :item::json where org_id = :org and release_id = :release and finding_id = :finding");
        PreparedBatch summaries = h.prepareBatch("update release_scans set known_exploited = :kev, scanned_at = :at,"
                + " snapshot_sha256 = :sha where org_id = :org and release_id = :release");
        List<Runnable> record = new ArrayList<>();
        for (Object[] row : releases) {
            Tenant tenant = (Tenant) row[0];
            Products.Release release = (Products.Release) row[1];
            List<Stored> stored = findings.getOrDefault(release.id(), List.of());
            Optional<List<Updated>> updated = ambiguous.contains(release.id()) ? Optional.empty() : update(stored);
            if (updated.isEmpty()) {
                rescan.add(row);
                continue;
            }
            List<Updated> ordered = order(updated.get());
            List<FindingChanges.State> before = new ArrayList<>();
            List<FindingChanges.State> after = new ArrayList<>();
            int known = 0;
            for (int position = 0; position < ordered.size(); position++) {
                Updated finding = ordered.get(position);
                Stored old = finding.stored();
                String text = ReleaseScanner.text(finding.item());
                if (position != old.position() || finding.knownExploited() != old.knownExploited()
                        || !text.equals(old.text())) {
                    rows.bind("kev", finding.knownExploited()).bind("position", position).bind("item", text)
                            .bind("org", tenant.id()).bind("release", release.id()).bind("finding", old.findingId())
                            .add();
                }
                known += finding.knownExploited() ? 1 : 0;
                before.add(new FindingChanges.State(old.findingId(), old.vulnerabilityId(), old.knownExploited(),
                        old.suppressed(), old.epss()));
                JsonNode newEpss = finding.item().get("epss");
                after.add(new FindingChanges.State(old.findingId(), old.vulnerabilityId(), finding.knownExploited(),
                        old.suppressed(), newEpss == null ? null : ReleaseScanner.text(newEpss)));
            }
            summaries.bind("kev", known).bind("at", Timestamp.from(now)).bind("sha", next.sha256())
                    .bind("org", tenant.id()).bind("release", release.id()).add();
            Products.Product product = productsById.computeIfAbsent(release.productId(),
                    id -> products.byId(tenant, id).orElseThrow());
            record.add(() -> ReverseMatch.record(h, new ReverseMatch.Scanned(tenant, product.id(), product.slug(),
                    product.name(), release.id(), release.version()), before, after, cause, now));
        }
        if (rows.size() > 0) {
            rows.execute();
        }
        if (summaries.size() > 0) {
            summaries.execute();
        }
        record.forEach(Runnable::run);
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
            ObjectNode item = finding.item().deepCopy();
            item.put("knownExploited", vulnerability.knownExploited());
            ScanFindingJson.exploitation(item, vulnerability.exploited());
            ScanFindingJson.epss(item, epss == null ? null : ScanUseCase.highest(vulnerability, epss));
            updated.add(new Updated(finding, vulnerability.knownExploited(), item, label(item.get("component")),
                    item.path("sbom").asText()));
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

    private Map<Long, List<Stored>> findings(Long[] ids) {
        Map<Long, List<Stored>> byRelease = new HashMap<>();
        h.createQuery("select release_id, finding_id, vulnerability_id, severity_rank, known_exploited, suppressed,"
                        + " position, item::text as item, (item->'epss')::text as epss from findings"
                        + " where release_id = any(:ids) order by release_id, position")
                .bind("ids", ids)
                .map((rs, ctx) -> {
                    String text = rs.getString("item");
                    byRelease.computeIfAbsent(rs.getLong("release_id"), id -> new ArrayList<>()).add(new Stored(
                            rs.getString("finding_id"), rs.getString("vulnerability_id"), rs.getInt("severity_rank"),
                            rs.getBoolean("known_exploited"), rs.getBoolean("suppressed"), rs.getInt("position"),
                            parse(text), text, rs.getString("epss")));
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
