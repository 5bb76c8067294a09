package dev.tandem.vex;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.input.InputException;
import dev.tandem.input.JsonTree;
import dev.tandem.triage.AnalysisState;
import dev.tandem.triage.ComponentSelector;
import dev.tandem.triage.Justification;
import dev.tandem.triage.Origin;
import dev.tandem.triage.Response;
import dev.tandem.triage.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * CSAF 2.0 documents of any profile that give product status (csaf_vex, csaf_security_advisory): one
 * statement per vulnerability and product id in its {@code product_status}. Product ids are resolved
 * through the product tree to the package URL (else CPE) of their {@code product_identification_helper};
 * a relationship's product ("component X as part of product Y") is the component it names. Flags give
 * the justification, {@code impact} threats the impact statement, remediations the responses and
 * action statement, for the product ids and product groups they list.
 */
final class CsafVexReader {

    private static final List<String> STATUSES = List.of("known_not_affected", "fixed", "first_fixed", "recommended",
            "known_affected", "first_affected", "last_affected", "under_investigation");

    private final OpenedVex vex;
    private final JsonTree tree;
    private final Map<String, Product> products = new HashMap<>();
    private final Map<String, Set<String>> groups = new HashMap<>();

    /** A product id of the tree: its name, and its selector (null without purl or CPE). */
    private record Product(String name, ComponentSelector selector) {
    }

    private CsafVexReader(OpenedVex vex) {
        this.vex = vex;
        this.tree = vex.tree();
    }

    static VexDocument read(JsonTree tree) throws InputException {
        return new CsafVexReader(new OpenedVex(tree, VexFormat.CSAF)).read();
    }

    private VexDocument read() throws InputException {
        JsonNode root = tree.root();
        JsonNode document = tree.object(root, "document", "");
        String version = tree.text(document, "csaf_version", "/document");
        if (!version.equals("2.0") && !version.equals("2.1")) {
            throw tree.error("/document/csaf_version", "CSAF version '" + Identifiers.shorten(version)
                    + "' is not read: expected 2.0 (or 2.1)");
        }
        String author = tree.text(tree.object(document, "publisher", "/document"), "name", "/document/publisher");
        JsonNode tracking = tree.object(document, "tracking", "/document");
        Instant documentTime = Identifiers.instant(tree, tree.text(tracking, "current_release_date", "/document/tracking"),
                "/document/tracking/current_release_date");
        JsonNode productTree = tree.object(root, "product_tree", "");
        branches(productTree, "/product_tree");
        fullProductNames(productTree, "/product_tree");
        relationships(productTree);
        List<JsonNode> groupNodes = tree.array(productTree, "product_groups", "/product_tree");
        for (int g = 0; g < groupNodes.size(); g++) {
            String pointer = "/product_tree/product_groups/" + g;
            JsonNode group = tree.element(groupNodes.get(g), pointer);
            groups.put(tree.text(group, "group_id", pointer), new LinkedHashSet<>(tree.values(group, "product_ids", pointer)));
        }
        List<Statement> statements = new ArrayList<>();
        for (OpenedVex.Entry entry : vex.entries("vulnerabilities", "the CSAF document has no vulnerabilities, so it states nothing")) {
            String pointer = entry.pointer();
            JsonNode vulnerability = entry.node();
            String id = tree.text(vulnerability, "cve", pointer);
            if (id.isEmpty()) {
                List<JsonNode> ids = tree.array(vulnerability, "ids", pointer);
                id = ids.isEmpty() ? "" : tree.text(tree.element(ids.get(0), pointer + "/ids/0"), "text", pointer + "/ids/0");
            }
            if (id.isEmpty()) {
                throw tree.error(pointer, "a vulnerability needs a cve or an ids entry");
            }
            Map<String, Justification> flags = new HashMap<>();
            Map<String, String> flagLabels = new HashMap<>();
            List<JsonNode> flagNodes = tree.array(vulnerability, "flags", pointer);
            for (int f = 0; f < flagNodes.size(); f++) {
                String flagPointer = pointer + "/flags/" + f;
                JsonNode flag = tree.element(flagNodes.get(f), flagPointer);
                String label = tree.text(flag, "label", flagPointer);
                Justification justification = VexVocabulary.justificationOfLabel(label).orElseThrow(() -> tree.error(
                        flagPointer + "/label", "unknown flag label '" + Identifiers.shorten(label) + "'"));
                for (String product : productsOf(flag, flagPointer)) {
                    flags.putIfAbsent(product, justification);
                    flagLabels.putIfAbsent(product, label);
                }
            }
            Map<String, List<String>> impacts = new HashMap<>();
            List<JsonNode> threats = tree.array(vulnerability, "threats", pointer);
            for (int t = 0; t < threats.size(); t++) {
                String threatPointer = pointer + "/threats/" + t;
                JsonNode threat = tree.element(threats.get(t), threatPointer);
                if (tree.text(threat, "category", threatPointer).equals("impact")) {
                    String details = tree.text(threat, "details", threatPointer);
                    for (String product : productsOf(threat, threatPointer)) {
                        impacts.computeIfAbsent(product, p -> new ArrayList<>()).add(details);
                    }
                }
            }
            Map<String, List<Response>> responses = new HashMap<>();
            Map<String, List<String>> actions = new HashMap<>();
            List<JsonNode> remediations = tree.array(vulnerability, "remediations", pointer);
            for (int r = 0; r < remediations.size(); r++) {
                String remediationPointer = pointer + "/remediations/" + r;
                JsonNode remediation = tree.element(remediations.get(r), remediationPointer);
                Optional<Response> response = VexVocabulary.responseOfRemediation(
                        tree.text(remediation, "category", remediationPointer));
                String details = tree.text(remediation, "details", remediationPointer);
                for (String product : productsOf(remediation, remediationPointer)) {
                    response.ifPresent(value -> {
                        List<Response> list = responses.computeIfAbsent(product, p -> new ArrayList<>());
                        if (!list.contains(value)) {
                            list.add(value);
                        }
                    });
                    actions.computeIfAbsent(product, p -> new ArrayList<>()).add(details);
                }
            }
            JsonNode status = tree.object(vulnerability, "product_status", pointer);
            String source = Identifiers.located(tree, pointer);
            for (String list : STATUSES) {
                List<String> ids = tree.values(status, list, pointer + "/product_status");
                AnalysisState state = list.equals("recommended") ? AnalysisState.RESOLVED
                        : VexVocabulary.stateOfStatus(list).orElseThrow();
                for (int p = 0; p < ids.size(); p++) {
                    String productId = ids.get(p) == null ? "" : ids.get(p);
                    String productPointer = pointer + "/product_status/" + list + "/" + p;
                    Product product = products.get(productId);
                    if (product == null) {
                        throw tree.error(productPointer, "the product id '" + Identifiers.shorten(productId)
                                + "' is not defined in the product tree");
                    }
                    ComponentSelector selector = product.selector();
                    if (selector == null) {
                        vex.warn(source + ": " + id + " is stated for the product '" + product.name() + "', which has no"
                                + " package URL or CPE; it applies to every component with " + id);
                        selector = new ComponentSelector.AnyComponent();
                    }
                    Justification justification = state == AnalysisState.NOT_AFFECTED ? flags.get(productId) : null;
                    String detail = justification == null ? "" : "CSAF flag " + flagLabels.get(productId);
                    String reason = String.join(" ", state == AnalysisState.NOT_AFFECTED
                            ? impacts.getOrDefault(productId, List.of()) : actions.getOrDefault(productId, List.of())).strip();
                    statements.add(new Statement(Origin.VEX, source, id, selector, state, justification, detail,
                            responses.getOrDefault(productId, List.of()), author, documentTime, null, reason));
                }
            }
        }
        return vex.document(statements);
    }

