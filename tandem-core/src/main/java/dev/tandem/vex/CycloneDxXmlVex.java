package dev.tandem.vex;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.input.InputDocument;
import dev.tandem.input.InputException;
import dev.tandem.input.InputLimits;
import dev.tandem.input.InputPosition;
import dev.tandem.input.JsonTree;
import dev.tandem.sbom.XmlElement;
import dev.tandem.sbom.XmlTree;
import dev.tandem.triage.Statement;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * CycloneDX VEX in XML (1.4–1.6), read with the hardened XML reader of the CycloneDX SBOM XML reader (no
 * DOCTYPE, no entities, depth and text limits). The elements VEX uses are laid out as the JSON form has
 * them ({@code <responses><response>} as {@code response[]}, {@code <affects><target>} as
 * {@code affects[]}, {@code bom-ref} attributes as members), and read by the one CycloneDX VEX reader, so
 * both forms state exactly the same; statement sources and errors name the XML document's own lines.
 */
final class CycloneDxXmlVex {

    private static final String NAMESPACE = "http://cyclonedx.org/schema/bom/";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Where each member of the JSON form came from in the XML document. */
    private final Map<String, XmlElement> origins = new HashMap<>();

    private CycloneDxXmlVex() {
    }

    static VexDocument read(InputDocument document) throws InputException {
        return new CycloneDxXmlVex().convertAndRead(document);
    }

