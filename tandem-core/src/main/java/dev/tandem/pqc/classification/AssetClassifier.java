package dev.tandem.pqc.classification;

import dev.tandem.pqc.Classification;
import dev.tandem.pqc.catalog.PqcCatalog;
import dev.tandem.pqc.inventory.AlgorithmAsset;
import dev.tandem.pqc.inventory.AlgorithmProperties;
import dev.tandem.pqc.inventory.CertificateAsset;
import dev.tandem.pqc.inventory.CipherSuite;
import dev.tandem.pqc.inventory.CryptoAsset;
import dev.tandem.pqc.inventory.CryptoInventory;
import dev.tandem.pqc.inventory.KeyMaterialAsset;
import dev.tandem.pqc.inventory.ProtocolAsset;
import dev.tandem.pqc.inventory.SoftwareComponent;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Classifies every asset of an inventory (certificates, keys and protocols through the algorithms
 * they reference), and the crypto libraries of an SBOM as weaker evidence.
 */
public final class AssetClassifier {

    private final AlgorithmVerdicts verdicts;
    private final LibraryEvidence libraries;

    public AssetClassifier(PqcCatalog catalog) {
        this.verdicts = new AlgorithmVerdicts(catalog);
        this.libraries = new LibraryEvidence(catalog);
    }

    /** Every crypto asset of the inventory, then every recognised crypto library not already backed by CBOM assets. */
    public List<ClassifiedAsset> classify(CryptoInventory inventory) {
        List<ClassifiedAsset> result = new ArrayList<>();
        Set<String> provided = new HashSet<>();
        for (SoftwareComponent component : inventory.components()) {
            for (String ref : component.provides()) {
                if (inventory.asset(ref).isPresent()) {
                    provided.add(component.bomRef());
                }
            }
        }
        for (CryptoAsset asset : inventory.assets()) {
            AlgorithmVerdict verdict = verdictOf(asset, inventory, new HashSet<>());
            result.add(toClassified(inventory, asset, verdict));
        }
        for (SoftwareComponent component : inventory.components()) {
            if (component.bomRef() != null && provided.contains(component.bomRef())) {
                continue;
            }
            libraries.of(inventory, component).ifPresent(result::add);
        }
        return result;
    }

    /** The verdict for one algorithm name and its properties; public for tests and other engines. */
    public ClassifiedAsset classifyAlgorithm(String name, AlgorithmProperties properties, Integer keySize) {
        return classifyAlgorithm(name, null, properties, keySize);
    }

    /** As {@link #classifyAlgorithm(String, AlgorithmProperties, Integer)}, falling back to the OID when the name says nothing. */
    public ClassifiedAsset classifyAlgorithm(String name, String oid, AlgorithmProperties properties, Integer keySize) {
        AlgorithmVerdict verdict = verdicts.algorithm(name, oid, properties, keySize, List.of());
        return new ClassifiedAsset(null, null, null, null, name, "algorithm", verdict.evidence(), verdict.family(),
                verdict.parameter(), verdict.use(), verdict.classification(), verdict.tier(), verdict.broken(),
                verdict.cnsa(), verdict.hybrid(), verdict.nistCategory(), verdict.reason(), verdict.replacement(),
                verdict.sources(), verdict.notes());
    }

    private ClassifiedAsset toClassified(CryptoInventory inventory, CryptoAsset asset, AlgorithmVerdict verdict) {
        List<String> notes = new ArrayList<>(verdict.notes());
        for (SoftwareComponent component : inventory.components()) {
            if (asset.origin().bomRef() != null && component.provides().contains(asset.origin().bomRef())) {
                notes.add("provided by " + component.name() + (component.version() == null ? "" : " " + component.version()));
            }
        }
        return new ClassifiedAsset(inventory.product().label(), inventory.source(), asset.origin().pointer(),
                asset.origin().bomRef(), asset.name(), asset.assetType(), verdict.evidence(), verdict.family(),
                verdict.parameter(), verdict.use(), verdict.classification(), verdict.tier(), verdict.broken(),
                verdict.cnsa(), verdict.hybrid(), verdict.nistCategory(), verdict.reason(), verdict.replacement(),
                verdict.sources(), notes);
    }

