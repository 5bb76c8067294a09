package dev.tandem.render.scan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.advisory.cvss.Rating;
import dev.tandem.match.Finding;
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
 * {@code knownExploited}, {@code severity}, {@code fixedIn}, plus {@code unmatched},
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
        ScanFindingJson.write(node, report, finding, result);
    }

    static void component(ObjectNode node, Component component) {
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
