package dev.tandem.pqc.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.input.InputException;
import dev.tandem.input.JsonTree;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** One pass over a CycloneDX document's component tree, then the reference checks. */
final class CycloneDxWalk {

    private static final Set<String> ASSET_TYPES = Set.of("algorithm", "certificate", "related-crypto-material", "protocol");

    private final String source;
    private final JsonTree tree;
    private final BomSlice bom;
    private final Map<String, String> pointerByRef = new HashMap<>();
    private final Map<String, BomSlice.Component> componentByRef = new HashMap<>();
    private final List<Pending> assets = new ArrayList<>();
    private final List<Pending> plain = new ArrayList<>();
    private final List<RefUse> refUses = new ArrayList<>();

    private record Pending(BomSlice.Component component, String pointer) {
    }

    private record RefUse(String ref, String pointer) {
    }

    CycloneDxWalk(JsonTree tree) throws InputException {
        this.source = tree.source();
        this.tree = tree;
        this.bom = BomSlice.of(tree);
    }

    CryptoInventory inventory() throws InputException {
        BomSlice.Component subject = bom.subject();
        if (subject != null && subject.bomRef() != null) {
            register(subject, "/metadata/component");
        }
        visit(bom.components(), "/components");
        long most = CbomReader.maxAssets();
        if (assets.size() > most) {
            throw error("/components", "the document has " + assets.size() + " cryptographic assets, more than this Java"
                    + " process can classify and plan in its memory (" + most + ": one per 32 KiB of maximum heap, see"
                    + " docs/formats/cbom.md); give Java more memory (for example JAVA_TOOL_OPTIONS=-Xmx16g) or split the CBOM");
        }
        checkReferences();
        Map<String, List<String>> context = context();
        Map<String, List<String>> provides = provides();

        List<CryptoAsset> cryptoAssets = new ArrayList<>();
        Map<String, CryptoAsset> byRef = new LinkedHashMap<>();
        for (Pending pending : assets) {
            CryptoAsset asset = toAsset(pending, context);
            cryptoAssets.add(asset);
            if (asset.origin().bomRef() != null) {
                byRef.put(asset.origin().bomRef(), asset);
            }
        }
        List<SoftwareComponent> components = new ArrayList<>();
        for (Pending pending : plain) {
            BomSlice.Component c = pending.component();
            components.add(new SoftwareComponent(source, pending.pointer(), c.bomRef(), c.name(), c.group(),
                    c.version(), c.purl(), BomSlice.present(provides.getOrDefault(c.bomRef(), List.of()))));
        }
        Product product = subject != null && subject.name() != null
                ? new Product(subject.name(), subject.version())
                : Product.namedAfter(source);
        DocumentKind kind = cryptoAssets.isEmpty() ? DocumentKind.CYCLONEDX_SBOM : DocumentKind.CYCLONEDX_CBOM;
        return new CryptoInventory(source, kind, product, cryptoAssets, components, byRef);
    }

    private void visit(List<BomSlice.Component> components, String base) throws InputException {
        if (components == null) {
            return;
        }
        for (int i = 0; i < components.size(); i++) {
            String pointer = base + "/" + i;
            BomSlice.Component component = components.get(i);
            if (component == null) {
                throw error(pointer, "a component must be an object, found null");
            }
            if (component.name() == null || component.name().isBlank()) {
                throw error(pointer, "a component needs a \"name\"");
            }
            register(component, pointer);
            if ("cryptographic-asset".equals(component.type())) {
                checkCryptoProperties(component, pointer);
                assets.add(new Pending(component, pointer));
            } else {
                plain.add(new Pending(component, pointer));
            }
            visit(component.components(), pointer + "/components");
        }
    }

    private void register(BomSlice.Component component, String pointer) throws InputException {
        String ref = component.bomRef();
        if (ref == null) {
            return;
        }
        String earlier = pointerByRef.putIfAbsent(ref, pointer);
        if (earlier != null) {
            throw error(pointer + "/bom-ref", "duplicate bom-ref \"" + ref + "\" (first used at " + earlier + ")");
        }
        componentByRef.put(ref, component);
    }

