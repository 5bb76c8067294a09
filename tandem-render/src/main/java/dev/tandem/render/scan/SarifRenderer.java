package dev.tandem.render.scan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.advisory.EpssScore;
import dev.tandem.advisory.cvss.Rating;
import dev.tandem.match.Finding;
import dev.tandem.match.MatchSource;
import dev.tandem.render.TextRenderer;
import dev.tandem.triage.Statement;
import dev.tandem.usecase.scan.BaselineFinding;
import dev.tandem.usecase.scan.Coverage;
import dev.tandem.usecase.scan.ScanResult;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * SARIF 2.1.0 for code-scanning dashboards: one rule per vulnerability (with GitHub's
 * {@code security-severity}), one result per vulnerable component, located at the line of the SBOM
 * that names it, with the finding's stable id as its fingerprint; against a baseline, each result's
 * {@code baselineState} and the baseline's gone findings as {@code absent} results; the scan's
 * warnings as notifications of the invocation and its coverage in the run's properties.
 */
final class SarifRenderer implements TextRenderer<ScanResult> {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Override
    public String mediaType() {
        return "application/sarif+json";
    }

    @Override
    public void render(ScanResult result, PrintWriter out) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
        root.put("version", "2.1.0");
        ObjectNode run = root.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", "Tandem");
        driver.put("semanticVersion", semanticVersion(result.toolVersion()));
        driver.put("informationUri", "https://osv.dev");
        ArrayNode rules = driver.putArray("rules");
        Map<String, Integer> ruleIndex = new LinkedHashMap<>();
        invocation(run.putArray("invocations").addObject(), result);
        ArrayNode artifacts = run.putArray("artifacts");
        ArrayNode results = run.putArray("results");
        Map<ScanResult.ScannedSbom, Integer> artifactIndex = new java.util.IdentityHashMap<>();
        for (ScanResult.ScannedSbom scanned : result.sboms()) {
            artifactIndex.put(scanned, artifactIndex.size());
            artifacts.addObject().putObject("location").put("uri", uri(scanned.sbom().source()));
        }
        // Known-exploited findings of every SBOM first, as in every output.
        for (ScanResult.Located located : result.located()) {
            Finding finding = located.finding();
            ScanResult.ScannedSbom scanned = located.sbom();
            String id = finding.vulnerability().id();
            Integer index = ruleIndex.get(id);
            if (index == null) {
                index = ruleIndex.size();
                ruleIndex.put(id, index);
                rule(rules.addObject(), finding);
            }
            ObjectNode sarifResult = results.addObject();
            result(sarifResult, finding, index, uri(scanned.sbom().source()), artifactIndex.get(scanned),
                    scanned.lineOf(finding.component()));
            EpssScore epss = result.epssOf(finding).orElse(null);
            if (epss != null) {
                ObjectNode properties = (ObjectNode) sarifResult.get("properties");
                properties.put("epss", epss.score());
                properties.put("epssPercentile", epss.percentile());
            }
            if (result.baseline() != null) {
                sarifResult.put("baselineState", result.baseline().stateOf(finding.findingId()));
            }
            suppressions(sarifResult, finding, result);
        }
        if (result.baseline() != null) {
            for (BaselineFinding gone : result.baseline().fixed()) {
                absent(results.addObject(), gone);
            }
        }
        coverageProperties(run.putObject("properties"), result);
        try {
            out.println(MAPPER.writeValueAsString(root));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The run's invocation: it completed, and every warning of the scan (coverage gaps, expired
     * ignore entries, skipped files) is a notification, so dashboards show what was not checked.
     */
    private static void invocation(ObjectNode invocation, ScanResult result) {
        invocation.put("executionSuccessful", true);
        ArrayNode notifications = invocation.putArray("toolExecutionNotifications");
        for (String warning : result.warnings()) {
            ObjectNode notification = notifications.addObject();
            notification.put("level", "warning");
            notification.putObject("message").put("text", warning);
        }
    }

