package dev.tandem.server.portfolio;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.input.InputException;
import dev.tandem.server.audit.AuditLog;
import dev.tandem.server.auth.Accounts;
import dev.tandem.server.auth.Caller;
import dev.tandem.server.monitor.Cause;
import dev.tandem.server.store.Database;
import dev.tandem.server.store.Products;
import dev.tandem.server.store.Refusal;
import dev.tandem.server.store.Role;
import dev.tandem.server.store.Snapshots;
import dev.tandem.server.store.Tenant;
import dev.tandem.snapshot.Snapshot;
import dev.tandem.snapshot.SnapshotInfo;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Replaces the advisory snapshot (the {@code .tdb} format of {@code tandem db build}) while the
 * server runs. The new snapshot is verified and stored first (content-addressed); then, in one
 * transaction, it is made current and the releases are brought up to date over it. Until that
 * commits, scans keep using the previous one; a crash before commit leaves the previous snapshot and
 * findings whole (and at most the new snapshot's bytes stored, unreferenced).
 */
public final class SnapshotSwap {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Database database;
    private final Clock clock;
    private final CurrentAdvisories advisories;
    private final ReleaseScanner scanner = new ReleaseScanner();

    public SnapshotSwap(Database database, Clock clock, CurrentAdvisories advisories) {
        this.database = database;
        this.clock = clock;
        this.advisories = advisories;
    }

    /**
     * The outcome: the snapshot now current, whether it changed, how many releases had their findings
     * brought up to date ({@code releasesRescanned}), and of those how many were updated in place
     * rather than re-scanned (a KEV/EPSS-only refresh, {@link KevEpssUpdate}).
     */
    public record Swap(String sha256, boolean changed, SnapshotInfo info, int releasesRescanned,
            int releasesUpdatedInPlace, List<SwapPhases.Phase> phases) {
    }

    public Swap replace(Caller caller, byte[] bytes, String name) {
        Accounts.require(caller, Role.ADMIN);
        if (!caller.operator()) {
            throw new Refusal(Refusal.Kind.FORBIDDEN, "advisories serve every organisation: only admins of '"
                    + dev.tandem.server.auth.Authenticator.OPERATOR_ORGANISATION + "' replace them");
        }
        Snapshot snapshot;
        try {
            snapshot = Snapshot.of(name == null || name.isBlank() ? "advisory snapshot" : name, bytes);
        } catch (InputException e) {
            throw SbomIntake.refusal(e);
        }
        return apply(caller.tenant(), snapshot, bytes, Cause.of("advisories.replace", caller.actor()), Map.of());
    }

    /**
     * Makes a verified snapshot current and re-scans every release over it, in one transaction, the
     * cause recorded with every change it makes (the feed refresh passes the feeds that changed). The
     * audit entry goes to {@code operator}'s chain, and to every other organisation with releases.
     */
    public Swap apply(Tenant operator, Snapshot snapshot, byte[] bytes, Cause cause, Map<String, Object> extraDetails) {
        return apply(operator, snapshot, bytes, cause, extraDetails, false);
    }

    /**
     * Like {@link #apply(Tenant, Snapshot, byte[], Cause, Map)}; with {@code advisoriesUnchanged} (a
     * refresh in which only KEV and EPSS changed), only the releases with a finding of a vulnerability
     * whose KEV entries or EPSS score changed are touched, their findings updated in place
     * ({@link KevEpssUpdate}); the others keep their findings, which are what a scan over the new
     * snapshot gives (docs/monitoring.md). Without the previous snapshot in
     * memory, every release is re-scanned.
     */
    public Swap apply(Tenant operator, Snapshot snapshot, byte[] bytes, Cause cause, Map<String, Object> extraDetails,
            boolean advisoriesUnchanged) {
        String sha = SbomIntake.sha256(bytes);
        CurrentAdvisories.Loaded next = new CurrentAdvisories.Loaded(sha, snapshot, snapshot.index());
        Instant now = clock.instant();
        SwapPhases phases = new SwapPhases();
        String action = cause.kind().equals("feed.refresh") ? "advisories.refresh" : "advisories.replace";
        // The bytes go in on a connection and in a transaction of their own, while the swap's transaction finds and
        // updates the releases (on two cores the database writes them while this JVM computes); the swap makes the
        // snapshot current only once they are committed. Content-addressed, so a crash before the swap commits leaves
        // at most a stored snapshot nothing refers to, and the swap's transaction writes no megabytes itself.
        java.util.concurrent.CompletableFuture<Boolean> stored = java.util.concurrent.CompletableFuture.supplyAsync(
                () -> database.transaction(h -> new Snapshots(h).store(sha, bytes, info(snapshot.info()), cause.actor(), now)),
                task -> Thread.ofVirtual().name("snapshot-store").start(task));
        Swap swap;
        try {
            swap = swap(operator, snapshot, sha, next, now, cause, extraDetails, advisoriesUnchanged, action, phases, stored);
        } finally {
            awaitStored(stored); // never leave the store running past the swap, nor its failure unseen
        }
        phases.mark("commit");
        if (swap.changed()) {
            advisories.install(next);
        }
        return new Swap(swap.sha256(), swap.changed(), swap.info(), swap.releasesRescanned(),
                swap.releasesUpdatedInPlace(), phases.list());
    }

    private static void awaitStored(java.util.concurrent.CompletableFuture<Boolean> stored) {
        try {
            stored.join();
        } catch (java.util.concurrent.CompletionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
        }
    }

    private Swap swap(Tenant operator, Snapshot snapshot, String sha, CurrentAdvisories.Loaded next, Instant now,
            Cause cause, Map<String, Object> extraDetails, boolean advisoriesUnchanged, String action, SwapPhases phases,
            java.util.concurrent.CompletableFuture<Boolean> stored) {
        return database.transaction(h -> {
            Map<String, Object> details = new LinkedHashMap<>();
            Snapshots snapshots = new Snapshots(h);
            snapshots.lockForSwap();
            String previous = snapshots.current(false).map(Snapshots.StoredSnapshot::sha256).orElse(null);
            if (sha.equals(previous)) {
                return new Swap(sha, false, snapshot.info(), 0, 0, phases.list());
            }
            // Locked for update above, so this loads (if this instance has not yet) the snapshot being replaced.
            CurrentAdvisories.Loaded before = advisoriesUnchanged ? advisories.lockCurrent(h) : null;
            phases.mark("lock");
            Map<Tenant, Integer> perTenant = new LinkedHashMap<>();
            Products products = new Products(h);
            boolean targeted = advisoriesUnchanged && previous != null && before.snapshot() != null
                    && previous.equals(before.sha256())
                    // a cheap second opinion: the same advisories have the same counts
                    && before.snapshot().info().stats().advisories() == snapshot.info().stats().advisories()
                    && before.snapshot().info().stats().vulnerabilities() == snapshot.info().stats().vulnerabilities();
            java.util.Set<Long> scope = null;
            java.util.Set<String> touched = java.util.Set.of();
            if (targeted) {
                java.util.Set<String> kevChanged = KevEpssChange.kevChanged(before.snapshot(), snapshot);
                if (before.snapshot().epss().isEmpty() && snapshot.epss().isEmpty()) {
                    // KEV alone changed: the vulnerabilities of its changed CVEs, looked up in the snapshots, not
                    // the portfolio's every vulnerability read from the findings.
                    touched = KevEpssChange.ofCves(kevChanged, before.index(), next.index());
                } else {
                    java.util.Set<String> portfolio = new java.util.HashSet<>(h.createQuery(
                            "select distinct vulnerability_id from findings").mapTo(String.class).list());
                    touched = KevEpssChange.touched(portfolio, kevChanged, before.snapshot(), snapshot, next.index());
                }
                scope = new java.util.HashSet<>(h.createQuery(
                        "select distinct release_id from findings where vulnerability_id = any(:ids)")
                        .bind("ids", touched.toArray(new String[0])).mapTo(Long.class).list());
                // The releases not re-scanned hold what a scan over the new snapshot gives: they say so.
                h.createUpdate("update release_scans set snapshot_sha256 = :sha where snapshot_sha256 = :previous")
                        .bind("sha", sha).bind("previous", previous).execute();
                details.put("rescan", "kev-epss");
                phases.mark("find the touched releases");
            }
            List<Object[]> releases = targeted ? products.lockReleases(scope) : products.lockAllReleases();
            phases.mark("lock the releases");
            int inPlace = 0;
            if (targeted) {
                // KEV and EPSS change what a finding says, never whether it exists: rewrite those fields in place.
                List<Object[]> rescan = new KevEpssUpdate(h, next, now, cause, touched).apply(releases, phases);
                for (Object[] row : releases) {
                    if (!rescan.contains(row)) {
                        perTenant.merge((Tenant) row[0], 1, Integer::sum);
                        inPlace++;
                    }
                }
                details.put("updatedInPlace", inPlace);
                releases = rescan;
            }
            for (Object[] row : releases) {
                Tenant tenant = (Tenant) row[0];
                Products.Release release = (Products.Release) row[1];
                Products.Product product = products.byId(tenant, release.productId()).orElseThrow();
                try {
                    scanner.scan(h, tenant, product, release, next, null, now, cause);
                } catch (InputException e) {
                    throw new IllegalStateException("a stored SBOM no longer parses: " + e.getMessage(), e);
                }
                perTenant.merge(tenant, 1, Integer::sum);
            }
            if (!releases.isEmpty()) {
                phases.mark("re-scan");
            }
            // Made current once its bytes are stored (the row it names must exist; nothing above reads which is current).
            awaitStored(stored);
            phases.mark("wait for the snapshot's bytes to be stored");
            snapshots.makeCurrent(sha, now);
            AuditLog audit = new AuditLog(h);
            details.put("sha256", sha);
            details.put("previous", previous == null ? "" : previous);
            details.put("advisories", snapshot.info().stats().advisories());
            details.put("kevEntries", snapshot.info().stats().kevEntries());
            details.put("builtAt", snapshot.info().provenance().builtAt().toString());
            details.putAll(extraDetails);
            audit.append(operator, now, cause.actor(), action, "advisories:" + sha.substring(0, 12), details);
            for (Map.Entry<Tenant, Integer> entry : perTenant.entrySet()) {
                if (entry.getKey().id() != operator.id()) {
                    Map<String, Object> rescan = new LinkedHashMap<>(details);
                    rescan.put("releasesRescanned", entry.getValue());
                    audit.append(entry.getKey(), now, cause.actor(), action, "advisories:" + sha.substring(0, 12), rescan);
                }
            }
            phases.mark("make current, audit");
            return new Swap(sha, true, snapshot.info(),
                    perTenant.values().stream().mapToInt(Integer::intValue).sum(), inPlace, List.of());
        });
    }

    /** The current snapshot as stored. */
    public java.util.Optional<Snapshots.StoredSnapshot> current() {
        return database.read(h -> new Snapshots(h).current(false));
    }

    /** What the database keeps about a snapshot: its provenance and counts, as {@code db info} shows them. */
    static String info(SnapshotInfo info) {
        ObjectNode node = JSON.createObjectNode();
        node.put("formatVersion", info.formatVersion());
        node.put("size", info.fileSize());
        node.put("toolVersion", info.provenance().toolVersion());
        node.put("builtAt", info.provenance().builtAt().toString());
        ArrayNode sources = node.putArray("advisorySources");
        info.provenance().advisorySources().forEach(sources::add);
        ArrayNode kev = node.putArray("kevSources");
        info.provenance().kevSources().forEach(kev::add);
        node.put("advisories", info.stats().advisories());
        node.put("vulnerabilities", info.stats().vulnerabilities());
        node.put("kevEntries", info.stats().kevEntries());
        node.put("packages", info.packages());
        return ReleaseScanner.text(node);
    }

    static List<String> sources(SnapshotInfo info) {
        return info.provenance().advisorySources();
    }
}
