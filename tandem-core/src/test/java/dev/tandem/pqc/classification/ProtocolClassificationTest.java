package dev.tandem.pqc.classification;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.pqc.Classification;
import dev.tandem.pqc.catalog.PqcCatalog;
import dev.tandem.pqc.inventory.CbomReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A protocol is classified by its key exchange and cipher; its authentication is set aside only behind a post-quantum key exchange. */
class ProtocolClassificationTest {

    private static final AssetClassifier CLASSIFIER = new AssetClassifier(PqcCatalog.bundled());

    @Test
    void tls13WithTheHybridGroupIsQuantumResistantAndPointsAtItsClassicalCertificate() throws Exception {
        List<ClassifiedAsset> assets = classify(tls("\"kex-hybrid\", \"aes256\", \"sha384\"", "\"cert\""));
        ClassifiedAsset tls = asset(assets, "TLS 1.3");
        assertThat(tls.classification()).isEqualTo(Classification.QUANTUM_RESISTANT);
        assertThat(tls.hybrid()).isTrue();
        assertThat(tls.tier()).isNull();
        assertThat(tls.notes()).anySatisfy(note -> assertThat(note)
                .contains("post-quantum key exchange").contains("ECDSA P-384 (quantum-vulnerable)"));
        // the authentication keeps its own classification and date
        assertThat(asset(assets, "client-cert").classification()).isEqualTo(Classification.QUANTUM_VULNERABLE);
    }

    @Test
    void aClassicalGroupOfferedBesideTheHybridKeepsTheProtocolQuantumVulnerable() throws Exception {
        ClassifiedAsset tls = asset(classify(tls("\"kex-hybrid\", \"kex-x25519\", \"aes256\", \"sha384\"", "\"cert\"")), "TLS 1.3");
        assertThat(tls.classification()).isEqualTo(Classification.QUANTUM_VULNERABLE);
        assertThat(tls.tier()).isEqualTo("128");
    }

    @Test
    void withoutAPostQuantumKeyExchangeTheCertificateStillCounts() throws Exception {
        ClassifiedAsset tls = asset(classify(tls("\"aes256\", \"sha384\"", "\"cert\"")), "TLS 1.3");
        assertThat(tls.classification()).isEqualTo(Classification.QUANTUM_VULNERABLE);
        assertThat(tls.notes()).noneSatisfy(note -> assertThat(note).contains("post-quantum key exchange"));
    }

    @Test
    void aWeakCipherBehindTheHybridStillWeakensTheChannel() throws Exception {
        ClassifiedAsset tls = asset(classify(tls("\"kex-hybrid\", \"aes128\"", "\"cert\"")), "TLS 1.3");
        assertThat(tls.classification()).isEqualTo(Classification.WEAKENED);
    }

    @Test
    void mlKemAloneCountsAsAPostQuantumKeyExchange() throws Exception {
        ClassifiedAsset tls = asset(classify(tls("\"kex-mlkem\", \"aes256\", \"sha384\"", "\"cert\"")), "TLS 1.3");
        assertThat(tls.classification()).isEqualTo(Classification.QUANTUM_RESISTANT);
        assertThat(tls.hybrid()).isFalse();
    }

    @Test
    void aProtocolThatDoesNotStateItsKeyExchangeIsNotReadAsQuantumResistant() throws Exception {
        String byName = """
                {"bomFormat":"CycloneDX","components":[{"type":"cryptographic-asset","name":"TLS 1.3","cryptoProperties":
                 {"assetType":"protocol","protocolProperties":{"type":"tls","version":"1.3",
                  "cipherSuites":[{"name":"TLS_AES_256_GCM_SHA384"},{"name":"TLS_CHACHA20_POLY1305_SHA256"}]}}}]}
                """;
        ClassifiedAsset tls = asset(classify(byName), "TLS 1.3");
        assertThat(tls.classification()).isEqualTo(Classification.QUANTUM_VULNERABLE);
        assertThat(tls.tier()).isEqualTo("112");
        assertThat(tls.reason()).contains("key exchange not stated (ECDHE assumed)");
        assertThat(tls.notes()).anySatisfy(note -> assertThat(note).contains("list the key-exchange groups"));
        ClassifiedAsset byRefs = asset(classify(tls("\"aes256\", \"sha384\"", "")), "TLS 1.3");
        assertThat(byRefs.classification()).isEqualTo(Classification.QUANTUM_VULNERABLE);
    }

    private static String tls(String algorithms, String cryptoRefs) {
        return """
                {"bomFormat":"CycloneDX","specVersion":"1.6","metadata":{"component":{"type":"device","name":"gw","version":"1"}},
                 "components":[
                  {"type":"cryptographic-asset","bom-ref":"kex-hybrid","name":"X25519MLKEM768","cryptoProperties":{"assetType":"algorithm",
                   "algorithmProperties":{"primitive":"kem","cryptoFunctions":["encapsulate","decapsulate"]}}},
                  {"type":"cryptographic-asset","bom-ref":"kex-mlkem","name":"ML-KEM-1024","cryptoProperties":{"assetType":"algorithm",
                   "algorithmProperties":{"primitive":"kem"}}},
                  {"type":"cryptographic-asset","bom-ref":"kex-x25519","name":"X25519","cryptoProperties":{"assetType":"algorithm",
                   "algorithmProperties":{"primitive":"key-agree","curve":"x25519"}}},
                  {"type":"cryptographic-asset","bom-ref":"aes256","name":"AES-256-GCM","cryptoProperties":{"assetType":"algorithm",
                   "algorithmProperties":{"primitive":"ae","parameterSetIdentifier":"256"}}},
                  {"type":"cryptographic-asset","bom-ref":"aes128","name":"AES-128-GCM","cryptoProperties":{"assetType":"algorithm",
                   "algorithmProperties":{"primitive":"ae","parameterSetIdentifier":"128"}}},
                  {"type":"cryptographic-asset","bom-ref":"sha384","name":"SHA-384","cryptoProperties":{"assetType":"algorithm",
                   "algorithmProperties":{"primitive":"hash","parameterSetIdentifier":"384"}}},
                  {"type":"cryptographic-asset","bom-ref":"ecdsa","name":"SHA384withECDSA","cryptoProperties":{"assetType":"algorithm",
                   "algorithmProperties":{"primitive":"signature","curve":"P-384","cryptoFunctions":["sign","verify"]}}},
                  {"type":"cryptographic-asset","bom-ref":"cert","name":"client-cert","cryptoProperties":{"assetType":"certificate",
                   "certificateProperties":{"signatureAlgorithmRef":"ecdsa"}}},
                  {"type":"cryptographic-asset","bom-ref":"tls","name":"TLS 1.3","cryptoProperties":{"assetType":"protocol",
                   "protocolProperties":{"type":"tls","version":"1.3",
                    "cipherSuites":[{"name":"TLS_AES_256_GCM_SHA384","algorithms":[%s]}],"cryptoRefArray":[%s]}}}]}
                """.formatted(algorithms, cryptoRefs);
    }

    private static List<ClassifiedAsset> classify(String cbom) throws Exception {
        return CLASSIFIER.classify(new CbomReader().read("tls.json", cbom.getBytes(StandardCharsets.UTF_8)));
    }

    private static ClassifiedAsset asset(List<ClassifiedAsset> assets, String name) {
        return assets.stream().filter(a -> a.name().equals(name)).findFirst().orElseThrow();
    }
}
