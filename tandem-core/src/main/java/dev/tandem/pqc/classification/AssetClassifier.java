package dev.tandem.pqc.classification;

import dev.tandem.pqc.Classification;
import dev.tandem.pqc.catalog.AlgorithmFamily;
import dev.tandem.pqc.catalog.CryptoLibrary;
import dev.tandem.pqc.catalog.OidEntry;
import dev.tandem.pqc.catalog.ParameterRule;
import dev.tandem.pqc.catalog.PqcCatalog;
import dev.tandem.pqc.catalog.Source;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Classifies every asset of an inventory, and the crypto libraries of an SBOM as weaker evidence. */
public final class AssetClassifier {

    private static final Pattern LAST_INTEGER = Pattern.compile("(\\d+)(?!.*\\d)");
    private static final Pattern FIRMWARE = Pattern.compile(
            "firmware|bootloader|boot-?loader|secure[ -]?boot|code[ -]?sign|software[ -]?update|\\bota\\b|image[ -]?sign|update[ -]?sign",
            Pattern.CASE_INSENSITIVE);
    private static final Set<String> KEY_ESTABLISHMENT_FUNCTIONS = Set.of("encapsulate", "decapsulate", "encrypt", "decrypt", "keyderive");
    private static final Set<String> SIGNATURE_FUNCTIONS = Set.of("sign", "verify");

    private final PqcCatalog catalog;
    private final FamilyMatcher matcher;
    private final LibraryMatcher libraries;

