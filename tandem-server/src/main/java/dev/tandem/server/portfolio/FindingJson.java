package dev.tandem.server.portfolio;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.server.store.TriageDecisions;
import java.nio.charset.StandardCharsets;

/**
 * A finding of the API as JSON: the stored item with its {@code triage} member. Here rather than in the
 * API's views because the findings cache keeps each item's bytes ready to send.
 */
public final class FindingJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private FindingJson() {
    }

    /** A triage decision as the API shows it. */
    public static ObjectNode triage(TriageDecisions.Decision decision) {
        ObjectNode node = JSON.createObjectNode();
        node.put("state", decision.state());
        node.put("justification", decision.justification());
        ArrayNode response = node.putArray("response");
        decision.responses().forEach(response::add);
        node.put("comment", decision.comment());
        node.put("author", decision.author());
        node.put("decidedAt", decision.decidedAt().toString());
        node.put("release", decision.releaseVersion());
        return node;
    }

    /** A stored item's JSON object text with a last member {@code "triage": triage} (the item never has one). */
    public static String withTriage(String item, String triage) {
        String text = item.strip();
        if (text.length() < 2 || text.charAt(0) != '{' || text.charAt(text.length() - 1) != '}') {
            throw new IllegalStateException("a stored finding item is not a JSON object");
        }
        String body = text.substring(0, text.length() - 1).strip();
        return body + (body.equals("{") ? "" : ",") + "\"triage\":" + triage + "}";
    }

    /** The item of a findings page, UTF-8: the stored item with its decision, or {@code "triage":null}. */
    public static byte[] item(String item, TriageDecisions.Decision decision) {
        return withTriage(item, decision == null ? "null" : triage(decision).toString()).getBytes(StandardCharsets.UTF_8);
    }
}
