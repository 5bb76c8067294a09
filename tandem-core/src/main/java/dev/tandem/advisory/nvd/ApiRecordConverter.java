package dev.tandem.advisory.nvd;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.advisory.Advisory;
import dev.tandem.advisory.AdvisoryFeed;
import dev.tandem.advisory.cvss.Cvss;
import dev.tandem.advisory.cvss.SeverityScore;
import dev.tandem.cpe.Applicability;
import dev.tandem.input.InputException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One NVD CVE API 2.0 {@code cve} object: {@code id}, {@code vulnStatus} ({@code Rejected} makes it
 * withdrawn), {@code published}, {@code lastModified}, the English description, the CVSS v4.0,
 * v3.1, v3.0 and v2 metrics (each scored from its vector and named by its {@code source} and
 * {@code type}, Primary or Secondary), {@code configurations} and the reference URLs.
 */
final class ApiRecordConverter {

    static final Pattern CVE_ID = Pattern.compile("CVE-\\d{4}-\\d{4,}");

    private static final String[][] METRICS = {
            {"cvssMetricV40", "CVSS_V4"}, {"cvssMetricV31", "CVSS_V3"}, {"cvssMetricV30", "CVSS_V3"},
            {"cvssMetricV2", "CVSS_V2"}};

    private ApiRecordConverter() {
    }

    static CveRecord convert(RecordNodes n, JsonNode element, String pointer) throws InputException {
        JsonNode cve = n.element(element, pointer);
        String id = id(n, cve, "id", pointer);
        String status = n.text(cve, "vulnStatus", pointer);
        Instant published = RecordTimes.parse(n, n.text(cve, "published", pointer), RecordNodes.child(pointer, "published"));
        Instant modified = RecordTimes.parse(n, n.text(cve, "lastModified", pointer),
                RecordNodes.child(pointer, "lastModified"));
        String description = Descriptions.english(n, cve, "descriptions", pointer);
        List<SeverityScore> scores = metrics(n, cve, pointer, id);
        Applicability applicability = new Applicability(Configurations.api2(n, cve, "configurations", pointer));
        List<String> references = new ArrayList<>();
        String referencesPointer = RecordNodes.child(pointer, "references");
        List<JsonNode> referenceElements = n.array(cve, "references", pointer);
        for (int i = 0; i < referenceElements.size(); i++) {
            String at = RecordNodes.child(referencesPointer, i);
            String url = n.text(n.element(referenceElements.get(i), at), "url", at);
            if (!url.isEmpty()) {
                references.add(url);
            }
        }
        boolean rejected = status.equalsIgnoreCase("Rejected");
        Instant withdrawn = rejected ? firstNonNull(modified, published, Instant.EPOCH) : null;
        Advisory advisory = new Advisory(id, n.source(), Descriptions.headline(description), description, published,
                modified, withdrawn, List.of(), List.of(), scores, List.of(), references, AdvisoryFeed.NVD);
        return new CveRecord(advisory, RecordFormat.NVD_API_2, status, rejected ? Applicability.NONE : applicability,
                List.of());
    }

    static String id(RecordNodes n, JsonNode parent, String field, String pointer) throws InputException {
        String id = n.text(parent, field, pointer);
        if (id.isEmpty()) {
            throw n.error(pointer, "the record has no CVE id (\"" + field + "\")");
        }
        if (!CVE_ID.matcher(id).matches()) {
            throw n.error(RecordNodes.child(pointer, field), "expected a CVE id such as CVE-2014-0160, found \""
                    + (id.length() > 60 ? id.substring(0, 60) + "..." : id) + "\"");
        }
        return id;
    }

    private static List<SeverityScore> metrics(RecordNodes n, JsonNode cve, String pointer, String id)
            throws InputException {
        List<SeverityScore> scores = new ArrayList<>();
        JsonNode metrics = n.object(cve, "metrics", pointer);
        String metricsPointer = RecordNodes.child(pointer, "metrics");
        for (String[] kind : METRICS) {
            String listPointer = RecordNodes.child(metricsPointer, kind[0]);
            List<JsonNode> entries = n.array(metrics, kind[0], metricsPointer);
            for (int i = 0; i < entries.size(); i++) {
                String at = RecordNodes.child(listPointer, i);
                JsonNode entry = n.element(entries.get(i), at);
                JsonNode data = n.object(entry, "cvssData", at);
                String vector = n.text(data, "vectorString", RecordNodes.child(at, "cvssData"));
                if (vector.isEmpty()) {
                    continue;
                }
                String source = n.text(entry, "source", at);
                String type = n.text(entry, "type", at);
                scores.add(Cvss.score(kind[1], vector).withSource("NVD " + id + " (" + join(source, type) + ")"));
            }
        }
        return scores;
    }

    static String join(String first, String second) {
        if (first.isEmpty()) {
            return second;
        }
        return second.isEmpty() ? first : first + ", " + second;
    }

    @SafeVarargs
    static <T> T firstNonNull(T... values) {
        for (T value : values) {
            if (value != null) {
                return value;
            }
        }
        return null;
    }
}
