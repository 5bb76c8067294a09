package dev.tandem.server.portfolio;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.advisory.cvss.Rating;
import dev.tandem.input.InputDocument;
import dev.tandem.input.InputException;
import dev.tandem.match.Finding;
import dev.tandem.match.FindingId;
import dev.tandem.match.SbomReport;
import dev.tandem.render.scan.ScanFindingJson;
import dev.tandem.server.monitor.Cause;
import dev.tandem.server.monitor.ReverseMatch;
import dev.tandem.server.store.FindingChanges;
import dev.tandem.server.store.Findings;
import dev.tandem.server.store.Products;
import dev.tandem.server.store.Sboms;
import dev.tandem.server.store.Tenant;
import dev.tandem.server.store.TriageDecisions;
import dev.tandem.server.store.VexDocuments;
import dev.tandem.triage.AnalysisState;
import dev.tandem.triage.ComponentSelector;
import dev.tandem.triage.Justification;
import dev.tandem.triage.Origin;
import dev.tandem.triage.Response;
import dev.tandem.triage.Statement;
import dev.tandem.usecase.scan.SbomInput;
import dev.tandem.usecase.scan.ScanRequest;
import dev.tandem.usecase.scan.ScanResult;
import dev.tandem.usecase.scan.ScanUseCase;
import dev.tandem.usecase.vex.StatementsRequest;
import dev.tandem.usecase.vex.StatementsResult;
import dev.tandem.usecase.vex.StatementsUseCase;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/**
 * Scans a release (all its SBOMs at once) through the core's scan use case, with the product's
 * triage decisions as statements, and stores the findings: the one place the server decides what a
 * finding is and whether it is suppressed, exactly as {@code tandem scan} does. What the scan changed
 * is recorded with its cause (the reverse match, {@link ReverseMatch}).
 */
final class ReleaseScanner {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ScanUseCase scan = new ScanUseCase();

    /** A scan of a release, stored. */
    record Outcome(ScanResult result, Findings.ScanSummary summary) {
    }

    /**
     * Scans the release's stored SBOMs plus {@code extra} (a new upload, not stored yet) and replaces
     * the release's findings.
     *
     * @throws InputException when {@code extra} is malformed (stored SBOMs parsed when they came)
     */
    Outcome scan(Handle h, Tenant tenant, Products.Product product, Products.Release release,
            CurrentAdvisories.Loaded advisories, InputDocument extra, Instant now, Cause cause) throws InputException {
        List<FindingChanges.State> before = new FindingChanges(h).current(tenant, release.id());
        ScanResult result = result(h, tenant, product, release, advisories, extra, now);
        List<Findings.Row> rows = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int base = 0;
        for (ScanResult.ScannedSbom scanned : result.sboms()) {
            SbomReport report = scanned.report();
            List<Finding> kept = new ArrayList<>();
            for (Finding finding : report.findings()) {
                if (seen.add(finding.findingId().value())) {
                    kept.add(finding); // else the same product, component and vulnerability in two SBOMs of the release
                }
            }
            int[] keys = orderKeys(kept);
            for (int i = 0; i < kept.size(); i++) {
                Finding finding = kept.get(i);
                ObjectNode item = item(report, finding, result, release.version());
                rows.add(new Findings.Row(finding.findingId().value(), finding.vulnerability().id(),
                        severity(finding.rating()), finding.rating().ordinal(), finding.knownExploited(),
                        result.suppressed(finding), finding.component().purl(), base + keys[i], text(item)));
            }
            base += kept.size();
        }
        Map<String, Long> bySeverity = new LinkedHashMap<>();
        for (Rating rating : Rating.values()) {
            bySeverity.put(severity(rating), rows.stream().filter(r -> r.severity().equals(severity(rating))).count());
        }
        // A decision or a VEX statement is about the product, not one release: that it matches nothing in this
        // release is no news (the product's VEX list reports statements that match nothing in any release).
        List<String> warnings = result.warnings().stream()
                .filter(w -> !((w.startsWith("the triage decision") || w.startsWith("the VEX statement"))
                        && w.endsWith("matches no finding"))).toList();
        Findings.ScanSummary summary = new Findings.ScanSummary(release.id(), advisories.sha256(), now,
                (int) result.componentCount(), rows.size(), (int) rows.stream().filter(Findings.Row::knownExploited).count(),
                (int) rows.stream().filter(Findings.Row::suppressed).count(), (int) result.unmatchedCount(),
                (int) result.undecidedCount(), text(JSON.valueToTree(bySeverity)), text(JSON.valueToTree(warnings)));
        new Findings(h).replace(tenant, product.id(), summary, rows);
        ReverseMatch.record(h, new ReverseMatch.Scanned(tenant, product.id(), product.slug(), product.name(), release.id(),
                release.version()), before, rows.stream().map(r -> new FindingChanges.State(r.findingId(),
                r.vulnerabilityId(), r.knownExploited(), r.suppressed(), epss(r.item()))).toList(), cause, now);
        return new Outcome(result, summary);
    }

