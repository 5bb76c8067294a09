package dev.tandem.render.scan;

import dev.tandem.advisory.KevEntry;
import dev.tandem.advisory.SourcedSeverity;
import dev.tandem.advisory.cvss.SeverityScore;
import dev.tandem.match.Finding;
import dev.tandem.match.SbomReport;
import dev.tandem.render.TextRenderer;
import dev.tandem.sbom.Subject;
import dev.tandem.usecase.scan.BaselineComparison;
import dev.tandem.usecase.scan.BaselineFinding;
import dev.tandem.usecase.scan.Coverage;
import dev.tandem.usecase.scan.ScanResult;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.cyclonedx.Version;
import org.cyclonedx.exception.GeneratorException;
import org.cyclonedx.generators.BomGeneratorFactory;
import org.cyclonedx.model.Bom;
import org.cyclonedx.model.Component;
import org.cyclonedx.model.Metadata;
import org.cyclonedx.model.OrganizationalEntity;
import org.cyclonedx.model.Property;
import org.cyclonedx.model.metadata.ToolInformation;
import org.cyclonedx.model.vulnerability.Vulnerability;

/**
 * A CycloneDX 1.6 vulnerability disclosure report (VDR): the affected components and one
 * vulnerability entry per finding group, each pointing at the components it affects, with an
 * analysis state of {@code in_triage} (Tandem matched versions; exploitability in the product is
 * the manufacturer's call) and KEV status as properties. Finding ids are not written: a
 * vulnerability entry stands for every component it affects, so no one finding has a place here.
 */
final class CycloneDxVdrRenderer implements TextRenderer<ScanResult> {

    @Override
    public String mediaType() {
        return "application/vnd.cyclonedx+json";
    }

    @Override
    public void render(ScanResult result, PrintWriter out) {
        Bom bom = new Bom();
        bom.setSerialNumber("urn:uuid:" + UUID.randomUUID());
        bom.setVersion(1);
        Metadata metadata = new Metadata();
        metadata.setTimestamp(Date.from(result.scannedAt()));
        ToolInformation tools = new ToolInformation();
        Component tool = new Component();
        tool.setType(Component.Type.APPLICATION);
        tool.setName("tandem");
        tool.setVersion(result.toolVersion());
        tools.setComponents(List.of(tool));
        metadata.setToolChoice(tools);
        if (result.reports().size() == 1) {
            metadata.setComponent(subject(result.reports().get(0).sbom().subject()));
        }
        metadata.setProperties(metadataProperties(result));
        bom.setMetadata(metadata);

        Map<String, Component> components = new LinkedHashMap<>();
        // Every component a vulnerability affects, by reference: each may need its own fixed version.
        Map<String, Map<String, Finding>> affectedBy = new LinkedHashMap<>();
        Map<ScanResult.ScannedSbom, Integer> sbomIndex = new java.util.IdentityHashMap<>();
        result.sboms().forEach(s -> sbomIndex.put(s, sbomIndex.size()));
        // Known-exploited findings of every SBOM first, as in every output.
        for (ScanResult.Located located : result.located()) {
            Finding finding = located.finding();
            SbomReport report = located.sbom().report();
            String ref = componentRef(result.reports().size(), sbomIndex.get(located.sbom()), finding);
            components.computeIfAbsent(ref, r -> component(r, report, finding));
            affectedBy.computeIfAbsent(finding.vulnerability().id(), id -> new LinkedHashMap<>())
                    .putIfAbsent(ref, finding);
        }
        List<Vulnerability> vulnerabilities = new ArrayList<>();
        for (Map<String, Finding> affected : affectedBy.values()) {
            vulnerabilities.add(vulnerability(affected, result));
        }
        bom.setComponents(new ArrayList<>(components.values()));
        bom.setVulnerabilities(vulnerabilities);
        try {
            out.println(BomGeneratorFactory.createJson(Version.VERSION_16, bom).toJsonString());
        } catch (GeneratorException e) {
            throw new IllegalStateException("CycloneDX generation failed", e);
        }
    }

    private static String componentRef(int sbomCount, int sbomIndex, Finding finding) {
        String ref = finding.component().bomRef().isEmpty() ? finding.component().purl() : finding.component().bomRef();
        return sbomCount == 1 ? ref : "sbom" + (sbomIndex + 1) + ":" + ref;
    }

    private static Component subject(Subject subject) {
        Component component = new Component();
        component.setType(Component.Type.APPLICATION);
        component.setName(subject.name().isEmpty() ? "unnamed product" : subject.name());
        if (!subject.version().isEmpty()) {
            component.setVersion(subject.version());
        }
        if (!subject.purl().isEmpty()) {
            component.setPurl(subject.purl());
        }
        if (!subject.manufacturer().isEmpty()) {
            OrganizationalEntity manufacturer = new OrganizationalEntity();
            manufacturer.setName(subject.manufacturer());
            component.setSupplier(manufacturer);
        }
        return component;
    }

