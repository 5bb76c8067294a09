package dev.tandem.input;

import java.io.ByteArrayInputStream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * XML parser factories with DTDs and external entities switched off (XXE, billion laughs), for
 * every XML document Tandem reads.
 */
public final class XmlInput {

    private XmlInput() {
    }

    /** A StAX factory that refuses DTDs and never resolves external entities. */
    public static XMLInputFactory streamFactory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setXMLResolver((publicId, systemId, base, ns) -> {
            throw new javax.xml.stream.XMLStreamException("external entities are not allowed: " + systemId);
        });
        // Woodstox finishes a text token only when it is read, and then throws its errors (a character
        // reference to a character XML forbids, &#0;) as unchecked "lazy" exceptions from getText():
        // finishing every token in next() keeps every error a checked XMLStreamException with a position.
        if (factory.isPropertySupported(WOODSTOX_LAZY_PARSING)) {
            factory.setProperty(WOODSTOX_LAZY_PARSING, false);
        }
        return factory;
    }

    private static final String WOODSTOX_LAZY_PARSING = "com.ctc.wstx.lazyParsing";

    /** Byte offsets in decoder errors ("Invalid UTF-8 start byte 0xff (at char #12, byte #11)"). */
    private static final java.util.regex.Pattern BYTE_OFFSET = java.util.regex.Pattern.compile("\\(at char #\\d+, byte #(\\d+)\\)");

    /**
     * Turns a StAX failure into an error naming {@code source} and the best position there is: the
     * parser's location, or, for invalid bytes (which the decoder reports as a byte offset only), the
     * line and column of that byte. An unchecked exception some StAX implementations raise lazily is
     * unwrapped to the parse error it carries.
     */
    /** True when an unchecked exception from a StAX parser carries a parse error (Woodstox's lazy exceptions). */
    public static boolean carriesParseError(RuntimeException e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof XMLStreamException || t instanceof java.io.CharConversionException) {
                return true;
            }
        }
        return false;
    }

    public static InputException error(String source, byte[] document, Exception e) {
        Throwable cause = e;
        while (!(cause instanceof XMLStreamException) && !(cause instanceof java.io.CharConversionException)
                && cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = cause instanceof XMLStreamException stream ? streamMessage(stream)
                : cause.getMessage() == null ? "malformed XML" : cause.getMessage().strip();
        InputPosition position = cause instanceof XMLStreamException stream ? position(stream.getLocation())
                : InputPosition.UNKNOWN;
        java.util.regex.Matcher offset = BYTE_OFFSET.matcher(message);
        if (offset.find()) {
            // The decoder's byte count drifts after buffer refills: find the bad byte ourselves.
            long bad = message.contains("UTF-8") ? TextPositions.firstInvalidUtf8(document) : -1;
            position = TextPositions.of(document, bad >= 0 ? bad : Long.parseLong(offset.group(1)));
            message = (message.substring(0, offset.start()) + message.substring(offset.end())).strip();
        }
        return new InputException(source, position, "malformed XML: " + message, e);
    }

    /** A DOM factory that rejects any DOCTYPE declaration outright. */
    public static DocumentBuilderFactory domFactory() {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        try {
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser lacks the features needed to read XML safely", e);
        }
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        factory.setNamespaceAware(true);
        return factory;
    }

    /**
     * Rejects a document that declares a DOCTYPE before any reader builds anything from it: no SBOM
     * or advisory format needs one, and refusing it early gives one clear message for every XXE
     * variant. The prolog is read with the hardened StAX parser (a DOCTYPE can only stand before
     * the root element), so the check holds after comments of any length and in any encoding the
     * XML declaration or byte order mark names (UTF-16 included), unlike a textual search.
     *
     * @throws InputException naming the line and column of the DOCTYPE, or of the error when the
     *                        prolog itself is malformed
     */
    public static void rejectDoctype(String source, byte[] document) throws InputException {
        XMLStreamReader reader = null;
        try {
            reader = streamFactory().createXMLStreamReader(new ByteArrayInputStream(document));
            while (reader.hasNext()) {
                int event = reader.next();
                if (event == XMLStreamConstants.DTD) {
                    throw new InputException(source, position(reader.getLocation()),
                            "DOCTYPE declarations are not allowed (external entities and entity expansion are refused)");
                }
                if (event == XMLStreamConstants.START_ELEMENT) {
                    return;
                }
            }
        } catch (XMLStreamException e) {
            throw error(source, document, e);
        } catch (RuntimeException e) {
            if (carriesParseError(e)) {
                throw error(source, document, e);
            }
            throw e;
        } finally {
            if (reader != null) {
                try {
                    reader.close();
                } catch (XMLStreamException e) {
                    // Only the prolog was read from an in-memory array; closing releases buffers.
                }
            }
        }
    }

    /** The 1-based position of a StAX location, or unknown. */
    public static InputPosition position(Location location) {
        return location == null || location.getLineNumber() <= 0
                ? InputPosition.UNKNOWN
                : InputPosition.at(location.getLineNumber(), Math.max(location.getColumnNumber(), 0));
    }

    /** A StAX error message without the parser's own location prefix and suffix, which we print ourselves. */
    public static String streamMessage(XMLStreamException e) {
        // Woodstox wraps its own exception classes in messages ("[com.ctc.wstx.exc.…] …"): users read no class names.
        String message = e.getMessage() == null ? "malformed XML" : e.getMessage().replaceAll("^\\[[\\w.$]+\\]\\s*", "");
        int cut = message.indexOf("\n at [row,col");
        if (cut > 0) {
            message = message.substring(0, cut);
        }
        if (message.startsWith("ParseError at [row,col]:")) {
            int text = message.indexOf("Message: ");
            message = text > 0 ? message.substring(text + "Message: ".length()) : message;
        }
        return message.strip();
    }
}
