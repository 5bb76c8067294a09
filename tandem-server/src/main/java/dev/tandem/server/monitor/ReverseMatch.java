package dev.tandem.server.monitor;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.server.store.Cases;
import dev.tandem.server.store.FindingChanges;
import dev.tandem.server.store.MonitorSettings;
import dev.tandem.server.store.Tenant;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;

/**
 * What a re-scan of a release changed, recorded with its cause in the scan's transaction: findings
 * gained or lost, findings that became known-exploited or stopped being, findings whose EPSS score
 * changed. A known-exploited finding
 * that is not suppressed, on a product made available on the EU market, opens the case of its
 * vulnerability and product (once, however many releases) and emits {@code case.opened}.
 */
public final class ReverseMatch {

    private ReverseMatch() {
    }

    /** A release as the diff names it. */
    public record Scanned(Tenant tenant, long productId, String productSlug, String productName, long releaseId,
            String releaseVersion) {
    }

    /** Records the differences between {@code before} and {@code after}; returns how many changes. */
    public static int record(Handle h, Scanned release, List<FindingChanges.State> before, List<FindingChanges.State> after,
            Cause cause, Instant at) {
        return recordAll(h, List.of(new Diff(release, before, after)), cause, at);
    }

    /** A release's findings before and after a scan or an update. */
    public record Diff(Scanned release, List<FindingChanges.State> before, List<FindingChanges.State> after) {
    }

    /**
     * {@link #record} for many releases at once, with what one call per release in this order would
     * store, in a fixed number of statements however many releases (a swap touching hundreds of
     * releases made some thousand single statements otherwise): the changes in one COPY, the
     * products' EU-market flags in one query, the cases in two statements, their events in two.
     * Returns how many changes.
     */
    public static int recordAll(Handle h, List<Diff> diffs, Cause cause, Instant at) {
        List<FindingChanges.ReleaseChanges> recorded = new ArrayList<>();
        // Every known-exploited, not suppressed finding after the change: its case (once per product and vulnerability).
        Map<String, CaseRequest> cases = new LinkedHashMap<>();
        int count = 0;
        for (Diff diff : diffs) {
            Scanned release = diff.release();
            Map<String, FindingChanges.State> old = diff.before().stream()
                    .collect(Collectors.toMap(FindingChanges.State::findingId, Function.identity(), (a, b) -> a));
            Map<String, FindingChanges.State> now = diff.after().stream()
                    .collect(Collectors.toMap(FindingChanges.State::findingId, Function.identity(), (a, b) -> a));
            List<FindingChanges.NewChange> changes = new ArrayList<>();
            for (FindingChanges.State state : diff.after()) {
                FindingChanges.State previous = old.get(state.findingId());
                String change = previous == null ? "gained"
                        : state.knownExploited() && !previous.knownExploited() ? "kev-added"
                        : !state.knownExploited() && previous.knownExploited() ? "kev-removed"
                        : !java.util.Objects.equals(state.epss(), previous.epss()) ? "epss" : null;
                if (change != null) {
                    changes.add(new FindingChanges.NewChange(state.findingId(), state.vulnerabilityId(), change,
                            cause.feedsFor(change), state.vulnerabilityId()));
                }
                if (state.knownExploited() && !state.suppressed()) {
                    cases.computeIfAbsent(release.tenant().id() + "/" + release.productId() + "/" + state.vulnerabilityId(),
                            key -> new CaseRequest(release, state.vulnerabilityId(), new ArrayList<>()))
                            .releases().add(release.releaseVersion());
                }
            }
            for (FindingChanges.State state : diff.before()) {
                if (!now.containsKey(state.findingId())) {
                    changes.add(new FindingChanges.NewChange(state.findingId(), state.vulnerabilityId(), "lost",
                            cause.feedsFor("lost"), state.vulnerabilityId()));
                }
            }
            recorded.add(new FindingChanges.ReleaseChanges(release.tenant(), release.productId(), release.releaseId(),
                    changes));
            count += changes.size();
        }
        new FindingChanges(h).recordAll(recorded, cause.kind(), at);
        openCases(h, List.copyOf(cases.values()), cause, at);
        return count;
    }

    /** A case to open: the release that opens it, and every release (in order) that has the finding. */
    private record CaseRequest(Scanned first, String vulnerabilityId, List<String> releases) {
    }

    /** Opens the cases of known-exploited findings on products on the EU market, and emits their events. */
    private static void openCases(Handle h, List<CaseRequest> requests, Cause cause, Instant at) {
        if (requests.isEmpty()) {
            return;
        }
        Set<Long> euMarket = new MonitorSettings(h).euMarket(requests.stream().map(r -> r.first().productId())
                .collect(Collectors.toSet()));
        List<Cases.Opening> openings = new ArrayList<>();
        Map<Cases.Opening, CaseRequest> requested = new HashMap<>();
        for (CaseRequest request : requests) {
            if (!euMarket.contains(request.first().productId())) {
                continue;
            }
            Cases.Opening opening = new Cases.Opening(request.first().tenant(), request.first().productId(),
                    request.vulnerabilityId(), request.releases().stream().distinct().toList(),
                    reason(request.first(), cause));
            openings.add(opening);
            requested.put(opening, request);
        }
        List<Events.Emission> emissions = new ArrayList<>();
        for (Map.Entry<Cases.Opening, Long> opened : new Cases(h).openAllIfAbsent(openings, cause.actor(), "", at)) {
            Cases.Opening o = opened.getKey();
            emissions.add(caseOpenedEvent(o.tenant(), opened.getValue(), requested.get(o).first().productSlug(),
                    o.vulnerabilityId(), o.reason(), at));
        }
        Events.emitAll(h, emissions, at);
    }

    private static String reason(Scanned release, Cause cause) {
        return "known exploited (KEV) finding in release " + release.releaseVersion() + ", found by "
                + cause.kind() + (cause.feeds().isEmpty() ? "" : " of " + String.join(", ", cause.feedsFor("kev-added")));
    }

    static void caseOpened(Handle h, Tenant tenant, long caseId, String productSlug, String vulnerabilityId, String reason,
            Instant at) {
        Events.Emission e = caseOpenedEvent(tenant, caseId, productSlug, vulnerabilityId, reason, at);
        Events.emit(h, e.tenant(), e.type(), e.subject(), e.data(), e.key(), at);
    }

    private static Events.Emission caseOpenedEvent(Tenant tenant, long caseId, String productSlug, String vulnerabilityId,
            String reason, Instant at) {
        ObjectNode data = Events.JSON.createObjectNode();
        data.put("case", caseId);
        data.put("product", productSlug);
        data.put("vulnerability", vulnerabilityId);
        data.put("reason", reason);
        data.put("proposedAwareAt", at.toString());
        return new Events.Emission(tenant, Events.CASE_OPENED, "case:" + caseId, data, "case:" + caseId + ":opened");
    }
}
