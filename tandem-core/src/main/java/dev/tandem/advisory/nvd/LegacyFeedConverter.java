package dev.tandem.advisory.nvd;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.advisory.Advisory;
import dev.tandem.advisory.AdvisoryFeed;
import dev.tandem.advisory.cvss.Cvss;
import dev.tandem.advisory.cvss.SeverityScore;
import dev.tandem.cpe.Applicability;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One item of the retired NVD JSON 1.1 feeds ({@code CVE_Items[]}, or one item alone as per-CVE
 * mirrors store it): {@code cve.CVE_data_meta.ID}, the English description (a description starting
 * {@code ** REJECT **} marks a rejected CVE: withdrawn), {@code impact.baseMetricV3} and
 * {@code baseMetricV2} (NVD's own scores), {@code publishedDate}, {@code lastModifiedDate},
 * {@code configurations.nodes} and the reference URLs.
 */
final class LegacyFeedConverter {

    private LegacyFeedConverter() {
    }

    static CveRecord convert(RecordNodes n, JsonNode element, String pointer) throws dev.tandem.input.InputException {
        JsonNode item = n.element(element, pointer);
        String cvePointer = RecordNodes.child(pointer, "cve");
        JsonNode cve = n.object(item, "cve", pointer);
        if (cve.isMissingNode()) {
            throw n.error(pointer, "an NVD JSON 1.1 item needs \"cve\"");
        }
        String metaPointer = RecordNodes.child(cvePointer, "CVE_data_meta");
        String id = ApiRecordConverter.id(n, n.object(cve, "CVE_data_meta", cvePointer), "ID", metaPointer);
        String descriptionPointer = RecordNodes.child(cvePointer, "description");
        String description = Descriptions.english(n, n.object(cve, "description", cvePointer), "description_data",
                descriptionPointer);
        Instant published = RecordTimes.parse(n, n.text(item, "publishedDate", pointer),
                RecordNodes.child(pointer, "publishedDate"));
        Instant modified = RecordTimes.parse(n, n.text(item, "lastModifiedDate", pointer),
                RecordNodes.child(pointer, "lastModifiedDate"));
        List<SeverityScore> scores = new ArrayList<>();
        String impactPointer = RecordNodes.child(pointer, "impact");
        JsonNode impact = n.object(item, "impact", pointer);
        score(n, impact, impactPointer, "baseMetricV3", "cvssV3", "CVSS_V3", id, scores);
        score(n, impact, impactPointer, "baseMetricV2", "cvssV2", "CVSS_V2", id, scores);
        String configurationsPointer = RecordNodes.child(pointer, "configurations");
        Applicability applicability = new Applicability(Configurations.json11(n,
                n.object(item, "configurations", pointer), configurationsPointer));
        List<String> references = new ArrayList<>();
        String referencesPointer = RecordNodes.child(RecordNodes.child(cvePointer, "references"), "reference_data");
        List<JsonNode> referenceElements = n.array(n.object(cve, "references", cvePointer), "reference_data",
                RecordNodes.child(cvePointer, "references"));
        for (int i = 0; i < referenceElements.size(); i++) {
            String at = RecordNodes.child(referencesPointer, i);
            String url = n.text(n.element(referenceElements.get(i), at), "url", at);
            if (!url.isEmpty()) {
                references.add(url);
            }
        }
        boolean rejected = description.startsWith("** REJECT **");
        Instant withdrawn = rejected ? ApiRecordConverter.firstNonNull(modified, published, Instant.EPOCH) : null;
        Advisory advisory = new Advisory(id, n.source(), Descriptions.headline(description), description, published,
                modified, withdrawn, List.of(), List.of(), scores, List.of(), references, AdvisoryFeed.NVD);
        return new CveRecord(advisory, RecordFormat.NVD_JSON_1_1, rejected ? "Rejected" : "",
                rejected ? Applicability.NONE : applicability, List.of());
    }

    private static void score(RecordNodes n, JsonNode impact, String impactPointer, String metricField, String cvssField,
            String type, String id, List<SeverityScore> into) throws dev.tandem.input.InputException {
        String metricPointer = RecordNodes.child(impactPointer, metricField);
        JsonNode metric = n.object(impact, metricField, impactPointer);
        JsonNode cvss = n.object(metric, cvssField, metricPointer);
        String vector = n.text(cvss, "vectorString", RecordNodes.child(metricPointer, cvssField));
        if (!vector.isEmpty()) {
            into.add(Cvss.score(type, vector).withSource("NVD " + id + " (nvd@nist.gov)"));
        }
    }
}
