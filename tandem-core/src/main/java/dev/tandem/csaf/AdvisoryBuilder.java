package dev.tandem.csaf;

import com.github.packageurl.MalformedPackageURLException;
import com.github.packageurl.PackageURL;
import dev.tandem.advisory.Advisory;
import dev.tandem.advisory.KevEntry;
import dev.tandem.advisory.Vulnerability;
import dev.tandem.advisory.cvss.SeverityScore;
import dev.tandem.csaf.CsafDocument.Branch;
import dev.tandem.csaf.CsafDocument.Cvss;
import dev.tandem.csaf.CsafDocument.Flag;
import dev.tandem.csaf.CsafDocument.FullProductName;
import dev.tandem.csaf.CsafDocument.Helper;
import dev.tandem.csaf.CsafDocument.Id;
import dev.tandem.csaf.CsafDocument.Note;
import dev.tandem.csaf.CsafDocument.Reference;
import dev.tandem.csaf.CsafDocument.Relationship;
import dev.tandem.csaf.CsafDocument.Remediation;
import dev.tandem.csaf.CsafDocument.Score;
import dev.tandem.csaf.CsafDocument.Threat;
import dev.tandem.match.Finding;
import dev.tandem.match.SbomReport;
import dev.tandem.sbom.Component;
import dev.tandem.sbom.Sbom;
import dev.tandem.sbom.Subject;
import dev.tandem.triage.AnalysisState;
import dev.tandem.triage.Statement;
import dev.tandem.triage.Triage;
import dev.tandem.triage.TriageResult;
import dev.tandem.version.InvalidVersionException;
import dev.tandem.version.VersionScheme;
import dev.tandem.version.VersionSchemes;
import dev.tandem.vex.VexVocabulary;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Builds a CSAF 2.0 document from a scan's findings and the triage decisions about them.
 *
 * <p>The product tree has one branch per product (vendor, product name) with one version per
 * release (an SBOM's subject), every vulnerable component as a product of its own, and one
 * {@code default_component_of} relationship per component and release: product status speaks of
 * those relationships, so a reader learns which component of which release is meant. A finding's
 * status is its decision's state (docs/formats/vex.md has the mapping); a finding without decision is
 * {@code under_investigation}: Tandem matched the version, nobody has said whether the product is
 * exploitable. A release of the same product that ships the package at a version at or above a
 * fixed version (by the ecosystem's ordering) is {@code fixed}, and the affected releases get the
 * remediation "update to" that release.
 */
public final class AdvisoryBuilder {

    private static final String TLP_URL = "https://www.first.org/tlp/";

    private final List<SbomReport> reports;
    private final TriageResult triage;
    private final String toolVersion;
    private final AdvisorySpec spec;
    private final List<String> inputs;
    private final List<String> warnings = new ArrayList<>();
    private final Map<String, Release> releases = new LinkedHashMap<>();
    private final Map<String, FullProductName> components = new LinkedHashMap<>();
    private final Map<String, Relationship> relationships = new LinkedHashMap<>();
    private int nextId = 1;

    /** One release of a product: an SBOM's subject. */
    private record Release(String key, String vendor, String product, String version, String id, String name, String purl,
            List<Sbom> sboms) {
    }

    /** A finding placed in the tree: its release, and the relationship product id standing for it. */
    private record Placed(Finding finding, Release release, String productId) {
    }

    /** The document and what the reader of the command should know about how it was built. */
    public record Built(CsafDocument document, List<String> warnings) {
        public Built {
            warnings = List.copyOf(warnings);
        }
    }

    private AdvisoryBuilder(List<SbomReport> reports, TriageResult triage, String toolVersion, AdvisorySpec spec,
            List<String> inputs) {
        this.reports = reports;
        this.triage = triage;
        this.toolVersion = toolVersion;
        this.spec = spec;
        this.inputs = inputs;
    }

    /**
     * Builds the document.
     *
     * @param inputs how the document names what it was built from (SBOMs, advisories, decisions), for its summary
     */
    public static Built build(List<SbomReport> reports, TriageResult triage, String toolVersion, AdvisorySpec spec,
            List<String> inputs) {
        AdvisoryBuilder builder = new AdvisoryBuilder(reports, triage, toolVersion, spec, List.copyOf(inputs));
        CsafDocument document = builder.document();
        return new Built(document, builder.warnings);
    }

    private CsafDocument document() {
        for (SbomReport report : reports) {
            release(report.sbom());
        }
        Map<String, List<Placed>> byVulnerability = new LinkedHashMap<>();
        for (SbomReport report : reports) {
            Release release = release(report.sbom());
            for (Finding finding : report.findings()) {
                if (spec.knownExploitedOnly() && !finding.knownExploited()) {
                    continue;
                }
                byVulnerability.computeIfAbsent(finding.vulnerability().id(), id -> new ArrayList<>())
                        .add(new Placed(finding, release, relationship(finding.component(), release)));
            }
        }
        List<CsafDocument.Vulnerability> vulnerabilities = new ArrayList<>();
        for (List<Placed> placed : byVulnerability.values()) {
            vulnerabilities.add(vulnerability(placed));
        }
        CsafDocument.ProductTree tree = new CsafDocument.ProductTree(branches(), new ArrayList<>(components.values()),
                new ArrayList<>(relationships.values()));
        return new CsafDocument(documentPart(vulnerabilities), tree, vulnerabilities);
    }

    // ---- product tree ------------------------------------------------------------------------

    private Release release(Sbom sbom) {
        Subject subject = sbom.subject();
        String vendor = subject.manufacturer().isBlank() ? spec.publisher().name() : subject.manufacturer().strip();
        String product = subject.name().isBlank() ? "unnamed product (" + sbom.source() + ")" : subject.name().strip();
        String version = subject.version().isBlank() ? "unversioned" : subject.version().strip();
        String key = vendor + "\u0000" + product + "\u0000" + version;
        Release release = releases.get(key);
        if (release == null) {
            String purl = validPurl(subject.purl()).orElse("");
            release = new Release(key, vendor, product, version, newId(), product + " " + version, purl, new ArrayList<>());
            releases.put(key, release);
        }
        if (!release.sboms().contains(sbom)) {
            release.sboms().add(sbom);
        }
        return release;
    }

    private List<Branch> branches() {
        Map<String, Map<String, List<Release>>> byVendor = new LinkedHashMap<>();
        for (Release release : releases.values()) {
            byVendor.computeIfAbsent(release.vendor(), v -> new LinkedHashMap<>())
                    .computeIfAbsent(release.product(), p -> new ArrayList<>()).add(release);
        }
        List<Branch> vendors = new ArrayList<>();
        byVendor.forEach((vendor, products) -> {
            List<Branch> names = new ArrayList<>();
            products.forEach((product, list) -> names.add(new Branch(list.stream().map(r -> new Branch(null,
                    "product_version", r.version(), new FullProductName(r.name(), r.id(),
                            r.purl().isEmpty() ? null : new Helper(null, r.purl())))).toList(), "product_name", product, null)));
            vendors.add(new Branch(names, "vendor", vendor, null));
        });
        return vendors;
    }

    /** The product id of {@code component} as part of {@code release}, defining both on first use. */
    private String relationship(Component component, Release release) {
        String identity = identity(component);
        FullProductName product = components.computeIfAbsent(identity, i -> new FullProductName(componentName(component),
                newId(), helper(component)));
        String key = product.productId() + "\u0000" + release.id();
        Relationship relationship = relationships.computeIfAbsent(key, k -> new Relationship("default_component_of",
                new FullProductName(product.name() + " as a component of " + release.name(), newId(), null),
                product.productId(), release.id()));
        return relationship.fullProductName().productId();
    }

    private String newId() {
        return String.format(Locale.ROOT, "CSAFPID-%04d", nextId++);
    }

    private static String componentName(Component component) {
        String name = component.group().isBlank() ? component.name() : component.group() + "/" + component.name();
        if (name.isBlank()) {
            return component.label();
        }
        return component.version().isBlank() ? name : name + " " + component.version();
    }

    private static Helper helper(Component component) {
        Optional<String> purl = validPurl(component.purl());
        if (purl.isPresent()) {
            return new Helper(null, purl.get());
        }
        return component.cpe().isBlank() ? null : new Helper(component.cpe().strip(), null);
    }

    private static Optional<String> validPurl(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            new PackageURL(text.strip());
            return Optional.of(text.strip());
        } catch (MalformedPackageURLException e) {
            return Optional.empty();
        }
    }

    private static String identity(Component component) {
        try {
            if (!component.purl().isBlank()) {
                return new PackageURL(component.purl().strip()).canonicalize();
            }
        } catch (MalformedPackageURLException e) {
            return component.purl().strip();
        }
        if (!component.cpe().isBlank()) {
            return component.cpe().strip().toLowerCase(Locale.ROOT);
        }
        return componentName(component);
    }

    // ---- vulnerabilities ---------------------------------------------------------------------

    private CsafDocument.Vulnerability vulnerability(List<Placed> placed) {
        Vulnerability vulnerability = placed.get(0).finding().vulnerability();
        String id = vulnerability.id();
        Map<String, List<String>> status = new LinkedHashMap<>();
        Map<String, Statement> decided = new LinkedHashMap<>();
        for (Placed p : placed) {
            Optional<Statement> statement = effective(p.finding());
            String list = statement.map(s -> VexVocabulary.csafProductStatus(s.state())).orElse("under_investigation");
            addOnce(status, list, p.productId());
            statement.ifPresent(s -> decided.putIfAbsent(p.productId(), s));
        }
        Map<String, List<String>> fixedBy = fixedReleases(placed, status);
        List<Flag> flags = flags(decided);
        List<Threat> threats = threats(vulnerability, decided);
        List<Remediation> remediations = remediations(placed, status, decided, fixedBy);
        List<String> products = status.values().stream().flatMap(List::stream).distinct().toList();
        return new CsafDocument.Vulnerability(id.startsWith("CVE-") ? id : null, flags, ids(vulnerability),
                notes(vulnerability, placed), new CsafDocument.ProductStatus(null, null, list(status, "fixed"),
                list(status, "known_affected"), list(status, "known_not_affected"), null, null,
                list(status, "under_investigation")), references(vulnerability), remediations, scores(vulnerability, products),
                threats, title(vulnerability));
    }

    /** The decision that stands for a finding (Triage.decisive); a contradiction is reported. */
    private Optional<Statement> effective(Finding finding) {
        List<Statement> about = triage.about(finding.findingId());
        Optional<Statement> decisive = Triage.decisive(about);
        if (decisive.isPresent() && decisive.get().state() == AnalysisState.EXPLOITABLE
                && about.stream().anyMatch(s -> s.state() != null && s.suppresses())) {
            warnings.add(finding.findingId().value() + " (" + finding.vulnerability().id() + " in " + finding.component().label()
                    + "): " + Triage.describe(about.stream().filter(s -> s.state() != null && s.suppresses()).findFirst().orElseThrow())
                    + " contradicts " + Triage.describe(decisive.get()) + "; the document says known_affected");
        }
        return decisive;
    }

    /**
     * Releases of the same product that ship the package at a fixed version: {@code fixed}. Returns, per
     * affected relationship id, the names of the releases that fix it.
     */
    private Map<String, List<String>> fixedReleases(List<Placed> placed, Map<String, List<String>> status) {
        Map<String, List<String>> fixedBy = new LinkedHashMap<>();
        Set<String> withFinding = placed.stream().map(p -> p.release().key()).collect(Collectors.toSet());
        for (Placed p : placed) {
            Component affected = p.finding().component();
            Optional<PackageURL> purl = parse(affected.purl());
            if (purl.isEmpty() || p.finding().fixedIn().isEmpty()) {
                continue;
            }
            Optional<VersionScheme> scheme = VersionSchemes.forPurlType(purl.get().getType());
            if (scheme.isEmpty()) {
                continue;
            }
            for (Release other : releases.values()) {
                if (withFinding.contains(other.key()) || !other.vendor().equals(p.release().vendor())
                        || !other.product().equals(p.release().product())) {
                    continue;
                }
                for (Sbom sbom : other.sboms()) {
                    for (Component component : sbom.components()) {
                        Optional<PackageURL> candidate = parse(component.purl());
                        if (candidate.isEmpty() || !samePackage(purl.get(), candidate.get())
                                || candidate.get().getVersion() == null) {
                            continue;
                        }
                        if (fixes(scheme.get(), purl.get().getVersion(), candidate.get().getVersion(), p.finding().fixedIn())) {
                            String id = relationship(component, other);
                            addOnce(status, "fixed", id);
                            List<String> names = fixedBy.computeIfAbsent(p.productId(), k -> new ArrayList<>());
                            if (!names.contains(other.name())) {
                                names.add(other.name());
                            }
                        }
                    }
                }
            }
        }
        return fixedBy;
    }

    private static boolean fixes(VersionScheme scheme, String affected, String candidate, List<String> fixedIn) {
        for (String fixed : fixedIn) {
            try {
                if (scheme.compare(candidate, fixed) >= 0 && (affected == null || scheme.compare(affected, fixed) < 0)) {
                    return true;
                }
            } catch (InvalidVersionException e) {
                // A version the ecosystem's ordering cannot read proves nothing either way.
            }
        }
        return false;
    }

    private static boolean samePackage(PackageURL a, PackageURL b) {
        return a.getType().equals(b.getType()) && java.util.Objects.equals(lower(a.getNamespace()), lower(b.getNamespace()))
                && java.util.Objects.equals(lower(a.getName()), lower(b.getName()));
    }

    private static String lower(String text) {
        return text == null ? null : text.toLowerCase(Locale.ROOT);
    }

    private static Optional<PackageURL> parse(String purl) {
        if (purl == null || purl.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new PackageURL(purl.strip()));
        } catch (MalformedPackageURLException e) {
            return Optional.empty();
        }
    }

    private static List<Flag> flags(Map<String, Statement> decided) {
        Map<String, List<String>> byLabel = new LinkedHashMap<>();
        decided.forEach((product, statement) -> {
            String label = null;
            if (statement.state() == AnalysisState.NOT_AFFECTED || statement.state() == AnalysisState.FALSE_POSITIVE) {
                label = statement.justification() != null ? VexVocabulary.cisaLabel(statement.justification())
                        : statement.state() == AnalysisState.FALSE_POSITIVE ? "component_not_present" : null;
            }
            if (label != null) {
                byLabel.computeIfAbsent(label, l -> new ArrayList<>()).add(product);
            }
        });
        return byLabel.entrySet().stream().map(e -> new Flag(e.getKey(), e.getValue())).toList();
    }

    private static List<Threat> threats(Vulnerability vulnerability, Map<String, Statement> decided) {
        List<Threat> threats = new ArrayList<>();
        Map<String, List<String>> byDetail = new LinkedHashMap<>();
        decided.forEach((product, statement) -> {
            String text = statement.detail().isBlank() ? statement.reason() : statement.detail();
            if (!text.isBlank() && statement.state() != AnalysisState.RESOLVED
                    && statement.state() != AnalysisState.RESOLVED_WITH_PEDIGREE) {
                String who = statement.author().isBlank() ? "" : " (" + statement.author() + ")";
                byDetail.computeIfAbsent(statePhrase(statement.state()) + text.strip() + who, d -> new ArrayList<>()).add(product);
            }
        });
        byDetail.forEach((details, products) -> threats.add(new Threat("impact", details, products)));
        if (vulnerability.knownExploited()) {
            threats.add(new Threat("exploit_status", "Known to be exploited: " + vulnerability.exploited().stream()
                    .map(AdvisoryBuilder::kev).distinct().collect(Collectors.joining("; ")) + ".", null));
        }
        return threats;
    }

    private static String statePhrase(AnalysisState state) {
        return switch (state) {
            case NOT_AFFECTED -> "Not affected: ";
            case FALSE_POSITIVE -> "Not affected (the component matched is not the vulnerable one): ";
            case EXPLOITABLE -> "Affected: ";
            case IN_TRIAGE -> "Under investigation: ";
            case RESOLVED, RESOLVED_WITH_PEDIGREE -> "Fixed: ";
        };
    }

    private static String kev(KevEntry entry) {
        String name = switch (entry.catalog().name()) {
            case "CISA" -> "CISA Known Exploited Vulnerabilities catalog";
            case "EU" -> "EU Known Exploited Vulnerabilities list (CSIRTs Network)";
            default -> entry.catalog().name() + " known-exploited list";
        };
        return "listed in the " + name + (entry.dateAdded() == null ? "" : " since " + entry.dateAdded());
    }

    private List<Remediation> remediations(List<Placed> placed, Map<String, List<String>> status,
            Map<String, Statement> decided, Map<String, List<String>> fixedBy) {
        Map<String, List<String>> grouped = new LinkedHashMap<>();
        Set<String> covered = new LinkedHashSet<>();
        Set<String> open = new LinkedHashSet<>(list(status, "known_affected"));
        open.addAll(list(status, "under_investigation"));
        for (Placed p : placed) {
            String product = p.productId();
            if (!open.contains(product)) {
                continue;
            }
            List<String> fixing = fixedBy.getOrDefault(product, List.of());
            if (!fixing.isEmpty()) {
                addOnce(grouped, "vendor_fix\u0000Update to " + String.join(" or ", fixing) + ", which ships a fixed version of "
                        + p.finding().component().label().replaceAll("@.*$", "") + ".", product);
                covered.add(product);
            }
            Statement statement = decided.get(product);
            if (statement != null) {
                for (var response : statement.responses()) {
                    String category = VexVocabulary.csafRemediation(response);
                    addOnce(grouped, category + "\u0000" + responseText(response, statement, p.finding()), product);
                    covered.add(product);
                }
            }
        }
        for (Placed p : placed) {
            if (list(status, "known_affected").contains(p.productId()) && !covered.contains(p.productId())) {
                List<String> upstream = p.finding().fixedIn();
                addOnce(grouped, "none_available\u0000" + (upstream.isEmpty()
                        ? "No fix is available yet; no fixed version of the component is known."
                        : "No fixed release of " + p.release().product() + " is available yet; the component is fixed upstream in "
                        + String.join(", ", upstream) + "."), p.productId());
                covered.add(p.productId());
            }
        }
        List<Remediation> remediations = new ArrayList<>();
        grouped.forEach((key, products) -> {
            int cut = key.indexOf('\u0000');
            remediations.add(new Remediation(key.substring(0, cut), key.substring(cut + 1), products, null));
        });
        return remediations;
    }

    private static String responseText(dev.tandem.triage.Response response, Statement statement, Finding finding) {
        if (!statement.detail().isBlank()) {
            return statement.detail().strip();
        }
        String fixes = finding.fixedIn().isEmpty() ? "" : " (fixed upstream in " + String.join(", ", finding.fixedIn()) + ")";
        return switch (response) {
            case UPDATE -> "Update to a release that ships a fixed version of " + finding.packageKey().name() + fixes + ".";
            case ROLLBACK -> "Roll back to an earlier release that is not affected.";
            case WORKAROUND_AVAILABLE -> "A workaround is available; contact the publisher.";
            case WILL_NOT_FIX -> "No fix is planned.";
            case CAN_NOT_FIX -> "The vulnerability cannot be fixed in this product.";
        };
    }

    private static List<Id> ids(Vulnerability vulnerability) {
        List<Id> ids = new ArrayList<>();
        if (!vulnerability.id().startsWith("CVE-")) {
            ids.add(new Id(system(vulnerability.id()), vulnerability.id()));
        }
        for (String alias : vulnerability.aliases()) {
            if (!alias.equals(vulnerability.id())) {
                ids.add(new Id(system(alias), alias));
            }
        }
        return ids;
    }

    private static String system(String id) {
        String prefix = id.contains("-") ? id.substring(0, id.indexOf('-')).toUpperCase(Locale.ROOT) : id;
        return switch (prefix) {
            case "CVE" -> "CVE";
            case "GHSA" -> "GitHub Security Advisories";
            case "GO" -> "Go Vulnerability Database";
            case "RUSTSEC" -> "RustSec Advisory Database";
            case "PYSEC" -> "PyPI Advisory Database";
            case "OSV" -> "OSV";
            default -> prefix + " (OSV)";
        };
    }

    private static String title(Vulnerability vulnerability) {
        return vulnerability.advisories().stream().map(Advisory::summary).filter(s -> !s.isBlank()).findFirst()
                .map(s -> s.length() > 200 ? s.substring(0, 200) + "…" : s).orElse(null);
    }

    private static List<Note> notes(Vulnerability vulnerability, List<Placed> placed) {
        List<Note> notes = new ArrayList<>();
        String summary = vulnerability.advisories().stream().map(Advisory::summary).filter(s -> !s.isBlank()).findFirst().orElse("");
        String details = vulnerability.advisories().stream().map(Advisory::details).filter(s -> !s.isBlank()).findFirst().orElse("");
        if (summary.isBlank() && details.isBlank()) {
            notes.add(new Note("description", "The advisories (" + vulnerability.advisories().stream().map(Advisory::id)
                    .collect(Collectors.joining(", ")) + ") give no description.", "Description"));
        }
        if (!summary.isBlank()) {
            notes.add(new Note("summary", summary, "Summary"));
        }
        if (!details.isBlank()) {
            notes.add(new Note("description", details, "Description"));
        }
        for (Map.Entry<String, SeverityScore> stated : statedSeverities(vulnerability)) {
            SeverityScore severity = stated.getValue();
            if (severity.vector().startsWith("CVSS:4.0/")) {
                notes.add(new Note("other", severity.vector() + (severity.isScored() ? " (base score "
                        + severity.baseScore() + ")" : "") + ", given by " + stated.getKey()
                        + ". CSAF 2.0 has no field for CVSS v4.0.", "CVSS v4.0"));
            }
        }
        String detection = placed.stream().map(p -> p.finding().component().label() + " in " + p.release().name() + " ("
                + p.finding().matchRule() + ")").distinct().collect(Collectors.joining("; "));
        notes.add(new Note("other", "Found by matching the SBOM components against the advisories "
                + String.join(", ", placed.get(0).finding().advisoryIds()) + ": " + detection + ".", "Detection"));
        return notes;
    }

    private static List<Reference> references(Vulnerability vulnerability) {
        Map<String, Reference> references = new LinkedHashMap<>();
        if (vulnerability.id().startsWith("CVE-")) {
            String url = "https://www.cve.org/CVERecord?id=" + vulnerability.id();
            references.put(url, new Reference("external", "CVE record " + vulnerability.id(), url));
        }
        for (Advisory advisory : vulnerability.advisories()) {
            String url = "https://osv.dev/vulnerability/" + advisory.id();
            references.putIfAbsent(url, new Reference("external", "OSV record " + advisory.id(), url));
        }
        for (Advisory advisory : vulnerability.advisories()) {
            for (String url : advisory.references()) {
                if (references.size() >= 25) {
                    break;
                }
                if (isWebUrl(url)) {
                    references.putIfAbsent(url.strip(), new Reference("external", "Reference given by " + advisory.id(), url.strip()));
                }
            }
        }
        return new ArrayList<>(references.values());
    }

    static boolean isWebUrl(String text) {
        try {
            URI uri = new URI(text.strip());
            return ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme())) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /**
     * Every severity stated for a vulnerability, with who stated it: each advisory's own, and the
     * vulnerability's chosen one when no advisory carries it — an advisory snapshot keeps only that one.
     */
    private static List<Map.Entry<String, SeverityScore>> statedSeverities(Vulnerability vulnerability) {
        List<Map.Entry<String, SeverityScore>> stated = new ArrayList<>();
        for (Advisory advisory : vulnerability.advisories()) {
            for (SeverityScore severity : advisory.severities()) {
                stated.add(Map.entry(advisory.id(), severity));
            }
        }
        SeverityScore chosen = vulnerability.severity();
        if (chosen != null && stated.stream().noneMatch(e -> e.getValue().vector().strip().equals(chosen.vector().strip()))) {
            stated.add(Map.entry(vulnerability.advisories().stream().map(Advisory::id).collect(Collectors.joining(", ")), chosen));
        }
        return stated;
    }

    /** The highest CVSS v3.x and v2 base scores the advisories state, for every product the vulnerability names. */
    private static List<Score> scores(Vulnerability vulnerability, List<String> products) {
        SeverityScore v3 = null;
        SeverityScore v2 = null;
        for (Map.Entry<String, SeverityScore> stated : statedSeverities(vulnerability)) {
            SeverityScore severity = stated.getValue();
            if (!severity.isScored() || !severity.problem().isEmpty()) {
                continue;
            }
            String vector = severity.vector().strip();
            if ((vector.startsWith("CVSS:3.0/") || vector.startsWith("CVSS:3.1/"))
                    && (v3 == null || severity.baseScore() > v3.baseScore())) {
                v3 = severity;
            } else if ("CVSS_V2".equals(severity.type()) && (v2 == null || severity.baseScore() > v2.baseScore())) {
                v2 = severity;
            }
        }
        if ((v3 == null && v2 == null) || products.isEmpty()) {
            return List.of();
        }
        Cvss cvss3 = v3 == null ? null : new Cvss(v3.vector().strip().substring(5, 8), v3.vector().strip(), v3.baseScore(),
                v3.rating().name());
        Cvss cvss2 = v2 == null ? null : new Cvss("2.0", v2.vector().strip().replaceFirst("^CVSS:2\\.0/", ""), v2.baseScore(), null);
        return List.of(new Score(cvss2, cvss3, products));
    }

    // ---- document ------------------------------------------------------------------------------

    private CsafDocument.Document documentPart(List<CsafDocument.Vulnerability> vulnerabilities) {
        String date = spec.at().atOffset(ZoneOffset.UTC).format(DateTimeFormatter.ISO_INSTANT);
        String releaseNames = releases.values().stream().map(Release::name).collect(Collectors.joining(", "));
        String title = !spec.title().isEmpty() ? spec.title() : switch (spec.profile()) {
            case CSAF_VEX -> "VEX for " + releaseNames;
            case CSAF_SECURITY_ADVISORY -> "Security advisory for " + releaseNames;
        };
        String trackingId = !spec.trackingId().isEmpty() ? spec.trackingId() : defaultTrackingId();
        CsafDocument.Tracking previous = spec.previous();
        String version = previous == null ? "1" : next(previous.version());
        List<CsafDocument.Revision> history = new ArrayList<>(previous == null ? List.of() : previous.revisionHistory());
        history.add(new CsafDocument.Revision(date, version, !spec.summary().isEmpty() ? spec.summary()
                : previous == null ? "Initial version." : "Updated from the current findings and triage decisions."));
        // By instant, not by text: a previous document may write its dates with fractions or offsets.
        history.sort(Comparator.comparing(r -> java.time.OffsetDateTime.parse(r.date()).toInstant()));
        CsafDocument.Tracking tracking = new CsafDocument.Tracking(date, new CsafDocument.Generator(date,
                new CsafDocument.Engine("Tandem", toolVersion)), trackingId,
                previous == null ? date : previous.initialReleaseDate(), history, spec.status(), version);
        List<Note> notes = new ArrayList<>();
        long affected = vulnerabilities.stream().filter(v -> !v.productStatus().equals(new CsafDocument.ProductStatus(
                null, null, null, null, null, null, null, null))).count();
        notes.add(new Note("summary", "This document states the status of " + affected + " vulnerabilit"
                + (affected == 1 ? "y" : "ies") + " in " + releaseNames + ". The findings come from matching the products'"
                + " SBOMs against published advisories (" + String.join(", ", inputs) + "); the status of each product is"
                + " the publisher's triage decision, or under_investigation where no decision was made yet.", "Summary"));
        notes.addAll(spec.notes());
        List<Reference> references = new ArrayList<>();
        for (CsafDocument.Vulnerability vulnerability : vulnerabilities) {
            vulnerability.references().stream().findFirst().ifPresent(references::add);
        }
        if (references.isEmpty()) {
            references.add(new Reference("external", "OSV, the open source vulnerability database the advisories come from",
                    "https://osv.dev/"));
        }
        return new CsafDocument.Document(spec.profile().category(), "2.0", new CsafDocument.Distribution(null,
                new CsafDocument.Tlp(spec.tlp(), TLP_URL)), "en", notes, spec.publisher(), references, title, tracking);
    }

    private String defaultTrackingId() {
        Release first = releases.values().stream().findFirst().orElse(null);
        String base = first == null ? "TANDEM" : first.product() + "-" + first.version();
        String kind = spec.knownExploitedOnly() ? "NOTICE" : spec.profile() == CsafProfile.CSAF_VEX ? "VEX" : "SA";
        String day = spec.at().atOffset(ZoneOffset.UTC).toLocalDate().toString();
        return (base.replaceAll("[^A-Za-z0-9.+]+", "-").replaceAll("^-+|-+$", "") + "-" + kind + "-" + day)
                .toUpperCase(Locale.ROOT);
    }

    /** The version after {@code version}: integer versioning counts up, semantic versioning raises the minor part. */
    static String next(String version) {
        String text = version.strip();
        if (text.matches("0|[1-9][0-9]*")) {
            return Long.toString(Long.parseLong(text) + 1);
        }
        java.util.regex.Matcher semver = java.util.regex.Pattern.compile("(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)")
                .matcher(text);
        if (semver.matches()) {
            return semver.group(1) + "." + (Long.parseLong(semver.group(2)) + 1) + ".0";
        }
        throw new IllegalArgumentException("the previous version '" + version + "' is neither integer nor semantic versioning"
                + " (CSAF 2.0 §3.1.11)");
    }

    private static List<String> list(Map<String, List<String>> status, String name) {
        return status.getOrDefault(name, List.of());
    }

    private static void addOnce(Map<String, List<String>> map, String key, String value) {
        List<String> list = map.computeIfAbsent(key, k -> new ArrayList<>());
        if (!list.contains(value)) {
            list.add(value);
        }
    }
}
