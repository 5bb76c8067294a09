package dev.tandem.sbom;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.input.InputException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads SPDX 2.3 (and 2.2) JSON documents with a thin Jackson walk instead of java-spdx-library. */
public final class SpdxJsonReader implements SbomReader {

    @Override
    public SbomFormat format() {
        return SbomFormat.SPDX_JSON;
    }

    @Override
    public Sbom read(Path file, byte[] bytes) throws InputException {
        JsonDocument doc = JsonDocument.parse(file, bytes);
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
            builder.describes(doc.text(describes.get(i), JsonDocument.child("/documentDescribes", i)));
        }
        List<JsonNode> packages = doc.array(root, "packages", "");
        for (int i = 0; i < packages.size(); i++) {
            String pointer = JsonDocument.child("/packages", i);
            builder.add(spdxPackage(doc, doc.element(packages.get(i), pointer), pointer));
        }
        List<JsonNode> relationships = doc.array(root, "relationships", "");
        for (int i = 0; i < relationships.size(); i++) {
            String pointer = JsonDocument.child("/relationships", i);
            JsonNode relationship = doc.element(relationships.get(i), pointer);
            builder.add(new SpdxRelationship(doc.text(relationship, "spdxElementId", pointer),
                    doc.text(relationship, "relationshipType", pointer),
                    doc.text(relationship, "relatedSpdxElement", pointer)));
        }
        return builder.build(file, SbomFormat.SPDX_JSON);
    }

    private static SpdxPackage spdxPackage(JsonDocument doc, JsonNode node, String pointer) throws InputException {
        List<Hash> hashes = new ArrayList<>();
        List<JsonNode> checksums = doc.array(node, "checksums", pointer);
        for (int i = 0; i < checksums.size(); i++) {
            String checksumPointer = JsonDocument.child(pointer + "/checksums", i);
            JsonNode checksum = doc.element(checksums.get(i), checksumPointer);
            String value = doc.text(checksum, "checksumValue", checksumPointer);
            if (!value.isEmpty()) {
                hashes.add(new Hash(doc.text(checksum, "algorithm", checksumPointer), value));
            }
        }
        SpdxSbomBuilder.ExternalRefs refs = new SpdxSbomBuilder.ExternalRefs();
        List<JsonNode> externalRefs = doc.array(node, "externalRefs", pointer);
        for (int i = 0; i < externalRefs.size(); i++) {
            String refPointer = JsonDocument.child(pointer + "/externalRefs", i);
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
}
