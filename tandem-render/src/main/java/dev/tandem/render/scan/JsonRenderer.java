package dev.tandem.render.scan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.advisory.KevEntry;
import dev.tandem.advisory.cvss.Rating;
import dev.tandem.advisory.cvss.SeverityScore;
import dev.tandem.match.CpeEvidence;
import dev.tandem.match.Finding;
import dev.tandem.triage.Statement;
import dev.tandem.match.SbomReport;
import dev.tandem.match.UndecidedMatch;
import dev.tandem.match.UnmatchedComponent;
import dev.tandem.render.TextRenderer;
import dev.tandem.sbom.Component;
import dev.tandem.sbom.Subject;
import dev.tandem.usecase.scan.ScanResult;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Locale;

/**
 * The JSON report (contract in docs/commands/scan.md, schema docs/schemas/scan.schema.json):
 * {@code findings} with {@code purl}, {@code id}, {@code findingId}, {@code aliases},
 * {@code knownExploited}, {@code severity}, {@code fixedIn}, {@code matchedBy} ({@code osv} or
 * {@code cpe}), {@code matchRule}, {@code scores}, {@code cpe}, plus {@code unmatched},
 * {@code undecided}, {@code sboms}, {@code summary} and {@code warnings}. Fields are chosen here,
 * one by one, so a field added to the result never reaches the contract by accident.
 */
final class JsonRenderer implements TextRenderer<ScanResult> {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Override
    public String mediaType() {
        return "application/json";
    }

    @Override
    public void render(ScanResult result, PrintWriter out) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("formatVersion", 1);
        ObjectNode tool = root.putObject("tool");
        tool.put("name", "tandem");
        tool.put("version", result.toolVersion());
        root.put("scannedAt", result.scannedAt().toString());
        summary(root.putObject("summary"), result);
        ArrayNode sboms = root.putArray("sboms");
        ArrayNode findings = root.putArray("findings");
        ArrayNode unmatched = root.putArray("unmatched");
        ArrayNode undecided = root.putArray("undecided");
        for (SbomReport report : result.reports()) {
            sbom(sboms.addObject(), report);
            for (Finding finding : report.findings()) {
                finding(findings.addObject(), report, finding, result);
            }
            for (UnmatchedComponent component : report.unmatched()) {
                ObjectNode node = unmatched.addObject();
                node.put("sbom", report.sbom().source());
                component(node, component.component());
                node.put("reason", component.reason());
            }
            for (UndecidedMatch match : report.undecided()) {
                ObjectNode node = undecided.addObject();
                node.put("sbom", report.sbom().source());
                node.put("purl", match.component().purl());
                node.put("id", match.vulnerabilityId());
                node.put("advisory", match.advisoryId());
                node.put("matchedBy", match.matchedBy().id());
                node.put("cpe", match.cpe());
                node.put("reason", match.reason());
            }
        }
        ArrayNode warnings = root.putArray("warnings");
        result.warnings().forEach(warnings::add);
        try {
            out.println(MAPPER.writeValueAsString(root));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void summary(ObjectNode node, ScanResult result) {
        node.put("sboms", result.sboms().size());
        node.put("components", result.componentCount());
        node.put("findings", result.findings().size());
        node.put("knownExploited", result.knownExploitedCount());
        node.put("unmatched", result.unmatchedCount());
        node.put("undecided", result.undecidedCount());
        node.put("suppressed", result.suppressedCount());
        ObjectNode bySeverity = node.putObject("bySeverity");
        for (Rating rating : Rating.values()) {
            bySeverity.put(rating.name().toLowerCase(Locale.ROOT),
                    result.findings().stream().filter(f -> f.rating() == rating).count());
        }
        ObjectNode advisories = node.putObject("advisories");
        ScanResult.AdvisorySummary counts = result.advisories();
        advisories.put("read", counts.advisories());
        advisories.put("withdrawn", counts.withdrawn());
        advisories.put("vulnerabilities", counts.vulnerabilities());
        advisories.put("kevEntries", counts.kevEntries());
        advisories.put("kevMatched", counts.kevMatched());
        advisories.put("indexedPackages", counts.indexedPackages());
        ArrayNode sources = advisories.putArray("sources");
        counts.sources().forEach(sources::add);
        ArrayNode kevSources = advisories.putArray("kevSources");
        counts.kevSources().forEach(kevSources::add);
        advisories.put("cveRecords", counts.records());
        advisories.put("rejectedCveRecords", counts.rejectedRecords());
        advisories.put("cpeProducts", counts.cpeProducts());
        ArrayNode recordSources = advisories.putArray("cveRecordSources");
        counts.recordSources().forEach(recordSources::add);
    }

    private static void sbom(ObjectNode node, SbomReport report) {
        node.put("source", report.sbom().source());
        node.put("format", report.sbom().format().label());
        node.put("specVersion", report.sbom().specVersion());
        Subject subject = report.sbom().subject();
        ObjectNode product = node.putObject("product");
        product.put("name", subject.name());
        product.put("version", subject.version());
        product.put("manufacturer", subject.manufacturer());
        product.put("purl", subject.purl());
        node.put("components", report.sbom().components().size());
        node.put("findings", report.findings().size());
        node.put("knownExploited", report.findings().stream().filter(Finding::knownExploited).count());
        node.put("unmatched", report.unmatched().size());
    }

    private static void finding(ObjectNode node, SbomReport report, Finding finding, ScanResult result) {
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
        node.put("severitySource", severity == null ? "" : severity.source());
        ArrayNode scores = node.putArray("scores");
        for (SeverityScore score : finding.vulnerability().scores()) {
            ObjectNode entry = scores.addObject();
            entry.put("source", score.source());
            entry.put("type", score.type());
            entry.put("vector", score.vector());
            if (Double.isNaN(score.baseScore())) {
                entry.putNull("score");
            } else {
                entry.put("score", score.baseScore());
            }
            entry.put("severity", score.rating().name().toLowerCase(Locale.ROOT));
        }
        ArrayNode fixedIn = node.putArray("fixedIn");
        finding.fixedIn().forEach(fixedIn::add);
        node.put("summary", FindingText.summary(finding.vulnerability()));
        ArrayNode exploitation = node.putArray("exploitation");
        for (KevEntry entry : finding.exploitation()) {
            ObjectNode kev = exploitation.addObject();
            kev.put("catalog", entry.catalog().name().toLowerCase(Locale.ROOT));
            kev.put("cve", entry.cveId());
            kev.put("dateAdded", entry.dateAdded() == null ? null : entry.dateAdded().toString());
            kev.put("dueDate", entry.dueDate() == null ? null : entry.dueDate().toString());
            kev.put("knownRansomwareUse", entry.knownRansomwareUse());
        }
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
        component(component, finding.component());
        if (!finding.note().isEmpty()) {
            node.put("note", finding.note());
        }
        node.put("suppressed", result.suppressed(finding));
        ArrayNode analysis = node.putArray("analysis");
        for (Statement statement : result.triage().about(finding.findingId())) {
            statement(analysis.addObject(), statement, result);
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

    private static void component(ObjectNode node, Component component) {
        node.put("bomRef", component.bomRef());
        node.put("name", component.name());
        node.put("group", component.group());
        node.put("version", component.version());
        node.put("purl", component.purl());
        node.put("cpe", component.cpe());
        node.put("supplier", component.supplier());
        node.put("dependency", component.dependency().name().toLowerCase(Locale.ROOT));
        ArrayNode path = node.putArray("path");
        component.path().forEach(path::add);
    }
}
