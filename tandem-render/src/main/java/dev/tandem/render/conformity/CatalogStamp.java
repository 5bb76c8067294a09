package dev.tandem.render.conformity;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.catalog.CatalogFingerprint;
import dev.tandem.render.markup.Html;

/** How each format names the catalog an output was computed from: the same version, hash and origin everywhere. */
final class CatalogStamp {

    /** The namespace of Tandem's own OSCAL props. */
    static final String OSCAL_NS = "https://tandem.dev/ns/oscal";

    private CatalogStamp() {
    }

    /** {@code {"version", "sha256", "origin"}}, the top-level {@code catalog} field of Tandem's JSON outputs. */
    static ObjectNode json(CatalogFingerprint fingerprint) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("version", fingerprint.version());
        node.put("sha256", fingerprint.sha256());
        node.put("origin", fingerprint.origin());
        return node;
    }

    /** The last line of a table or text output. */
    static String line(CatalogFingerprint fingerprint) {
        return "Catalog: " + fingerprint.label();
    }

    /** The last paragraph of a Markdown output, in italics. */
    static String markdown(CatalogFingerprint fingerprint) {
        return "_" + DocumentMarkdown.inline(line(fingerprint)) + "_";
    }

    /** A small footer paragraph of an HTML page. */
    static String html(CatalogFingerprint fingerprint) {
        return "<footer><p><small>" + Html.escape(line(fingerprint)) + "</small></p></footer>";
    }

    /** Document-level OSCAL props in Tandem's namespace, where the OSCAL schemas leave room for our own data. */
    static ArrayNode oscalProps(CatalogFingerprint fingerprint) {
        ArrayNode props = JsonNodeFactory.instance.arrayNode();
        prop(props, "catalog-version", fingerprint.version());
        prop(props, "catalog-sha256", fingerprint.sha256());
        prop(props, "catalog-origin", fingerprint.origin());
        return props;
    }

    private static void prop(ArrayNode props, String name, String value) {
        ObjectNode p = props.addObject();
        p.put("name", name);
        p.put("ns", OSCAL_NS);
        p.put("value", value);
    }
}
