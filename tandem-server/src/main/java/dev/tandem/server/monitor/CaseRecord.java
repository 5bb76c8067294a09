package dev.tandem.server.monitor;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.input.InputDocument;
import dev.tandem.server.store.Cases;
import dev.tandem.server.store.MonitorSettings;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A vulnerability case as the incident record {@code tandem obligations} and {@code tandem report}
 * read (docs/formats/incident.md): the organisation's entity, an actively exploited vulnerability,
 * the awareness the clocks run from, the corrective measure, the submissions recorded. The
 * obligations engine, not this class, decides which stages are owed and when.
 */
public final class CaseRecord {

    private CaseRecord() {
    }

    public static InputDocument of(Cases.StoredCase c, MonitorSettings.Settings settings, List<Cases.Submission> submissions) {
        ObjectNode record = Events.JSON.createObjectNode();
        record.put("id", "case-" + c.id());
        record.put("title", c.vulnerabilityId() + " in " + c.productName());
        ObjectNode entity = record.putObject("entity");
        entity.put("name", settings.entityName().isBlank() ? "(organisation name not set)" : settings.entityName());
        entity.put("timeZone", settings.timeZone());
        if (!settings.euMainEstablishment().isBlank()) {
            entity.put("euMainEstablishment", settings.euMainEstablishment());
        }
        ArrayNode roles = entity.putArray("roles");
        settings.roles().forEach(roles::add);
        ObjectNode event = record.putObject("event");
        event.put("kind", "vulnerability");
        event.put("activelyExploited", true);
        ObjectNode timeline = record.putObject("timeline");
        timeline.put("awareAt", c.effectiveAwareAt().toString());
        if (c.correctiveMeasureAt() == null) {
            timeline.putNull("correctiveMeasureAvailableAt");
        } else {
            timeline.put("correctiveMeasureAvailableAt", c.correctiveMeasureAt().toString());
        }
        ArrayNode subs = record.putArray("submissions");
        for (Cases.Submission s : submissions) {
            ObjectNode sub = subs.addObject();
            sub.put("framework", s.framework());
            sub.put("stage", s.stage());
            sub.put("at", s.at().toString());
            if (!s.reference().isBlank()) {
                sub.put("reference", s.reference());
            }
        }
        ObjectNode content = record.putObject("content");
        ArrayNode products = content.putArray("affectedProducts");
        ObjectNode product = products.addObject();
        product.put("name", c.productName());
        product.put("versions", String.join(", ", c.releases()));
        content.put("vulnerability", c.vulnerabilityId() + (c.evidence().isBlank() ? "" : "; evidence of exploitation: "
                + c.evidence()));
        return new InputDocument("case-" + c.id() + ".json", Events.text(record).getBytes(StandardCharsets.UTF_8));
    }
}
