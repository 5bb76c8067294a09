package dev.tandem.server.notify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tandem.server.store.Outbox;
import java.io.IOException;

/** The subject and text of an event's e-mail. */
final class Messages {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Messages() {
    }

    static String subject(Outbox.Event event) {
        JsonNode data = data(event);
        return switch (event.type()) {
            case "case.opened" -> "[Tandem] Case opened: " + data.path("vulnerability").asText() + " in "
                    + data.path("product").asText() + " (CRA Art. 14 clock started)";
            case "case.stage.due-soon" -> "[Tandem] Due in under 6 hours: " + data.path("stageName").asText() + " for "
                    + data.path("vulnerability").asText() + " in " + data.path("product").asText();
            case "case.stage.overdue" -> "[Tandem] OVERDUE: " + data.path("stageName").asText() + " for "
                    + data.path("vulnerability").asText() + " in " + data.path("product").asText();
            case "incident.opened" -> "[Tandem] Incident recorded: " + incident(data) + " (its reporting clocks run from "
                    + (data.path("awareAt").asText().isEmpty() ? "the moments its record gives" : data.path("awareAt").asText())
                    + ")";
            case "incident.stage.due-soon" -> "[Tandem] Due in under 6 hours: " + data.path("stageName").asText()
                    + " for incident " + incident(data);
            case "incident.stage.overdue" -> "[Tandem] OVERDUE: " + data.path("stageName").asText() + " for incident "
                    + incident(data);
            case "test" -> "[Tandem] Test message";
            default -> "[Tandem] " + event.type();
        };
    }

    static String text(Outbox.Event event) {
        StringBuilder text = new StringBuilder();
        text.append(subject(event).substring("[Tandem] ".length())).append("\n\n");
        text.append("Organisation: ").append(event.tenant().name()).append('\n');
        text.append("At: ").append(event.at()).append(" (UTC)\n");
        data(event).fields().forEachRemaining(field -> text.append(field.getKey()).append(": ")
                .append(field.getValue().isTextual() ? field.getValue().asText() : field.getValue().toString()).append('\n'));
        text.append("\nThe event as JSON (the webhook's body):\n").append(event.payload()).append('\n');
        return text.toString();
    }

    /** An incident's name, and its title when it has one. */
    private static String incident(JsonNode data) {
        String title = data.path("title").asText();
        return data.path("incident").asText() + (title.isBlank() ? "" : " \u2014 " + title);
    }

    private static JsonNode data(Outbox.Event event) {
        try {
            return JSON.readTree(event.payload()).path("data");
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }
}
