package dev.tandem.render.pqc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.catalog.CatalogFingerprint;
import dev.tandem.pqc.Classification;
import dev.tandem.pqc.catalog.Source;
import dev.tandem.pqc.classification.ClassifiedAsset;
import dev.tandem.pqc.plan.AppliedMilestone;
import dev.tandem.pqc.plan.PlanItem;
import dev.tandem.pqc.plan.PqcReport;
import dev.tandem.pqc.plan.ProductReadiness;
import dev.tandem.render.TextRenderer;
import dev.tandem.usecase.pqc.PqcPlanResult;
import java.io.PrintWriter;
import java.io.UncheckedIOException;

/**
 * The JSON contract of the post-quantum plan (docs/schemas/pqc.schema.json): {@code assets} (each with
 * at least {@code name}, {@code classification}, {@code replacement}, {@code deadline}), ordered by
 * deadline; {@code products} with {@code readiness}; {@code plan}; {@code sources}; the {@code catalog}
 * the classification and dates came from.
 */
public final class PqcJsonRenderer implements TextRenderer<PqcPlanResult> {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Override
    public String mediaType() {
        return "application/json";
    }

    @Override
    public void render(PqcPlanResult result, PrintWriter out) {
        out.println(toJson(result));
    }

    /** The whole document as text. */
    public String toJson(PqcPlanResult result) {
        PqcReport report = result.report();
        ObjectNode root = NODES.objectNode();
        root.put("tool", "tandem pqc");
        ArrayNode markets = root.putArray("markets");
        report.scope().markets().forEach(markets::add);
        ArrayNode sectors = root.putArray("sectors");
        report.scope().sectors().forEach(sectors::add);
        ArrayNode products = root.putArray("products");
        for (ProductReadiness product : report.products()) {
            products.add(product(product));
        }
        ArrayNode assets = root.putArray("assets");
        ArrayNode plan = root.putArray("plan");
        for (PlanItem item : report.items()) {
            assets.add(asset(item));
            if (item.replacement() != null || item.deadline() != null) {
                plan.add(planEntry(item));
            }
        }
        ArrayNode sources = root.putArray("sources");
        report.sources().forEach(s -> sources.add(source(s)));
        root.set("catalog", catalog(result.catalog()));
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectNode product(ProductReadiness product) {
        ObjectNode node = NODES.objectNode();
        node.put("name", product.product());
        ArrayNode files = node.putArray("sources");
        product.sources().forEach(files::add);
        if (product.readinessPercent() == null) {
            node.putNull("readiness");
        } else {
            node.put("readiness", product.readinessPercent());
        }
        ObjectNode counts = node.putObject("counts");
        counts.put(Classification.QUANTUM_RESISTANT.id(), product.quantumResistant());
        counts.put(Classification.WEAKENED.id(), product.weakened());
        counts.put(Classification.QUANTUM_VULNERABLE.id(), product.quantumVulnerable());
        counts.put(Classification.UNKNOWN.id(), product.unknown());
        node.put("libraryEvidenceOnly", product.libraryEvidenceOnly());
        ArrayNode milestones = node.putArray("milestones");
        product.milestones().forEach(m -> milestones.add(milestone(m)));
        return node;
    }

    private static ObjectNode asset(PlanItem item) {
        ClassifiedAsset a = item.asset();
        ObjectNode node = NODES.objectNode();
        node.put("name", a.name());
        node.put("classification", a.classification().id());
        node.put("replacement", item.replacement());
        node.put("deadline", item.deadlineText());
        node.put("product", a.product());
        node.put("source", a.source());
        node.put("pointer", a.pointer());
        node.put("bomRef", a.bomRef());
        node.put("assetType", a.assetType());
        node.put("evidence", a.evidence().id());
        node.put("weakerEvidence", a.evidence().isWeaker());
        if (a.evidence().isWeaker()) {
            node.put("evidenceNote", a.evidence().meaning());
        }
        node.put("family", a.family());
        node.put("parameter", a.parameter());
        node.put("use", a.use());
        node.put("broken", a.broken());
        node.put("tier", a.tier());
        if (a.nistCategory() == null) {
            node.putNull("nistQuantumCategory");
        } else {
            node.put("nistQuantumCategory", a.nistCategory());
        }
        node.put("cnsaCompliant", a.cnsaCompliant());
        node.put("hybrid", a.hybrid());
        node.put("reason", a.reason());
        if (item.deadline() == null) {
            node.putNull("deadlineMilestone");
        } else {
            node.set("deadlineMilestone", milestone(item.deadline()));
        }
        ArrayNode milestones = node.putArray("milestones");
        item.milestones().forEach(m -> milestones.add(milestone(m)));
        ArrayNode notes = node.putArray("notes");
        a.notes().forEach(notes::add);
        ArrayNode sources = node.putArray("sources");
        a.sources().forEach(s -> sources.add(s.id()));
        return node;
    }

    private static ObjectNode planEntry(PlanItem item) {
        ObjectNode node = NODES.objectNode();
        node.put("deadline", item.deadlineText());
        node.put("name", item.asset().name());
        node.put("product", item.asset().product());
        node.put("classification", item.asset().classification().id());
        node.put("replacement", item.replacement());
        if (item.deadline() != null) {
            node.put("milestone", item.deadline().id());
            node.put("market", item.deadline().market());
            node.put("confidence", item.deadline().source().confidence().letter());
            node.put("unconfirmed", item.deadline().unconfirmed());
        }
        return node;
    }

    private static ObjectNode milestone(AppliedMilestone m) {
        ObjectNode node = NODES.objectNode();
        node.put("id", m.id());
        node.put("market", m.market());
        if (m.immediate()) {
            node.putNull("date");
        } else {
            node.put("date", m.date().toString());
        }
        node.put("immediate", m.immediate());
        node.put("label", m.label());
        node.put("source", m.source().id());
        node.put("confidence", m.source().confidence().letter());
        node.put("unconfirmed", m.unconfirmed());
        ArrayNode caveats = node.putArray("caveats");
        m.caveats().forEach(c -> caveats.add(c.id()));
        return node;
    }

    private static ObjectNode catalog(CatalogFingerprint fingerprint) {
        ObjectNode node = NODES.objectNode();
        node.put("version", fingerprint.version());
        node.put("sha256", fingerprint.sha256());
        node.put("origin", fingerprint.origin());
        return node;
    }

    private static ObjectNode source(Source s) {
        ObjectNode node = NODES.objectNode();
        node.put("id", s.id());
        node.put("title", s.title());
        node.put("url", s.url());
        node.put("confidence", s.confidence().letter());
        node.put("confidenceMeaning", s.confidence().meaning());
        return node;
    }
}
