package dev.tandem.server.monitor;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.server.store.Cases;
import dev.tandem.server.store.FindingChanges;
import dev.tandem.server.store.MonitorSettings;
import dev.tandem.server.store.Tenant;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
        Map<String, FindingChanges.State> old = before.stream()
                .collect(Collectors.toMap(FindingChanges.State::findingId, Function.identity(), (a, b) -> a));
        Map<String, FindingChanges.State> now = after.stream()
                .collect(Collectors.toMap(FindingChanges.State::findingId, Function.identity(), (a, b) -> a));
        List<FindingChanges.NewChange> changes = new java.util.ArrayList<>();
        for (FindingChanges.State state : after) {
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
                openCase(h, release, state.vulnerabilityId(), cause, at);
            }
        }
        for (FindingChanges.State state : before) {
            if (!now.containsKey(state.findingId())) {
                changes.add(new FindingChanges.NewChange(state.findingId(), state.vulnerabilityId(), "lost",
                        cause.feedsFor("lost"), state.vulnerabilityId()));
            }
        }
        new FindingChanges(h).recordAll(release.tenant(), release.productId(), release.releaseId(), cause.kind(), at,
                changes);
        return changes.size();
    }

    /** Opens the case of a known-exploited vulnerability in a product on the EU market, unless it is open already. */
    static void openCase(Handle h, Scanned release, String vulnerabilityId, Cause cause, Instant at) {
        if (!new MonitorSettings(h).euMarket(release.productId())) {
            return;
        }
        String reason = "known exploited (KEV) finding in release " + release.releaseVersion() + ", found by "
                + cause.kind() + (cause.feeds().isEmpty() ? "" : " of " + String.join(", ", cause.feedsFor("kev-added")));
        Optional<Long> opened = new Cases(h).openIfAbsent(release.tenant(), release.productId(), vulnerabilityId,
                List.of(release.releaseVersion()), cause.actor(), reason, "", at);
        opened.ifPresent(id -> caseOpened(h, release.tenant(), id, release.productSlug(), vulnerabilityId, reason, at));
    }

    static void caseOpened(Handle h, Tenant tenant, long caseId, String productSlug, String vulnerabilityId, String reason,
            Instant at) {
        ObjectNode data = Events.JSON.createObjectNode();
        data.put("case", caseId);
        data.put("product", productSlug);
        data.put("vulnerability", vulnerabilityId);
        data.put("reason", reason);
        data.put("proposedAwareAt", at.toString());
        Events.emit(h, tenant, Events.CASE_OPENED, "case:" + caseId, data, "case:" + caseId + ":opened", at);
    }
}
