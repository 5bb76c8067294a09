package dev.tandem.pqc.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.input.InputException;
import dev.tandem.input.JsonTree;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The slice of a CycloneDX 1.6 (and 1.7) JSON document this package reads, taken from the parsed tree
 * with its typed access, so that a value of the wrong type fails with its line, column and pointer.
 * Strings stay as written and absent values are null; list elements that are null stay null, so an
 * index still matches its pointer.
 */
record BomSlice(Component subject, List<Component> components, List<Dependency> dependencies) {

    record Component(String type, String bomRef, String name, String group, String version, String purl,
            String description, CryptoProperties cryptoProperties, List<Component> components) {
    }

    record CryptoProperties(String assetType, AlgorithmJson algorithmProperties,
            CertificateJson certificateProperties, MaterialJson relatedCryptoMaterialProperties,
            ProtocolJson protocolProperties, String oid) {
    }

    /** {@code ellipticCurve} is CycloneDX 1.7's registry name ("nist/P-256"), read where 1.6's {@code curve} is absent. */
    record AlgorithmJson(String primitive, String parameterSetIdentifier, String curve, String ellipticCurve, String mode,
            String padding, List<String> cryptoFunctions, Integer classicalSecurityLevel, Integer nistQuantumSecurityLevel) {

        String curveName() {
            if (curve != null || ellipticCurve == null) {
                return curve;
            }
            return ellipticCurve.substring(ellipticCurve.lastIndexOf('/') + 1);
        }
    }

    record CertificateJson(String subjectName, String issuerName, String notValidAfter,
            String signatureAlgorithmRef, String subjectPublicKeyRef) {
    }

    record MaterialJson(String type, String algorithmRef, Integer size, SecuredBy securedBy) {
    }

    record SecuredBy(String algorithmRef) {
    }

    record ProtocolJson(String type, String version, List<Suite> cipherSuites, JsonNode ikev2TransformTypes,
            List<String> cryptoRefArray) {
    }

    record Suite(String name, List<String> algorithms) {
    }

    record Dependency(String ref, List<String> dependsOn, List<String> provides) {
    }

    /** Reads the slice; the first value of a wrong type is an error. */
    static BomSlice of(JsonTree tree) throws InputException {
        return new Reader(tree).slice();
    }

    /** Non-null elements only, for the records callers keep. */
    static List<String> present(List<String> values) {
        return values == null ? List.of() : values.stream().filter(Objects::nonNull).toList();
    }

    /** Reads the slice from the tree. */
    private static final class Reader {
        private final JsonTree tree;

        Reader(JsonTree tree) {
            this.tree = tree;
        }

        BomSlice slice() throws InputException {
            JsonNode root = tree.root();
            JsonNode metadata = tree.object(root, "metadata", "");
            JsonNode subject = tree.object(metadata, "component", "/metadata");
            List<Dependency> dependencies = new ArrayList<>();
            List<JsonNode> nodes = tree.array(root, "dependencies", "");
            for (int i = 0; i < nodes.size(); i++) {
                String pointer = JsonTree.child("/dependencies", i);
                if (nodes.get(i).isNull()) {
                    continue;
                }
                JsonNode d = tree.element(nodes.get(i), pointer);
                dependencies.add(new Dependency(tree.value(d, "ref", pointer), tree.values(d, "dependsOn", pointer),
                        tree.values(d, "provides", pointer)));
            }
            return new BomSlice(subject.isMissingNode() ? null : component(subject, "/metadata/component"),
                    components(root, ""), dependencies);
        }

        /** The components of {@code parent}; a null element stays null for the walk to report. */
        private List<Component> components(JsonNode parent, String parentPointer) throws InputException {
            List<JsonNode> nodes = tree.array(parent, "components", parentPointer);
            List<Component> components = new ArrayList<>(nodes.size());
            for (int i = 0; i < nodes.size(); i++) {
                String pointer = JsonTree.child(parentPointer + "/components", i);
                components.add(nodes.get(i).isNull() ? null : component(tree.element(nodes.get(i), pointer), pointer));
            }
            return components;
        }

