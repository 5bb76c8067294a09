package dev.tandem.render.vex;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.match.Finding;
import dev.tandem.render.TextRenderer;
import dev.tandem.triage.AnalysisState;
import dev.tandem.triage.Response;
import dev.tandem.triage.Statement;
import dev.tandem.usecase.vex.VexResult;
import dev.tandem.vex.VexVocabulary;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * OpenVEX 0.2.0: one statement per finding. The product is the SBOM's subject when it has a package
 * URL, with the vulnerable component as its subcomponent; otherwise the component itself. Statuses and
 * justifications follow the mapping in {@link VexVocabulary}; a finding without decision is
 * {@code under_investigation}. The document id is derived from the content.
 */
final class OpenVexRenderer implements TextRenderer<VexResult> {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Override
    public String mediaType() {
        return "application/json";
    }

    @Override
    public void render(VexResult result, PrintWriter out) {
        ObjectNode document = JSON.createObjectNode();
        document.put("@context", "https://openvex.dev/ns/v0.2.0");
        document.putNull("@id");
        document.put("author", result.author());
        document.put("role", "Document Creator");
        document.put("timestamp", result.at().toString());
        document.put("version", 1);
        document.put("tooling", "tandem " + result.toolVersion());
        ArrayNode statements = document.putArray("statements");
        for (VexResult.Entry entry : result.entries()) {
            statement(statements.addObject(), entry, result);
        }
        String identity = statements.toString() + result.author() + result.at();
        document.put("@id", "urn:uuid:" + UUID.nameUUIDFromBytes(identity.getBytes(StandardCharsets.UTF_8)));
        try {
            out.println(JSON.writeValueAsString(document));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("OpenVEX generation failed", e);
        }
    }

    private static void statement(ObjectNode node, VexResult.Entry entry, VexResult result) {
        Finding finding = entry.finding();
        Statement decision = entry.decision();
        ObjectNode vulnerability = node.putObject("vulnerability");
        String id = finding.vulnerability().id();
        vulnerability.put("@id", "https://osv.dev/vulnerability/" + id);
        vulnerability.put("name", id);
        finding.vulnerability().advisories().stream().map(a -> a.summary()).filter(s -> !s.isBlank()).findFirst()
                .ifPresent(s -> vulnerability.put("description", s));
        if (!finding.vulnerability().aliases().isEmpty()) {
            ArrayNode aliases = vulnerability.putArray("aliases");
            finding.vulnerability().aliases().forEach(aliases::add);
        }
        node.put("timestamp", (decision != null && decision.at() != null ? decision.at() : result.at()).toString());
        ArrayNode products = node.putArray("products");
        String component = finding.component().purl();
        if (!entry.product().purl().isBlank() && !component.isBlank()) {
            ObjectNode product = products.addObject();
            product.put("@id", entry.product().purl());
            product.putArray("subcomponents").addObject().put("@id", component);
        } else {
            ObjectNode product = products.addObject();
            if (!component.isBlank()) {
                product.put("@id", component);
            } else {
                product.putObject("identifiers").put(finding.component().cpe().startsWith("cpe:2.3:") ? "cpe23" : "cpe22",
                        finding.component().cpe());
            }
        }
        AnalysisState state = decision == null ? AnalysisState.IN_TRIAGE : decision.state();
        node.put("status", VexVocabulary.openVexStatus(state));
        String detail = decision == null ? "" : decision.detail().isBlank() ? decision.reason() : decision.detail();
        switch (state) {
            case NOT_AFFECTED, FALSE_POSITIVE -> {
                if (decision.justification() != null) {
                    node.put("justification", VexVocabulary.cisaLabel(decision.justification()));
                } else if (state == AnalysisState.FALSE_POSITIVE) {
                    node.put("justification", "component_not_present");
                }
                if (!detail.isBlank()) {
                    node.put("impact_statement", detail);
                }
            }
            case EXPLOITABLE -> node.put("action_statement", !detail.isBlank() ? detail : decision.responses().isEmpty()
                    ? "No fix is available yet" + (finding.fixedIn().isEmpty() ? "." : "; fixed upstream in "
                    + String.join(", ", finding.fixedIn()) + ".")
                    : decision.responses().stream().map(Response::label).collect(Collectors.joining(", ")));
            default -> {
                if (!detail.isBlank()) {
                    node.put("status_notes", detail);
                } else if (decision == null) {
                    node.put("status_notes", "Matched by " + finding.matchRule() + "; not analysed yet.");
                }
            }
        }
    }
}
