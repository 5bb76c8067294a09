package dev.tandem.render.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.render.TextRenderer;
import dev.tandem.usecase.audit.AuditVerifyResult;
import java.io.PrintWriter;
import java.io.UncheckedIOException;

/** The verification as JSON (schema docs/schemas/audit-verify.schema.json). */
final class VerifyJsonRenderer implements TextRenderer<AuditVerifyResult> {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Override
    public String mediaType() {
        return "application/json";
    }

    @Override
    public void render(AuditVerifyResult result, PrintWriter out) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("formatVersion", 1);
        root.put("intact", result.intact());
        ArrayNode chains = root.putArray("chains");
        for (AuditVerifyResult.ChainCheck check : result.chains()) {
            ObjectNode chain = chains.addObject();
            chain.put("organisation", check.organisation());
            chain.put("source", check.source());
            chain.put("entries", check.entries());
            chain.put("headSeq", check.headSeq());
            chain.put("headHash", check.headHash());
            chain.put("anchors", check.anchors());
            chain.put("intact", check.breakAt().isEmpty());
            check.breakAt().ifPresentOrElse(b -> {
                ObjectNode at = chain.putObject("break");
                at.put("seq", b.seq());
                at.put("reason", b.reason());
            }, () -> chain.putNull("break"));
        }
        try {
            out.println(MAPPER.writeValueAsString(root));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