    private AlgorithmVerdict verdictOf(CryptoAsset asset, CryptoInventory inventory, Set<String> visiting) {
        if (asset.origin().bomRef() != null && !visiting.add(asset.origin().bomRef())) {
            return verdicts.unknown(asset.name(), "reference cycle through " + asset.origin().bomRef());
        }
        return switch (asset) {
            case AlgorithmAsset algorithm -> verdicts.algorithm(algorithm.name(), algorithm.oid(), algorithm.properties(), null,
                    asset.origin().context());
            case KeyMaterialAsset key -> keyMaterial(key, inventory, visiting);
            case CertificateAsset certificate -> certificate(certificate, inventory, visiting);
            case ProtocolAsset protocol -> protocol(protocol, inventory, visiting);
        };
    }

    private AlgorithmVerdict keyMaterial(KeyMaterialAsset key, CryptoInventory inventory, Set<String> visiting) {
        Optional<CryptoAsset> target = inventory.asset(key.algorithmRef());
        if (target.isPresent() && target.get() instanceof AlgorithmAsset algorithm) {
            if (!visiting.add(algorithm.origin().bomRef())) {
                return verdicts.unknown(key.name(), "reference cycle through " + algorithm.origin().bomRef());
            }
            return verdicts.algorithm(algorithm.name(), algorithm.oid(), algorithm.properties(), key.size(), contextOf(key, algorithm));
        }
        if (target.isPresent()) {
            return verdictOf(target.get(), inventory, visiting);
        }
        return verdicts.algorithm(key.name(), key.oid(), AlgorithmProperties.NONE, key.size(), key.origin().context());
    }

    private AlgorithmVerdict certificate(CertificateAsset certificate, CryptoInventory inventory, Set<String> visiting) {
        List<AlgorithmVerdict> parts = new ArrayList<>();
        inventory.asset(certificate.signatureAlgorithmRef())
                .ifPresent(a -> parts.add(verdictOf(a, inventory, new HashSet<>(visiting))));
        inventory.asset(certificate.subjectPublicKeyRef())
                .ifPresent(a -> parts.add(verdictOf(a, inventory, new HashSet<>(visiting))));
        if (parts.isEmpty()) {
            AlgorithmVerdict byName = verdicts.algorithm(certificate.name(), null, AlgorithmProperties.NONE, null, certificate.origin().context());
            if (byName.classification() != Classification.UNKNOWN) {
                parts.add(byName);
            } else {
                return verdicts.unknownWithUse(certificate.name(), "certificate",
                        "the certificate names neither a signatureAlgorithmRef nor a subjectPublicKeyRef");
            }
        }
        boolean firmware = AlgorithmVerdicts.mentionsFirmware(certificate.name(), certificate.origin().context());
        return AlgorithmVerdict.worstOf(parts, firmware ? "firmware-signing" : "certificate", "certificate");
    }

