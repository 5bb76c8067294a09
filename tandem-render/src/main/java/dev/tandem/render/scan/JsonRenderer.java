package dev.tandem.render.scan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.advisory.EpssProvenance;
import dev.tandem.advisory.cvss.Rating;
import dev.tandem.match.Finding;
import dev.tandem.match.SbomReport;
import dev.tandem.match.UndecidedMatch;
import dev.tandem.match.UnmatchedComponent;
import dev.tandem.render.TextRenderer;
import dev.tandem.sbom.Component;
import dev.tandem.sbom.Subject;
import dev.tandem.usecase.scan.BaselineComparison;
import dev.tandem.usecase.scan.BaselineFinding;
import dev.tandem.usecase.scan.Coverage;
import dev.tandem.usecase.scan.ScanResult;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Locale;

/**
 * The JSON report (contract in docs/commands/scan.md, schema docs/schemas/scan.schema.json):
 * {@code findings} with {@code purl}, {@code id}, {@code findingId}, {@code aliases},
 * {@code knownExploited}, {@code severity}, {@code fixedIn}, {@code severities} (every stated CVSS
 * with its source), {@code epss}, plus {@code unmatched}, {@code undecided}, {@code sboms},
 * {@code summary}, {@code coverage}, {@code epss}, {@code baseline} and {@code warnings}. Fields are chosen here,
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
        // Known-exploited findings of every SBOM first: what needs action today leads.
        for (ScanResult.Located located : result.located()) {
            finding(findings.addObject(), located.sbom().report(), located.finding(), result);
        }
        for (SbomReport report : result.reports()) {
            sbom(sboms.addObject(), report);
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
        coverage(root.putObject("coverage"), result);
        epss(root, result);
        baseline(root, result);
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
        advisories.put("kevCves", counts.kevCves());
        advisories.put("kevUnmatched", counts.kevUnmatched());
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

    /** What the scan could check: per ecosystem the components and the advisories it had, and per SBOM. */
    private static void coverage(ObjectNode node, ScanResult result) {
        Coverage coverage = result.coverage();
        node.put("complete", coverage.complete());
        node.put("unmatched", coverage.unmatched());
        node.put("unchecked", coverage.unchecked());
        ecosystems(node.putArray("ecosystems"), coverage.ecosystems());
        ArrayNode sboms = node.putArray("sboms");
        for (int i = 0; i < coverage.sboms().size(); i++) {
            Coverage.Sbom sbom = coverage.sboms().get(i);
            ObjectNode entry = sboms.addObject();
            entry.put("sbom", result.reports().get(i).sbom().source());
            entry.put("complete", sbom.complete());
            entry.put("unmatched", sbom.unmatched());
            entry.put("unchecked", sbom.unchecked());
            ecosystems(entry.putArray("ecosystems"), sbom.ecosystems());
        }
    }

    private static void ecosystems(ArrayNode array, java.util.List<Coverage.Ecosystem> ecosystems) {
        for (Coverage.Ecosystem ecosystem : ecosystems) {
            ObjectNode entry = array.addObject();
            entry.put("ecosystem", ecosystem.ecosystem());
            entry.put("components", ecosystem.components());
            entry.put("advisories", ecosystem.advisories());
            entry.put("checked", ecosystem.checked());
        }
    }

    /** Where the EPSS scores came from, or null when none were loaded. */
    private static void epss(ObjectNode root, ScanResult result) {
        EpssProvenance epss = result.epss();
        if (epss == null) {
            root.putNull("epss");
            return;
        }
        ObjectNode node = root.putObject("epss");
        node.put("source", epss.source());
        node.put("modelVersion", epss.modelVersion());
        node.put("scoreDate", epss.scoreDate() == null ? null : epss.scoreDate().toString());
        node.put("scores", epss.count());
    }

    /** The comparison with a previous scan, or null when none was given. */
    private static void baseline(ObjectNode root, ScanResult result) {
        BaselineComparison baseline = result.baseline();
        if (baseline == null) {
            root.putNull("baseline");
            return;
        }
        ObjectNode node = root.putObject("baseline");
        node.put("source", baseline.source());
        node.put("scannedAt", baseline.previousScannedAt() == null ? null : baseline.previousScannedAt().toString());
        node.put("new", baseline.newCount());
        node.put("unchanged", baseline.unchangedCount());
        node.put("fixed", baseline.fixed().size());
        ArrayNode fixed = node.putArray("fixedFindings");
        for (BaselineFinding finding : baseline.fixed()) {
            ObjectNode entry = fixed.addObject();
            entry.put("findingId", finding.findingId().value());
            entry.put("id", finding.id());
            entry.put("purl", finding.purl());
            entry.put("product", finding.product());
            entry.put("sbom", finding.sbom());
            entry.put("knownExploited", finding.knownExploited());
        }
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