    /**
     * Each finding's order key within its SBOM ({@code position}, SBOM after SBOM): its rank by rating,
     * component label and vulnerability id, ties in the matcher's order — the matcher's order without
     * "known exploited first". A list ordered by known exploited, rating, then this key is exactly the
     * matcher's order SBOM by SBOM (what a dense position in that order gave), and the key does not move
     * when KEV says a vulnerability is, or is no longer, known exploited: an in-place KEV update rewrites
     * only the findings whose flags changed, not every finding a newly known-exploited one passes.
     */
    static int[] orderKeys(List<Finding> matcherOrder) {
        Integer[] indexes = new Integer[matcherOrder.size()];
        for (int i = 0; i < indexes.length; i++) {
            indexes[i] = i;
        }
        // Stable: equal rating, label and id (two components of one label) keep the matcher's order.
        java.util.Arrays.sort(indexes, java.util.Comparator.comparingInt((Integer i) -> matcherOrder.get(i).rating().ordinal())
                .thenComparing(i -> matcherOrder.get(i).component().label())
                .thenComparing(i -> matcherOrder.get(i).vulnerability().id()));
        int[] keys = new int[indexes.length];
        for (int rank = 0; rank < indexes.length; rank++) {
            keys[indexes[rank]] = rank;
        }
        return keys;
    }

    /** The scan of the release's stored SBOMs (plus {@code extra}) with the product's decisions, not stored. */
    ScanResult result(Handle h, Tenant tenant, Products.Product product, Products.Release release,
            CurrentAdvisories.Loaded advisories, InputDocument extra, Instant now) throws InputException {
        return scan.run(request(h, tenant, product, release, advisories, extra, now));
    }

    /**
     * The scan request of a release: its stored SBOMs (plus {@code extra}) over the current advisories, with
     * the product's triage decisions and the statements of its VEX documents, read as {@code scan --vex}
     * reads them. The publishing use cases take the same request, so a document says what the findings say.
     */
    ScanRequest request(Handle h, Tenant tenant, Products.Product product, Products.Release release,
            CurrentAdvisories.Loaded advisories, InputDocument extra, Instant now) throws InputException {
        List<SbomInput> inputs = new ArrayList<>();
        for (Sboms.Content content : new Sboms(h).contents(tenant, release.id())) {
            inputs.add(SbomInput.of(new InputDocument(content.source(), content.bytes())));
        }
        if (extra != null) {
            inputs.add(SbomInput.of(extra));
        }
        List<Statement> statements = new ArrayList<>(new TriageDecisions(h).forProduct(tenant, product.id()).stream()
                .map(d -> statement(product, d)).toList());
        statements.addAll(vexStatements(h, tenant, product.id()).statements());
        return new ScanRequest(inputs, advisories.input(), List.of(), now, statements);
    }

    /** The statements of a product's VEX documents (each was read when it was uploaded). */
    static StatementsResult vexStatements(Handle h, Tenant tenant, long productId) {
        List<InputDocument> documents = new VexDocuments(h).contents(tenant, productId).stream()
                .map(c -> new InputDocument(c.label(), c.bytes())).toList();
        if (documents.isEmpty()) {
            return new StatementsResult(List.of(), List.of(), List.of());
        }
        try {
            return new StatementsUseCase().run(new StatementsRequest(documents, List.of()));
        } catch (InputException e) {
            throw new IllegalStateException("a stored VEX document no longer parses: " + e.getMessage(), e);
        }
    }

    /**
     * The API's finding item: {@code id} is the finding's stable id (the value of {@code findingId}),
     * {@code vulnerabilityId} the vulnerability id the scan's JSON calls {@code id}; every other field
     * as the scan's JSON report writes it, then the release.
     */
    static ObjectNode item(SbomReport report, Finding finding, ScanResult result, String releaseVersion) {
        ObjectNode scanItem = JSON.createObjectNode();
        ScanFindingJson.write(scanItem, report, finding, result);
        ObjectNode item = JSON.createObjectNode();
        item.put("id", finding.findingId().value());
        item.set("vulnerabilityId", scanItem.get("id"));
        for (Iterator<Map.Entry<String, com.fasterxml.jackson.databind.JsonNode>> fields = scanItem.fields();
                fields.hasNext();) {
            Map.Entry<String, com.fasterxml.jackson.databind.JsonNode> field = fields.next();
            if (!field.getKey().equals("id")) {
                item.set(field.getKey(), field.getValue());
            }
        }
        item.put("release", releaseVersion);
        return item;
    }

    /** A stored decision as the scan's statement about exactly that finding. */
    static Statement statement(Products.Product product, TriageDecisions.Decision decision) {
        return new Statement(Origin.TRIAGE, "triage of " + product.slug() + " by " + decision.author(),
                decision.vulnerabilityId(), new ComponentSelector.Finding(new FindingId(decision.findingId())),
                AnalysisState.of(decision.state()),
                decision.justification() == null ? null : Justification.of(decision.justification()),
                decision.comment(), decision.responses().stream().map(Response::of).toList(), decision.author(),
                decision.decidedAt(), null, "");
    }

    /** The {@code epss} field of a stored item as JSON text, as {@code (item->'epss')::text} reads it. */
    static String epss(String item) {
        try {
            com.fasterxml.jackson.databind.JsonNode epss = JSON.readTree(item).get("epss");
            return epss == null ? null : text(epss);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String severity(Rating rating) {
        return rating.name().toLowerCase(Locale.ROOT);
    }

    static String text(Object node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
