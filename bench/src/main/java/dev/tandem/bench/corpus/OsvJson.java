package dev.tandem.bench.corpus;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** Writes an advisory plan as an OSV 1.6 JSON record, pretty-printed like the OSV exports. */
final class OsvJson {

    private static final JsonFactory FACTORY = new JsonFactory();

    private OsvJson() {
    }

    static byte[] write(Plans.Advisory plan) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(2048);
        try (JsonGenerator json = FACTORY.createGenerator(bytes)) {
            json.useDefaultPrettyPrinter();
            json.writeStartObject();
            json.writeStringField("schema_version", "1.6.0");
            json.writeStringField("id", plan.id());
            LocalDate published = LocalDate.of(plan.year(), 1 + plan.index() % 12, 1 + plan.index() % 28);
            json.writeStringField("published", published.atStartOfDay().toInstant(ZoneOffset.UTC) + "");
            json.writeStringField("modified", published.plusDays(30 + plan.index() % 400).atStartOfDay()
                    .toInstant(ZoneOffset.UTC) + "");
            if (plan.withdrawn()) {
                json.writeStringField("withdrawn", published.plusDays(60).atStartOfDay().toInstant(ZoneOffset.UTC) + "");
            }
            if (!plan.aliases().isEmpty()) {
                json.writeArrayFieldStart("aliases");
                for (String alias : plan.aliases()) {
                    json.writeString(alias);
                }
                json.writeEndArray();
            }
            json.writeStringField("summary", plan.summary());
            json.writeStringField("details", plan.details());
            if (!plan.severityType().isEmpty()) {
                json.writeArrayFieldStart("severity");
                json.writeStartObject();
                json.writeStringField("type", plan.severityType());
                json.writeStringField("score", plan.severityVector());
                json.writeEndObject();
                json.writeEndArray();
            }
            json.writeArrayFieldStart("affected");
            for (Plans.Affected affected : plan.affected()) {
                affected(json, affected);
            }
            json.writeEndArray();
            json.writeArrayFieldStart("references");
            for (String url : plan.references()) {
                json.writeStartObject();
                json.writeStringField("type", "WEB");
                json.writeStringField("url", url);
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void affected(JsonGenerator json, Plans.Affected affected) throws IOException {
        json.writeStartObject();
        json.writeObjectFieldStart("package");
        json.writeStringField("ecosystem", affected.osvEcosystem());
        json.writeStringField("name", affected.name());
        json.writeEndObject();
        json.writeArrayFieldStart("ranges");
        for (Plans.Range range : affected.ranges()) {
            json.writeStartObject();
            json.writeStringField("type", range.type());
            if (range.type().equals("GIT")) {
                json.writeStringField("repo", "https://github.com/example/" + affected.name().replace('/', '-'));
            }
            json.writeArrayFieldStart("events");
            for (Plans.Event event : range.events()) {
                json.writeStartObject();
                json.writeStringField(event.kind(), event.version());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        }
        json.writeEndArray();
        if (!affected.versions().isEmpty()) {
            json.writeArrayFieldStart("versions");
            for (String version : affected.versions()) {
                json.writeString(version);
            }
            json.writeEndArray();
        }
        json.writeEndObject();
    }
}
