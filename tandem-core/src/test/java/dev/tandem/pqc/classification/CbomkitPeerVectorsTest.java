package dev.tandem.pqc.classification;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.pqc.Classification;
import dev.tandem.pqc.catalog.PqcCatalog;
import dev.tandem.pqc.inventory.AlgorithmProperties;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Ported from the peer IBM/cbomkit, {@code BasicQuantumSafeComplianceService} (Apache-2.0, commit
 * 2fc632b91fd51eee28fc27090c7f2c00d1b9d498): its quantum-safe name list ("ml-kem", "ml-dsa",
 * "slh-dsa", "pqxdh", "bike", "mceliece", "frodokem", "hqc", "kyber", "ntru", "crystals", "falcon",
 * "mayo", "sphincs", "xmss", "lms") and its rule that an asymmetric primitive outside the list is not
 * quantum safe. Deliberate differences are listed below and documented in docs/pqc.md; each fails
 * once Tandem starts agreeing, so the list cannot go stale silently.
 */
class CbomkitPeerVectorsTest {

    private static final AssetClassifier CLASSIFIER = new AssetClassifier(PqcCatalog.bundled());

    @ParameterizedTest
    @ValueSource(strings = {"ML-KEM-512", "ML-KEM-768", "ML-DSA-44", "ML-DSA-65", "SLH-DSA-SHA2-128s", "HQC-128", "SLH-DSA-SHA2-192s", "PQXDH", "BIKE-L3", "Classic-McEliece-460896",
            "FrodoKEM-976-SHAKE", "HQC-192", "Kyber1024", "NTRU-HRSS-701", "CRYSTALS-Dilithium3", "Falcon-1024", "MAYO-3",
            "SPHINCS+-SHA2-192f", "XMSS-SHA2_10_256", "LMS_SHA256_M32_H10"})
    void cbomkitQuantumSafeNamesAreQuantumResistant(String name) {
        assertThat(CLASSIFIER.classifyAlgorithm(name, properties("kem", null), null).classification())
                .isEqualTo(Classification.QUANTUM_RESISTANT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"RSA-2048", "ECDSA-P256", "X25519", "Ed25519", "DSA", "DH", "SHA256withRSA"})
    void asymmetricNamesOutsideTheListAreNotQuantumSafe(String name) {
        assertThat(CLASSIFIER.classifyAlgorithm(name, properties("signature", null), null).classification())
                .isEqualTo(Classification.QUANTUM_VULNERABLE);
    }

    /** name, OID, declared nistQuantumSecurityLevel: cbomkit calls each quantum safe, Tandem deliberately does not. */
    private record Difference(String name, String oid, Integer declaredLevel, String why) {
    }

    private static final List<Difference> EXPECTED_DIFFERENCES = List.of(
            new Difference("AES-128-GCM", null, 1, "cbomkit trusts a declared level > 0; Tandem's catalog wins (AES-128 is category 1)"),
            new Difference("SHA-256", null, 2, "cbomkit trusts a declared level > 0; Tandem's catalog wins (SHA-256 is category 2)"),
            new Difference("asset-1", "1.3.6.1.4.1.2.267.12.4.4", null, "pre-standard round-3 Dilithium OIDs are not mapped"),
            new Difference("asset-2", "1.3.6.1.4.1.22554.5.6.2", null, "OQS experimental Kyber OIDs are not mapped"));

    @Test
    void deliberateDifferencesStillDiffer() {
        for (Difference difference : EXPECTED_DIFFERENCES) {
            Classification ours = CLASSIFIER.classifyAlgorithm(difference.name(), difference.oid(),
                    properties("kem", difference.declaredLevel()), null).classification();
            assertThat(ours).as("%s now agrees with cbomkit (%s): remove it from the differences and docs/pqc.md",
                    difference.name(), difference.why()).isNotEqualTo(Classification.QUANTUM_RESISTANT);
        }
    }

    private static AlgorithmProperties properties(String primitive, Integer level) {
        return new AlgorithmProperties(primitive, null, null, null, null, List.of(), null, level);
    }
}
