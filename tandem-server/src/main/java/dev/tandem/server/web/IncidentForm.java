package dev.tandem.server.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.server.store.Refusal;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The incident record's form: the fields people set by hand (entity, the event's kinds and flags,
 * the timeline, title and notes) shown from a record and written back into it; every other field
 * of the record (identifiers, affected residents, the content of the reports, the submissions) is
 * kept as it was, and the content is edited as JSON in its own box.
 */
public record IncidentForm(String name, String title, String notes, String entityName, String timeZone,
        String euMainEstablishment, String roles, boolean vulnerability, boolean incident, List<String> flags,
        Map<String, String> timeline, String content) {

    /** The event's yes/no qualifications (docs/formats/incident.md, catalog/reporting/flags.yaml). */
    public static final List<String> FLAGS = List.of("activelyExploited", "severe", "significant", "personalDataBreach",
            "major", "material", "substantial", "highRisk", "communicationsServiceBreach", "adverseEffectOnSubscribers",
            "trustServiceImpact", "significantDisruption", "seriousIncident", "deathOfPerson", "widespreadInfringement",
            "criticalInfrastructureDisruption", "notificationIncident", "coveredServicesDisrupted",
            "reportableCyberIncident", "cpniBreach", "sensitiveCustomerInformation", "gridEmergency", "gridNormalReport",
            "attemptedCyberCompromise", "gridSystemReport", "essentialServiceImpact", "digitalServiceImpact");

    /** The timeline's instants, in the order things usually happen. */
    public static final List<String> TIMELINE = List.of("discoveredAt", "awareAt", "reasonableBeliefAt", "determinedAt",
            "classifiedMajorAt", "materialityDeterminedAt", "ransomDemandedAt", "ransomPaidAt",
            "correctiveMeasureAvailableAt");

    private static final ObjectMapper JSON = new ObjectMapper();

    /** An empty form for a new record. */
    public static IncidentForm blank(String timeZone) {
        return new IncidentForm("", "", "", "", timeZone, "", "", false, false, List.of(), Map.of(), "{}");
    }

    /** The form showing a record. */
    public static IncidentForm of(String name, ObjectNode record) {
        JsonNode entity = record.path("entity");
        JsonNode event = record.path("event");
        List<String> kinds = new ArrayList<>();
        JsonNode kind = event.path("kind");
        if (kind.isArray()) {
            kind.forEach(k -> kinds.add(k.asText()));
        } else if (kind.isTextual()) {
            kinds.add(kind.asText());
        }
        List<String> flags = FLAGS.stream().filter(f -> event.path(f).asBoolean(false)).toList();
        Map<String, String> timeline = new java.util.LinkedHashMap<>();
        for (String key : TIMELINE) {
            JsonNode value = record.path("timeline").path(key);
            timeline.put(key, value.isTextual() ? value.asText() : "");
        }
        List<String> roles = new ArrayList<>();
        entity.path("roles").forEach(r -> roles.add(r.asText()));
        String content;
        try {
            content = record.has("content") ? JSON.writerWithDefaultPrettyPrinter().writeValueAsString(record.get("content"))
                    : "{}";
        } catch (IOException e) {
            content = "{}";
        }
        return new IncidentForm(name, record.path("title").asText(""), record.path("notes").asText(""),
                entity.path("name").asText(""), entity.path("timeZone").asText(""),
                entity.path("euMainEstablishment").asText(""), String.join(", ", roles), kinds.contains("vulnerability"),
                kinds.contains("incident"), flags, timeline, content);
    }

    /** The value of one timeline field, empty when not set. */
    public String at(String key) {
        return timeline.getOrDefault(key, "");
    }

    /**
     * Writes the posted form into {@code record} (a copy of the kept one, or an empty object): the
     * form's fields replace theirs, an emptied field is removed, everything else stays.
     */
    static ObjectNode apply(Context ctx, ObjectNode record) {
        text(record, "title", ctx.formParam("title"));
        text(record, "notes", ctx.formParam("notes"));
        ObjectNode entity = object(record, "entity");
        text(entity, "name", ctx.formParam("entityName"));
        text(entity, "timeZone", ctx.formParam("timeZone"));
        String eu = ctx.formParam("euMainEstablishment");
        text(entity, "euMainEstablishment", eu == null ? null : eu.strip().toUpperCase(java.util.Locale.ROOT));
        String roles = ctx.formParam("roles");
        ArrayNode roleList = entity.putArray("roles");
        if (roles != null) {
            Arrays.stream(roles.split("[,\\s]+")).filter(r -> !r.isBlank()).distinct().forEach(roleList::add);
        }
        ObjectNode event = object(record, "event");
        List<String> kinds = ctx.formParams("kind");
        if (kinds.isEmpty()) {
            event.remove("kind");
        } else if (kinds.size() == 1) {
            event.put("kind", kinds.get(0));
        } else {
            ArrayNode list = event.putArray("kind");
            kinds.forEach(list::add);
        }
        List<String> flags = ctx.formParams("flag");
        for (String flag : FLAGS) {
            if (flags.contains(flag)) {
                event.put(flag, true);
            } else if (event.path(flag).asBoolean(false)) {
                event.remove(flag); // unticked: no longer asserted
            }
        }
        ObjectNode timeline = object(record, "timeline");
        java.time.ZoneId zone;
        try {
            zone = java.time.ZoneId.of(entity.path("timeZone").asText("UTC"));
        } catch (RuntimeException e) {
            zone = java.time.ZoneId.of("UTC");
        }
        for (String key : TIMELINE) {
            text(timeline, key, dateTime(ctx.formParam(key), zone));
        }
        String content = ctx.formParam("content");
        if (content != null && !content.isBlank()) {
            try {
                JsonNode parsed = JSON.readTree(content);
                if (!(parsed instanceof ObjectNode)) {
                    throw Refusal.invalid("the report content is a JSON object ({\"affectedProducts\": …})");
                }
                record.set("content", parsed);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw Refusal.invalid("the report content is not JSON: " + e.getOriginalMessage());
            } catch (IOException e) {
                throw Refusal.invalid("the report content is not JSON: " + e.getMessage());
            }
        } else {
            record.remove("content");
        }
        return record;
    }

    /** A date-time as written, or (without an offset) in the entity's zone: the record needs the offset. */
    private static String dateTime(String value, java.time.ZoneId zone) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return java.time.LocalDateTime.parse(value.strip()).atZone(zone).toOffsetDateTime() + "[" + zone.getId() + "]";
        } catch (java.time.format.DateTimeParseException e) {
            return value.strip(); // with an offset (or wrong: the engine says which field and why)
        }
    }

    private static ObjectNode object(ObjectNode parent, String key) {
        return parent.get(key) instanceof ObjectNode object ? object : parent.putObject(key);
    }

    private static void text(ObjectNode node, String key, String value) {
        if (value == null || value.isBlank()) {
            node.remove(key);
        } else {
            node.put(key, value.strip());
        }
    }
}
