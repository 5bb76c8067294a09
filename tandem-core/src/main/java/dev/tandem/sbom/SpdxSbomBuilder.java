package dev.tandem.sbom;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns the packages and relationships of an SPDX 2.x document (JSON or tag-value) into an
 * {@link Sbom}: the first described package is the subject; DEPENDS_ON, DEPENDENCY_OF (and its
 * BUILD_, DEV_, TEST_, … variants), CONTAINS, CONTAINED_BY, STATIC_LINK and DYNAMIC_LINK are the
 * dependency edges, walked from every described element.
 */
final class SpdxSbomBuilder {

    static final String DOCUMENT_ID = "SPDXRef-DOCUMENT";

    private final List<SpdxPackage> packages = new ArrayList<>();
    private final List<SpdxRelationship> relationships = new ArrayList<>();
    private final Set<String> described = new LinkedHashSet<>();
    private final List<String> creators = new ArrayList<>();
    private String documentId = DOCUMENT_ID;
    private String specVersion = "";
    private String created = "";
    private String namespace = "";

    void specVersion(String value) {
        specVersion = value.startsWith("SPDX-") ? value.substring("SPDX-".length()) : value;
    }

    void documentId(String value) {
        if (!value.isEmpty()) {
            documentId = value;
        }
    }

    /** A {@code creationInfo.creators} entry / {@code Creator:} line, as written. */
    void creator(String value) {
        creators.add(value);
    }

    void created(String value) {
        created = value;
    }

    void namespace(String value) {
        namespace = value;
    }

    void describes(String spdxId) {
        if (!spdxId.isEmpty()) {
            described.add(spdxId);
        }
    }

    void add(SpdxPackage spdxPackage) {
        packages.add(spdxPackage);
    }

    void add(SpdxRelationship relationship) {
        relationships.add(relationship);
    }

    /** The model and the details, the same for JSON and tag-value: both encodings fill this builder. */
    SbomDocument.View view(String source, SbomFormat format) {
        DependencyGraph graph = new DependencyGraph();
        for (SpdxRelationship relationship : relationships) {
            String type = relationship.type().toUpperCase(Locale.ROOT);
            if (type.equals("DESCRIBES") && relationship.element().equals(documentId)) {
                described.add(relationship.related());
            } else if (type.equals("DESCRIBED_BY") && relationship.related().equals(documentId)) {
                described.add(relationship.element());
            } else if (isNone(relationship.related()) && (type.equals("DEPENDS_ON") || type.equals("CONTAINS")
                    || type.equals("STATIC_LINK") || type.equals("DYNAMIC_LINK"))) {
                // "A DEPENDS_ON NONE" states that A has no dependencies; NOASSERTION states nothing.
                if (relationship.related().equals("NONE")) {
                    graph.declare(relationship.element());
                }
            } else if (type.equals("DEPENDS_ON") || type.equals("CONTAINS") || type.equals("STATIC_LINK")
                    || type.equals("DYNAMIC_LINK")) {
                graph.add(relationship.element(), relationship.related());
            } else if ((type.endsWith("DEPENDENCY_OF") || type.equals("CONTAINED_BY")) && !isNone(relationship.related())
                    && !isNone(relationship.element())) {
                graph.add(relationship.related(), relationship.element());
            }
        }
        Subject subject = subject();
        List<ComponentDraft> drafts = new ArrayList<>(packages.size());
        for (SpdxPackage p : packages) {
            drafts.add(new ComponentDraft(p.spdxId(), p.name(), "", p.version(), p.purl(), p.cpe(),
                    Fallbacks.first(p.supplier(), p.originator()), p.hashes(),
                    licenses(p), List.of()));
        }
        Sbom sbom = new Sbom(source, format, specVersion, subject, graph.classify(drafts, List.copyOf(described)));
        return new SbomDocument.View(sbom, () -> details(graph));
    }

    /** What the document says beyond the model, for quality checks (docs/commands/sbom-check.md). */
    private SbomDetails details(DependencyGraph graph) {
        boolean contact = false;
        boolean author = false;
        for (String creator : creators) {
            contact |= isContact(creator);
            author |= !creator.strip().startsWith("Tool:");
        }
        // SPDX 2.3 has no vulnerability section.
        SbomDetails.Document document = new SbomDetails.Document(author, contact, created, namespace, false);
        List<SbomDetails.ComponentDetails> components = new ArrayList<>(packages.size());
        for (SpdxPackage p : packages) {
            List<SbomDetails.Reference> references = isNoAssertion(p.downloadLocation()) ? List.of()
                    : List.of(new SbomDetails.Reference("distribution", p.downloadLocation(), false));
            components.add(new SbomDetails.ComponentDetails(isContact(p.supplier() + " " + p.originator()),
                    p.fileName(), !isNoAssertion(p.licenseConcluded()), !isNoAssertion(p.licenseDeclared()), Map.of(),
                    references, graph.isStated(p.spdxId())));
        }
        return new SbomDetails(document, components);
    }

    private static boolean isContact(String text) {
        return text.contains("@") || text.contains("://");
    }

    private static boolean isNone(String id) {
        return id.equals("NONE") || id.equals("NOASSERTION");
    }

    /** The first described element that is a package; a described file has no name or version to report. */
    private Subject subject() {
        for (String id : described) {
            for (SpdxPackage candidate : packages) {
                if (candidate.spdxId().equals(id)) {
                    return new Subject(candidate.name(), candidate.version(),
                            Fallbacks.first(candidate.supplier(), candidate.originator()),
                            candidate.purl(), candidate.spdxId());
                }
            }
        }
        return Subject.UNKNOWN;
    }

    private static List<String> licenses(SpdxPackage p) {
        Set<String> licenses = new LinkedHashSet<>();
        for (String value : List.of(p.licenseConcluded(), p.licenseDeclared())) {
            if (!isNoAssertion(value)) {
                licenses.add(value);
            }
        }
        return List.copyOf(licenses);
    }

    /** NOASSERTION and NONE say "nothing here"; "" when the field was absent. */
    static boolean isNoAssertion(String value) {
        return value.isEmpty() || value.equals("NOASSERTION") || value.equals("NONE");
    }

    /** "Organization: ACME (ops@acme.example)" → "ACME (ops@acme.example)"; NOASSERTION → "". */
    static String party(String value) {
        String text = value.strip();
        if (isNoAssertion(text)) {
            return "";
        }
        for (String prefix : List.of("Organization:", "Person:", "Tool:")) {
            if (text.startsWith(prefix)) {
                return text.substring(prefix.length()).strip();
            }
        }
        return text;
    }

    /** Picks the first purl and the first CPE (2.3 before 2.2) out of a package's external references. */
    static final class ExternalRefs {
        private String purl = "";
        private String cpe23 = "";
        private String cpe22 = "";

        void add(String category, String type, String locator) {
            String normalizedCategory = category.replace('_', '-').toUpperCase(Locale.ROOT);
            if (normalizedCategory.equals("PACKAGE-MANAGER") && type.equals("purl") && purl.isEmpty()) {
                purl = locator;
            } else if (normalizedCategory.equals("SECURITY") && type.equals("cpe23Type") && cpe23.isEmpty()) {
                cpe23 = locator;
            } else if (normalizedCategory.equals("SECURITY") && type.equals("cpe22Type") && cpe22.isEmpty()) {
                cpe22 = locator;
            }
        }

        String purl() {
            return purl;
        }

        String cpe() {
            return cpe23.isEmpty() ? cpe22 : cpe23;
        }
    }
}