    private VexDocument convertAndRead(InputDocument document) throws InputException {
        String source = document.source();
        XmlElement bom = XmlTree.parse(source, document.content(), InputLimits.DEFAULT);
        if (!bom.name().equals("bom") || !bom.namespace().startsWith(NAMESPACE)) {
            throw new InputException(source, InputPosition.at(bom.line(), bom.column()), "XML is read as VEX only when it is"
                    + " CycloneDX: expected the root element <bom> in namespace " + NAMESPACE + "1.x, found <" + bom.name()
                    + "> in \"" + bom.namespace() + "\"; " + VexReaders.EXPECTED);
        }
        ObjectNode root = JSON.createObjectNode();
        root.put("bomFormat", "CycloneDX");
        root.put("specVersion", bom.namespace().substring(NAMESPACE.length()));
        origins.put("", bom);
        XmlElement metadata = bom.child("metadata");
        if (!metadata.isAbsent()) {
            root.set("metadata", metadata(metadata));
        }
        components(bom, root, "");
        XmlElement vulnerabilities = bom.child("vulnerabilities");
        ArrayNode list = root.putArray("vulnerabilities");
        List<XmlElement> entries = vulnerabilities.children("vulnerability");
        for (int i = 0; i < entries.size(); i++) {
            list.add(vulnerability(entries.get(i), "/vulnerabilities/" + i));
        }
        byte[] json;
        try {
            json = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings always writes", e);
        }
        JsonTree tree = JsonTree.parse(source, json, InputLimits.DEFAULT);
        VexDocument read;
        try {
            read = CycloneDxVexReader.read(tree);
        } catch (InputException e) {
            throw new InputException(source, xmlPosition(e.position().pointer()), e.problem(), e);
        }
        // Statement sources and warnings name "SOURCE:LINE" of the JSON form: the XML document's lines instead.
        Map<String, String> lines = new HashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            lines.put(source + ":" + tree.position("/vulnerabilities/" + i).line(), source + ":" + entries.get(i).line());
        }
        List<Statement> statements = new ArrayList<>();
        for (Statement s : read.statements()) {
            statements.add(new Statement(s.origin(), lines.getOrDefault(s.source(), s.source()), s.vulnerability(),
                    s.component(), s.state(), s.justification(), s.detail(), s.responses(), s.author(), s.at(), s.expires(),
                    s.reason()));
        }
        List<String> warnings = new ArrayList<>();
        for (String warning : read.warnings()) {
            String rewritten = warning;
            for (Map.Entry<String, String> line : lines.entrySet()) {
                if (warning.startsWith(line.getKey() + ":")) {
                    rewritten = line.getValue() + warning.substring(line.getKey().length());
                    break;
                }
            }
            warnings.add(rewritten);
        }
        return new VexDocument(source, VexFormat.CYCLONEDX, statements, warnings);
    }

    private ObjectNode metadata(XmlElement metadata) {
        origins.put("/metadata", metadata);
        ObjectNode node = JSON.createObjectNode();
        text(node, metadata, "timestamp", "/metadata");
        XmlElement component = metadata.child("component");
        if (!component.isAbsent()) {
            node.set("component", component(component, "/metadata/component"));
        }
        for (String party : List.of("manufacturer", "supplier", "manufacture")) {
            XmlElement element = metadata.child(party);
            if (!element.isAbsent()) {
                ObjectNode named = node.putObject(party);
                text(named, element, "name", "/metadata/" + party);
            }
        }
        List<XmlElement> authors = metadata.child("authors").children("author");
        if (!authors.isEmpty()) {
            ArrayNode list = node.putArray("authors");
            for (int i = 0; i < authors.size(); i++) {
                ObjectNode author = list.addObject();
                origins.put("/metadata/authors/" + i, authors.get(i));
                text(author, authors.get(i), "name", "/metadata/authors/" + i);
            }
        }
        return node;
    }

    private void components(XmlElement parent, ObjectNode node, String pointer) {
        List<XmlElement> children = parent.child("components").children("component");
        if (children.isEmpty()) {
            return;
        }
        ArrayNode list = node.putArray("components");
        for (int i = 0; i < children.size(); i++) {
            list.add(component(children.get(i), pointer + "/components/" + i));
        }
    }

    private ObjectNode component(XmlElement component, String pointer) {
        origins.put(pointer, component);
        ObjectNode node = JSON.createObjectNode();
        if (!component.attribute("bom-ref").isEmpty()) {
            node.put("bom-ref", component.attribute("bom-ref"));
        }
        for (String field : List.of("name", "version", "purl", "cpe")) {
            text(node, component, field, pointer);
        }
        components(component, node, pointer);
        return node;
    }

    private ObjectNode vulnerability(XmlElement vulnerability, String pointer) {
        origins.put(pointer, vulnerability);
        ObjectNode node = JSON.createObjectNode();
        if (!vulnerability.attribute("bom-ref").isEmpty()) {
            node.put("bom-ref", vulnerability.attribute("bom-ref"));
        }
        text(node, vulnerability, "id", pointer);
        text(node, vulnerability, "recommendation", pointer);
        XmlElement analysis = vulnerability.child("analysis");
        if (!analysis.isAbsent()) {
            String at = pointer + "/analysis";
            origins.put(at, analysis);
            ObjectNode out = node.putObject("analysis");
            for (String field : List.of("state", "justification", "detail", "firstIssued", "lastUpdated")) {
                text(out, analysis, field, at);
            }
            List<XmlElement> responses = analysis.child("responses").children("response");
            if (!responses.isEmpty()) {
                ArrayNode list = out.putArray("response");
                for (int r = 0; r < responses.size(); r++) {
                    origins.put(at + "/response/" + r, responses.get(r));
                    list.add(responses.get(r).text());
                }
            }
        }
        List<XmlElement> targets = vulnerability.child("affects").children("target");
        if (!targets.isEmpty()) {
            ArrayNode affects = node.putArray("affects");
            for (int a = 0; a < targets.size(); a++) {
                String at = pointer + "/affects/" + a;
                origins.put(at, targets.get(a));
                ObjectNode target = affects.addObject();
                text(target, targets.get(a), "ref", at);
                List<XmlElement> versions = targets.get(a).child("versions").children("version");
                if (!versions.isEmpty()) {
                    ArrayNode list = target.putArray("versions");
                    for (int v = 0; v < versions.size(); v++) {
                        origins.put(at + "/versions/" + v, versions.get(v));
                        ObjectNode version = list.addObject();
                        text(version, versions.get(v), "version", at + "/versions/" + v);
                        text(version, versions.get(v), "range", at + "/versions/" + v);
                    }
                }
            }
        }
        return node;
    }

    /** Copies a child element's text when it is there, remembering where it was. */
    private void text(ObjectNode node, XmlElement parent, String field, String pointer) {
        XmlElement child = parent.child(field);
        if (!child.isAbsent()) {
            origins.put(pointer + "/" + field, child);
            node.put(field, child.text());
        }
    }

    /** The XML position of the element a JSON pointer came from (its nearest converted ancestor). */
    private InputPosition xmlPosition(String pointer) {
        String at = pointer == null ? "" : pointer;
        while (true) {
            XmlElement element = origins.get(at);
            if (element != null) {
                return InputPosition.at(element.line(), element.column());
            }
            if (at.isEmpty()) {
                return InputPosition.UNKNOWN;
            }
            at = at.substring(0, Math.max(0, at.lastIndexOf('/')));
        }
    }
}
