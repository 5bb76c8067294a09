package dev.tandem.pqc.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.input.InputException;
import dev.tandem.input.JsonTree;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The packages of an SPDX 2.x JSON document, as ordinary components (library evidence only). */
final class SpdxPackages {

    private final JsonTree tree;

    SpdxPackages(JsonTree tree) {
        this.tree = tree;
    }

    CryptoInventory inventory() throws InputException {
        String source = tree.source();
        JsonNode root = tree.root();
        List<SoftwareComponent> components = new ArrayList<>();
        List<JsonNode> packages = tree.array(root, "packages", "");
        for (int i = 0; i < packages.size(); i++) {
            String pointer = JsonTree.child("/packages", i);
            JsonNode p = packages.get(i);
            String name = p.isNull() ? null : tree.value(tree.element(p, pointer), "name", pointer);
            if (name == null) {
                throw tree.error(pointer, "an SPDX package needs a \"name\"");
            }
            components.add(new SoftwareComponent(source, pointer, tree.value(p, "SPDXID", pointer), name, null,
                    tree.value(p, "versionInfo", pointer), purlOf(p, pointer), List.of()));
        }
        String name = tree.value(root, "name", "");
        return new CryptoInventory(source, DocumentKind.SPDX_SBOM,
                name == null ? Product.namedAfter(source) : new Product(name, null), List.of(), components, Map.of());
    }

    private String purlOf(JsonNode p, String pointer) throws InputException {
        List<JsonNode> refs = tree.array(p, "externalRefs", pointer);
        for (int i = 0; i < refs.size(); i++) {
            if (refs.get(i).isNull()) {
                continue;
            }
            String refPointer = JsonTree.child(pointer + "/externalRefs", i);
            JsonNode ref = tree.element(refs.get(i), refPointer);
            if ("purl".equals(tree.value(ref, "referenceType", refPointer))) {
                return tree.value(ref, "referenceLocator", refPointer);
            }
        }
        return null;
    }
}