        private Component component(JsonNode c, String pointer) throws InputException {
            JsonNode crypto = tree.object(c, "cryptoProperties", pointer);
            return new Component(tree.value(c, "type", pointer), tree.value(c, "bom-ref", pointer),
                    tree.value(c, "name", pointer), tree.value(c, "group", pointer), tree.value(c, "version", pointer),
                    tree.value(c, "purl", pointer), tree.value(c, "description", pointer),
                    crypto.isMissingNode() ? null : crypto(crypto, JsonTree.child(pointer, "cryptoProperties")),
                    components(c, pointer));
        }

        private CryptoProperties crypto(JsonNode p, String pointer) throws InputException {
            return new CryptoProperties(tree.value(p, "assetType", pointer),
                    algorithm(tree.object(p, "algorithmProperties", pointer), JsonTree.child(pointer, "algorithmProperties")),
                    certificate(tree.object(p, "certificateProperties", pointer),
                            JsonTree.child(pointer, "certificateProperties")),
                    material(tree.object(p, "relatedCryptoMaterialProperties", pointer),
                            JsonTree.child(pointer, "relatedCryptoMaterialProperties")),
                    protocol(tree.object(p, "protocolProperties", pointer), JsonTree.child(pointer, "protocolProperties")),
                    tree.value(p, "oid", pointer));
        }

        private AlgorithmJson algorithm(JsonNode a, String pointer) throws InputException {
            if (a.isMissingNode()) {
                return null;
            }
            return new AlgorithmJson(tree.value(a, "primitive", pointer), tree.value(a, "parameterSetIdentifier", pointer),
                    tree.value(a, "curve", pointer), tree.value(a, "ellipticCurve", pointer), tree.value(a, "mode", pointer),
                    tree.value(a, "padding", pointer), tree.values(a, "cryptoFunctions", pointer),
                    tree.integer(a, "classicalSecurityLevel", pointer), tree.integer(a, "nistQuantumSecurityLevel", pointer));
        }

        private CertificateJson certificate(JsonNode c, String pointer) throws InputException {
            if (c.isMissingNode()) {
                return null;
            }
            return new CertificateJson(tree.value(c, "subjectName", pointer), tree.value(c, "issuerName", pointer),
                    tree.value(c, "notValidAfter", pointer), tree.value(c, "signatureAlgorithmRef", pointer),
                    tree.value(c, "subjectPublicKeyRef", pointer));
        }

        private MaterialJson material(JsonNode m, String pointer) throws InputException {
            if (m.isMissingNode()) {
                return null;
            }
            JsonNode securedBy = tree.object(m, "securedBy", pointer);
            return new MaterialJson(tree.value(m, "type", pointer), tree.value(m, "algorithmRef", pointer),
                    tree.integer(m, "size", pointer), securedBy.isMissingNode() ? null
                            : new SecuredBy(tree.value(securedBy, "algorithmRef", JsonTree.child(pointer, "securedBy"))));
        }

        private ProtocolJson protocol(JsonNode p, String pointer) throws InputException {
            if (p.isMissingNode()) {
                return null;
            }
            List<Suite> suites = new ArrayList<>();
            List<JsonNode> nodes = tree.array(p, "cipherSuites", pointer);
            for (int i = 0; i < nodes.size(); i++) {
                String suitePointer = JsonTree.child(pointer + "/cipherSuites", i);
                if (nodes.get(i).isNull()) {
                    suites.add(null);
                    continue;
                }
                JsonNode suite = tree.element(nodes.get(i), suitePointer);
                suites.add(new Suite(tree.value(suite, "name", suitePointer), tree.values(suite, "algorithms", suitePointer)));
            }
            JsonNode ike = p.path("ikev2TransformTypes");
            return new ProtocolJson(tree.value(p, "type", pointer), tree.value(p, "version", pointer), suites,
                    ike.isMissingNode() ? null : ike, tree.values(p, "cryptoRefArray", pointer));
        }
    }
}
