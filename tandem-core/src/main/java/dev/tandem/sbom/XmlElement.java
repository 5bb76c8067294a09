package dev.tandem.sbom;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One element of a small in-memory XML tree: its name, attributes, own text (trimmed), children and
 * where it starts. Lookups by name only see children in the element's own namespace, so extension
 * elements of other namespaces never mix with the format's own.
 */
public record XmlElement(String namespace, String name, Map<String, String> attributes, String text,
        List<XmlElement> children, int line, int column) {

    static final XmlElement ABSENT = new XmlElement("", "", Map.of(), "", List.of(), 0, 0);

    public boolean isAbsent() {
        return this == ABSENT;
    }

    public List<XmlElement> children(String childName) {
        List<XmlElement> found = new ArrayList<>();
        for (XmlElement child : children) {
            if (child.name.equals(childName) && child.namespace.equals(namespace)) {
                found.add(child);
            }
        }
        return found;
    }

    /** The first child of that name, or {@link #ABSENT}. */
    public XmlElement child(String childName) {
        for (XmlElement child : children) {
            if (child.name.equals(childName) && child.namespace.equals(namespace)) {
                return child;
            }
        }
        return ABSENT;
    }

    public String childText(String childName) {
        return child(childName).text();
    }

    public String attribute(String attributeName) {
        return attributes.getOrDefault(attributeName, "");
    }
}
