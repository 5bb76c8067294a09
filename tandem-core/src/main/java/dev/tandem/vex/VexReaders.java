package dev.tandem.vex;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.input.InputDocument;
import dev.tandem.input.InputException;
import dev.tandem.input.InputLimits;
import dev.tandem.input.InputPosition;
import dev.tandem.input.JsonTree;
import java.util.Base64;
import java.util.Locale;

/**
 * Reads a VEX document of any supported format, told from its content: CSAF ({@code document.csaf_version}),
 * CycloneDX ({@code "bomFormat": "CycloneDX"}, or XML with the root {@code <bom>} in the CycloneDX namespace) or OpenVEX ({@code @context} under
 * {@code https://openvex.dev/ns}), the last also inside an in-toto statement or a DSSE envelope.
 */
public final class VexReaders {

    static final String EXPECTED = "expected CSAF VEX (document.csaf_version), CycloneDX VEX JSON (\"bomFormat\":"
            + " \"CycloneDX\") or XML (<bom xmlns=\"http://cyclonedx.org/schema/bom/1.x\">) or OpenVEX (\"@context\": \"https://openvex.dev/ns/v0.2.0\")";

    private VexReaders() {
    }

    /** Reads one document under the default limits. */
    public static VexDocument read(InputDocument document) throws InputException {
        byte[] bytes = document.content();
        int start = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
        int first = start;
        while (first < bytes.length && Character.isWhitespace(bytes[first])) {
            first++;
        }
        if (first < bytes.length && bytes[first] == '<') {
            return CycloneDxXmlVex.read(document);
        }
        if (first == bytes.length) {
            throw new InputException(document.source(), InputPosition.UNKNOWN, "empty document: " + EXPECTED);
        }
        byte[] json = start == 0 ? bytes : java.util.Arrays.copyOfRange(bytes, start, bytes.length);
        JsonTree tree = JsonTree.parse(document.source(), json, InputLimits.DEFAULT);
        refuseDuplicateKeys(document.source(), json);
        return read(tree, true);
    }

    /**
     * A key given twice would let a document say "affected" and then "not_affected" for one statement,
     * and readers disagree on which wins: refused, with its position.
     */
    private static void refuseDuplicateKeys(String source, byte[] json) throws InputException {
        try (com.fasterxml.jackson.core.JsonParser parser = dev.tandem.input.JsonInput.json().getFactory().createParser(json)) {
            parser.enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
            while (parser.nextToken() != null) {
                // Every token is read: the parser checks each object's keys as it goes.
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw dev.tandem.input.JsonInput.error(source, e);
        } catch (java.io.IOException e) {
            throw new InputException(source, InputPosition.UNKNOWN, "cannot read the document: " + e.getMessage(), e);
        }
    }

    private static VexDocument read(JsonTree tree, boolean unwrap) throws InputException {
        JsonNode root = tree.root();
        if (root.path("bomFormat").asText("").equals("CycloneDX")) {
            return CycloneDxVexReader.read(tree);
        }
        if (root.path("document").path("csaf_version").isTextual()) {
            return CsafVexReader.read(tree);
        }
        if (root.path("@context").asText("").toLowerCase(Locale.ROOT).startsWith("https://openvex.dev/ns")) {
            return OpenVexReader.read(tree);
        }
        if (unwrap && root.path("payloadType").isTextual() && root.path("payload").isTextual()) {
            byte[] payload;
            try {
                payload = Base64.getDecoder().decode(root.path("payload").asText().strip());
            } catch (IllegalArgumentException e) {
                throw tree.error("/payload", "the DSSE payload is not base64: " + e.getMessage());
            }
            return read(JsonTree.parse(tree.source() + "!payload", payload, InputLimits.DEFAULT), true);
        }
        if (unwrap && root.path("_type").asText("").startsWith("https://in-toto.io/Statement")) {
            JsonNode predicate = root.path("predicate");
            if (!predicate.isObject()) {
                throw tree.error("/predicate", "the in-toto statement has no predicate object");
            }
            byte[] inner = predicate.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
            return read(JsonTree.parse(tree.source() + "!predicate", inner, InputLimits.DEFAULT), false);
        }
        throw tree.error("", "not a VEX document: " + EXPECTED);
    }
}
