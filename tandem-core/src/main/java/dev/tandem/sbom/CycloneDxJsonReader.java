package dev.tandem.sbom;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.input.InputException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

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

    @Override
    public Sbom read(Path file, byte[] bytes) throws InputException {
        JsonDocument document = JsonDocument.parse(file, bytes);
        return new Walk(document).sbom(file);
    }

    /** One pass over one document. */
    private static final class Walk {
        private final JsonDocument doc;
        private final List<ComponentDraft> drafts = new ArrayList<>();

        Walk(JsonDocument doc) {
            this.doc = doc;
        }

        Sbom sbom(Path file) throws InputException {
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
                String pointer = JsonDocument.child("/dependencies", i);
                JsonNode dependency = doc.element(dependencies.get(i), pointer);
                String ref = doc.text(dependency, "ref", pointer);
                List<JsonNode> dependsOn = doc.array(dependency, "dependsOn", pointer);
                for (int j = 0; j < dependsOn.size(); j++) {
                    graph.add(ref, doc.text(dependsOn.get(j), JsonDocument.child(pointer + "/dependsOn", j)));
                }
            }
            List<String> roots = subject.bomRef().isEmpty() ? List.of() : List.of(subject.bomRef());
            return new Sbom(file.toString(), SbomFormat.CYCLONEDX_JSON, specVersion, subject,
                    graph.classify(drafts, roots));
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
                String pointer = JsonDocument.child(parentPointer + "/components", i);
                JsonNode node = doc.element(nodes.get(i), pointer);
                ComponentDraft draft = draft(node, pointer, path);
                drafts.add(draft);
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
                String authorPointer = JsonDocument.child(pointer + "/authors", i);
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
                String hashPointer = JsonDocument.child(pointer + "/hashes", i);
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
                String choicePointer = JsonDocument.child(pointer + "/licenses", i);
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
            return doc.text(entity, "name", JsonDocument.child(pointer, field));
        }
    }
}