    private static Component component(String ref, SbomReport report, Finding finding) {
        Component component = new Component();
        component.setBomRef(ref);
        component.setType(Component.Type.LIBRARY);
        component.setName(finding.component().name().isEmpty() ? finding.packageKey().name() : finding.component().name());
        if (!finding.component().group().isEmpty()) {
            component.setGroup(finding.component().group());
        }
        if (!finding.component().version().isEmpty()) {
            component.setVersion(finding.component().version());
        }
        component.setPurl(finding.component().purl());
        component.setProperties(new ArrayList<>(List.of(property("tandem:sbom", report.sbom().source()))));
        return component;
    }

    /**
     * The scan's coverage (complete or not, per ecosystem the components and advisories, the
     * unmatched components), its warnings, and against a baseline the counts and the gone findings.
     */
    private static List<Property> metadataProperties(ScanResult result) {
        List<Property> properties = new ArrayList<>();
        Coverage coverage = result.coverage();
        properties.add(property("tandem:coverage:complete", Boolean.toString(coverage.complete())));
        for (Coverage.Ecosystem ecosystem : coverage.ecosystems()) {
            properties.add(property("tandem:coverage:ecosystem:" + ecosystem.ecosystem(), ecosystem.components()
                    + " components, " + ecosystem.advisories() + " advisories" + (ecosystem.checked() ? "" : ", not checked")));
        }
        properties.add(property("tandem:coverage:unmatched", Long.toString(coverage.unmatched())));
        result.warnings().forEach(w -> properties.add(property("tandem:warning", w)));
        if (result.epss() != null) {
            properties.add(property("tandem:epss:source", result.epss().source()));
            if (result.epss().scoreDate() != null) {
                properties.add(property("tandem:epss:scoreDate", result.epss().scoreDate().toString()));
            }
        }
        BaselineComparison baseline = result.baseline();
        if (baseline != null) {
            properties.add(property("tandem:baseline", baseline.source()));
            properties.add(property("tandem:baseline:new", Integer.toString(baseline.newCount())));
            properties.add(property("tandem:baseline:unchanged", Integer.toString(baseline.unchangedCount())));
            properties.add(property("tandem:baseline:fixed", Integer.toString(baseline.fixed().size())));
            for (BaselineFinding gone : baseline.fixed()) {
                properties.add(property("tandem:baseline:fixedFinding", gone.findingId().value() + " " + gone.id()
                        + " " + gone.purl()));
            }
        }
        return properties;
    }

    /** One vulnerability entry for every component it affects (findings by component reference). */
    private static Vulnerability vulnerability(Map<String, Finding> affected, ScanResult result) {
        Finding finding = affected.values().iterator().next();
        Vulnerability vulnerability = new Vulnerability();
        vulnerability.setId(finding.vulnerability().id());
        Vulnerability.Source source = new Vulnerability.Source();
        source.setName(finding.vulnerability().id().startsWith("CVE-") ? "NVD" : "OSV");
        source.setUrl(finding.vulnerability().id().startsWith("CVE-")
                ? "https://nvd.nist.gov/vuln/detail/" + finding.vulnerability().id()
                : FindingText.osvUrl(finding.vulnerability().id()));
        vulnerability.setSource(source);
        vulnerability.setDescription(FindingText.summary(finding.vulnerability()));
        SeverityScore severity = finding.severity();
        if (severity != null) {
            // The strongest first (the one every output shows), then every other severity a source states, with the source.
            List<Vulnerability.Rating> ratings = new ArrayList<>();
            ratings.add(rating(severity, null));
            for (SourcedSeverity stated : finding.vulnerability().severities()) {
                SeverityScore other = stated.severity();
                Vulnerability.Rating rating = rating(other, stated);
                if (other.type().equals(severity.type()) && other.vector().equals(severity.vector())) {
                    ratings.set(0, rating); // the strongest, now with its source named
                } else if (ratings.stream().noneMatch(r -> java.util.Objects.equals(r.getVector(), rating.getVector())
                        && java.util.Objects.equals(r.getSource() == null ? null : r.getSource().getName(),
                        rating.getSource() == null ? null : rating.getSource().getName()))) {
                    ratings.add(rating);
                }
            }
            vulnerability.setRatings(ratings);
        }
        vulnerability.setRecommendation(recommendation(affected.values()));
        List<Vulnerability.Reference> references = new ArrayList<>();
        for (String alias : finding.vulnerability().aliases()) {
            Vulnerability.Reference reference = new Vulnerability.Reference();
            reference.setId(alias);
            Vulnerability.Source aliasSource = new Vulnerability.Source();
            aliasSource.setName(alias.startsWith("CVE-") ? "NVD" : "OSV");
            aliasSource.setUrl(FindingText.osvUrl(alias));
            reference.setSource(aliasSource);
            references.add(reference);
        }
        vulnerability.setReferences(references);
        Vulnerability.Analysis analysis = new Vulnerability.Analysis();
        analysis.setState(Vulnerability.Analysis.State.IN_TRIAGE);
        analysis.setDetail(affected.values().stream().map(f -> f.component().label() + " matched by " + f.matchedBy())
                .distinct().collect(Collectors.joining("; "))
                + ". Exploitability in this product has not been analysed.");
        vulnerability.setAnalysis(analysis);
        List<Vulnerability.Affect> affects = new ArrayList<>();
        for (Map.Entry<String, Finding> entry : affected.entrySet()) {
            Vulnerability.Affect affect = new Vulnerability.Affect();
            affect.setRef(entry.getKey());
            String version = entry.getValue().component().version();
            if (!version.isEmpty()) {
                Vulnerability.Version affectedVersion = new Vulnerability.Version();
                affectedVersion.setVersion(version);
                affectedVersion.setStatus(Vulnerability.Version.Status.AFFECTED);
                affect.setVersions(List.of(affectedVersion));
            }
            affects.add(affect);
        }
        vulnerability.setAffects(affects);
        List<Property> properties = new ArrayList<>();
        properties.add(property("tandem:knownExploited", Boolean.toString(finding.knownExploited())));
        result.epssOf(finding).ifPresent(epss -> {
            properties.add(property("tandem:epss:score", Double.toString(epss.score())));
            properties.add(property("tandem:epss:percentile", Double.toString(epss.percentile())));
            properties.add(property("tandem:epss:cve", epss.cve()));
        });
        if (result.baseline() != null) {
            java.util.Set<String> states = new java.util.TreeSet<>();
            affected.values().forEach(f -> states.add(result.baseline().stateOf(f.findingId())));
            properties.add(property("tandem:baseline", String.join(", ", states)));
        }
        for (KevEntry entry : finding.exploitation()) {
            properties.add(property("tandem:kev:" + entry.catalog().name().toLowerCase(Locale.ROOT),
                    entry.dateAdded() == null ? "listed" : "added " + entry.dateAdded()));
        }
        vulnerability.setProperties(properties);
        return vulnerability;
    }

