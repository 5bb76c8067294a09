package dev.tandem.render.sbom;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.catalog.CatalogFingerprint;
import dev.tandem.render.TextRenderer;
import dev.tandem.sbom.quality.QualityReport;
import dev.tandem.usecase.sbom.SbomCheckResult;
import java.io.PrintWriter;
import java.io.UncheckedIOException;

/**
 * The JSON contract of the SBOM check (docs/schemas/sbom-check.schema.json): {@code sbom},
 * {@code profile}, {@code profileTitle}, {@code components}, {@code passed}, {@code fields},
 * {@code violations}, and the {@code catalog} the profile came from. Fields are chosen here, one by
 * one, so a field added to a record never changes the contract by accident.
 */
public final class SbomCheckJsonRenderer implements TextRenderer<SbomCheckResult> {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Override
    public String mediaType() {
        return "application/json";
    }

    @Override
    public void render(SbomCheckResult result, PrintWriter out) {
        out.println(toJson(result));
    }

    /** The whole document as text. */
    public String toJson(SbomCheckResult result) {
        QualityReport report = result.report();
        ObjectNode root = NODES.objectNode();
        root.put("sbom", report.sbom());
        root.put("profile", report.profile());
        root.put("profileTitle", report.profileTitle());
        root.put("components", report.components());
        root.put("passed", report.passed());
        ArrayNode fields = root.putArray("fields");
        for (QualityReport.FieldResult f : report.fields()) {
            ObjectNode field = fields.addObject();
            field.put("field", f.field());
            field.put("level", f.level());
            field.put("obligation", f.obligation());
            field.put("title", f.title());
            field.put("covered", f.covered());
            field.put("total", f.total());
            field.put("coverage", f.coverage());
            field.put("verifiable", f.verifiable());
            if (f.source() != null) {
                field.put("source", f.source());
            }
        }
        ArrayNode violations = root.putArray("violations");
        for (QualityReport.Violation v : report.violations()) {
            ObjectNode violation = violations.addObject();
            violation.put("field", v.field());
            violation.put("level", v.level());
            violation.put("message", v.message());
            ArrayNode examples = violation.putArray("examples");
            v.examples().forEach(examples::add);
        }
        root.set("catalog", catalog(result.catalog()));
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectNode catalog(CatalogFingerprint fingerprint) {
        ObjectNode node = NODES.objectNode();
        node.put("version", fingerprint.version());
        node.put("sha256", fingerprint.sha256());
        node.put("origin", fingerprint.origin());
        return node;
    }
}
