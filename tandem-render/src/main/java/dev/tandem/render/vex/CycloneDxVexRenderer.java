package dev.tandem.render.vex;

import dev.tandem.advisory.Advisory;
import dev.tandem.advisory.cvss.SeverityScore;
import dev.tandem.match.Finding;
import dev.tandem.render.TextRenderer;
import dev.tandem.sbom.Subject;
import dev.tandem.triage.Statement;
import dev.tandem.usecase.vex.VexResult;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.cyclonedx.Version;
import org.cyclonedx.exception.GeneratorException;
import org.cyclonedx.generators.BomGeneratorFactory;
import org.cyclonedx.model.Bom;
import org.cyclonedx.model.Component;
import org.cyclonedx.model.Metadata;
import org.cyclonedx.model.OrganizationalEntity;
import org.cyclonedx.model.metadata.ToolInformation;
import org.cyclonedx.model.vulnerability.Vulnerability;

/**
 * CycloneDX 1.6 VEX: the vulnerable components (by purl) and one vulnerability entry per vulnerability
 * and decision, its {@code analysis} the decision in CycloneDX's own vocabulary (no mapping needed), its
 * {@code affects} the components the decision is about. A finding without decision is {@code in_triage}.
 * The serial number is derived from the content, so the same decisions give the same document.
 */
final class CycloneDxVexRenderer implements TextRenderer<VexResult> {

    @Override
    public String mediaType() {
        return "application/vnd.cyclonedx+json";
    }

    @Override
    public void render(VexResult result, PrintWriter out) {
        Bom bom = new Bom();
        bom.setVersion(1);
        Metadata metadata = new Metadata();
        metadata.setTimestamp(Date.from(result.at()));
        ToolInformation tools = new ToolInformation();
        Component tool = new Component();
        tool.setType(Component.Type.APPLICATION);
        tool.setName("tandem");
        tool.setVersion(result.toolVersion());
        tools.setComponents(List.of(tool));
        metadata.setToolChoice(tools);
        OrganizationalEntity manufacturer = new OrganizationalEntity();
        manufacturer.setName(result.author());
        if (result.authorContact().startsWith("http")) {
            manufacturer.setUrls(List.of(result.authorContact()));
        }
        metadata.setManufacturer(manufacturer);
        Set<Subject> products = new LinkedHashSet<>();
        result.entries().forEach(e -> products.add(e.product()));
        if (products.size() == 1) {
            metadata.setComponent(product(products.iterator().next()));
        }
        bom.setMetadata(metadata);

        Map<String, Component> components = new LinkedHashMap<>();
        Map<String, List<VexResult.Entry>> groups = new LinkedHashMap<>();
        for (VexResult.Entry entry : result.entries()) {
            components.computeIfAbsent(ref(entry.finding()), r -> component(r, entry.finding()));
            groups.computeIfAbsent(entry.finding().vulnerability().id() + "\u0000" + key(entry.decision()), k -> new ArrayList<>())
                    .add(entry);
        }
        List<Vulnerability> vulnerabilities = new ArrayList<>();
        for (List<VexResult.Entry> group : groups.values()) {
            vulnerabilities.add(vulnerability(group));
        }
        bom.setComponents(new ArrayList<>(components.values()));
        bom.setVulnerabilities(vulnerabilities);
        String identity = result.author() + "\n" + result.at() + "\n" + String.join("\n", groups.keySet());
        bom.setSerialNumber("urn:uuid:" + UUID.nameUUIDFromBytes(identity.getBytes(StandardCharsets.UTF_8)));
        try {
            out.println(BomGeneratorFactory.createJson(Version.VERSION_16, bom).toJsonString());
        } catch (GeneratorException e) {
            throw new IllegalStateException("CycloneDX generation failed", e);
        }
    }

    private static String key(Statement decision) {
        if (decision == null) {
            return "";
        }
        return decision.state() + "|" + decision.justification() + "|" + decision.responses() + "|" + decision.detail() + "|"
                + decision.at();
    }

    private static String ref(Finding finding) {
        return finding.component().purl().isBlank() ? finding.component().label() : finding.component().purl();
    }

    private static Component product(Subject subject) {
        Component component = new Component();
        component.setType(Component.Type.APPLICATION);
        component.setName(subject.name().isBlank() ? "unnamed product" : subject.name());
        if (!subject.version().isBlank()) {
            component.setVersion(subject.version());
        }
        if (!subject.purl().isBlank()) {
            component.setPurl(subject.purl());
        }
        component.setBomRef(subject.bomRef().isBlank() ? "product" : subject.bomRef());
        return component;
    }

