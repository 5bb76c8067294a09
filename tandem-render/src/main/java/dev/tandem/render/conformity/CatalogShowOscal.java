package dev.tandem.render.conformity;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.catalog.CatalogFingerprint;
import dev.tandem.conformity.catalog.Requirement;
import dev.tandem.conformity.catalog.RequirementCatalog;
import dev.tandem.render.TextRenderer;
import dev.tandem.usecase.conformity.CatalogShowResult;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Exports a requirement catalog as an OSCAL 1.1.3 catalog: one group per catalog group, grouping
 * entries (IR 8425 outcomes) as sub-groups, requirements and checklist items as controls whose
 * statement part carries the paraphrased title. Obligation, kind, confidence and source travel as
 * props in Tandem's namespace, and so does the fingerprint of the knowledge base, in the metadata.
 * The same catalog always exports the same document (name-based UUIDs).
 */
public final class CatalogShowOscal implements TextRenderer<CatalogShowResult> {

    /** The namespace of Tandem's own OSCAL props. */
    public static final String NS = CatalogStamp.OSCAL_NS;
    /** The date this version of the catalog data was reviewed; the export's last-modified. */
    public static final String REVIEWED = "2026-11-22T00:00:00Z";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    @Override
    public String mediaType() {
        return "application/oscal+json";
    }

    @Override
    public void render(CatalogShowResult result, PrintWriter out) {
        PrettyJson.print(document(result.catalog(), result.fingerprint()), out);
    }

    /** The OSCAL catalog document of one requirement catalog of the knowledge base {@code fingerprint} names. */
    public static ObjectNode document(RequirementCatalog catalog, CatalogFingerprint fingerprint) {
        ObjectNode root = NODES.objectNode();
        ObjectNode c = root.putObject("catalog");
        c.put("uuid", NameBasedUuid.of("catalog:" + catalog.id() + ":" + catalog.version()));
        ObjectNode metadata = c.putObject("metadata");
        metadata.put("title", catalog.title());
        metadata.put("last-modified", REVIEWED);
        metadata.put("version", catalog.version());
        metadata.put("oscal-version", "1.1.3");
        metadata.set("props", CatalogStamp.oscalProps(fingerprint));
        metadata.put("remarks", "Exported by Tandem from catalog/conformity/" + catalog.id()
                + ".yaml. Titles are paraphrases, not the normative text; source: " + catalog.source());
        Map<String, List<Requirement>> byGroup = new LinkedHashMap<>();
        for (Requirement r : catalog.requirements()) {
            byGroup.computeIfAbsent(r.group() == null ? "Other" : r.group(), k -> new ArrayList<>()).add(r);
        }
        ArrayNode groups = c.putArray("groups");
        byGroup.forEach((name, members) -> {
            ObjectNode group = groups.addObject();
            String title = members.stream().filter(r -> "category".equals(r.kind()) && r.id().equals(name))
                    .map(r -> name + " " + r.title()).findFirst().orElse(name);
            group.put("id", OscalIds.group(catalog.id() + "-" + name));
            group.put("title", title);
            ArrayNode controls = NODES.arrayNode();
            ArrayNode subgroups = NODES.arrayNode();
            for (Requirement r : members) {
                if ("category".equals(r.kind())) {
                    continue;
                }
                if ("outcome".equals(r.kind())) {
                    ObjectNode sub = subgroups.addObject();
                    sub.put("id", OscalIds.group(catalog.id() + "-" + r.id()));
                    sub.put("title", r.title());
                    ArrayNode subControls = sub.putArray("controls");
                    members.stream().filter(m -> r.id().equals(m.parent())).forEach(m -> subControls.add(control(catalog, m)));
                    if (subControls.isEmpty()) {
                        sub.remove("controls");
                    }
                    continue;
                }
                boolean underOutcome = r.parent() != null && members.stream()
                        .anyMatch(m -> m.id().equals(r.parent()) && "outcome".equals(m.kind()));
                if (!underOutcome) {
                    controls.add(control(catalog, r));
                }
            }
            if (!subgroups.isEmpty() && !controls.isEmpty()) {
                // An OSCAL group holds sub-groups or controls, never both: the items outside any outcome
                // (the attestation form's ATT-2 to ATT-4 beside outcome ATT-1) get a sub-group of their own.
                ObjectNode rest = subgroups.addObject();
                rest.put("id", OscalIds.group(catalog.id() + "-" + name + "-other"));
                rest.put("title", title + ": other items");
                rest.set("controls", controls);
                group.set("groups", subgroups);
            } else if (!subgroups.isEmpty()) {
                group.set("groups", subgroups);
            } else if (!controls.isEmpty()) {
                group.set("controls", controls);
            }
        });
        return root;
    }

    private static ObjectNode control(RequirementCatalog catalog, Requirement r) {
        ObjectNode control = NODES.objectNode();
        String id = OscalIds.control(catalog.id(), r.id());
        control.put("id", id);
        control.put("class", r.kind());
        control.put("title", r.title());
        ArrayNode props = control.putArray("props");
        prop(props, "label", r.id(), null);
        prop(props, "obligation", r.obligation(), NS);
        if (r.conditional() != null) {
            prop(props, "conditional", r.conditional().toString(), NS);
        }
        prop(props, "confidence", r.confidence() == null ? null : r.confidence().label(), NS);
        prop(props, "source", r.source(), NS);
        ArrayNode parts = control.putArray("parts");
        ObjectNode statement = parts.addObject();
        statement.put("id", id + "_smt");
        statement.put("name", "statement");
        statement.put("prose", r.title() + (r.note() == null ? "" : " (Note: " + r.note() + ")"));
        return control;
    }

    private static void prop(ArrayNode props, String name, String value, String ns) {
        if (value == null || value.isBlank()) {
            return;
        }
        ObjectNode p = props.addObject();
        p.put("name", name);
        if (ns != null) {
            p.put("ns", ns);
        }
        p.put("value", value);
    }
}
