package dev.tandem.bench.nvd;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;

/** One planned record as an NVD CVE API 2.0 {@code vulnerabilities[]} element ({@code {"cve": {...}}}). */
final class NvdJson {

    private static final JsonFactory FACTORY = new JsonFactory();

    private NvdJson() {
    }

    static byte[] element(NvdModel.Plan plan) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1024);
        try (JsonGenerator json = FACTORY.createGenerator(bytes)) {
            json.writeStartObject();
            json.writeObjectFieldStart("cve");
            json.writeStringField("id", plan.id());
            json.writeStringField("sourceIdentifier", "cve@mitre.org");
            String date = LocalDate.of(plan.year(), 1 + Math.floorMod(plan.id().hashCode(), 12), 15) + "T10:15:00.000";
            json.writeStringField("published", date);
            json.writeStringField("lastModified", date);
            json.writeStringField("vulnStatus", plan.status());
            json.writeArrayFieldStart("descriptions");
            json.writeStartObject();
            json.writeStringField("lang", "en");
            json.writeStringField("value", (plan.rejected() ? "Rejected reason: " : "A flaw in ") + plan.id()
                    + " allows remote attackers to cause a denial of service or possibly execute code via a crafted request.");
            json.writeEndObject();
            json.writeEndArray();
            json.writeObjectFieldStart("metrics");
            if (!plan.vector().isEmpty()) {
                boolean v2 = !plan.vector().startsWith("CVSS:");
                json.writeArrayFieldStart(v2 ? "cvssMetricV2" : "cvssMetricV31");
                json.writeStartObject();
                json.writeStringField("source", "nvd@nist.gov");
                json.writeStringField("type", "Primary");
                json.writeObjectFieldStart("cvssData");
                json.writeStringField("version", v2 ? "2.0" : "3.1");
                json.writeStringField("vectorString", plan.vector());
                json.writeEndObject();
                json.writeEndObject();
                json.writeEndArray();
            }
            json.writeEndObject();
            if (!plan.configurations().isEmpty()) {
                json.writeArrayFieldStart("configurations");
                for (NvdModel.Configuration configuration : plan.configurations()) {
                    json.writeStartObject();
                    if (configuration.and()) {
                        json.writeStringField("operator", "AND");
                    }
                    json.writeArrayFieldStart("nodes");
                    for (var node : configuration.nodes()) {
                        json.writeStartObject();
                        json.writeStringField("operator", "OR");
                        json.writeBooleanField("negate", false);
                        json.writeArrayFieldStart("cpeMatch");
                        for (NvdModel.Criterion criterion : node) {
                            json.writeStartObject();
                            json.writeBooleanField("vulnerable", criterion.vulnerable());
                            json.writeStringField("criteria", criterion.cpe());
                            if (criterion.startIncluding() != null) {
                                json.writeStringField("versionStartIncluding", criterion.startIncluding());
                            }
                            if (criterion.endIncluding() != null) {
                                json.writeStringField("versionEndIncluding", criterion.endIncluding());
                            }
                            if (criterion.endExcluding() != null) {
                                json.writeStringField("versionEndExcluding", criterion.endExcluding());
                            }
                            json.writeEndObject();
                        }
                        json.writeEndArray();
                        json.writeEndObject();
                    }
                    json.writeEndArray();
                    json.writeEndObject();
                }
                json.writeEndArray();
            }
            json.writeArrayFieldStart("references");
            json.writeStartObject();
            json.writeStringField("url", "https://example.invalid/advisories/" + plan.id());
            json.writeEndObject();
            json.writeEndArray();
            json.writeEndObject();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
