package dev.tandem.sbom;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.tandem.input.InputException;
import dev.tandem.input.InputPosition;
import dev.tandem.input.JsonInput;
import dev.tandem.input.XmlInput;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/** Tells the SBOM format from a document's content, never from its file name. */
final class FormatSniffer {

    static final String CYCLONEDX_NAMESPACE = "http://cyclonedx.org/schema/bom/";
    static final String EXPECTED = "expected CycloneDX JSON (\"bomFormat\": \"CycloneDX\"), CycloneDX XML "
            + "(namespace " + CYCLONEDX_NAMESPACE + "1.x), SPDX 2.x JSON (\"spdxVersion\") or SPDX tag-value "
            + "(an \"SPDXVersion:\" line)";
    private static final int TAG_VALUE_WINDOW = 64 * 1024;

    private FormatSniffer() {
    }

    static SbomFormat detect(Path file, byte[] bytes) throws InputException {
        int start = SbomBytes.afterByteOrderMark(bytes);
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
            throw new InputException(file, InputPosition.UNKNOWN, "empty file, " + EXPECTED);
        }
        InputPosition position = InputPosition.at(line, column);
        return switch (bytes[first]) {
            case '{' -> json(file, bytes, position);
            case '<' -> xml(file, bytes);
            default -> {
                if (hasTagValueVersion(bytes, start)) {
                    yield SbomFormat.SPDX_TAG_VALUE;
                }
                throw new InputException(file, position, "not a recognised SBOM format: " + EXPECTED);
            }
        };
    }

    /** For a reader called directly: the document must be of that reader's format. */
    static void require(Path file, byte[] bytes, SbomFormat expected) throws InputException {
        SbomFormat actual = detect(file, bytes);
        if (actual != expected) {
            throw new InputException(file, InputPosition.UNKNOWN,
                    "is " + actual.label() + ", not " + expected.label() + " (SbomReaders.read detects the format)");
        }
    }

    /** Looks at the top-level keys only; stops at the first one that decides. */
    private static SbomFormat json(Path file, byte[] bytes, InputPosition start) throws InputException {
        try (JsonParser parser = JsonInput.json().getFactory().createParser(bytes)) {
            try {
                return json(file, parser, start);
            } catch (JsonProcessingException e) {
                throw JsonDocument.error(file, e, parser);
            }
        } catch (IOException e) {
            throw new InputException(file, InputPosition.UNKNOWN, "cannot read the file: " + e.getMessage(), e);
        }
    }

    private static SbomFormat json(Path file, JsonParser parser, InputPosition start)
            throws IOException, InputException {
        parser.nextToken();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if (value.isScalarValue()) {
                String text = parser.getValueAsString("");
                switch (name) {
                    case "bomFormat" -> {
                        if (text.equalsIgnoreCase("CycloneDX")) {
                            return SbomFormat.CYCLONEDX_JSON;
                        }
                        JsonLocation at = parser.currentTokenLocation();
                        throw new InputException(file, InputPosition.at(at.getLineNr(), at.getColumnNr()),
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
                            throw new InputException(file, start, "SPDX 3 (JSON-LD) is not supported; " + EXPECTED);
                        }
                    }
                    default -> {
                    }
                }
            } else {
                parser.skipChildren();
            }
        }
        throw new InputException(file, start, "JSON document is not a recognised SBOM: " + EXPECTED);
    }

    private static SbomFormat xml(Path file, byte[] bytes) throws InputException {
        XmlInput.rejectDoctype(file.toString(), bytes);
        XMLStreamReader reader = null;
        try {
            reader = XmlInput.streamFactory().createXMLStreamReader(new ByteArrayInputStream(bytes));
            while (reader.hasNext()) {
                int event = reader.next();
                if (event == XMLStreamConstants.DTD) {
                    throw XmlTree.doctype(file, reader.getLocation());
                }
                if (event == XMLStreamConstants.START_ELEMENT) {
                    String namespace = reader.getNamespaceURI() == null ? "" : reader.getNamespaceURI();
                    if (namespace.startsWith(CYCLONEDX_NAMESPACE)) {
                        return SbomFormat.CYCLONEDX_XML;
                    }
                    throw new InputException(file, XmlTree.position(reader.getLocation()),
                            "XML root element <" + reader.getLocalName() + "> in namespace \"" + namespace
                                    + "\" is not a CycloneDX bom (SPDX RDF/XML is not supported); " + EXPECTED);
                }
            }
        } catch (XMLStreamException e) {
            throw XmlTree.error(file, e);
        } finally {
            XmlTree.close(reader);
        }
        throw new InputException(file, InputPosition.UNKNOWN, "XML document has no root element; " + EXPECTED);
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

    private static boolean isWhitespace(byte b) {
        return b == ' ' || b == '\t' || b == '\n' || b == '\r';
    }
}