    private void checkCryptoProperties(BomSlice.Component component, String pointer) throws InputException {
        BomSlice.CryptoProperties crypto = component.cryptoProperties();
        if (crypto == null) {
            return;
        }
        String at = pointer + "/cryptoProperties";
        if (crypto.assetType() == null) {
            throw error(at, "cryptoProperties needs an \"assetType\" (one of " + String.join(", ", sorted(ASSET_TYPES)) + ")");
        }
        if (!ASSET_TYPES.contains(crypto.assetType())) {
            throw error(at + "/assetType", "unknown assetType \"" + crypto.assetType() + "\", expected one of "
                    + String.join(", ", sorted(ASSET_TYPES)));
        }
        if (crypto.certificateProperties() != null) {
            String cert = at + "/certificateProperties";
            use(crypto.certificateProperties().signatureAlgorithmRef(), cert + "/signatureAlgorithmRef");
            use(crypto.certificateProperties().subjectPublicKeyRef(), cert + "/subjectPublicKeyRef");
        }
        BomSlice.MaterialJson material = crypto.relatedCryptoMaterialProperties();
        if (material != null) {
            String mat = at + "/relatedCryptoMaterialProperties";
            use(material.algorithmRef(), mat + "/algorithmRef");
            if (material.securedBy() != null) {
                use(material.securedBy().algorithmRef(), mat + "/securedBy/algorithmRef");
            }
            if (material.size() != null && material.size() < 0) {
                throw error(mat + "/size", "size must not be negative, found " + material.size());
            }
        }
        BomSlice.ProtocolJson protocol = crypto.protocolProperties();
        if (protocol != null) {
            String prot = at + "/protocolProperties";
            List<BomSlice.Suite> suites = protocol.cipherSuites() == null ? List.of() : protocol.cipherSuites();
            for (int s = 0; s < suites.size(); s++) {
                BomSlice.Suite suite = suites.get(s);
                List<String> refs = suite == null || suite.algorithms() == null ? List.of() : suite.algorithms();
                for (int a = 0; a < refs.size(); a++) {
                    use(refs.get(a), prot + "/cipherSuites/" + s + "/algorithms/" + a);
                }
            }
            List<String> refs = protocol.cryptoRefArray() == null ? List.of() : protocol.cryptoRefArray();
            for (int r = 0; r < refs.size(); r++) {
                use(refs.get(r), prot + "/cryptoRefArray/" + r);
            }
            for (RefUse ike : ikeRefs(protocol.ikev2TransformTypes(), prot + "/ikev2TransformTypes")) {
                use(ike.ref(), ike.pointer());
            }
        }
        BomSlice.AlgorithmJson algorithm = crypto.algorithmProperties();
        if (algorithm != null && algorithm.nistQuantumSecurityLevel() != null
                && (algorithm.nistQuantumSecurityLevel() < 0 || algorithm.nistQuantumSecurityLevel() > 6)) {
            throw error(at + "/algorithmProperties/nistQuantumSecurityLevel",
                    "nistQuantumSecurityLevel must be 0 to 6, found " + algorithm.nistQuantumSecurityLevel());
        }
    }

    private static List<RefUse> ikeRefs(JsonNode transforms, String base) {
        List<RefUse> refs = new ArrayList<>();
        if (transforms == null || !transforms.isObject()) {
            return refs;
        }
        transforms.fields().forEachRemaining(field -> {
            if (field.getValue().isArray()) {
                for (int i = 0; i < field.getValue().size(); i++) {
                    JsonNode item = field.getValue().get(i);
                    if (item.isTextual()) {
                        refs.add(new RefUse(item.asText(), base + "/" + field.getKey() + "/" + i));
                    }
                }
            }
        });
        return refs;
    }

    private void use(String ref, String pointer) {
        if (ref != null) {
            refUses.add(new RefUse(ref, pointer));
        }
    }

    private void checkReferences() throws InputException {
        for (RefUse use : refUses) {
            BomSlice.Component target = componentByRef.get(use.ref());
            if (target == null) {
                throw error(use.pointer(), "reference \"" + abbreviate(use.ref()) + "\" points to no component of this document");
            }
            if (!"cryptographic-asset".equals(target.type())) {
                throw error(use.pointer(), "reference \"" + abbreviate(use.ref())
                        + "\" points to a component of type " + target.type() + ", expected a cryptographic-asset");
            }
        }
    }

