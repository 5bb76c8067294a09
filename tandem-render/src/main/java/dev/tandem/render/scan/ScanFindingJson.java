package dev.tandem.render.scan;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.advisory.EpssScore;
import dev.tandem.advisory.KevEntry;
import dev.tandem.advisory.SourcedSeverity;
import dev.tandem.advisory.cvss.SeverityScore;
import dev.tandem.match.CpeEvidence;
import dev.tandem.match.Finding;
import dev.tandem.match.SbomReport;
import dev.tandem.triage.Statement;
import dev.tandem.usecase.scan.ScanResult;
import java.util.Locale;

/**
 * One finding of the JSON report, field by field (contract in docs/commands/scan.md; {@code matchedBy} is
 * {@code osv} or {@code cpe}, {@code matchRule} the rule's text, {@code cpe} the CPE evidence): shared by the
 * scan's JSON renderer and the server, whose finding items carry the same fields.
 */
public final class ScanFindingJson {

    private ScanFindingJson() {
    }

    /** Writes {@code finding} of {@code report} into {@code node} as the scan's JSON report does. */
    public static void write(ObjectNode node, SbomReport report, Finding finding, ScanResult result) {
        node.put("purl", finding.component().purl());
        node.put("id", finding.vulnerability().id());
        node.put("findingId", finding.findingId().value());
        ArrayNode aliases = node.putArray("aliases");
        finding.vulnerability().aliases().forEach(aliases::add);
        node.put("knownExploited", finding.knownExploited());
        node.put("severity", finding.rating().name().toLowerCase(Locale.ROOT));
        SeverityScore severity = finding.severity();
        if (severity != null && !Double.isNaN(severity.baseScore())) {
            node.put("score", severity.baseScore());
        } else {
            node.putNull("score");
        }
        if (severity != null && !severity.vector().isEmpty()) {
            ObjectNode cvss = node.putObject("cvss");
            cvss.put("type", severity.type());
            cvss.put("vector", severity.vector());
        }
        // Which source the severity shown comes from: OSV first, NVD and CVE records fill what OSV lacks.
        node.put("severitySource", severity == null ? "" : severity.source());
        ArrayNode fixedIn = node.putArray("fixedIn");
        finding.fixedIn().forEach(fixedIn::add);
        node.put("summary", FindingText.summary(finding.vulnerability()));
        exploitation(node, finding.exploitation());
        ArrayNode advisories = node.putArray("advisories");
        finding.advisoryIds().forEach(advisories::add);
        node.put("matchedBy", finding.matchedBy().id());
        node.put("matchRule", finding.matchRule());
        CpeEvidence evidence = finding.cpe();
        if (evidence == null) {
            node.putNull("cpe");
        } else {
            ObjectNode cpe = node.putObject("cpe");
            cpe.put("cpe", evidence.cpe());
            cpe.put("inferred", evidence.inferred());
            cpe.put("inferredBy", evidence.inferredBy());
            ArrayNode criteria = cpe.putArray("criteria");
            evidence.criteria().forEach(criteria::add);
            ArrayNode records = cpe.putArray("records");
            evidence.records().forEach(records::add);
        }
        node.put("ecosystem", finding.packageKey().ecosystem());
        node.put("package", finding.packageKey().name());
        node.put("sbom", report.sbom().source());
        node.put("product", report.sbom().subject().name());
        ObjectNode component = node.putObject("component");
        JsonRenderer.component(component, finding.component());
        if (!finding.note().isEmpty()) {
            node.put("note", finding.note());
        }
        node.put("suppressed", result.suppressed(finding));
        ArrayNode analysis = node.putArray("analysis");
        for (Statement statement : result.triage().about(finding.findingId())) {
            statement(analysis.addObject(), statement, result);
        }
        ArrayNode severities = node.putArray("severities");
        for (SourcedSeverity stated : finding.vulnerability().severities()) {
            ObjectNode entry = severities.addObject();
            entry.put("source", stated.source());
            entry.put("sourceId", stated.recordId());
            entry.put("scorer", stated.scorer());
            entry.put("type", stated.severity().type());
            entry.put("vector", stated.severity().vector());
            if (stated.severity().isScored()) {
                entry.put("score", stated.severity().baseScore());
            } else {
                entry.putNull("score");
            }
            entry.put("rating", stated.severity().rating().name().toLowerCase(Locale.ROOT));
        }
        epss(node, result.epssOf(finding).orElse(null));
        if (result.baseline() != null) {
            node.put("baseline", result.baseline().stateOf(finding.findingId()));
        }
    }

    /**
     * Writes (or replaces, in place) the finding's {@code exploitation} field: its KEV entries. The
     * server's in-place KEV update writes it here too, so its items are those of a scan.
     */
    public static void exploitation(ObjectNode node, java.util.List<KevEntry> entries) {
        ArrayNode exploitation = node.putArray("exploitation");
        for (KevEntry entry : entries) {
            ObjectNode kev = exploitation.addObject();
            kev.put("catalog", entry.catalog().name().toLowerCase(Locale.ROOT));
            kev.put("cve", entry.cveId());
            kev.put("dateAdded", entry.dateAdded() == null ? null : entry.dateAdded().toString());
            kev.put("dueDate", entry.dueDate() == null ? null : entry.dueDate().toString());
            kev.put("knownRansomwareUse", entry.knownRansomwareUse());
        }
    }

    /** Writes (or replaces, in place) the finding's {@code epss} field; null when it has no score. */
    public static void epss(ObjectNode node, EpssScore epss) {
        if (epss == null) {
            node.putNull("epss");
        } else {
            ObjectNode score = node.putObject("epss");
            score.put("cve", epss.cve());
            score.put("score", epss.score());
            score.put("percentile", epss.percentile());
            score.put("date", epss.date() == null ? null : epss.date().toString());
        }
    }

    /** One statement about a finding, in the CycloneDX analysis vocabulary, with where it came from. */
    private static void statement(ObjectNode node, Statement statement, ScanResult result) {
        node.put("origin", statement.origin().label());
        node.put("source", statement.source());
        node.put("vulnerability", statement.vulnerability());
        node.put("component", statement.component().text());
        node.put("state", statement.state() == null ? null : statement.state().label());
        node.put("justification", statement.justification() == null ? null : statement.justification().label());
        ArrayNode responses = node.putArray("response");
        statement.responses().forEach(r -> responses.add(r.label()));
        node.put("detail", statement.detail());
        node.put("reason", statement.reason());
        node.put("author", statement.author());
        node.put("timestamp", statement.at() == null ? null : statement.at().toString());
        node.put("expires", statement.expires() == null ? null : statement.expires().toString());
        node.put("expired", statement.expiredOn(result.scannedAt().atZone(java.time.ZoneOffset.UTC).toLocalDate()));
        node.put("suppresses", statement.suppresses());
    }

}