    private static Component component(String ref, Finding finding) {
        Component component = new Component();
        component.setBomRef(ref);
        component.setType(Component.Type.LIBRARY);
        component.setName(finding.component().name().isBlank() ? finding.packageKey().name() : finding.component().name());
        if (!finding.component().group().isBlank()) {
            component.setGroup(finding.component().group());
        }
        if (!finding.component().version().isBlank()) {
            component.setVersion(finding.component().version());
        }
        if (!finding.component().purl().isBlank()) {
            component.setPurl(finding.component().purl());
        }
        if (!finding.component().cpe().isBlank()) {
            component.setCpe(finding.component().cpe());
        }
        return component;
    }

    private static Vulnerability vulnerability(List<VexResult.Entry> group) {
        Finding finding = group.get(0).finding();
        Statement decision = group.get(0).decision();
        Vulnerability vulnerability = new Vulnerability();
        String id = finding.vulnerability().id();
        vulnerability.setId(id);
        Vulnerability.Source source = new Vulnerability.Source();
        source.setName(id.startsWith("CVE-") ? "NVD" : "OSV");
        source.setUrl(id.startsWith("CVE-") ? "https://nvd.nist.gov/vuln/detail/" + id : "https://osv.dev/vulnerability/" + id);
        vulnerability.setSource(source);
        finding.vulnerability().advisories().stream().map(Advisory::summary).filter(s -> !s.isBlank()).findFirst()
                .ifPresent(vulnerability::setDescription);
        SeverityScore severity = finding.severity();
        if (severity != null && severity.isScored()) {
            Vulnerability.Rating rating = new Vulnerability.Rating();
            rating.setScore(severity.baseScore());
            rating.setSeverity(Vulnerability.Rating.Severity.fromString(finding.rating().name().toLowerCase(java.util.Locale.ROOT)));
            String vector = severity.vector();
            rating.setMethod(vector.startsWith("CVSS:4.0") ? Vulnerability.Rating.Method.CVSSV4
                    : vector.startsWith("CVSS:3.1") ? Vulnerability.Rating.Method.CVSSV31
                    : vector.startsWith("CVSS:3.0") ? Vulnerability.Rating.Method.CVSSV3
                    : "CVSS_V2".equals(severity.type()) ? Vulnerability.Rating.Method.CVSSV2 : Vulnerability.Rating.Method.OTHER);
            rating.setVector(vector);
            vulnerability.setRatings(List.of(rating));
        }
        List<Vulnerability.Reference> references = new ArrayList<>();
        for (String alias : finding.vulnerability().aliases()) {
            Vulnerability.Reference reference = new Vulnerability.Reference();
            reference.setId(alias);
            Vulnerability.Source aliasSource = new Vulnerability.Source();
            aliasSource.setName(alias.startsWith("CVE-") ? "NVD" : "OSV");
            aliasSource.setUrl("https://osv.dev/vulnerability/" + alias);
            reference.setSource(aliasSource);
            references.add(reference);
        }
        vulnerability.setReferences(references);
        Vulnerability.Analysis analysis = new Vulnerability.Analysis();
        if (decision == null) {
            analysis.setState(Vulnerability.Analysis.State.IN_TRIAGE);
            analysis.setDetail("Matched by " + finding.matchRule() + "; exploitability in the product has not been analysed yet.");
        } else {
            analysis.setState(Vulnerability.Analysis.State.fromString(decision.state().label()));
            if (decision.justification() != null) {
                analysis.setJustification(Vulnerability.Analysis.Justification.fromString(decision.justification().label()));
            }
            if (!decision.responses().isEmpty()) {
                analysis.setResponses(decision.responses().stream()
                        .map(r -> Vulnerability.Analysis.Response.fromString(r.label())).toList());
            }
            String detail = decision.detail().isBlank() ? decision.reason() : decision.detail();
            if (!detail.isBlank()) {
                analysis.setDetail(detail + (decision.author().isBlank() ? "" : " (" + decision.author() + ")"));
            }
            if (decision.at() != null) {
                analysis.setFirstIssued(Date.from(decision.at()));
                analysis.setLastUpdated(Date.from(decision.at()));
            }
        }
        vulnerability.setAnalysis(analysis);
        List<Vulnerability.Affect> affects = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (VexResult.Entry entry : group) {
            String ref = ref(entry.finding());
            if (seen.add(ref)) {
                Vulnerability.Affect affect = new Vulnerability.Affect();
                affect.setRef(ref);
                affects.add(affect);
            }
        }
        vulnerability.setAffects(affects);
        if (!finding.fixedIn().isEmpty()) {
            vulnerability.setRecommendation("Fixed upstream in " + String.join(", ", finding.fixedIn()) + ".");
        }
        return vulnerability;
    }
}