    /** A finding of the baseline this scan no longer has: SARIF's {@code baselineState: absent}. */
    private static void absent(ObjectNode node, BaselineFinding gone) {
        node.put("ruleId", gone.id());
        node.put("kind", "pass");
        node.put("level", "none");
        node.put("baselineState", "absent");
        node.putObject("message").put("text", gone.id() + " in " + gone.purl() + " was in the baseline and is no longer found"
                + " (fixed, or the component is gone)" + (gone.product().isEmpty() ? "." : " in " + gone.product() + "."));
        if (!gone.sbom().isEmpty()) {
            ObjectNode physical = node.putArray("locations").addObject().putObject("physicalLocation");
            physical.putObject("artifactLocation").put("uri", uri(gone.sbom()));
        }
        node.putObject("fingerprints").put("findingId/v1", gone.findingId().value());
        node.putObject("properties").put("purl", gone.purl());
    }

    /** What the scan could check, per ecosystem: components, advisories, and whether coverage is complete. */
    private static void coverageProperties(ObjectNode properties, ScanResult result) {
        Coverage coverage = result.coverage();
        ObjectNode node = properties.putObject("coverage");
        node.put("complete", coverage.complete());
        node.put("unmatched", coverage.unmatched());
        node.put("unchecked", coverage.unchecked());
        ArrayNode ecosystems = node.putArray("ecosystems");
        for (Coverage.Ecosystem ecosystem : coverage.ecosystems()) {
            ObjectNode entry = ecosystems.addObject();
            entry.put("ecosystem", ecosystem.ecosystem());
            entry.put("components", ecosystem.components());
            entry.put("advisories", ecosystem.advisories());
            entry.put("checked", ecosystem.checked());
        }
    }

    private static void rule(ObjectNode rule, Finding finding) {
        String id = finding.vulnerability().id();
        rule.put("id", id);
        rule.put("name", id.replaceAll("[^A-Za-z0-9]", ""));
        rule.putObject("shortDescription").put("text", FindingText.summary(finding.vulnerability()));
        rule.putObject("fullDescription").put("text", FindingText.summary(finding.vulnerability())
                + (finding.vulnerability().aliases().isEmpty() ? "" : " (aliases: " + String.join(", ", finding.vulnerability().aliases()) + ")"));
        rule.put("helpUri", finding.matchedBy() == MatchSource.CPE ? FindingText.nvdUrl(id)
                : FindingText.osvUrl(finding.advisoryIds().isEmpty() ? id : finding.advisoryIds().get(0)));
        rule.putObject("help").put("text", "Upgrade the component: " + FindingText.fixedIn(finding) + ".");
        rule.putObject("defaultConfiguration").put("level", level(finding));
        ObjectNode properties = rule.putObject("properties");
        ArrayNode tags = properties.putArray("tags");
        tags.add("security");
        tags.add("vulnerability");
        if (finding.knownExploited()) {
            tags.add("known-exploited");
        }
        String score = securitySeverity(finding);
        if (!score.isEmpty()) {
            properties.put("security-severity", score);
        }
    }

    /**
     * A suppressed finding stays in the log with SARIF's own {@code suppressions} (kind external:
     * decided outside the source), so code-scanning tools show it as dismissed, with the reason.
     */
    private static void suppressions(ObjectNode node, Finding finding, ScanResult result) {
        if (!result.suppressed(finding)) {
            return;
        }
        ArrayNode suppressions = node.putArray("suppressions");
        for (Statement statement : result.triage().about(finding.findingId())) {
            if (!statement.suppresses()) {
                continue;
            }
            ObjectNode suppression = suppressions.addObject();
            suppression.put("kind", "external");
            suppression.put("status", "accepted");
            suppression.put("justification", Justifications.text(statement));
        }
    }