    /** "Upgrade to 2.15.0." when every component has the same fix; else one clause per package. */
    private static String recommendation(java.util.Collection<Finding> findings) {
        Map<String, List<String>> fixesByPackage = new LinkedHashMap<>();
        for (Finding f : findings) {
            fixesByPackage.putIfAbsent(f.packageKey().toString(), f.fixedIn());
        }
        if (new java.util.HashSet<>(fixesByPackage.values()).size() == 1) {
            List<String> fixed = fixesByPackage.values().iterator().next();
            return fixed.isEmpty() ? "No fixed version is listed by the advisories."
                    : "Upgrade to " + String.join(" or ", fixed) + ".";
        }
        return fixesByPackage.entrySet().stream()
                .map(e -> e.getKey() + ": " + (e.getValue().isEmpty() ? "no fixed version listed"
                        : "upgrade to " + String.join(" or ", e.getValue())))
                .collect(Collectors.joining("; ")) + ".";
    }

    /** A CycloneDX rating of one severity, with the source that states it when known. */
    private static Vulnerability.Rating rating(SeverityScore severity, SourcedSeverity stated) {
        Vulnerability.Rating rating = new Vulnerability.Rating();
        if (!Double.isNaN(severity.baseScore())) {
            rating.setScore(severity.baseScore());
        }
        rating.setSeverity(Vulnerability.Rating.Severity.fromString(severity.rating().name().toLowerCase(Locale.ROOT)));
        rating.setMethod(method(severity));
        if (!severity.vector().isEmpty()) {
            rating.setVector(severity.vector());
        }
        if (stated != null) {
            Vulnerability.Source source = new Vulnerability.Source();
            source.setName(stated.source());
            if (stated.source().equals(SourcedSeverity.OSV)) {
                source.setUrl(FindingText.osvUrl(stated.recordId()));
            }
            rating.setSource(source);
            rating.setJustification("stated by " + stated.recordId());
        }
        return rating;
    }

    private static Vulnerability.Rating.Method method(SeverityScore severity) {
        String vector = severity.vector();
        if (vector.startsWith("CVSS:4.0")) {
            return Vulnerability.Rating.Method.CVSSV4;
        }
        if (vector.startsWith("CVSS:3.1")) {
            return Vulnerability.Rating.Method.CVSSV31;
        }
        if (vector.startsWith("CVSS:3.0")) {
            return Vulnerability.Rating.Method.CVSSV3;
        }
        if (severity.type().equals("CVSS_V2")) {
            return Vulnerability.Rating.Method.CVSSV2;
        }
        return Vulnerability.Rating.Method.OTHER;
    }

    private static Property property(String name, String value) {
        Property property = new Property();
        property.setName(name);
        property.setValue(value);
        return property;
    }
}
