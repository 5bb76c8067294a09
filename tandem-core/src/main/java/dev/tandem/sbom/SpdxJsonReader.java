package dev.tandem.sbom;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.input.InputException;
import dev.tandem.input.JsonTree;
import java.util.ArrayList;
import java.util.List;

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
        builder.namespace(doc.text(root, "documentNamespace", ""));
        JsonNode creation = doc.object(root, "creationInfo", "");
        builder.created(doc.text(creation, "created", "/creationInfo"));
        for (String creator : doc.values(creation, "creators", "/creationInfo")) {
            builder.creator(creator == null ? "" : creator.strip());
        }
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
        return builder.view(doc.source(), SbomFormat.SPDX_JSON);
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
                refs.purl(), refs.cpe(), doc.text(node, "packageFileName", pointer),
                doc.text(node, "downloadLocation", pointer));
    }
}
