package dev.tandem.sbom;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.input.InputException;
import dev.tandem.input.JsonTree;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads CycloneDX 1.2–1.6 JSON with the hardened Jackson reader of {@code dev.tandem.input}.
 * cyclonedx-core-java 12.2.0 is not used here: it turns an unknown object-valued property of a
 * component into phantom components and fails on unknown array-valued ones (docs/formats/cyclonedx.md).
 */
public final class CycloneDxJsonReader implements SbomReader {

    @Override
    public SbomFormat format() {
        return SbomFormat.CYCLONEDX_JSON;
    }

    /** The model and details of a parsed CycloneDX JSON document. */
    static SbomDocument.View view(JsonTree tree) throws InputException {
        return new Walk(tree).view();
    }

    /** One pass over one document. */
    private static final class Walk {
        private final JsonTree doc;
        private final List<ComponentDraft> drafts = new ArrayList<>();
        /** The components' JSON, in the order of {@link #drafts}, for their details. */
        private final List<JsonNode> draftNodes = new ArrayList<>();

        Walk(JsonTree doc) {
            this.doc = doc;
        }

        SbomDocument.View view() throws InputException {
            JsonNode root = doc.root();
            String bomFormat = doc.text(root, "bomFormat", "");
            if (!bomFormat.isEmpty() && !bomFormat.equalsIgnoreCase("CycloneDX")) {
                throw doc.error("/bomFormat", "expected \"CycloneDX\", found \"" + bomFormat + "\"");
            }
            String specVersion = doc.text(root, "specVersion", "");
            JsonNode metadata = doc.object(root, "metadata", "");
            JsonNode subjectNode = doc.object(metadata, "component", "/metadata");
            Subject subject = subject(metadata, subjectNode);

            components(root, "", List.of());
            if (!subjectNode.isMissingNode()) {
                // The subject's own sub-components are part of the product too.
                components(subjectNode, "/metadata/component", List.of(subject.name()));
            }

            DependencyGraph graph = new DependencyGraph();
            List<JsonNode> dependencies = doc.array(root, "dependencies", "");
            for (int i = 0; i < dependencies.size(); i++) {
                String pointer = JsonTree.child("/dependencies", i);
                JsonNode dependency = doc.element(dependencies.get(i), pointer);
                String ref = doc.text(dependency, "ref", pointer);
                graph.declare(ref);
                List<JsonNode> dependsOn = doc.array(dependency, "dependsOn", pointer);
                for (int j = 0; j < dependsOn.size(); j++) {
                    graph.add(ref, doc.text(dependsOn.get(j), JsonTree.child(pointer + "/dependsOn", j)));
                }
            }
            List<String> roots = subject.bomRef().isEmpty() ? List.of() : List.of(subject.bomRef());
            Sbom sbom = new Sbom(doc.source(), SbomFormat.CYCLONEDX_JSON, specVersion, subject,
                    graph.classify(drafts, roots));
            return new SbomDocument.View(sbom, () -> {
                List<SbomDetails.ComponentDetails> details = new ArrayList<>(draftNodes.size());
                for (int i = 0; i < draftNodes.size(); i++) {
                    details.add(Details.component(draftNodes.get(i), graph.isStated(drafts.get(i).bomRef())));
                }
                return new SbomDetails(Details.document(root), details);
            });
        }

        private Subject subject(JsonNode metadata, JsonNode component) throws InputException {
            if (metadata.isMissingNode()) {
                return Subject.UNKNOWN;
            }
            String manufacturer = Fallbacks.first(
                    entityName(metadata, "manufacturer", "/metadata"),
                    entityName(metadata, "manufacture", "/metadata"),
                    entityName(metadata, "supplier", "/metadata"));
            if (component.isMissingNode()) {
                return new Subject("", "", manufacturer, "", "");
            }
            String pointer = "/metadata/component";
            manufacturer = Fallbacks.first(manufacturer,
                    entityName(component, "manufacturer", pointer),
                    entityName(component, "supplier", pointer));
            return new Subject(doc.text(component, "name", pointer), doc.text(component, "version", pointer),
                    manufacturer, doc.text(component, "purl", pointer), doc.text(component, "bom-ref", pointer));
        }

        /** Flattens {@code parent.components} depth-first in document order. */
        private void components(JsonNode parent, String parentPointer, List<String> path) throws InputException {
            List<JsonNode> nodes = doc.array(parent, "components", parentPointer);
            for (int i = 0; i < nodes.size(); i++) {
                String pointer = JsonTree.child(parentPointer + "/components", i);
                JsonNode node = doc.element(nodes.get(i), pointer);
                ComponentDraft draft = draft(node, pointer, path);
                drafts.add(draft);
                draftNodes.add(node);
                if (node.has("components")) {
                    List<String> inner = new ArrayList<>(path);
                    inner.add(draft.name());
                    components(node, pointer, inner);
                }
            }
        }

        private ComponentDraft draft(JsonNode node, String pointer, List<String> path) throws InputException {
            return new ComponentDraft(
                    doc.text(node, "bom-ref", pointer),
                    doc.text(node, "name", pointer),
                    doc.text(node, "group", pointer),
                    doc.text(node, "version", pointer),
                    doc.text(node, "purl", pointer),
                    doc.text(node, "cpe", pointer),
                    supplier(node, pointer),
                    hashes(node, pointer),
                    licenses(node, pointer),
                    path);
        }

