package dev.tandem.pqc.classification;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.pqc.Classification;
import dev.tandem.pqc.catalog.AlgorithmFamily;
import dev.tandem.catalog.Confidence;
import dev.tandem.pqc.catalog.PqcCatalog;
import dev.tandem.pqc.inventory.AlgorithmProperties;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AssetClassifierTest {

    private static final AssetClassifier CLASSIFIER = new AssetClassifier(PqcCatalog.bundled());
    private static final Set<String> FAMILIES_SEEN = new HashSet<>();
    private static final String V = "quantum-vulnerable";
    private static final String W = "weakened";
    private static final String R = "quantum-resistant";

    /** name, parameterSetIdentifier, curve, key size, classification, tier, broken, CNSA 2.0 compliant. */
    static Stream<Arguments> cases() {
        return Stream.of(
                // Shor: every size vulnerable; the size only moves the NIST IR 8547 date
                Arguments.of("RSA-1024", null, null, null, V, "broken", true, false),
                Arguments.of("RSA-2048", null, null, null, V, "112", false, false),
                Arguments.of("RSA", null, null, 2047, V, "broken", true, false),
                Arguments.of("RSA", null, null, 3071, V, "112", false, false),
                Arguments.of("RSA", null, null, 3072, V, "128", false, false),
                Arguments.of("DSA", null, null, 2048, V, "112", false, false),
                Arguments.of("ECDSA", null, "P-224", null, V, "112", false, false),
                Arguments.of("ECDSA", null, "P-521", null, V, "128", false, false),
                Arguments.of("X448", null, null, null, V, "128", false, false),
                Arguments.of("Ed448", null, null, null, V, "128", false, false),
                Arguments.of("RSA", "3072", null, null, V, "128", false, false),
                Arguments.of("RSA", null, null, 4096, V, "128", false, false),
                Arguments.of("RSA", null, null, null, V, "112", false, false),
                Arguments.of("SHA512withRSA", "512", null, null, V, "112", false, false),
                // a signature over a classically broken hash can be forged today
                Arguments.of("SHA1withRSA", null, null, 4096, V, "broken", true, false),
                Arguments.of("MD5withRSA", null, null, null, V, "broken", true, false),
                Arguments.of("SHA1withECDSA", null, "P-384", null, V, "broken", true, false),
                Arguments.of("ElGamal", null, null, 2048, V, "112", false, false),
                Arguments.of("brainpoolP256r1", null, null, null, V, "112", false, false),
                Arguments.of("brainpoolP384r1", null, null, null, V, "128", false, false),
                Arguments.of("DSA", null, null, 1024, V, "broken", true, false),
                Arguments.of("DH-2048", null, null, null, V, "112", false, false),
                Arguments.of("FFDHE3072", null, null, null, V, "128", false, false),
                Arguments.of("ECDSA", null, "P-256", null, V, "112", false, false),
                Arguments.of("ECDSA-P384", null, null, null, V, "128", false, false),
                Arguments.of("ECDSA", null, "secp192r1", null, V, "broken", true, false),
                Arguments.of("ECDH", null, "curve25519", null, V, "128", false, false),
                Arguments.of("ECDHE", null, null, null, V, "112", false, false),
                Arguments.of("X25519", null, null, null, V, "128", false, false),
                Arguments.of("Ed25519", null, null, null, V, "128", false, false),
                Arguments.of("EC", null, "secp256r1", null, V, "112", false, false),
                // hybrids and post-quantum standards
                Arguments.of("X25519MLKEM768", null, null, null, R, null, false, false),
                Arguments.of("SecP256r1MLKEM768", null, null, null, R, null, false, false),
                Arguments.of("SecP384r1MLKEM1024", null, null, null, R, null, false, false),
                Arguments.of("ML-KEM-512", null, null, null, R, null, false, false),
                Arguments.of("ML-KEM", "768", null, null, R, null, false, false),
                Arguments.of("ML-KEM-1024", null, null, null, R, null, false, true),
                Arguments.of("ML-DSA-44", null, null, null, R, null, false, false),
                Arguments.of("ML-DSA-65", null, null, null, R, null, false, false),
                Arguments.of("ML-DSA", "87", null, null, R, null, false, true),
                Arguments.of("SLH-DSA", "SHA2-128s", null, null, R, null, false, false),
                Arguments.of("SLH-DSA-SHAKE-192f", null, null, null, R, null, false, false),
                Arguments.of("SLH-DSA-SHA2-256s", null, null, null, R, null, false, false),
                Arguments.of("HQC-256", null, null, null, R, null, false, false),
                Arguments.of("LMS", null, null, null, R, null, false, true),
                Arguments.of("XMSS^MT", null, null, null, R, null, false, true),
                Arguments.of("FN-DSA-512", null, null, null, R, null, false, false),
                Arguments.of("HQC-128", null, null, null, R, null, false, false),
                Arguments.of("HQC-192", null, null, null, R, null, false, false),
                Arguments.of("Kyber768", null, null, null, R, null, false, false),
                Arguments.of("Dilithium3", null, null, null, R, null, false, false),
                Arguments.of("SPHINCS+-SHA2-128f", null, null, null, R, null, false, false),
                Arguments.of("BIKE-L3", null, null, null, R, null, false, false),
                Arguments.of("Classic-McEliece-460896", null, null, null, R, null, false, false),
                Arguments.of("MAYO-3", null, null, null, R, null, false, false),
                Arguments.of("PQXDH", null, null, null, R, null, false, false),
                // Grover on symmetric keys
                Arguments.of("AES-128-GCM", "128", null, null, W, null, false, false),
                Arguments.of("AES-192-CBC", null, null, null, R, null, false, false),
                Arguments.of("AES-256-GCM", "256", null, null, R, null, false, true),
                Arguments.of("AES-256", null, null, null, R, null, false, true),
                Arguments.of("AES", null, null, null, W, null, false, false),
                Arguments.of("AES", null, null, 256, R, null, false, true),
                Arguments.of("AES-128", null, null, 256, W, null, false, false),
                Arguments.of("ChaCha20-Poly1305", null, null, null, R, null, false, false),
                Arguments.of("Poly1305", null, null, null, R, null, false, false),
                Arguments.of("3DES-CBC", null, null, null, W, null, true, false),
                Arguments.of("TDES", null, null, null, W, null, true, false),
                Arguments.of("DES-CBC", null, null, null, W, null, true, false),
                Arguments.of("RC4", null, null, null, W, null, true, false),
                Arguments.of("RC2-CBC", null, null, null, W, null, true, false),
                // hashes and MACs
                Arguments.of("SHA-1", null, null, null, W, null, true, false),
                Arguments.of("SHA1", null, null, null, W, null, true, false),
                Arguments.of("MD5", null, null, null, W, null, true, false),
                Arguments.of("MD4", null, null, null, W, null, true, false),
                Arguments.of("SHA-256", "256", null, null, W, null, false, false),
                Arguments.of("SHA384", "384", null, null, R, null, false, true),
                Arguments.of("SHA-512", null, null, null, R, null, false, true),
                Arguments.of("SHA-512/256", null, null, null, W, null, false, false),
                Arguments.of("HKDF-SHA256", null, null, null, R, null, false, false),
                Arguments.of("HKDF-SHA1", null, null, null, W, null, false, false),
                Arguments.of("SHA3-256", null, null, null, W, null, false, false),
                Arguments.of("SHA3-512", null, null, null, R, null, false, false),
                Arguments.of("SHAKE128", null, null, null, W, null, false, false),
                Arguments.of("SHAKE256", null, null, null, R, null, false, false),
                Arguments.of("HMAC-SHA1", null, null, null, W, null, false, false),
                Arguments.of("HmacSHA256", null, null, null, R, null, false, false),
                Arguments.of("HMAC-SHA-384", null, null, null, R, null, false, true));
    }

    @ParameterizedTest(name = "{0} {1} {2} {3} -> {4} {5}")
    @MethodSource("cases")
    void classifiesFromTheCatalog(String name, String parameterSet, String curve, Integer keySize,
            String classification, String tier, boolean broken, boolean cnsa) {
        ClassifiedAsset asset = CLASSIFIER.classifyAlgorithm(name, properties(parameterSet, curve, null), keySize);
        FAMILIES_SEEN.add(asset.family());
        assertThat(asset.classification().id()).isEqualTo(classification);
        assertThat(asset.tier()).isEqualTo(tier);
        assertThat(asset.broken()).isEqualTo(broken);
        assertThat(asset.cnsaCompliant()).isEqualTo(cnsa);
        assertThat(asset.evidence()).isEqualTo(Evidence.CBOM);
        assertThat(asset.sources()).isNotEmpty();
    }

    @AfterAll
    static void everyCatalogFamilyHasACase() {
        List<String> families = PqcCatalog.bundled().families().stream().map(AlgorithmFamily::label).toList();
        assertThat(FAMILIES_SEEN).containsAll(families);
    }

    @Test
    void vulnerableAssetsAreCategoryZeroAndResistantOnesCarryTheirCategory() {
        assertThat(CLASSIFIER.classifyAlgorithm("RSA-2048", AlgorithmProperties.NONE, null).nistCategory()).isZero();
        assertThat(CLASSIFIER.classifyAlgorithm("ML-KEM-768", AlgorithmProperties.NONE, null).nistCategory()).isEqualTo(3);
        assertThat(CLASSIFIER.classifyAlgorithm("AES-256", AlgorithmProperties.NONE, null).nistCategory()).isEqualTo(5);
    }

    @Test
    void anUnhelpfulNameFallsBackToTheOid() {
        ClassifiedAsset kem = CLASSIFIER.classifyAlgorithm("kem-1", "2.16.840.1.101.3.4.4.1", AlgorithmProperties.NONE, null);
        assertThat(kem.family()).isEqualTo("ML-KEM");
        assertThat(kem.classification()).isEqualTo(Classification.QUANTUM_RESISTANT);
        assertThat(kem.parameter()).isEqualTo("512");
        assertThat(kem.nistCategory()).isEqualTo(1);
        assertThat(kem.notes()).anySatisfy(n -> assertThat(n).contains("identified by its OID"))
                .anySatisfy(n -> assertThat(n).contains("prefer ML-KEM-768"));
        assertThat(kem.sources()).anySatisfy(s -> assertThat(s.id()).isEqualTo("oid-registry"));
        ClassifiedAsset ed = CLASSIFIER.classifyAlgorithm("sig", "1.3.101.112", AlgorithmProperties.NONE, null);
        assertThat(ed.tier()).isEqualTo("128");
        ClassifiedAsset rsa = CLASSIFIER.classifyAlgorithm("public key", "1.2.840.113549.1.1.1", AlgorithmProperties.NONE, 3072);
        assertThat(rsa.family()).isEqualTo("RSA");
        assertThat(rsa.tier()).isEqualTo("128");
        assertThat(CLASSIFIER.classifyAlgorithm("thing", "9.9.9", AlgorithmProperties.NONE, null).classification())
                .isEqualTo(Classification.UNKNOWN);
    }

    @Test
    void hybridIsMarked() {
        ClassifiedAsset hybrid = CLASSIFIER.classifyAlgorithm("X25519MLKEM768", AlgorithmProperties.NONE, null);
        assertThat(hybrid.hybrid()).isTrue();
        assertThat(CLASSIFIER.classifyAlgorithm("X25519", AlgorithmProperties.NONE, null).hybrid()).isFalse();
    }

    @Test
    void useFollowsCryptoFunctions() {
        AlgorithmProperties encrypts = new AlgorithmProperties("pke", "2048", null, null, null, List.of("encrypt", "decrypt"), null, null);
        AlgorithmProperties signs = new AlgorithmProperties("signature", "2048", null, null, null, List.of("sign"), null, null);
        assertThat(CLASSIFIER.classifyAlgorithm("RSA", encrypts, null).use()).isEqualTo("key-establishment");
        assertThat(CLASSIFIER.classifyAlgorithm("RSA", signs, null).use()).isEqualTo("signature");
        assertThat(CLASSIFIER.classifyAlgorithm("Firmware-ECDSA", signs, null).use()).isEqualTo("firmware-signing");
    }

    @Test
    void unknownNameWithoutDeclaredLevelIsUnknownAndNeedsReview() {
        ClassifiedAsset asset = CLASSIFIER.classifyAlgorithm("Vendor-Cipher-X", AlgorithmProperties.NONE, null);
        assertThat(asset.classification()).isEqualTo(Classification.UNKNOWN);
        assertThat(asset.notes()).anySatisfy(note -> assertThat(note).startsWith("needs review"));
    }

    @Test
    void unknownNameFallsBackToTheDeclaredQuantumLevelAsWeakerEvidence() {
        AlgorithmProperties zero = new AlgorithmProperties("signature", null, null, null, null, List.of(), null, 0);
        AlgorithmProperties three = new AlgorithmProperties("kem", null, null, null, null, List.of(), null, 3);
        ClassifiedAsset vulnerable = CLASSIFIER.classifyAlgorithm("GOST-Sign", zero, null);
        assertThat(vulnerable.classification()).isEqualTo(Classification.QUANTUM_VULNERABLE);
        assertThat(vulnerable.evidence()).isEqualTo(Evidence.CBOM_DECLARED_LEVEL);
        assertThat(CLASSIFIER.classifyAlgorithm("NewKEM", three, null).classification()).isEqualTo(Classification.QUANTUM_RESISTANT);
    }

    @Test
    void aDeclaredLevelThatDisagreesWithTheCatalogIsNoted() {
        AlgorithmProperties declared = new AlgorithmProperties("ae", "256", null, "gcm", null, List.of(), 256, 1);
        ClassifiedAsset asset = CLASSIFIER.classifyAlgorithm("AES-256-GCM", declared, null);
        assertThat(asset.classification()).isEqualTo(Classification.QUANTUM_RESISTANT);
        assertThat(asset.notes()).anySatisfy(note -> assertThat(note).contains("declares nistQuantumSecurityLevel 1"));
    }

    @Test
    void fnDsaRestsOnAnUnconfirmedSource() {
        ClassifiedAsset asset = CLASSIFIER.classifyAlgorithm("Falcon-512", AlgorithmProperties.NONE, null);
        assertThat(asset.sources()).anySatisfy(s -> assertThat(s.confidence()).isEqualTo(Confidence.UNCONFIRMED));
    }

    @Test
    void p256KeepsTheConservativeDateWithANote() {
        ClassifiedAsset asset = CLASSIFIER.classifyAlgorithm("ECDSA", properties(null, "P-256", null), null);
        assertThat(asset.notes()).anySatisfy(note -> assertThat(note).contains("SP 800-57 rates P-256 at 128 bits"));
    }

    private static AlgorithmProperties properties(String parameterSet, String curve, Integer level) {
        return new AlgorithmProperties(null, parameterSet, curve, null, null, List.of(), null, level);
    }
}
