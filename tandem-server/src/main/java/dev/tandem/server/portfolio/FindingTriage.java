package dev.tandem.server.portfolio;

import dev.tandem.input.InputException;
import dev.tandem.server.audit.AuditLog;
import dev.tandem.server.auth.Accounts;
import dev.tandem.server.auth.Caller;
import dev.tandem.server.store.Database;
import dev.tandem.server.store.Findings;
import dev.tandem.server.store.Products;
import dev.tandem.server.store.Refusal;
import dev.tandem.server.store.Role;
import dev.tandem.server.store.Tenant;
import dev.tandem.server.store.TriageDecisions;
import dev.tandem.triage.AnalysisState;
import dev.tandem.triage.Justification;
import dev.tandem.triage.Response;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;

/**
 * Triage decisions on findings: a state in the CycloneDX vocabulary (in_triage, exploitable,
 * not_affected with a justification, resolved, false_positive), responses and a comment, by whom and
 * when. A decision belongs to the finding id within its product, so it carries over to every release
 * with the same finding (the id includes the component version: a changed component is a new finding).
 * Each release holding the finding is re-scanned in the same transaction, so what the scan says is
 * suppressed is what the list shows.
 */
public final class FindingTriage {

    private static final Pattern FINDING_ID = Pattern.compile("TF-[0-9a-f]{20}");
    private static final Set<AnalysisState> STATES = Set.of(AnalysisState.IN_TRIAGE, AnalysisState.EXPLOITABLE,
            AnalysisState.NOT_AFFECTED, AnalysisState.RESOLVED, AnalysisState.RESOLVED_WITH_PEDIGREE,
            AnalysisState.FALSE_POSITIVE);

    private final Database database;
    private final Clock clock;
    private final CurrentAdvisories advisories;
    private final ReleaseScanner scanner = new ReleaseScanner();

    public FindingTriage(Database database, Clock clock, CurrentAdvisories advisories) {
        this.database = database;
        this.clock = clock;
        this.advisories = advisories;
    }

    /** A decision as asked for. */
    public record Request(String state, String justification, List<String> responses, String comment) {
        public Request {
            responses = responses == null ? List.of() : List.copyOf(responses);
        }
    }

    /** A finding with where it occurs, its current decision and every change to it. */
    public record Detail(String findingId, Products.Product product, List<Findings.Stored> occurrences,
            Optional<TriageDecisions.Decision> decision, List<TriageDecisions.Decision> history) {
    }

    public Detail detail(Caller caller, String findingId, String productSlug) {
        checkId(findingId);
        return database.read(h -> {
            Products.Product product = productOf(h, caller.tenant(), findingId, productSlug);
            List<Findings.Stored> occurrences = new Findings(h).occurrences(caller.tenant(), findingId).stream()
                    .filter(o -> o.productId() == product.id()).toList();
            TriageDecisions decisions = new TriageDecisions(h);
            return new Detail(findingId, product, occurrences, decisions.current(caller.tenant(), product.id(), findingId),
                    decisions.history(caller.tenant(), product.id(), findingId));
        });
    }

    public Detail decide(Caller caller, String findingId, String productSlug, Request request) {
        Accounts.require(caller, Role.EDITOR);
        checkId(findingId);
        AnalysisState state = state(request.state());
        Justification justification = justification(state, request.justification());
        List<String> responses = new ArrayList<>();
        for (String response : new LinkedHashSet<>(request.responses())) {
            try {
                responses.add(Response.of(response).label());
            } catch (IllegalArgumentException e) {
                throw Refusal.invalid(e.getMessage());
            }
        }
        String comment = request.comment() == null ? "" : request.comment().strip();
        if (comment.length() > 10_000) {
            throw Refusal.invalid("a triage comment has at most 10,000 characters");
        }
        Instant now = clock.instant();
        return database.transaction(h -> {
            CurrentAdvisories.Loaded loaded = advisories.lockCurrent(h);
            Products.Product product = productOf(h, caller.tenant(), findingId, productSlug);
            Products products = new Products(h);
            List<Findings.Stored> occurrences = new Findings(h).occurrences(caller.tenant(), findingId).stream()
                    .filter(o -> o.productId() == product.id()).toList();
            List<Products.Release> releases = new ArrayList<>();
            for (Findings.Stored occurrence : occurrences) {
                releases.add(products.lockRelease(product, occurrence.releaseVersion(), now));
            }
            String vulnerability = vulnerabilityOf(occurrences.get(0));
            TriageDecisions decisions = new TriageDecisions(h);
            Optional<TriageDecisions.Decision> before = decisions.current(caller.tenant(), product.id(), findingId);
            TriageDecisions.Decision decision = new TriageDecisions.Decision(product.id(), findingId, vulnerability,
                    state.label(), justification == null ? null : justification.label(), responses, comment,
                    caller.name(), now, occurrences.get(0).releaseVersion());
            decisions.record(caller.tenant(), decision);
            for (Products.Release release : releases) {
                try {
                    scanner.scan(h, caller.tenant(), product, release, loaded, null, now,
                            dev.tandem.server.monitor.Cause.of("finding.triage", caller.actor()));
                } catch (InputException e) {
                    throw new IllegalStateException("a stored SBOM no longer parses: " + e.getMessage(), e);
                }
            }
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("product", product.slug());
            details.put("vulnerability", vulnerability);
            details.put("state", decision.state());
            details.put("justification", decision.justification() == null ? "" : decision.justification());
            details.put("responses", responses);
            details.put("comment", comment);
            details.put("previousState", before.map(TriageDecisions.Decision::state).orElse(""));
            new AuditLog(h).append(caller.tenant(), now, caller.actor(), "finding.triage", "finding:" + findingId, details);
            List<Findings.Stored> updated = new Findings(h).occurrences(caller.tenant(), findingId).stream()
                    .filter(o -> o.productId() == product.id()).toList();
            return new Detail(findingId, product, updated, Optional.of(decision),
                    decisions.history(caller.tenant(), product.id(), findingId));
        });
    }

