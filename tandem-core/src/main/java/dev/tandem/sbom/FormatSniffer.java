package dev.tandem.sbom;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.input.InputException;
import dev.tandem.input.InputLimits;
import dev.tandem.input.InputPosition;
import dev.tandem.input.JsonTree;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;

/**
 * Tells the SBOM format from a document's content, never from its file name, and parses it once
 * with the parser of that syntax: the first character picks JSON, XML or tag-value, and the parsed
 * top level decides between CycloneDX and SPDX.
 */
final class FormatSniffer {

    static final String CYCLONEDX_NAMESPACE = "http://cyclonedx.org/schema/bom/";
    static final String EXPECTED = "expected CycloneDX JSON (\"bomFormat\": \"CycloneDX\"), CycloneDX XML "
            + "(namespace " + CYCLONEDX_NAMESPACE + "1.x), SPDX 2.x JSON (\"spdxVersion\") or SPDX tag-value "
            + "(an \"SPDXVersion:\" line)";
    private static final int TAG_VALUE_WINDOW = 64 * 1024;

    private FormatSniffer() {
    }

    static SbomDocument parse(String source, byte[] bytes, InputLimits limits) throws InputException {
        int start = afterByteOrderMark(bytes);
        int first = start;
        int line = 1;
        int column = 1;
        while (first < bytes.length && isWhitespace(bytes[first])) {
            if (bytes[first] == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
            first++;
        }
        if (first == bytes.length) {
            throw new InputException(source, InputPosition.UNKNOWN, "empty file, " + EXPECTED);
        }
        InputPosition position = InputPosition.at(line, column);
        return switch (bytes[first]) {
            case '{' -> {
                JsonTree tree = JsonTree.parse(source, bytes, limits);
                yield new SbomDocument(source, json(tree, position), new SbomDocument.Parsed.Json(tree));
            }
            case '<' -> {
                XmlElement root = XmlTree.parse(source, bytes, limits);
                if (!root.namespace().startsWith(CYCLONEDX_NAMESPACE)) {
                    throw new InputException(source, InputPosition.at(root.line(), root.column()),
                            "XML root element <" + root.name() + "> in namespace \"" + root.namespace()
                                    + "\" is not a CycloneDX bom (SPDX RDF/XML is not supported); " + EXPECTED);
                }
                yield new SbomDocument(source, SbomFormat.CYCLONEDX_XML, new SbomDocument.Parsed.Xml(root));
            }
            default -> {
                if (hasTagValueVersion(bytes, start)) {
                    yield new SbomDocument(source, SbomFormat.SPDX_TAG_VALUE,
                            new SbomDocument.Parsed.TagValue(TagValueLine.parse(source, bytes, start, limits)));
                }
                throw new InputException(source, position, "not a recognised SBOM format: " + EXPECTED);
            }
        };
    }

    /** Looks at the top-level keys in document order; the first one that decides wins. */
    private static SbomFormat json(JsonTree tree, InputPosition start) throws InputException {
        Iterator<Map.Entry<String, JsonNode>> fields = tree.root().fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode value = field.getValue();
            if (!value.isValueNode()) {
                continue;
            }
            String text = value.isNull() ? "" : value.asText();
            switch (field.getKey()) {
                case "bomFormat" -> {
                    if (text.equalsIgnoreCase("CycloneDX")) {
                        return SbomFormat.CYCLONEDX_JSON;
                    }
                    InputPosition at = tree.position("/bomFormat");
                    throw new InputException(tree.source(), InputPosition.at(at.line(), at.column()),
                            "\"bomFormat\" is \"" + text + "\", expected \"CycloneDX\"");
                }
                case "$schema" -> {
                    if (text.toLowerCase(Locale.ROOT).contains("cyclonedx")) {
                        return SbomFormat.CYCLONEDX_JSON;
                    }
                }
                case "spdxVersion" -> {
                    return SbomFormat.SPDX_JSON;
                }
                case "@context" -> {
                    if (text.contains("spdx.org/rdf/3")) {
                        throw new InputException(tree.source(), start, "SPDX 3 (JSON-LD) is not supported; " + EXPECTED);
                    }
                }
                default -> {
                }
            }
        }
        throw new InputException(tree.source(), start, "JSON document is not a recognised SBOM: " + EXPECTED);
    }

    private static boolean hasTagValueVersion(byte[] bytes, int start) {
        String head = new String(bytes, start, Math.min(bytes.length - start, TAG_VALUE_WINDOW), StandardCharsets.UTF_8);
        for (String line : head.split("\r?\n|\r")) {
            if (line.strip().startsWith("SPDXVersion:")) {
                return true;
            }
        }
        return false;
    }

    /** Index of the first byte after an optional UTF-8 byte order mark. */
    static int afterByteOrderMark(byte[] bytes) {
        return bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
    }

    private static boolean isWhitespace(byte b) {
        return b == ' ' || b == '\t' || b == '\n' || b == '\r';
    }
}
