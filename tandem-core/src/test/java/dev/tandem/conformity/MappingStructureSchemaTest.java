package dev.tandem.conformity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.input.JsonInput;
import dev.tandem.input.XmlInput;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Ties Tandem's hand-derived mapping JSON Schema to the OSCAL 1.2.2 mapping metaschema: closed value
 * lists, required flags and required children must be the same in both, so neither drifts.
 */
class MappingStructureSchemaTest {

    private static final String NS = "http://csrc.nist.gov/ns/oscal/metaschema/1.0";

    private static Document metaschema(String name) throws Exception {
        String xml;
        try (InputStream in = MappingStructureSchemaTest.class.getClassLoader().getResourceAsStream("schemas/oscal/" + name)) {
            xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        // The metaschema declares an internal DOCTYPE (an entity we do not use); drop it so the hardened
        // parser, which refuses every DOCTYPE, can read the rest.
        xml = xml.replaceFirst("(?s)<!DOCTYPE.*?]>", "");
        return XmlInput.domFactory().newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static JsonNode schema() throws Exception {
        try (InputStream in = MappingStructureSchemaTest.class.getClassLoader().getResourceAsStream(BundledSchema.OSCAL_MAPPING)) {
            return JsonInput.json().readTree(in);
        }
    }

    /** The enum values of the named definition's allowed-values list in the common metaschema. */
    private static Set<String> allowed(Document doc, String tag, String name) {
        NodeList defs = doc.getElementsByTagNameNS(NS, tag);
        for (int i = 0; i < defs.getLength(); i++) {
            Element def = (Element) defs.item(i);
            if (name.equals(def.getAttribute("name"))) {
                Set<String> values = new LinkedHashSet<>();
                NodeList enums = def.getElementsByTagNameNS(NS, "enum");
                for (int j = 0; j < enums.getLength(); j++) {
                    values.add(((Element) enums.item(j)).getAttribute("value"));
                }
                return values;
            }
        }
        throw new AssertionError("no " + tag + " named " + name);
    }

    private static Set<String> enumOf(JsonNode node) {
        Set<String> values = new LinkedHashSet<>();
        node.path("enum").forEach(v -> values.add(v.asText()));
        return values;
    }

    @Test
    void closedValueListsMatchTheMetaschema() throws Exception {
        Document common = metaschema("oscal_mapping-common_metaschema.xml");
        JsonNode defs = schema().path("definitions");
        assertThat(enumOf(defs.at("/map/properties/relationship"))).isEqualTo(allowed(common, "define-field", "relationship"));
        assertThat(enumOf(defs.path("matching-rationale"))).isEqualTo(allowed(common, "define-flag", "matching-rationale"));
        assertThat(enumOf(defs.at("/mapping-provenance/properties/method"))).isEqualTo(allowed(common, "define-flag", "method"));
        assertThat(enumOf(defs.at("/mapping-provenance/properties/status"))).isEqualTo(allowed(common, "define-flag", "status"));
        assertThat(enumOf(defs.at("/mapping-item/properties/type"))).isEqualTo(allowed(common, "define-flag", "type"));
        assertThat(enumOf(defs.at("/map/properties/relationship"))).contains("equivalent-to", "subset-of", "superset-of",
                "intersects-with", "no-relationship");
    }

    @Test
    void requiredFlagsAndChildrenMatchTheMetaschema() throws Exception {
        Document common = metaschema("oscal_mapping-common_metaschema.xml");
        Document root = metaschema("oscal_mapping_metaschema.xml");
        JsonNode defs = schema().path("definitions");
        for (String assembly : List.of("mapping", "map", "mapping-item", "mapping-resource-reference", "mapping-provenance", "gap-summary")) {
            assertThat(required(defs.path(assembly))).as(assembly).containsAll(requiredOf(common, assembly));
        }
        assertThat(required(defs.path("mapping-collection"))).containsAll(requiredOf(root, "mapping-collection"));
    }

    private static Set<String> required(JsonNode definition) {
        Set<String> names = new LinkedHashSet<>();
        definition.path("required").forEach(n -> names.add(n.asText()));
        return names;
    }

    /** JSON names the metaschema marks as required: flags with required="yes", children with min-occurs >= 1. */
    private static List<String> requiredOf(Document doc, String assembly) {
        NodeList defs = doc.getElementsByTagNameNS(NS, "define-assembly");
        for (int i = 0; i < defs.getLength(); i++) {
            Element def = (Element) defs.item(i);
            if (!assembly.equals(def.getAttribute("name"))) {
                continue;
            }
            List<String> names = new ArrayList<>();
            for (String flagTag : List.of("define-flag", "flag")) {
                NodeList flags = def.getElementsByTagNameNS(NS, flagTag);
                for (int j = 0; j < flags.getLength(); j++) {
                    Element flag = (Element) flags.item(j);
                    if (flag.getParentNode() == def && "yes".equals(flag.getAttribute("required"))) {
                        names.add(flag.hasAttribute("name") ? flag.getAttribute("name") : flag.getAttribute("ref"));
                    }
                }
            }
            NodeList models = def.getElementsByTagNameNS(NS, "model");
            if (models.getLength() > 0) {
                Element model = (Element) models.item(0);
                for (String childTag : List.of("assembly", "field", "define-field", "define-assembly")) {
                    NodeList children = model.getElementsByTagNameNS(NS, childTag);
                    for (int j = 0; j < children.getLength(); j++) {
                        Element child = (Element) children.item(j);
                        if (child.getParentNode() != model || child.getAttribute("min-occurs").isEmpty()
                                || Integer.parseInt(child.getAttribute("min-occurs")) < 1) {
                            continue;
                        }
                        names.add(jsonName(child));
                    }
                }
            }
            return names;
        }
        throw new AssertionError("no assembly " + assembly);
    }

    private static String jsonName(Element child) {
        NodeList groupAs = child.getElementsByTagNameNS(NS, "group-as");
        if (groupAs.getLength() > 0) {
            return ((Element) groupAs.item(0)).getAttribute("name");
        }
        NodeList useName = child.getElementsByTagNameNS(NS, "use-name");
        if (useName.getLength() > 0) {
            return useName.item(0).getTextContent().strip();
        }
        return child.hasAttribute("ref") ? child.getAttribute("ref") : child.getAttribute("name");
    }
}
