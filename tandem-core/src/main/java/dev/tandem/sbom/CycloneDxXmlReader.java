package dev.tandem.sbom;

import dev.tandem.input.InputException;
import dev.tandem.input.InputPosition;
import java.util.ArrayList;
import java.util.List;

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

    /** The model of a parsed CycloneDX XML document; XML details are not read yet (issue #22). */
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
        components(bom, List.of(), drafts);
        if (!subjectElement.isAbsent()) {
            components(subjectElement, List.of(subject.name()), drafts);
        }

        DependencyGraph graph = new DependencyGraph();
        for (XmlElement dependency : bom.child("dependencies").children("dependency")) {
            String ref = dependency.attribute("ref");
            for (XmlElement target : dependency.children("dependency")) {
                graph.add(ref, target.attribute("ref"));
            }
        }
        List<String> roots = subject.bomRef().isEmpty() ? List.of() : List.of(subject.bomRef());
        return new SbomDocument.View(new Sbom(source, SbomFormat.CYCLONEDX_XML, specVersion, subject,
                graph.classify(drafts, roots)), null);
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
    private static void components(XmlElement parent, List<String> path, List<ComponentDraft> drafts) {
        for (XmlElement element : parent.child("components").children("component")) {
            ComponentDraft draft = draft(element, path);
            drafts.add(draft);
            if (!element.child("components").isAbsent()) {
                List<String> inner = new ArrayList<>(path);
                inner.add(draft.name());
                components(element, inner, drafts);
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
