package dev.tandem.sbom;

import dev.tandem.input.InputException;
import dev.tandem.input.InputPosition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads CycloneDX 1.2–1.6 XML with the hardened StAX parser of {@code dev.tandem.input}: DOCTYPE is
 * refused, limits apply while reading, elements of other namespaces (extensions) are ignored. Not
 * cyclonedx-core-java 12.2.0, which turns extension elements into phantom components.
 */
public final class CycloneDxXmlReader implements SbomReader {

    @Override
    public SbomFormat format() {
        return SbomFormat.CYCLONEDX_XML;
    }

    /** The model and details of a parsed CycloneDX XML document: the same facts as from JSON, read from the elements. */
    static SbomDocument.View view(String source, XmlElement bom) throws InputException {
        if (!bom.namespace().startsWith(FormatSniffer.CYCLONEDX_NAMESPACE) || !bom.name().equals("bom")) {
            throw new InputException(source, InputPosition.at(bom.line(), bom.column()),
                    "expected the root element <bom> in namespace " + FormatSniffer.CYCLONEDX_NAMESPACE
                            + "1.x, found <" + bom.name() + "> in \"" + bom.namespace() + "\"");
        }
        String specVersion = bom.namespace().substring(FormatSniffer.CYCLONEDX_NAMESPACE.length());
        XmlElement metadata = bom.child("metadata");
        XmlElement subjectElement = metadata.child("component");
        Subject subject = subject(metadata, subjectElement);

        List<ComponentDraft> drafts = new ArrayList<>();
        List<XmlElement> elements = new ArrayList<>();
        components(bom, List.of(), drafts, elements);
        if (!subjectElement.isAbsent()) {
            components(subjectElement, List.of(subject.name()), drafts, elements);
        }

        DependencyGraph graph = new DependencyGraph();
        for (XmlElement dependency : bom.child("dependencies").children("dependency")) {
            String ref = dependency.attribute("ref");
            graph.declare(ref);
            for (XmlElement target : dependency.children("dependency")) {
                graph.add(ref, target.attribute("ref"));
            }
        }
        List<String> roots = subject.bomRef().isEmpty() ? List.of() : List.of(subject.bomRef());
        Sbom sbom = new Sbom(source, SbomFormat.CYCLONEDX_XML, specVersion, subject, graph.classify(drafts, roots));
        return new SbomDocument.View(sbom, () -> {
            List<SbomDetails.ComponentDetails> details = new ArrayList<>(elements.size());
            for (int i = 0; i < elements.size(); i++) {
                details.add(component(elements.get(i), graph.isStated(drafts.get(i).bomRef())));
            }
            return new SbomDetails(document(bom), details);
        });
    }

    // The details, read as the JSON reader reads them (docs/commands/sbom-check.md has the table).

    private static SbomDetails.Document document(XmlElement bom) {
        XmlElement metadata = bom.child("metadata");
        boolean author = false;
        boolean contact = false;
        for (XmlElement a : metadata.child("authors").children("author")) {
            author |= !a.childText("name").isBlank() || !a.childText("email").isBlank();
            contact |= !a.childText("email").isBlank();
        }
        for (String party : List.of("manufacturer", "supplier", "manufacture")) {
            XmlElement p = metadata.child(party);
            author |= !p.childText("name").isBlank();
            contact |= hasContact(p);
        }
        return new SbomDetails.Document(author, contact, metadata.childText("timestamp"), bom.attribute("serialNumber"),
                !bom.child("vulnerabilities").children("vulnerability").isEmpty());
    }

    private static SbomDetails.ComponentDetails component(XmlElement c, boolean dependenciesStated) {
        boolean contact = hasContact(c.child("supplier")) || hasContact(c.child("manufacturer"))
                || c.child("authors").children("author").stream().anyMatch(a -> !a.childText("email").isBlank());
        Map<String, String> properties = new LinkedHashMap<>();
        for (XmlElement property : c.child("properties").children("property")) {
            properties.put(property.attribute("name"), property.text());
        }
        boolean concluded = false;
        boolean declared = false;
        for (XmlElement choice : c.child("licenses").children()) {
            if (!choice.namespace().equals(c.namespace())
                    || !(choice.name().equals("license") || choice.name().equals("expression"))) {
                continue;
            }
            if (choice.attribute("acknowledgement").equals("concluded")) {
                concluded = true;
            } else {
                declared = true; // CycloneDX leaves acknowledgement optional; unmarked licences count as declared.
            }
        }
        List<SbomDetails.Reference> references = new ArrayList<>();
        for (XmlElement ref : c.child("externalReferences").children("reference")) {
            references.add(new SbomDetails.Reference(ref.attribute("type"), ref.childText("url"),
                    !ref.child("hashes").children("hash").isEmpty()));
        }
        return new SbomDetails.ComponentDetails(contact, properties.getOrDefault("bsi:component:filename", ""),
                concluded, declared, properties, references, dependenciesStated);
    }

    /** A URL or a contact e-mail for an organisation ({@code url} and {@code contact} repeat in XML). */
    private static boolean hasContact(XmlElement party) {
        return party.children("url").stream().anyMatch(u -> !u.text().isBlank())
                || party.children("contact").stream().anyMatch(c -> !c.childText("email").isBlank());
    }

    private static Subject subject(XmlElement metadata, XmlElement component) {
        String manufacturer = Fallbacks.first(
                metadata.child("manufacturer").childText("name"),
                metadata.child("manufacture").childText("name"),
                metadata.child("supplier").childText("name"),
                component.child("manufacturer").childText("name"),
                component.child("supplier").childText("name"));
        return new Subject(component.childText("name"), component.childText("version"), manufacturer,
                component.childText("purl"), component.attribute("bom-ref"));
    }

    /** Flattens {@code parent/components/component} depth-first in document order. */
    private static void components(XmlElement parent, List<String> path, List<ComponentDraft> drafts,
            List<XmlElement> elements) {
        for (XmlElement element : parent.child("components").children("component")) {
            ComponentDraft draft = draft(element, path);
            drafts.add(draft);
            elements.add(element);
            if (!element.child("components").isAbsent()) {
                List<String> inner = new ArrayList<>(path);
                inner.add(draft.name());
                components(element, inner, drafts, elements);
            }
        }
    }

    private static ComponentDraft draft(XmlElement element, List<String> path) {
        String supplier = Fallbacks.first(element.child("supplier").childText("name"),
                element.childText("publisher"), element.childText("author"));
        if (supplier.isEmpty()) {
            for (XmlElement author : element.child("authors").children("author")) {
                if (!author.childText("name").isEmpty()) {
                    supplier = author.childText("name");
                    break;
                }
            }
        }
        List<Hash> hashes = new ArrayList<>();
        for (XmlElement hash : element.child("hashes").children("hash")) {
            if (!hash.text().isEmpty()) {
                hashes.add(new Hash(hash.attribute("alg"), hash.text()));
            }
        }
        List<String> licenses = new ArrayList<>();
        for (XmlElement choice : element.child("licenses").children()) {
            if (!choice.namespace().equals(element.namespace())) {
                continue;
            }
            String value = switch (choice.name()) {
                case "license" -> Fallbacks.first(choice.childText("id"), choice.childText("name"));
                case "expression" -> choice.text();
                default -> "";
            };
            if (!value.isEmpty()) {
                licenses.add(value);
            }
        }
        return new ComponentDraft(element.attribute("bom-ref"), element.childText("name"), element.childText("group"),
                element.childText("version"), element.childText("purl"), element.childText("cpe"), supplier,
                hashes, licenses, path);
    }
}