    /** The product ids an element lists directly or through its product groups. */
    private Set<String> productsOf(JsonNode node, String pointer) throws InputException {
        Set<String> ids = new LinkedHashSet<>(tree.values(node, "product_ids", pointer));
        for (String group : tree.values(node, "group_ids", pointer)) {
            ids.addAll(groups.getOrDefault(group, Set.of()));
        }
        ids.remove(null);
        return ids;
    }

    private void branches(JsonNode parent, String pointer) throws InputException {
        List<JsonNode> branches = tree.array(parent, "branches", pointer);
        for (int b = 0; b < branches.size(); b++) {
            String child = pointer + "/branches/" + b;
            JsonNode branch = tree.element(branches.get(b), child);
            JsonNode product = tree.object(branch, "product", child);
            if (!product.isMissingNode()) {
                define(product, child + "/product");
            }
            branches(branch, child);
        }
    }

    private void fullProductNames(JsonNode productTree, String pointer) throws InputException {
        List<JsonNode> names = tree.array(productTree, "full_product_names", pointer);
        for (int n = 0; n < names.size(); n++) {
            define(tree.element(names.get(n), pointer + "/full_product_names/" + n), pointer + "/full_product_names/" + n);
        }
    }

    /** Relationships after the other products: a combined product is the component it names. */
    private void relationships(JsonNode productTree) throws InputException {
        List<JsonNode> relationships = tree.array(productTree, "relationships", "/product_tree");
        Map<String, Product> combined = new LinkedHashMap<>();
        for (int r = 0; r < relationships.size(); r++) {
            String pointer = "/product_tree/relationships/" + r;
            JsonNode relationship = tree.element(relationships.get(r), pointer);
            JsonNode full = tree.object(relationship, "full_product_name", pointer);
            String id = tree.text(full, "product_id", pointer + "/full_product_name");
            Product own = product(full, pointer + "/full_product_name");
            Product component = products.get(tree.text(relationship, "product_reference", pointer));
            ComponentSelector selector = own.selector() != null ? own.selector()
                    : component == null ? null : component.selector();
            combined.put(id, new Product(own.name(), selector));
        }
        combined.forEach(products::putIfAbsent);
    }

    private void define(JsonNode product, String pointer) throws InputException {
        String id = tree.text(product, "product_id", pointer);
        if (!id.isEmpty()) {
            products.putIfAbsent(id, product(product, pointer));
        }
    }

    private Product product(JsonNode product, String pointer) throws InputException {
        JsonNode helper = tree.object(product, "product_identification_helper", pointer);
        String helperPointer = pointer + "/product_identification_helper";
        Optional<ComponentSelector> selector = Identifiers.selector(tree, tree.text(helper, "purl", helperPointer),
                helperPointer + "/purl");
        if (selector.isEmpty()) {
            selector = Identifiers.selector(tree, tree.text(helper, "cpe", helperPointer), helperPointer + "/cpe");
        }
        return new Product(tree.text(product, "name", pointer), selector.orElse(null));
    }
}
