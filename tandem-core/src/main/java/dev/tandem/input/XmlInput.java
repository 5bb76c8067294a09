package dev.tandem.input;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.stream.XMLInputFactory;

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
        return factory;
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
     * Rejects a document that declares a DOCTYPE before any parser sees it: no SBOM or advisory
     * format needs one, and refusing it early gives one clear message for every XXE variant.
     */
    public static void rejectDoctype(String source, byte[] head) throws InputException {
        String text = new String(head, 0, Math.min(head.length, 4096), java.nio.charset.StandardCharsets.UTF_8);
        int index = text.indexOf("<!DOCTYPE");
        if (index >= 0) {
            int line = 1;
            int column = 1;
            for (int i = 0; i < index; i++) {
                if (text.charAt(i) == '\n') {
                    line++;
                    column = 1;
                } else {
                    column++;
                }
            }
            throw new InputException(source, InputPosition.at(line, column),
                    "DOCTYPE declarations are not allowed (external entities and entity expansion are refused)");
        }
    }
}
