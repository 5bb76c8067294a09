package dev.tandem.sbom;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.input.InputException;
import dev.tandem.input.JsonTree;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads SPDX 2.3 (and 2.2) JSON documents with a thin Jackson walk instead of java-spdx-library. */
public final class SpdxJsonReader implements SbomReader {

    @Override
    public SbomFormat format() {
        return SbomFormat.SPDX_JSON;
    }

    /** The model and details of a parsed SPDX JSON document. */
    static SbomDocument.View view(JsonTree doc) throws InputException {
        JsonNode root = doc.root();
        String spdxVersion = doc.text(root, "spdxVersion", "");
        if (!spdxVersion.startsWith("SPDX-2.")) {
            throw doc.error("/spdxVersion", "expected an SPDX 2.x version such as \"SPDX-2.3\", found \""
                    + spdxVersion + "\"");
        }
        SpdxSbomBuilder builder = new SpdxSbomBuilder();
        builder.specVersion(spdxVersion);
        builder.documentId(doc.text(root, "SPDXID", ""));
        List<JsonNode> describes = doc.array(root, "documentDescribes", "");
        for (int i = 0; i < describes.size(); i++) {
            builder.describes(doc.text(describes.get(i), JsonTree.child("/documentDescribes", i)));
        }
        List<JsonNode> packages = doc.array(root, "packages", "");
        for (int i = 0; i < packages.size(); i++) {
            String pointer = JsonTree.child("/packages", i);
            builder.add(spdxPackage(doc, doc.element(packages.get(i), pointer), pointer));
        }
        List<JsonNode> relationships = doc.array(root, "relationships", "");
        for (int i = 0; i < relationships.size(); i++) {
            String pointer = JsonTree.child("/relationships", i);
            JsonNode relationship = doc.element(relationships.get(i), pointer);
            builder.add(new SpdxRelationship(doc.text(relationship, "spdxElementId", pointer),
                    doc.text(relationship, "relationshipType", pointer),
                    doc.text(relationship, "relatedSpdxElement", pointer)));
        }
        return new SbomDocument.View(builder.build(doc.source(), SbomFormat.SPDX_JSON),
                () -> new SbomDetails(document(root), packages.stream().map(SpdxJsonReader::details).toList()));
    }

    private static SpdxPackage spdxPackage(JsonTree doc, JsonNode node, String pointer) throws InputException {
        List<Hash> hashes = new ArrayList<>();
        List<JsonNode> checksums = doc.array(node, "checksums", pointer);
        for (int i = 0; i < checksums.size(); i++) {
            String checksumPointer = JsonTree.child(pointer + "/checksums", i);
            JsonNode checksum = doc.element(checksums.get(i), checksumPointer);
            String value = doc.text(checksum, "checksumValue", checksumPointer);
            if (!value.isEmpty()) {
                hashes.add(new Hash(doc.text(checksum, "algorithm", checksumPointer), value));
            }
        }
        SpdxSbomBuilder.ExternalRefs refs = new SpdxSbomBuilder.ExternalRefs();
        List<JsonNode> externalRefs = doc.array(node, "externalRefs", pointer);
        for (int i = 0; i < externalRefs.size(); i++) {
            String refPointer = JsonTree.child(pointer + "/externalRefs", i);
            JsonNode ref = doc.element(externalRefs.get(i), refPointer);
            refs.add(doc.text(ref, "referenceCategory", refPointer), doc.text(ref, "referenceType", refPointer),
                    doc.text(ref, "referenceLocator", refPointer));
        }
        return new SpdxPackage(doc.text(node, "SPDXID", pointer), doc.text(node, "name", pointer),
                doc.text(node, "versionInfo", pointer),
                SpdxSbomBuilder.party(doc.text(node, "supplier", pointer)),
                SpdxSbomBuilder.party(doc.text(node, "originator", pointer)), hashes,
                doc.text(node, "licenseConcluded", pointer), doc.text(node, "licenseDeclared", pointer),
                refs.purl(), refs.cpe());
    }

    // The details are read leniently, as text where there is text: they never make a document unreadable.

    private static SbomDetails.Document document(JsonNode root) {
        JsonNode creation = root.path("creationInfo");
        boolean contact = false;
        boolean author = false;
        for (JsonNode creator : creation.path("creators")) {
            String text = creator.asText();
            contact |= isContact(text);
            author |= !text.startsWith("Tool:");
        }
        // SPDX 2.3 has no vulnerability section.
        return new SbomDetails.Document(author, contact, creation.path("created").asText(),
                root.path("documentNamespace").asText(), false);
    }

    private static SbomDetails.ComponentDetails details(JsonNode p) {
        String download = p.path("downloadLocation").asText();
        List<SbomDetails.Reference> references = asserted(download)
                ? List.of(new SbomDetails.Reference("distribution", download, false))
                : List.of();
        return new SbomDetails.ComponentDetails(
                isContact(p.path("supplier").asText() + " " + p.path("originator").asText()),
                p.path("packageFileName").asText(), asserted(p.path("licenseConcluded").asText()),
                asserted(p.path("licenseDeclared").asText()), Map.of(), references, false);
    }

    private static boolean isContact(String text) {
        return text.contains("@") || text.contains("://");
    }

    private static boolean asserted(String value) {
        return !value.isBlank() && !value.equals("NOASSERTION") && !value.equals("NONE");
    }
}