    public AssetClassifier(PqcCatalog catalog) {
        this.catalog = catalog;
        this.matcher = new FamilyMatcher(catalog);
        this.libraries = new LibraryMatcher(catalog);
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
            libraries.match(component).ifPresent(library -> result.add(libraryEvidence(inventory, component, library)));
        }
        return result;
    }

    /** The verdict for one algorithm name and its properties; public for tests and other engines. */
    public ClassifiedAsset classifyAlgorithm(String name, AlgorithmProperties properties, Integer keySize) {
        return classifyAlgorithm(name, null, properties, keySize);
    }

    /** As {@link #classifyAlgorithm(String, AlgorithmProperties, Integer)}, falling back to the OID when the name says nothing. */
    public ClassifiedAsset classifyAlgorithm(String name, String oid, AlgorithmProperties properties, Integer keySize) {
        AlgorithmVerdict verdict = algorithm(name, oid, properties, keySize, List.of());
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
            return unknown(asset.name(), "reference cycle through " + asset.origin().bomRef());
        }
        return switch (asset) {
            case AlgorithmAsset algorithm -> algorithm(algorithm.name(), algorithm.oid(), algorithm.properties(), null,
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
                return unknown(key.name(), "reference cycle through " + algorithm.origin().bomRef());
            }
            return algorithm(algorithm.name(), algorithm.oid(), algorithm.properties(), key.size(), contextOf(key, algorithm));
        }
        if (target.isPresent()) {
            return verdictOf(target.get(), inventory, visiting);
        }
        return algorithm(key.name(), key.oid(), AlgorithmProperties.NONE, key.size(), key.origin().context());
    }

    private AlgorithmVerdict certificate(CertificateAsset certificate, CryptoInventory inventory, Set<String> visiting) {
        List<AlgorithmVerdict> parts = new ArrayList<>();
        inventory.asset(certificate.signatureAlgorithmRef())
                .ifPresent(a -> parts.add(verdictOf(a, inventory, new HashSet<>(visiting))));
        inventory.asset(certificate.subjectPublicKeyRef())
                .ifPresent(a -> parts.add(verdictOf(a, inventory, new HashSet<>(visiting))));
        if (parts.isEmpty()) {
            AlgorithmVerdict byName = algorithm(certificate.name(), null, AlgorithmProperties.NONE, null, certificate.origin().context());
            if (byName.classification() != Classification.UNKNOWN) {
                parts.add(byName);
            } else {
                return unknownWithUse(certificate.name(), "certificate",
                        "the certificate names neither a signatureAlgorithmRef nor a subjectPublicKeyRef");
            }
        }
        boolean firmware = mentionsFirmware(certificate.name(), certificate.origin().context());
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
                List<FamilyMatcher.Match> matches = matcher.all(suite.name());
                for (FamilyMatcher.Match match : matches) {
                    parts.add(fromFamily(match.family(), match.family().label(), match.captured(),
                            AlgorithmProperties.NONE, null, List.of()));
                }
                if (suite.name().toUpperCase(Locale.ROOT).startsWith("TLS_AES") || suite.name().toUpperCase(Locale.ROOT).startsWith("TLS_CHACHA")) {
                    notes.add("TLS 1.3 suite " + suite.name() + " does not name the key exchange: list the named groups (for example X25519MLKEM768) in the CBOM");
                }
            }
        }
        for (String ref : protocol.cryptoRefs()) {
            inventory.asset(ref).ifPresent(a -> parts.add(verdictOf(a, inventory, new HashSet<>(visiting))));
        }
        if (parts.isEmpty()) {
            return unknownWithUse(protocol.name(), "tls", "the protocol lists no cipher suites or algorithm references");
        }
        AlgorithmVerdict combined = AlgorithmVerdict.worstOf(parts, "tls",
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

    private AlgorithmVerdict algorithm(String name, String oid, AlgorithmProperties properties, Integer keySize,
            List<String> context) {
        Optional<FamilyMatcher.Match> match = matcher.first(name);
        if (match.isEmpty()) {
            Optional<OidEntry> entry = catalog.oid(oid);
            if (entry.isPresent()) {
                AlgorithmVerdict byOid = fromFamily(catalog.family(entry.get().family()).orElseThrow(), name,
                        entry.get().parameter(), properties, keySize, context);
                List<Source> sources = new ArrayList<>(byOid.sources());
                sources.add(catalog.source(catalog.oidSource()));
                List<String> notes = new ArrayList<>(byOid.notes());
                notes.add("identified by its OID " + oid + " (the name says nothing the catalog knows)");
                return new AlgorithmVerdict(byOid.label(), byOid.family(), byOid.parameter(), byOid.use(),
                        byOid.classification(), byOid.tier(), byOid.broken(), byOid.cnsa(), byOid.hybrid(),
                        byOid.nistCategory(), byOid.reason(), byOid.replacement(), byOid.evidence(), sources, notes);
            }
            return declaredOrUnknown(name, properties);
        }
        AlgorithmFamily family = match.get().family();
        return fromFamily(family, name, match.get().captured(), properties, keySize, context);
    }

    private AlgorithmVerdict fromFamily(AlgorithmFamily family, String name, String captured,
            AlgorithmProperties properties, Integer keySize, List<String> context) {
        List<String> notes = new ArrayList<>();
        String parameter = null;
        ParameterRule rule = null;
        List<ParameterRule> rules = catalog.rulesOf(family);
        switch (family.parameter()) {
            case "parameter-set" -> {
                parameter = properties.parameterSetIdentifier() != null ? properties.parameterSetIdentifier() : captured;
                if (properties.parameterSetIdentifier() != null && captured != null
                        && !lastInteger(captured).equals(lastInteger(properties.parameterSetIdentifier()))) {
                    notes.add("the name says " + captured + " but parameterSetIdentifier says "
                            + properties.parameterSetIdentifier() + "; parameterSetIdentifier is used");
                }
                rule = find(rules, parameter, lastInteger(parameter));
            }
            case "key-size" -> {
                Integer size = keySize;
                if (size == null && captured != null) {
                    size = lastInteger(captured);
                }
                if (size == null && properties.parameterSetIdentifier() != null
                        && !FamilyMatcher.normalize(name).contains("WITH")) {
                    size = lastInteger(properties.parameterSetIdentifier());
                }
                parameter = size == null ? null : String.valueOf(size);
                rule = size == null ? null : find(rules, null, size);
            }
            case "curve" -> {
                parameter = properties.curve();
                rule = parameter == null ? null : find(rules, parameter, null);
                if (rule == null && captured != null) {
                    rule = find(rules, captured, null);
                    parameter = rule == null ? parameter : captured;
                }
                if (rule == null) {
                    String squashed = FamilyMatcher.normalize(name).replaceAll("[^A-Z0-9]", "");
                    for (ParameterRule candidate : rules) {
                        for (String value : candidate.values()) {
                            if (squashed.contains(value.replaceAll("[^A-Z0-9]", ""))) {
                                rule = candidate;
                                parameter = parameter == null ? value : parameter;
                                break;
                            }
                        }
                        if (rule != null) {
                            break;
                        }
                    }
                }
            }
            default -> {
            }
        }
        if (!"none".equals(family.parameter()) && rule == null) {
            rule = family.unknownParameter();
            if (parameter != null) {
                notes.add(family.label() + " parameter " + parameter + " is not in the catalog");
            }
        }
        Classification classification = pick(rule == null ? null : rule.classification(), family.classification());
        String reason = pick(rule == null ? null : rule.reason(), family.reason());
        String tier = pick(rule == null ? null : rule.tier(), family.tier());
        if (classification == Classification.QUANTUM_VULNERABLE && tier == null) {
            tier = "112";
        }
        if (classification != Classification.QUANTUM_VULNERABLE) {
            tier = null;
        }
        boolean broken = Boolean.TRUE.equals(pick(rule == null ? null : rule.broken(), family.broken()));
        boolean cnsa = classification != Classification.QUANTUM_VULNERABLE
                && Boolean.TRUE.equals(pick(rule == null ? null : rule.cnsa(), family.cnsa()));
        Integer category = classification == Classification.QUANTUM_VULNERABLE ? Integer.valueOf(0)
                : pick(rule == null ? null : rule.nistCategory(), family.nistCategory());
        String replacement = pick(rule == null ? null : rule.replacement(), family.replacement());
        if (rule != null && rule.note() != null) {
            notes.add(rule.note());
        }
        List<Source> sources = new ArrayList<>();
        sources.add(catalog.source(family.source()));
        if (rule != null && rule.source() != null && !rule.source().equals(family.source())) {
            sources.add(catalog.source(rule.source()));
        }
        Integer declared = properties.nistQuantumSecurityLevel();
        if (declared != null && category != null && !declared.equals(category)) {
            notes.add("the CBOM declares nistQuantumSecurityLevel " + declared + "; the catalog gives "
                    + category + " for " + family.label() + (parameter == null ? "" : " " + parameter));
        }
        String use = useOf(family, name, properties, context);
        String label = family.label() + (parameter == null ? "" : " " + parameter);
        return new AlgorithmVerdict(label, family.label(), parameter, use, classification, tier, broken, cnsa,
                Boolean.TRUE.equals(family.hybrid()), category, reason, replacement, Evidence.CBOM, sources, notes);
    }

    private String useOf(AlgorithmFamily family, String name, AlgorithmProperties properties, List<String> context) {
        String use = family.use();
        if ("signature".equals(use) || "key-establishment".equals(use)) {
            Set<String> functions = new HashSet<>(properties.cryptoFunctions());
            String primitive = properties.primitive() == null ? "" : properties.primitive();
            boolean signs = "signature".equals(primitive) || functions.stream().anyMatch(SIGNATURE_FUNCTIONS::contains)
                    || FamilyMatcher.normalize(name).contains("WITH");
            boolean establishes = Set.of("pke", "kem", "key-agree").contains(primitive)
                    || functions.stream().anyMatch(KEY_ESTABLISHMENT_FUNCTIONS::contains);
            if (signs && !establishes) {
                use = "signature";
            } else if (establishes && !signs) {
                use = "key-establishment";
            }
        }
        if ("signature".equals(use) && mentionsFirmware(name, context)) {
            use = "firmware-signing";
        }
        return use;
    }

    private static boolean mentionsFirmware(String name, List<String> context) {
        if (name != null && FIRMWARE.matcher(name).find()) {
            return true;
        }
        return context.stream().anyMatch(text -> FIRMWARE.matcher(text).find());
    }

    private static List<String> contextOf(KeyMaterialAsset key, AlgorithmAsset algorithm) {
        List<String> context = new ArrayList<>(key.origin().context());
        context.add(key.name());
        context.addAll(algorithm.origin().context());
        return context;
    }

    private AlgorithmVerdict declaredOrUnknown(String name, AlgorithmProperties properties) {
        Integer level = properties.nistQuantumSecurityLevel();
        if (level == null) {
            String primitive = properties.primitive();
            if (primitive != null && Set.of("signature", "pke", "key-agree").contains(primitive)) {
                return unknown(name, "a " + primitive + " algorithm the catalog does not know: classical public-key "
                        + "algorithms are quantum-vulnerable, so check it");
            }
            return unknown(name, "the catalog does not know this algorithm and the CBOM declares no nistQuantumSecurityLevel");
        }
        Classification classification = level == 0 ? Classification.QUANTUM_VULNERABLE
                : level <= 2 ? Classification.WEAKENED : Classification.QUANTUM_RESISTANT;
        String use = properties.primitive() == null ? "key-establishment" : switch (properties.primitive()) {
            case "signature" -> "signature";
            case "hash", "xof" -> "hash";
            case "mac" -> "mac";
            case "block-cipher", "stream-cipher", "ae" -> "symmetric-encryption";
            default -> "key-establishment";
        };
        return new AlgorithmVerdict(name, null, null, use, classification,
                classification == Classification.QUANTUM_VULNERABLE ? "112" : null, false, false, false, level,
                "the CBOM declares nistQuantumSecurityLevel " + level + " for an algorithm the catalog does not know",
                null, Evidence.CBOM_DECLARED_LEVEL, List.of(catalog.source("nist-pqc-categories")),
                List.of("classified from the CBOM's own nistQuantumSecurityLevel: weaker evidence than a catalog match"));
    }

    private AlgorithmVerdict unknown(String name, String why) {
        return unknownWithUse(name, null, why);
    }

    private AlgorithmVerdict unknownWithUse(String name, String use, String why) {
        return new AlgorithmVerdict(name, null, null, use, Classification.UNKNOWN, null, false, false, false, null,
                why, null, Evidence.CBOM, List.of(), List.of("needs review: " + why));
    }

    private ClassifiedAsset libraryEvidence(CryptoInventory inventory, SoftwareComponent component, CryptoLibrary library) {
        boolean vulnerable = library.classification() == Classification.QUANTUM_VULNERABLE;
        List<String> notes = new ArrayList<>();
        notes.add("weaker evidence: the SBOM names " + library.label() + ", not the algorithms the product uses; "
                + (vulnerable ? "RSA/ECDH/ECDSA are assumed (earliest NIST IR 8547 date); " : "")
                + "a CBOM would confirm");
        List<Source> sources = new ArrayList<>();
        sources.add(catalog.source("crypto-library-role"));
        if (library.pqcSince() != null) {
            Source pqcSource = catalog.source(library.pqcSource());
            sources.add(pqcSource);
            if (component.version() != null && VersionText.atLeast(component.version(), library.pqcSince())) {
                notes.add("version " + component.version() + " ships ML-KEM/ML-DSA (" + library.label() + " "
                        + library.pqcSince() + " or later, " + pqcSource.cite() + "): switch them on");
            } else {
                notes.add(library.label() + " ships ML-KEM/ML-DSA from " + library.pqcSince() + " (" + pqcSource.cite()
                        + "); this SBOM names " + (component.version() == null ? "no version" : "version " + component.version()));
            }
        }
        String name = component.group() == null ? component.name() : component.group() + ":" + component.name();
        return new ClassifiedAsset(inventory.product().label(), inventory.source(), component.pointer(),
                component.bomRef(), name + (component.version() == null ? "" : " " + component.version()), "library",
                Evidence.SBOM_LIBRARY, library.label(), component.version(), vulnerable ? "crypto-library" : "symmetric-encryption",
                library.classification(), vulnerable ? "112" : null, false, false, false, vulnerable ? 0 : null,
                library.label() + " offers " + library.offers(), null, sources, notes);
    }

    private static ParameterRule find(List<ParameterRule> rules, String value, Integer number) {
        for (ParameterRule rule : rules) {
            if (rule.matches(value, number)) {
                return rule;
            }
        }
        return null;
    }

    static Integer lastInteger(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = LAST_INTEGER.matcher(text);
        if (!m.find()) {
            return null;
        }
        String digits = m.group(1);
        return digits.length() > 9 ? null : Integer.valueOf(digits);
    }

    private static <T> T pick(T first, T second) {
        return first != null ? first : second;
    }
}