    private AlgorithmVerdict protocol(ProtocolAsset protocol, CryptoInventory inventory, Set<String> visiting) {
        List<AlgorithmVerdict> parts = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (CipherSuite suite : protocol.cipherSuites()) {
            if (!suite.algorithmRefs().isEmpty()) {
                for (String ref : suite.algorithmRefs()) {
                    inventory.asset(ref).ifPresent(a -> parts.add(verdictOf(a, inventory, new HashSet<>(visiting))));
                }
            } else if (suite.name() != null) {
                parts.addAll(verdicts.allIn(suite.name()));
                if (suite.name().toUpperCase(Locale.ROOT).startsWith("TLS_AES") || suite.name().toUpperCase(Locale.ROOT).startsWith("TLS_CHACHA")) {
                    notes.add("TLS 1.3 suite " + suite.name() + " does not name the key exchange: list the named groups "
                            + "(for example X25519MLKEM768) as algorithms of the suite in the CBOM");
                }
            }
        }
        for (String ref : protocol.cryptoRefs()) {
            inventory.asset(ref).ifPresent(a -> parts.add(verdictOf(a, inventory, new HashSet<>(visiting))));
        }
        verdicts.retiredProtocol(protocol.protocolType(), protocol.version()).ifPresent(parts::add);
        if (parts.isEmpty()) {
            return verdicts.unknownWithUse(protocol.name(), "tls", "the protocol lists no cipher suites or algorithm references");
        }
        boolean statesKeyExchange = parts.stream().anyMatch(p -> "key-establishment".equals(p.use()));
        boolean alreadyVulnerable = parts.stream().anyMatch(p -> p.classification() == Classification.QUANTUM_VULNERABLE);
        if (!statesKeyExchange && !alreadyVulnerable) {
            // AES-256 and SHA-384 alone would read as quantum-resistant, yet the key exchange, the part
            // a quantum computer attacks, is not stated: the classical default is assumed, not a safe one.
            parts.add(verdicts.assumedKeyExchange());
        }
        List<AlgorithmVerdict> authentication = parts.stream().filter(AssetClassifier::authenticates).toList();
        List<AlgorithmVerdict> channel = parts;
        if (postQuantumKeyExchange(parts) && !authentication.isEmpty()) {
            // With ML-KEM (alone or hybrid) in the key exchange, recorded traffic cannot be decrypted later;
            // the certificates and signatures are assets of their own and carry their own date.
            channel = parts.stream().filter(p -> !authenticates(p)).toList();
            List<String> vulnerable = authentication.stream()
                    .filter(a -> a.classification() != Classification.QUANTUM_RESISTANT)
                    .map(a -> a.label() + " (" + a.classification().id() + ")").distinct().toList();
            if (!vulnerable.isEmpty()) {
                notes.add("post-quantum key exchange: the channel is classified by its key exchange and cipher; "
                        + "its authentication (" + String.join(", ", vulnerable) + ") is not quantum-resistant "
                        + "and is classified and dated as its own certificate and signature assets");
            }
        }
        AlgorithmVerdict combined = AlgorithmVerdict.worstOf(channel, "tls",
                "protocol " + (protocol.protocolType() == null ? "" : protocol.protocolType() + " ")
                        + (protocol.version() == null ? "" : protocol.version()));
        if (notes.isEmpty()) {
            return combined;
        }
        List<String> all = new ArrayList<>(combined.notes());
        all.addAll(notes);
        return new AlgorithmVerdict(combined.label(), combined.family(), combined.parameter(), combined.use(),
                combined.classification(), combined.tier(), combined.broken(), combined.cnsa(), combined.hybrid(),
                combined.nistCategory(), combined.reason(), combined.replacement(), combined.evidence(),
                combined.sources(), all);
    }

    /** True when the protocol establishes keys and every key-establishment algorithm it offers is post-quantum or hybrid. */
    private static boolean postQuantumKeyExchange(List<AlgorithmVerdict> parts) {
        List<AlgorithmVerdict> keyExchange = parts.stream().filter(p -> "key-establishment".equals(p.use())).toList();
        return !keyExchange.isEmpty()
                && keyExchange.stream().allMatch(p -> p.classification() == Classification.QUANTUM_RESISTANT);
    }

    private static boolean authenticates(AlgorithmVerdict part) {
        return Set.of("signature", "firmware-signing", "certificate").contains(part.use());
    }

    private static List<String> contextOf(KeyMaterialAsset key, AlgorithmAsset algorithm) {
        List<String> context = new ArrayList<>(key.origin().context());
        context.add(key.name());
        context.addAll(algorithm.origin().context());
        return context;
    }
}
