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
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * CycloneDX VEX (JSON, 1.4–1.6): each {@code vulnerabilities[]} entry with an {@code analysis.state}
 * becomes one statement per component it {@code affects}. A reference is resolved to the package URL
 * (else CPE) of the component with that {@code bom-ref} in the document; a BOM-Link
 * ({@code urn:cdx:serial/version#ref}) by its part after {@code #}; a reference that is itself a purl or
 * CPE stands for itself. Explicit {@code versions} narrow a versionless purl to those releases.
 */
final class CycloneDxVexReader {

    private final OpenedVex vex;
    private final JsonTree tree;
    private final Map<String, Ref> refs = new HashMap<>();
    private String productRef = "";

    /** What a bom-ref stands for: its selector (null when the component has no purl or CPE) and a name. */
    private record Ref(ComponentSelector selector, String name) {
    }

    private CycloneDxVexReader(OpenedVex vex) {
        this.vex = vex;
        this.tree = vex.tree();
    }

    static VexDocument read(JsonTree tree) throws InputException {
        return new CycloneDxVexReader(new OpenedVex(tree, VexFormat.CYCLONEDX)).read();
    }

    private VexDocument read() throws InputException {
        JsonNode root = tree.root();
        JsonNode metadata = tree.object(root, "metadata", "");
        Instant documentTime = Identifiers.instant(tree, tree.text(metadata, "timestamp", "/metadata"), "/metadata/timestamp");
        String author = author(metadata);
        JsonNode product = tree.object(metadata, "component", "/metadata");
        if (!product.isMissingNode()) {
            productRef = tree.text(product, "bom-ref", "/metadata/component");
            component(product, "/metadata/component");
        }
        components(root, "");
        List<Statement> statements = new ArrayList<>();
        for (OpenedVex.Entry entry : vex.entries("vulnerabilities",
                "the CycloneDX document has no vulnerabilities, so it states nothing")) {
            String pointer = entry.pointer();
            JsonNode vulnerability = entry.node();
            String id = tree.text(vulnerability, "id", pointer);
            if (id.isEmpty()) {
                throw tree.error(pointer, "a vulnerability needs an id");
            }
            JsonNode analysis = tree.object(vulnerability, "analysis", pointer);
            String stateText = tree.text(analysis, "state", pointer + "/analysis");
            if (stateText.isEmpty()) {
                vex.warn(Identifiers.located(tree, pointer) + ": " + id + " has no analysis state, so it states nothing"
                        + " (a vulnerability report, not VEX)");
                continue;
            }
            AnalysisState state = parse(() -> AnalysisState.of(stateText), pointer + "/analysis/state");
            String justificationText = tree.text(analysis, "justification", pointer + "/analysis");
            Justification justification = justificationText.isEmpty() ? null
                    : parse(() -> Justification.of(justificationText), pointer + "/analysis/justification");
            List<Response> responses = new ArrayList<>();
            List<String> responseTexts = tree.values(analysis, "response", pointer + "/analysis");
            for (int r = 0; r < responseTexts.size(); r++) {
                String text = responseTexts.get(r) == null ? "" : responseTexts.get(r);
                responses.add(parse(() -> Response.of(text), pointer + "/analysis/response/" + r));
            }
            String detail = tree.text(analysis, "detail", pointer + "/analysis");
            Instant at = Identifiers.firstGiven(Identifiers.instant(tree, tree.text(analysis, "lastUpdated", pointer + "/analysis"),
                    pointer + "/analysis/lastUpdated"), Identifiers.instant(tree, tree.text(analysis, "firstIssued",
                    pointer + "/analysis"), pointer + "/analysis/firstIssued"), documentTime);
            String source = Identifiers.located(tree, pointer);
            List<JsonNode> affects = tree.array(vulnerability, "affects", pointer);
            if (affects.isEmpty()) {
                vex.warn(source + ": " + id + " affects no component, so it states nothing");
            }
            for (int a = 0; a < affects.size(); a++) {
                String affectPointer = pointer + "/affects/" + a;
                JsonNode affect = tree.element(affects.get(a), affectPointer);
                for (ComponentSelector selector : selectors(affect, affectPointer, id, source)) {
                    statements.add(new Statement(Origin.VEX, source, id, selector, state, justification, detail,
                            responses, author, at, null, tree.text(vulnerability, "recommendation", pointer)));
                }
            }
        }
        return vex.document(statements);
    }

    private List<ComponentSelector> selectors(JsonNode affect, String pointer, String id, String source)
            throws InputException {
        String ref = tree.text(affect, "ref", pointer);
        if (ref.isEmpty()) {
            throw tree.error(pointer, "an affects entry needs a ref");
        }
        String local = ref.startsWith("urn:cdx:") && ref.contains("#")
                ? java.net.URLDecoder.decode(ref.substring(ref.indexOf('#') + 1), java.nio.charset.StandardCharsets.UTF_8) : ref;
        Ref known = refs.get(local);
        ComponentSelector selector;
        if (known != null && known.selector() != null) {
            selector = known.selector();
        } else {
            Optional<ComponentSelector> own = Identifiers.selector(tree, local, pointer + "/ref");
            if (own.isPresent()) {
                selector = own.get();
            } else if (local.equals(productRef) || (known == null && refs.isEmpty())) {
                vex.warn(source + ": " + id + " is stated for the product '" + (known == null ? local : known.name())
                        + "' as a whole; it applies to every component with " + id);
                return List.of(new ComponentSelector.AnyComponent());
            } else {
                vex.warn(source + ": " + id + " names '" + local + "', which is no component of the document with a"
                        + " package URL or CPE; the statement is not applied");
                return List.of();
            }
        }
        List<ComponentSelector> narrowed = new ArrayList<>();
        List<JsonNode> versions = tree.array(affect, "versions", pointer);
        for (int v = 0; v < versions.size(); v++) {
            JsonNode version = tree.element(versions.get(v), pointer + "/versions/" + v);
            String exact = tree.text(version, "version", pointer + "/versions/" + v);
            if (!exact.isEmpty() && selector instanceof ComponentSelector.Purl purl && !purl.purl().contains("@")) {
                narrowed.add(new ComponentSelector.Purl(withVersion(purl.purl(), exact)));
            } else if (!tree.text(version, "range", pointer + "/versions/" + v).isEmpty()) {
                vex.warn(source + ": " + id + ": the version range " + tree.text(version, "range", pointer + "/versions/" + v)
                        + " is not evaluated; the statement applies to every version of " + selector.text());
                return List.of(selector);
            }
        }
        return narrowed.isEmpty() ? List.of(selector) : narrowed;
    }

    private static String withVersion(String purl, String version) {
        int cut = purl.length();
        for (char c : new char[] {'?', '#'}) {
            int at = purl.indexOf(c);
            if (at >= 0 && at < cut) {
                cut = at;
            }
        }
        return purl.substring(0, cut) + "@" + java.net.URLEncoder.encode(version, java.nio.charset.StandardCharsets.UTF_8)
                .replace("+", "%20") + purl.substring(cut);
    }

    private void components(JsonNode parent, String pointer) throws InputException {
        List<JsonNode> components = tree.array(parent, "components", pointer);
        for (int i = 0; i < components.size(); i++) {
            String child = pointer + "/components/" + i;
            JsonNode component = tree.element(components.get(i), child);
            component(component, child);
            components(component, child);
        }
    }

    private void component(JsonNode component, String pointer) throws InputException {
        String ref = tree.text(component, "bom-ref", pointer);
        if (ref.isEmpty()) {
            return;
        }
        String purl = tree.text(component, "purl", pointer);
        String cpe = tree.text(component, "cpe", pointer);
        ComponentSelector selector = Identifiers.selector(tree, purl, pointer + "/purl")
                .or(() -> cpe.isEmpty() ? Optional.empty() : Optional.of(new ComponentSelector.Cpe(cpe))).orElse(null);
        String name = tree.text(component, "name", pointer);
        String version = tree.text(component, "version", pointer);
        refs.putIfAbsent(ref, new Ref(selector, version.isEmpty() ? name : name + " " + version));
    }

    private String author(JsonNode metadata) throws InputException {
        for (String party : List.of("manufacturer", "supplier", "manufacture")) {
            String name = tree.text(tree.object(metadata, party, "/metadata"), "name", "/metadata/" + party);
            if (!name.isEmpty()) {
                return name;
            }
        }
        List<JsonNode> authors = tree.array(metadata, "authors", "/metadata");
        if (!authors.isEmpty() && authors.get(0).isObject()) {
            return tree.text(authors.get(0), "name", "/metadata/authors/0");
        }
        return "";
    }

    private interface Parse<T> {
        T get();
    }

    private <T> T parse(Parse<T> parse, String pointer) throws InputException {
        try {
            return parse.get();
        } catch (IllegalArgumentException e) {
            throw tree.error(pointer, e.getMessage());
        }
    }
}