    /** For each bom-ref, the names and descriptions of the components that provide it or depend on it. */
    private Map<String, List<String>> context() {
        Map<String, Set<String>> context = new HashMap<>();
        for (BomSlice.Dependency dependency : dependencies()) {
            BomSlice.Component owner = componentByRef.get(dependency.ref());
            if (owner == null) {
                continue;
            }
            for (String ref : concat(dependency.provides(), dependency.dependsOn())) {
                Set<String> words = context.computeIfAbsent(ref, k -> new LinkedHashSet<>());
                if (owner.name() != null) {
                    words.add(owner.name());
                }
                if (owner.description() != null) {
                    words.add(owner.description());
                }
            }
        }
        Map<String, List<String>> result = new HashMap<>();
        context.forEach((ref, words) -> result.put(ref, List.copyOf(words)));
        return result;
    }

    private Map<String, List<String>> provides() {
        Map<String, List<String>> provides = new HashMap<>();
        for (BomSlice.Dependency dependency : dependencies()) {
            if (dependency.ref() != null && dependency.provides() != null) {
                provides.computeIfAbsent(dependency.ref(), k -> new ArrayList<>()).addAll(dependency.provides());
            }
        }
        return provides;
    }

    private List<BomSlice.Dependency> dependencies() {
        List<BomSlice.Dependency> dependencies = new ArrayList<>();
        if (bom.dependencies() != null) {
            for (BomSlice.Dependency dependency : bom.dependencies()) {
                if (dependency != null) {
                    dependencies.add(dependency);
                }
            }
        }
        return dependencies;
    }

    private CryptoAsset toAsset(Pending pending, Map<String, List<String>> context) {
        BomSlice.Component c = pending.component();
        List<String> words = new ArrayList<>();
        if (c.description() != null) {
            words.add(c.description());
        }
        if (c.bomRef() != null) {
            words.addAll(context.getOrDefault(c.bomRef(), List.of()));
        }
        AssetOrigin origin = new AssetOrigin(source, pending.pointer(), c.bomRef(), words);
        BomSlice.CryptoProperties crypto = c.cryptoProperties();
        if (crypto == null) {
            return new AlgorithmAsset(origin, c.name(), null, AlgorithmProperties.NONE);
        }
        return switch (crypto.assetType()) {
            case "certificate" -> {
                BomSlice.CertificateJson cert = crypto.certificateProperties();
                yield cert == null
                        ? new CertificateAsset(origin, c.name(), null, null, null, null, null)
                        : new CertificateAsset(origin, c.name(), cert.subjectName(), cert.issuerName(),
                                cert.notValidAfter(), cert.signatureAlgorithmRef(), cert.subjectPublicKeyRef());
            }
            case "related-crypto-material" -> {
                BomSlice.MaterialJson m = crypto.relatedCryptoMaterialProperties();
                yield m == null
                        ? new KeyMaterialAsset(origin, c.name(), crypto.oid(), null, null, null, null)
                        : new KeyMaterialAsset(origin, c.name(), crypto.oid(), m.type(), m.algorithmRef(), m.size(),
                                m.securedBy() == null ? null : m.securedBy().algorithmRef());
            }
            case "protocol" -> {
                BomSlice.ProtocolJson p = crypto.protocolProperties();
                if (p == null) {
                    yield new ProtocolAsset(origin, c.name(), null, null, List.of(), List.of());
                }
                List<CipherSuite> suites = new ArrayList<>();
                if (p.cipherSuites() != null) {
                    for (BomSlice.Suite suite : p.cipherSuites()) {
                        if (suite != null) {
                            suites.add(new CipherSuite(suite.name(), BomSlice.present(suite.algorithms())));
                        }
                    }
                }
                List<String> refs = new ArrayList<>(BomSlice.present(p.cryptoRefArray()));
                ikeRefs(p.ikev2TransformTypes(), "").forEach(r -> refs.add(r.ref()));
                yield new ProtocolAsset(origin, c.name(), p.type(), p.version(), suites, refs);
            }
            default -> {
                BomSlice.AlgorithmJson a = crypto.algorithmProperties();
                yield new AlgorithmAsset(origin, c.name(), crypto.oid(), a == null ? AlgorithmProperties.NONE
                        : new AlgorithmProperties(a.primitive(), a.parameterSetIdentifier(), a.curveName(), a.mode(),
                                a.padding(), BomSlice.present(a.cryptoFunctions()), a.classicalSecurityLevel(),
                                a.nistQuantumSecurityLevel()));
            }
        };
    }

    private InputException error(String pointer, String problem) {
        return tree.error(pointer, problem);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>();
        if (a != null) {
            all.addAll(a);
        }
        if (b != null) {
            all.addAll(b);
        }
        return all;
    }

    private static List<String> sorted(Set<String> values) {
        return values.stream().sorted().toList();
    }

    private static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "...";
    }
}