        private String supplier(JsonNode node, String pointer) throws InputException {
            String supplier = Fallbacks.first(entityName(node, "supplier", pointer),
                    doc.text(node, "publisher", pointer), doc.text(node, "author", pointer));
            if (!supplier.isEmpty()) {
                return supplier;
            }
            List<JsonNode> authors = doc.array(node, "authors", pointer);
            for (int i = 0; i < authors.size(); i++) {
                String authorPointer = JsonTree.child(pointer + "/authors", i);
                String name = doc.text(doc.element(authors.get(i), authorPointer), "name", authorPointer);
                if (!name.isEmpty()) {
                    return name;
                }
            }
            return "";
        }

        private List<Hash> hashes(JsonNode node, String pointer) throws InputException {
            List<JsonNode> nodes = doc.array(node, "hashes", pointer);
            List<Hash> hashes = new ArrayList<>(nodes.size());
            for (int i = 0; i < nodes.size(); i++) {
                String hashPointer = JsonTree.child(pointer + "/hashes", i);
                JsonNode hash = doc.element(nodes.get(i), hashPointer);
                String content = doc.text(hash, "content", hashPointer);
                if (!content.isEmpty()) {
                    hashes.add(new Hash(doc.text(hash, "alg", hashPointer), content));
                }
            }
            return hashes;
        }

        private List<String> licenses(JsonNode node, String pointer) throws InputException {
            List<JsonNode> nodes = doc.array(node, "licenses", pointer);
            List<String> licenses = new ArrayList<>(nodes.size());
            for (int i = 0; i < nodes.size(); i++) {
                String choicePointer = JsonTree.child(pointer + "/licenses", i);
                JsonNode choice = doc.element(nodes.get(i), choicePointer);
                JsonNode license = doc.object(choice, "license", choicePointer);
                String licensePointer = choicePointer + "/license";
                String value = Fallbacks.first(doc.text(license, "id", licensePointer),
                        doc.text(license, "name", licensePointer), doc.text(choice, "expression", choicePointer));
                if (!value.isEmpty()) {
                    licenses.add(value);
                }
            }
            return licenses;
        }

        private String entityName(JsonNode parent, String field, String pointer) throws InputException {
            JsonNode entity = doc.object(parent, field, pointer);
            return doc.text(entity, "name", JsonTree.child(pointer, field));
        }
    }

    /**
     * The details of the document and its components. Read leniently, as text where there is text
     * (an unexpected shape counts as absent): details never make a document unreadable.
     */
    private static final class Details {

        private Details() {
        }

        static SbomDetails.Document document(JsonNode root) {
            JsonNode metadata = root.path("metadata");
            boolean contact = false;
            boolean author = false;
            for (JsonNode a : metadata.path("authors")) {
                author |= !a.path("name").asText().isBlank() || !a.path("email").asText().isBlank();
                contact |= !a.path("email").asText().isBlank();
            }
            for (String party : List.of("manufacturer", "supplier", "manufacture")) {
                JsonNode p = metadata.path(party);
                author |= !p.path("name").asText().isBlank();
                contact |= hasContact(p);
            }
            JsonNode vulnerabilities = root.path("vulnerabilities");
            return new SbomDetails.Document(author, contact, metadata.path("timestamp").asText(),
                    root.path("serialNumber").asText(), !vulnerabilities.isMissingNode() && !vulnerabilities.isEmpty());
        }

        static SbomDetails.ComponentDetails component(JsonNode c, boolean dependenciesStated) {
            boolean contact = hasContact(c.path("supplier")) || hasContact(c.path("manufacturer"))
                    || anyText(c.path("authors"), "email");
            Map<String, String> properties = new LinkedHashMap<>();
            c.path("properties").forEach(p -> properties.put(p.path("name").asText(), p.path("value").asText()));
            boolean concluded = false;
            boolean declared = false;
            for (JsonNode l : c.path("licenses")) {
                String ack = l.path("license").path("acknowledgement").asText(l.path("acknowledgement").asText(""));
                if (ack.equals("concluded")) {
                    concluded = true;
                } else {
                    declared = true; // CycloneDX leaves acknowledgement optional; unmarked licences count as declared.
                }
            }
            List<SbomDetails.Reference> references = new ArrayList<>();
            for (JsonNode ref : c.path("externalReferences")) {
                references.add(new SbomDetails.Reference(ref.path("type").asText(), ref.path("url").asText(),
                        !ref.path("hashes").isEmpty()));
            }
            String fileName = properties.getOrDefault("bsi:component:filename", "");
            return new SbomDetails.ComponentDetails(contact, fileName, concluded, declared, properties, references,
                    dependenciesStated);
        }

        private static boolean hasContact(JsonNode party) {
            if (party.isMissingNode()) {
                return false;
            }
            boolean url = party.path("url").isArray() ? !party.path("url").isEmpty() : !party.path("url").asText().isBlank();
            return url || anyText(party.path("contact"), "email");
        }

        private static boolean anyText(JsonNode array, String field) {
            for (JsonNode item : array) {
                if (!item.path(field).asText().isBlank()) {
                    return true;
                }
            }
            return false;
        }
    }
}
