package dev.tandem.pqc.classification;

import dev.tandem.pqc.Classification;
import dev.tandem.pqc.catalog.AlgorithmFamily;
import dev.tandem.pqc.catalog.OidEntry;
import dev.tandem.pqc.catalog.ParameterRule;
import dev.tandem.pqc.catalog.PqcCatalog;
import dev.tandem.pqc.catalog.Source;
import dev.tandem.pqc.inventory.AlgorithmProperties;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The catalog's verdict for one algorithm: family by name (or OID), then the parameter set, key
 * size or curve that changes the answer, and the use that picks the replacement.
 */
final class AlgorithmVerdicts {

    private static final Pattern LAST_INTEGER = Pattern.compile("(\\d+)(?!.*\\d)");
    private static final Pattern FIRMWARE = Pattern.compile(
            "firmware|bootloader|boot-?loader|secure[ -]?boot|code[ -]?sign|software[ -]?update|\\bota\\b|image[ -]?sign|update[ -]?sign",
            Pattern.CASE_INSENSITIVE);
    private static final Set<String> KEY_ESTABLISHMENT_FUNCTIONS = Set.of("encapsulate", "decapsulate", "encrypt", "decrypt", "keyderive");
    private static final Set<String> SIGNATURE_FUNCTIONS = Set.of("sign", "verify");

    private final PqcCatalog catalog;
    private final FamilyMatcher matcher;

    AlgorithmVerdicts(PqcCatalog catalog) {
        this.catalog = catalog;
        this.matcher = new FamilyMatcher(catalog);
    }

    /** The verdict for a retired protocol version (TLS 1.0, SSL 3.0), if the catalog retires it. */
    Optional<AlgorithmVerdict> retiredProtocol(String type, String version) {
        return catalog.protocolVersions().stream().filter(rule -> rule.retires(type, version)).findFirst()
                .map(rule -> new AlgorithmVerdict(type + " " + version, type.toUpperCase(java.util.Locale.ROOT) + " " + version,
                        version, "tls", Classification.WEAKENED, null, true, false, false, null, rule.reason(),
                        "TLS 1.3 (or at least 1.2) with the hybrid key exchange X25519MLKEM768", Evidence.CBOM,
                        List.of(catalog.source(rule.source())), List.of()));
    }

    /**
     * The key exchange of a protocol that does not state one: the classical default (ECDHE, X25519 or
     * P-256, in the 112-bit group for the earliest date), marked as assumed.
     */
    AlgorithmVerdict assumedKeyExchange() {
        AlgorithmFamily ecdh = catalog.family("ecdh").orElseThrow();
        AlgorithmVerdict classical = fromFamily(ecdh, "ECDHE", null, AlgorithmProperties.NONE, null, List.of());
        List<String> notes = new ArrayList<>();
        notes.add("key exchange not stated: the classical default (ECDHE with X25519 or P-256) is assumed; "
                + "list the key-exchange groups (for example X25519MLKEM768) in the CBOM to confirm");
        return new AlgorithmVerdict("key exchange not stated (ECDHE assumed)", classical.family(), null,
                "key-establishment", classical.classification(), classical.tier(), false, false, false,
                classical.nistCategory(), classical.reason(), null, Evidence.CBOM, classical.sources(), notes);
    }

    /** Every family named in a composite name such as a TLS cipher suite, each with its verdict. */
    List<AlgorithmVerdict> allIn(String compositeName) {
        List<AlgorithmVerdict> verdicts = new ArrayList<>();
        for (FamilyMatcher.Match match : matcher.all(compositeName)) {
            verdicts.add(fromFamily(match.family(), match.family().label(), match.captured(), AlgorithmProperties.NONE,
                    null, List.of()));
        }
        return verdicts;
    }

    AlgorithmVerdict algorithm(String name, String oid, AlgorithmProperties properties, Integer keySize,
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
        return withBrokenHash(name, fromFamily(family, name, match.get().captured(), properties, keySize, context));
    }

    /**
     * A "<hash>with<signature>" name over a classically broken hash (SHA1withRSA, MD5withRSA): the
     * signature can be forged today, so the asset is broken whatever the key size.
     */
    private AlgorithmVerdict withBrokenHash(String name, AlgorithmVerdict verdict) {
        if (verdict.broken() || !FamilyMatcher.normalize(name).contains("WITH")) {
            return verdict;
        }
        for (FamilyMatcher.Match part : matcher.all(name)) {
            if (Boolean.TRUE.equals(part.family().broken()) && "hash".equals(part.family().use())) {
                List<String> notes = new ArrayList<>(verdict.notes());
                notes.add("signs " + part.family().label() + " digests: " + part.family().reason()
                        + ", so signatures can be forged today; remove now");
                List<Source> sources = new ArrayList<>(verdict.sources());
                sources.add(catalog.source(part.family().source()));
                String tier = verdict.classification() == Classification.QUANTUM_VULNERABLE ? "broken" : verdict.tier();
                return new AlgorithmVerdict(verdict.label(), verdict.family(), verdict.parameter(), verdict.use(),
                        verdict.classification(), tier, true, false, verdict.hybrid(), verdict.nistCategory(),
                        verdict.reason(), verdict.replacement(), verdict.evidence(), sources, notes);
            }
        }
        return verdict;
    }

    AlgorithmVerdict fromFamily(AlgorithmFamily family, String name, String captured,
            AlgorithmProperties properties, Integer keySize, List<String> context) {
        List<String> notes = new ArrayList<>();
        String parameter = null;
        ParameterRule rule = null;
        List<ParameterRule> rules = catalog.rulesOf(family);
        switch (family.parameter()) {
            case "parameter-set" -> {
                parameter = properties.parameterSetIdentifier() != null ? properties.parameterSetIdentifier() : captured;
                if (parameter == null && keySize != null && "symmetric-encryption".equals(family.use())) {
                    // A secret key referencing plain "AES" tells its length in its own size.
                    parameter = String.valueOf(keySize);
                }
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

    static boolean mentionsFirmware(String name, List<String> context) {
        if (name != null && FIRMWARE.matcher(name).find()) {
            return true;
        }
        return context.stream().anyMatch(text -> FIRMWARE.matcher(text).find());
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

    AlgorithmVerdict unknown(String name, String why) {
        return unknownWithUse(name, null, why);
    }

    AlgorithmVerdict unknownWithUse(String name, String use, String why) {
        return new AlgorithmVerdict(name, null, null, use, Classification.UNKNOWN, null, false, false, false, null,
                why, null, Evidence.CBOM, List.of(), List.of("needs review: " + why));
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
