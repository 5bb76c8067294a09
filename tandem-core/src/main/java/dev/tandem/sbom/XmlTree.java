package dev.tandem.sbom;

import dev.tandem.input.InputException;
import dev.tandem.input.InputLimits;
import dev.tandem.input.InputPosition;
import dev.tandem.input.XmlInput;
import java.io.ByteArrayInputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.Location;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Builds an {@link XmlElement} tree with the hardened StAX factory: no DOCTYPE, no entities, and the
 * nesting depth and text length limits of {@link InputLimits} checked while reading.
 */
public final class XmlTree {

    private XmlTree() {
    }

    /** The document's tree; a DOCTYPE, an entity, too deep nesting or too long text is refused with its position. */
    public static XmlElement parse(String file, byte[] bytes, InputLimits limits) throws InputException {
        XmlInput.rejectDoctype(file, bytes);
        XMLStreamReader reader = null;
        try {
            reader = XmlInput.streamFactory().createXMLStreamReader(new ByteArrayInputStream(bytes));
            Deque<Open> open = new ArrayDeque<>();
            XmlElement root = null;
            while (reader.hasNext()) {
                int event = reader.next();
                switch (event) {
                    case XMLStreamConstants.DTD -> throw doctype(file, reader.getLocation());
                    case XMLStreamConstants.ENTITY_REFERENCE -> throw new InputException(file,
                            position(reader.getLocation()), "entity reference &" + reader.getLocalName()
                                    + "; is not allowed (no DTD, no entities)");
                    case XMLStreamConstants.START_ELEMENT -> {
                        if (open.size() >= limits.maxNestingDepth()) {
                            throw new InputException(file, position(reader.getLocation()),
                                    "elements nested deeper than " + limits.maxNestingDepth() + " levels");
                        }
                        open.push(new Open(reader));
                    }
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                        Open current = open.peek();
                        if (current != null) {
                            current.text.append(reader.getText());
                            if (current.text.length() > limits.maxStringLength()) {
                                throw new InputException(file, InputPosition.at(current.line, current.column),
                                        "text of <" + current.name + "> is longer than " + limits.maxStringLength()
                                                + " characters");
                            }
                        }
                    }
                    case XMLStreamConstants.END_ELEMENT -> {
                        XmlElement element = open.pop().close();
                        if (open.isEmpty()) {
                            root = element;
                        } else {
                            open.peek().children.add(element);
                        }
                    }
                    default -> {
                    }
                }
            }
            if (root == null) {
                throw new InputException(file, InputPosition.UNKNOWN, "XML document has no root element");
            }
            return root;
        } catch (XMLStreamException e) {
            throw XmlInput.error(file, bytes, e);
        } catch (RuntimeException e) {
            // A parse error a StAX implementation raises lazily carries its cause; anything else is a bug.
            if (XmlInput.carriesParseError(e)) {
                throw XmlInput.error(file, bytes, e);
            }
            throw e;
        } finally {
            close(reader);
        }
    }

    static InputException doctype(String file, Location location) {
        return new InputException(file, position(location),
                "DOCTYPE declarations are not allowed (external entities and entity expansion are refused)");
    }

    static InputPosition position(Location location) {
        return XmlInput.position(location);
    }

    static void close(XMLStreamReader reader) {
        if (reader != null) {
            try {
                reader.close();
            } catch (XMLStreamException e) {
                // Nothing left to read; closing only releases buffers.
            }
        }
    }

    /** An element whose end tag has not been read yet. */
    private static final class Open {
        final String namespace;
        final String name;
        final Map<String, String> attributes;
        final int line;
        final int column;
        final StringBuilder text = new StringBuilder();
        final List<XmlElement> children = new ArrayList<>();

        Open(XMLStreamReader reader) {
            namespace = reader.getNamespaceURI() == null ? "" : reader.getNamespaceURI();
            name = reader.getLocalName();
            Map<String, String> attributes = new LinkedHashMap<>();
            for (int i = 0; i < reader.getAttributeCount(); i++) {
                attributes.put(reader.getAttributeLocalName(i), reader.getAttributeValue(i));
            }
            this.attributes = attributes;
            Location location = reader.getLocation();
            line = location == null ? 0 : location.getLineNumber();
            column = location == null ? 0 : location.getColumnNumber();
        }

        XmlElement close() {
            return new XmlElement(namespace, name, attributes, text.toString().strip(), children, line, column);
        }
    }
}
