package dev.tandem.vex;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.input.InputException;
import dev.tandem.input.JsonTree;
import dev.tandem.triage.AnalysisState;
import dev.tandem.triage.ComponentSelector;
import dev.tandem.triage.Justification;
import dev.tandem.triage.Origin;
import dev.tandem.triage.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * OpenVEX (0.2.0, and the 0.0.x spelling with string vulnerabilities and products): one statement per
 * vulnerability and product, or per subcomponent when a product lists them (the statement is then
 * about those packages inside the product). A product is its {@code @id} when that is a purl, else its
 * {@code identifiers} (purl, cpe23, cpe22). As the specification says, a later statement about the same
 * vulnerability and product replaces an earlier one (by timestamp, then document order).
 */
final class OpenVexReader {

    private final OpenedVex vex;
    private final JsonTree tree;

    private OpenVexReader(OpenedVex vex) {
        this.vex = vex;
        this.tree = vex.tree();
    }

    static VexDocument read(JsonTree tree) throws InputException {
        return new OpenVexReader(new OpenedVex(tree, VexFormat.OPENVEX)).read();
    }

    private record Keyed(Statement statement, Instant at, int order) {
    }

    private VexDocument read() throws InputException {
        JsonNode root = tree.root();
        String author = tree.text(root, "author", "");
        Instant documentTime = Identifiers.firstGiven(Identifiers.instant(tree, tree.text(root, "last_updated", ""), "/last_updated"),
                Identifiers.instant(tree, tree.text(root, "timestamp", ""), "/timestamp"));
        Map<String, Keyed> latest = new LinkedHashMap<>();
        int order = 0;
        for (OpenedVex.Entry entry : vex.entries("statements", "the OpenVEX document has no statements")) {
            String pointer = entry.pointer();
            JsonNode statement = entry.node();
            String vulnerability = vulnerability(statement, pointer);
            String statusText = tree.text(statement, "status", pointer);
            if (statusText.isEmpty()) {
                throw tree.error(pointer, "a statement needs a status (not_affected, affected, fixed, under_investigation)");
            }
            AnalysisState state = VexVocabulary.stateOfStatus(statusText).filter(s -> !statusText.startsWith("known"))
                    .orElseThrow(() -> tree.error(pointer + "/status", "unknown status '" + Identifiers.shorten(statusText)
                            + "': expected not_affected, affected, fixed or under_investigation"));
            String justificationText = tree.text(statement, "justification", pointer);
            Justification justification = null;
            String detail = tree.text(statement, "status_notes", pointer);
            if (!justificationText.isEmpty()) {
                justification = VexVocabulary.justificationOfLabel(justificationText).orElseThrow(() -> tree.error(
                        pointer + "/justification", "unknown justification '" + Identifiers.shorten(justificationText)
                                + "': expected component_not_present, vulnerable_code_not_present,"
                                + " vulnerable_code_not_in_execute_path, vulnerable_code_cannot_be_controlled_by_adversary"
                                + " or inline_mitigations_already_exist"));
                detail = join("OpenVEX justification " + justificationText, detail);
            }
            String reason = join(tree.text(statement, "impact_statement", pointer), tree.text(statement, "action_statement", pointer));
            Instant at = Identifiers.firstGiven(Identifiers.instant(tree, tree.text(statement, "last_updated", pointer), pointer + "/last_updated"),
                    Identifiers.instant(tree, tree.text(statement, "timestamp", pointer), pointer + "/timestamp"), documentTime);
            String source = Identifiers.located(tree, pointer);
            List<ComponentSelector> selectors = products(statement, pointer, vulnerability, source);
            for (ComponentSelector selector : selectors) {
                Statement read = new Statement(Origin.VEX, source, vulnerability, selector, state, justification, detail,
                        List.of(), author, at, null, reason);
                String key = vulnerability.toUpperCase(java.util.Locale.ROOT) + "\u0000" + selector.text();
                Keyed earlier = latest.get(key);
                Keyed now = new Keyed(read, at, order++);
                if (earlier == null || !later(earlier, now)) {
                    latest.remove(key);
                    latest.put(key, now);
                }
            }
        }
        return vex.document(latest.values().stream().map(Keyed::statement).toList());
    }

    /** True when {@code earlier} stays: it carries a later timestamp than {@code now}. */
    private static boolean later(Keyed earlier, Keyed now) {
        return earlier.at() != null && now.at() != null && earlier.at().isAfter(now.at());
    }

    private String vulnerability(JsonNode statement, String pointer) throws InputException {
        JsonNode node = statement.path("vulnerability");
        String name = node.isTextual() ? node.asText().strip()
                : tree.text(tree.object(statement, "vulnerability", pointer), "name", pointer + "/vulnerability");
        if (name.isEmpty()) {
            throw tree.error(pointer, "a statement needs a vulnerability with a name");
        }
        return name;
    }

    private List<ComponentSelector> products(JsonNode statement, String pointer, String vulnerability, String source)
            throws InputException {
        List<ComponentSelector> selectors = new ArrayList<>();
        List<JsonNode> products = tree.array(statement, "products", pointer);
        if (products.isEmpty()) {
            throw tree.error(pointer, "a statement needs at least one product");
        }
        for (int p = 0; p < products.size(); p++) {
            String productPointer = pointer + "/products/" + p;
            JsonNode product = products.get(p);
            List<JsonNode> subcomponents = product.isObject() ? tree.array(product, "subcomponents", productPointer) : List.of();
            if (subcomponents.isEmpty()) {
                Optional<ComponentSelector> selector = identity(product, productPointer);
                if (selector.isPresent()) {
                    selectors.add(selector.get());
                } else {
                    vex.warn(source + ": " + vulnerability + " is stated for '" + name(product) + "', which has no"
                            + " package URL or CPE; it applies to every component with " + vulnerability);
                    selectors.add(new ComponentSelector.AnyComponent());
                }
                continue;
            }
            for (int s = 0; s < subcomponents.size(); s++) {
                String subPointer = productPointer + "/subcomponents/" + s;
                Optional<ComponentSelector> selector = identity(subcomponents.get(s), subPointer);
                if (selector.isPresent()) {
                    selectors.add(selector.get());
                } else {
                    vex.warn(source + ": the subcomponent '" + name(subcomponents.get(s)) + "' has no package URL"
                            + " or CPE; the statement is not applied to it");
                }
            }
        }
        return selectors;
    }

    private Optional<ComponentSelector> identity(JsonNode product, String pointer) throws InputException {
        if (product.isTextual()) {
            return Identifiers.selector(tree, product.asText(), pointer);
        }
        tree.element(product, pointer);
        Optional<ComponentSelector> own = Identifiers.selector(tree, tree.text(product, "@id", pointer), pointer + "/@id");
        if (own.isPresent()) {
            return own;
        }
        JsonNode identifiers = tree.object(product, "identifiers", pointer);
        for (String key : List.of("purl", "cpe23", "cpe22")) {
            Optional<ComponentSelector> selector = Identifiers.selector(tree,
                    tree.text(identifiers, key, pointer + "/identifiers"), pointer + "/identifiers/" + key);
            if (selector.isPresent()) {
                return selector;
            }
        }
        return Optional.empty();
    }

    private static String name(JsonNode product) {
        return product.isTextual() ? product.asText() : product.path("@id").asText("(no @id)");
    }

    private static String join(String first, String second) {
        if (first.isEmpty()) {
            return second;
        }
        return second.isEmpty() ? first : first + " " + second;
    }

}