    /**
     * The product whose finding this is. A finding id names a product (by the SBOM's product name and
     * owner), but the same SBOM may be uploaded to two products; then the caller says which.
     */
    private static Products.Product productOf(Handle h, Tenant tenant, String findingId, String productSlug) {
        List<Findings.Stored> occurrences = new Findings(h).occurrences(tenant, findingId);
        Products products = new Products(h);
        if (productSlug != null && !productSlug.isBlank()) {
            Products.Product product = products.find(tenant, productSlug)
                    .orElseThrow(() -> Refusal.notFound("product '" + productSlug + "'"));
            if (occurrences.stream().noneMatch(o -> o.productId() == product.id())) {
                throw Refusal.notFound("finding " + findingId + " in product '" + productSlug + "'");
            }
            return product;
        }
        Set<String> slugs = new LinkedHashSet<>();
        occurrences.forEach(o -> slugs.add(o.productSlug()));
        if (slugs.isEmpty()) {
            throw Refusal.notFound("finding " + findingId);
        }
        if (slugs.size() > 1) {
            throw new Refusal(Refusal.Kind.CONFLICT, "finding " + findingId + " occurs in the products "
                    + String.join(", ", slugs) + " (the same SBOM product in each); say which with ?product=",
                    Map.of("products", List.copyOf(slugs)));
        }
        return products.find(tenant, slugs.iterator().next()).orElseThrow();
    }

    private static String vulnerabilityOf(Findings.Stored occurrence) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(occurrence.item()).path("vulnerabilityId")
                    .asText();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a stored finding is not JSON", e);
        }
    }

    private static void checkId(String findingId) {
        if (findingId == null || !FINDING_ID.matcher(findingId).matches()) {
            throw Refusal.notFound("finding " + (findingId == null ? "" : findingId.length() > 40
                    ? findingId.substring(0, 40) + "…" : findingId));
        }
    }

    private static AnalysisState state(String text) {
        if (text == null || text.isBlank()) {
            throw Refusal.invalid("a triage decision needs a state: in_triage, exploitable, not_affected, resolved,"
                    + " resolved_with_pedigree or false_positive");
        }
        try {
            AnalysisState state = AnalysisState.of(text);
            if (!STATES.contains(state)) {
                throw Refusal.invalid("unknown state '" + text + "'");
            }
            return state;
        } catch (IllegalArgumentException e) {
            throw Refusal.invalid(e.getMessage());
        }
    }

    private static Justification justification(AnalysisState state, String text) {
        boolean given = text != null && !text.isBlank();
        if (state == AnalysisState.NOT_AFFECTED && !given) {
            throw Refusal.invalid("not_affected needs a justification: code_not_present, code_not_reachable,"
                    + " requires_configuration, requires_dependency, requires_environment, protected_by_compiler,"
                    + " protected_at_runtime, protected_at_perimeter or protected_by_mitigating_control");
        }
        if (!given) {
            return null;
        }
        if (state != AnalysisState.NOT_AFFECTED) {
            throw Refusal.invalid("a justification says why a component is not affected; give it only with not_affected");
        }
        try {
            return Justification.of(text);
        } catch (IllegalArgumentException e) {
            throw Refusal.invalid(e.getMessage());
        }
    }
}