    private static void result(ObjectNode node, Finding finding, int ruleIndex, String uri, int artifactIndex, int line) {
        node.put("ruleId", finding.vulnerability().id());
        node.put("ruleIndex", ruleIndex);
        node.put("level", level(finding));
        String exploited = finding.knownExploited() ? " It is known to be actively exploited (" + FindingText.exploitation(finding) + ")." : "";
        node.putObject("message").put("text", finding.component().label() + " is affected by " + finding.vulnerability().id()
                + " (" + FindingText.severityLabel(finding) + "): " + FindingText.summary(finding.vulnerability())
                + "." + exploited + " Remedy: " + FindingText.fixedIn(finding) + ".");
        ObjectNode location = node.putArray("locations").addObject();
        ObjectNode physical = location.putObject("physicalLocation");
        ObjectNode artifact = physical.putObject("artifactLocation");
        artifact.put("uri", uri);
        artifact.put("index", artifactIndex);
        // Code-scanning dashboards place and display a result only with a region (GitHub rule GH1003).
        physical.putObject("region").put("startLine", line);
        ObjectNode logical = location.putArray("logicalLocations").addObject();
        logical.put("name", finding.component().label());
        logical.put("kind", "module");
        node.putObject("partialFingerprints").put("tandemFinding/v1", fingerprint(finding));
        // SARIF's place for a result's stable identity: the id triage decisions refer to.
        node.putObject("fingerprints").put("findingId/v1", finding.findingId().value());
        ObjectNode properties = node.putObject("properties");
        properties.put("purl", finding.component().purl());
        properties.put("matchedBy", finding.matchedBy().id());
        if (finding.cpe() != null) {
            properties.put("cpe", finding.cpe().cpe());
            properties.put("cpeInferred", finding.cpe().inferred());
        }
        properties.put("knownExploited", finding.knownExploited());
        ArrayNode fixed = properties.putArray("fixedIn");
        finding.fixedIn().forEach(fixed::add);
    }

    /**
     * The CVSS base score; when an advisory gives only a rating (GHSA's {@code database_specific}
     * MODERATE, …), the middle of that rating's band, so dashboards that classify by
     * {@code security-severity} still file the result under the stated rating.
     */
    static String securitySeverity(Finding finding) {
        String score = FindingText.score(finding);
        if (!score.isEmpty()) {
            return score;
        }
        return switch (finding.rating()) {
            case CRITICAL -> "9.5";
            case HIGH -> "8.0";
            case MEDIUM -> "5.5";
            case LOW -> "2.0";
            case NONE -> "0.0";
            case UNKNOWN -> "";
        };
    }

    /** error for known-exploited, critical and high; warning for medium; note otherwise. */
    private static String level(Finding finding) {
        if (finding.knownExploited() || finding.rating().isAtLeast(Rating.HIGH)) {
            return "error";
        }
        return finding.rating() == Rating.MEDIUM ? "warning" : "note";
    }

    private static String fingerprint(Finding finding) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(
                    (componentKey(finding) + "|" + finding.vulnerability().id()).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JDK", e);
        }
    }

    /** The purl (as before CPE matching, so fingerprints of purl components stay put), else the CPE, else the label. */
    private static String componentKey(Finding finding) {
        if (!finding.component().purl().isEmpty()) {
            return finding.component().purl();
        }
        return finding.component().cpe().isEmpty() ? finding.component().label() : finding.component().cpe();
    }

    /**
     * Relative paths stay relative (dashboards resolve them against the checkout); others become
     * file URIs. Worked out from the text alone: a renderer never touches the file system.
     */
    static String uri(String source) {
        Path path = Path.of(source);
        if (path.isAbsolute()) {
            String absolute = path.toString().replace('\\', '/');
            try {
                return new URI("file", "", absolute.startsWith("/") ? absolute : "/" + absolute, null, null).toASCIIString();
            } catch (URISyntaxException e) {
                return "file://" + absolute.replace(" ", "%20");
            }
        }
        try {
            return new URI(null, null, source.replace('\\', '/'), null).getRawPath();
        } catch (URISyntaxException e) {
            return source.replace('\\', '/').replace(" ", "%20");
        }
    }

    private static String semanticVersion(String version) {
        return version.matches("\\d+\\.\\d+\\.\\d+.*") ? version : "0.0.0-" + version.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.-]", "");
    }
}
