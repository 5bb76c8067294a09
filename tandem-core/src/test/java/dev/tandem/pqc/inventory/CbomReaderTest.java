package dev.tandem.pqc.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.input.InputException;
import dev.tandem.input.InputLimits;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CbomReaderTest {

    private final CbomReader reader = new CbomReader();

    @Test
    void readsTheRealProtocolCbomWithResolvedReferences() throws Exception {
        CryptoInventory inventory = read("Protocol_bom.json");
        assertThat(inventory.kind()).isEqualTo(DocumentKind.CYCLONEDX_CBOM);
        assertThat(inventory.product()).isEqualTo(new Product("my application", "1.0"));
        assertThat(inventory.assets()).hasSize(8);
        ProtocolAsset tls = (ProtocolAsset) inventory.assets().get(0);
        assertThat(tls.protocolType()).isEqualTo("tls");
        assertThat(tls.version()).isEqualTo("1.2");
        assertThat(tls.cipherSuites()).singleElement().satisfies(suite -> {
            assertThat(suite.name()).isEqualTo("TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384");
            assertThat(suite.algorithmRefs()).hasSize(4).allSatisfy(ref -> assertThat(inventory.asset(ref)).isPresent());
        });
        assertThat(tls.cryptoRefs()).singleElement().satisfies(ref ->
                assertThat(inventory.asset(ref)).get().isInstanceOf(CertificateAsset.class));
        CertificateAsset certificate = (CertificateAsset) inventory.assets().get(1);
        assertThat(inventory.asset(certificate.subjectPublicKeyRef())).get()
                .isInstanceOfSatisfying(KeyMaterialAsset.class, key -> {
                    assertThat(key.size()).isEqualTo(2048);
                    assertThat(key.materialType()).isEqualTo("public-key");
                });
        AlgorithmAsset ecdh = (AlgorithmAsset) inventory.asset("crypto/algorithm/ecdh-curve25519@1.3.132.1.12").orElseThrow();
        assertThat(ecdh.properties().curve()).isEqualTo("curve25519");
        assertThat(ecdh.origin().pointer()).isEqualTo("/components/4");
    }

    @Test
    void readsAlgorithmPropertiesOfTheRealAlgorithmCbom() throws Exception {
        CryptoInventory inventory = read("Algorithm_bom.json");
        AlgorithmAsset aes = (AlgorithmAsset) inventory.assets().get(0);
        assertThat(aes.name()).isEqualTo("AES-128-GCM");
        assertThat(aes.oid()).isEqualTo("2.16.840.1.101.3.4.1.6");
        assertThat(aes.properties()).isEqualTo(new AlgorithmProperties("ae", "128", null, "gcm", null,
                List.of("keygen", "encrypt", "decrypt", "tag"), 128, 1));
    }

    @Test
    void readsTheCycloneDx17PostQuantumMigrationExample() throws Exception {
        CryptoInventory inventory = read("Post-Quantum-Migration_bom.json");
        assertThat(inventory.product()).isEqualTo(new Product("PQC Migration Example", "1.0.0"));
        assertThat(inventory.assets()).extracting(CryptoAsset::name)
                .containsExactly("ML-KEM-768", "ML-DSA-65", "ECDH-P-256", "ECDSA-P-256-SHA-256");
        AlgorithmAsset ecdh = (AlgorithmAsset) inventory.asset("algorithm:ecdh-p-256").orElseThrow();
        assertThat(ecdh.properties().curve()).isEqualTo("P-256");
    }

    @Test
    void cycloneDx17EllipticCurveIsReadWhereCurveIsAbsent() throws Exception {
        String cbom = """
                {"bomFormat":"CycloneDX","specVersion":"1.7","components":[
                 {"type":"cryptographic-asset","name":"ECDH","cryptoProperties":{"assetType":"algorithm",
                  "algorithmProperties":{"primitive":"key-agree","ellipticCurve":"nist/P-384"}}},
                 {"type":"cryptographic-asset","name":"ECDSA","cryptoProperties":{"assetType":"algorithm",
                  "algorithmProperties":{"curve":"P-256","ellipticCurve":"nist/P-384"}}}]}
                """;
        List<CryptoAsset> assets = read("curve.json", cbom).assets();
        assertThat(((AlgorithmAsset) assets.get(0)).properties().curve()).isEqualTo("P-384");
        assertThat(((AlgorithmAsset) assets.get(1)).properties().curve()).isEqualTo("P-256");
    }

    @Test
    void dependenciesGiveProvidersAndContext() throws Exception {
        CryptoInventory inventory = read("Example-With-Dependencies_bom.json");
        assertThat(inventory.assets()).singleElement().satisfies(asset ->
                assertThat(asset.origin().context()).contains("Crypto library"));
        assertThat(inventory.components()).extracting(SoftwareComponent::name).containsExactly("Crypto library", "Some library");
        assertThat(inventory.components().get(0).provides()).containsExactly("aes128gcm");
    }

    @Test
    void anOrdinarySbomIsReadForItsComponents() throws Exception {
        String sbom = """
                {"bomFormat":"CycloneDX","specVersion":"1.5","metadata":{"component":{"type":"application","name":"gateway","version":"2"}},
                 "components":[{"type":"library","name":"openssl","version":"1.1.1w","purl":"pkg:generic/openssl@1.1.1w"},
                  {"type":"library","name":"bcprov-jdk18on","version":"1.78","purl":"pkg:maven/org.bouncycastle/bcprov-jdk18on@1.78"}]}
                """;
        CryptoInventory inventory = reader.read("gateway.cdx.json", sbom.getBytes(StandardCharsets.UTF_8));
        assertThat(inventory.kind()).isEqualTo(DocumentKind.CYCLONEDX_SBOM);
        assertThat(inventory.assets()).isEmpty();
        assertThat(inventory.components()).extracting(SoftwareComponent::purl)
                .containsExactly("pkg:generic/openssl@1.1.1w", "pkg:maven/org.bouncycastle/bcprov-jdk18on@1.78");
    }

    @Test
    void anSpdxSbomIsReadForItsPackages() throws Exception {
        String spdx = """
                {"spdxVersion":"SPDX-2.3","name":"router-fw","packages":[{"SPDXID":"SPDXRef-1","name":"mbedtls","versionInfo":"3.6.0",
                 "externalRefs":[{"referenceCategory":"PACKAGE-MANAGER","referenceType":"purl","referenceLocator":"pkg:generic/mbedtls@3.6.0"}]}]}
                """;
        CryptoInventory inventory = reader.read("router.spdx.json", spdx.getBytes(StandardCharsets.UTF_8));
        assertThat(inventory.kind()).isEqualTo(DocumentKind.SPDX_SBOM);
        assertThat(inventory.product().name()).isEqualTo("router-fw");
        assertThat(inventory.components()).singleElement().satisfies(c -> {
            assertThat(c.purl()).isEqualTo("pkg:generic/mbedtls@3.6.0");
            assertThat(c.version()).isEqualTo("3.6.0");
        });
    }

    @Test
    void truncatedCbomNamesFileLineAndColumn() throws Exception {
        byte[] whole = bytes("Protocol_bom.json");
        byte[] truncated = java.util.Arrays.copyOf(whole, whole.length / 2);
        assertThatThrownBy(() -> reader.read("Protocol_bom.json", truncated))
                .isInstanceOfSatisfying(InputException.class, e -> {
                    assertThat(e.source()).isEqualTo("Protocol_bom.json");
                    assertThat(e.position().line()).isGreaterThan(1);
                    assertThat(e.getMessage()).startsWith("Protocol_bom.json: line ")
                            .doesNotContain("[Source").doesNotContain("\n");
                });
    }

    @Test
    void aValueOfTheWrongTypeNamesItsPositionAndPath() {
        String cbom = """
                {"bomFormat":"CycloneDX","specVersion":"1.6","components":[
                  {"type":"cryptographic-asset","name":"RSA","cryptoProperties":{"assetType":"related-crypto-material",
                   "relatedCryptoMaterialProperties":{"size":"big"}}}]}
                """;
        assertThatThrownBy(() -> read("wrong.json", cbom))
                .isInstanceOfSatisfying(InputException.class, e -> {
                    assertThat(e.position().line()).isEqualTo(3);
                    assertThat(e.position().pointer()).isEqualTo("/components/0/cryptoProperties/relatedCryptoMaterialProperties/size");
                    assertThat(e.getMessage()).startsWith("wrong.json: line 3");
                });
    }

    @Test
    void componentsAsAnObjectIsRefused() {
        assertThatThrownBy(() -> read("obj.json", "{\"bomFormat\":\"CycloneDX\",\"components\":{\"name\":\"x\"}}"))
                .isInstanceOfSatisfying(InputException.class, e -> {
                    assertThat(e.position().line()).isEqualTo(1);
                    assertThat(e.position().pointer()).isEqualTo("/components");
                });
    }

    @Test
    void cryptoFunctionsAsAnObjectIsRefused() {
        String cbom = """
                {"bomFormat":"CycloneDX","components":[{"type":"cryptographic-asset","name":"AES","cryptoProperties":
                  {"assetType":"algorithm","algorithmProperties":{"cryptoFunctions":{"a":1}}}}]}
                """;
        assertThatThrownBy(() -> read("funcs.json", cbom)).isInstanceOf(InputException.class)
                .hasMessageContaining("funcs.json: line 2");
    }

    @Test
    void anAlgorithmRefPointingNowhereIsAnErrorWithItsPosition() {
        String cbom = """
                {"bomFormat":"CycloneDX","specVersion":"1.6","components":[
                  {"type":"cryptographic-asset","bom-ref":"key","name":"RSA-2048","cryptoProperties":{
                    "assetType":"related-crypto-material",
                    "relatedCryptoMaterialProperties":{"type":"public-key","algorithmRef":"crypto/algorithm/missing","size":2048}}}]}
                """;
        assertThatThrownBy(() -> read("dangling.json", cbom))
                .isInstanceOfSatisfying(InputException.class, e -> {
                    assertThat(e.source()).isEqualTo("dangling.json");
                    assertThat(e.position().line()).isEqualTo(4);
                    assertThat(e.position().column()).isGreaterThan(1);
                    assertThat(e.position().pointer()).isEqualTo("/components/0/cryptoProperties/relatedCryptoMaterialProperties/algorithmRef");
                    assertThat(e.problem()).contains("crypto/algorithm/missing").contains("points to no component");
                });
    }

    @Test
    void aCipherSuiteRefToANonCryptoComponentIsAnError() {
        String cbom = """
                {"bomFormat":"CycloneDX","components":[{"type":"library","bom-ref":"lib","name":"openssl"},
                 {"type":"cryptographic-asset","name":"TLS","cryptoProperties":{"assetType":"protocol",
                  "protocolProperties":{"type":"tls","cipherSuites":[{"name":"x","algorithms":["lib"]}]}}}]}
                """;
        assertThatThrownBy(() -> read("suite.json", cbom)).isInstanceOfSatisfying(InputException.class, e -> {
            assertThat(e.position().pointer()).isEqualTo("/components/1/cryptoProperties/protocolProperties/cipherSuites/0/algorithms/0");
            assertThat(e.problem()).contains("type library");
        });
    }

    @Test
    void aDuplicateBomRefIsAnError() {
        String cbom = """
                {"bomFormat":"CycloneDX","components":[{"type":"cryptographic-asset","bom-ref":"a","name":"AES"},
                 {"type":"cryptographic-asset","bom-ref":"a","name":"RSA"}]}
                """;
        assertThatThrownBy(() -> read("dup.json", cbom)).isInstanceOf(InputException.class)
                .hasMessageContaining("duplicate bom-ref \"a\"").hasMessageContaining("line 2");
    }

    @Test
    void aMissingOrUnknownAssetTypeIsAnError() {
        String missing = "{\"bomFormat\":\"CycloneDX\",\"components\":[{\"type\":\"cryptographic-asset\",\"name\":\"AES\",\"cryptoProperties\":{}}]}";
        String unknown = "{\"bomFormat\":\"CycloneDX\",\"components\":[{\"type\":\"cryptographic-asset\",\"name\":\"AES\",\"cryptoProperties\":{\"assetType\":\"spell\"}}]}";
        assertThatThrownBy(() -> read("m.json", missing)).isInstanceOf(InputException.class).hasMessageContaining("needs an \"assetType\"");
        assertThatThrownBy(() -> read("u.json", unknown)).isInstanceOf(InputException.class)
                .hasMessageContaining("unknown assetType \"spell\"").hasMessageContaining("at /components/0/cryptoProperties/assetType");
    }

    @Test
    void aQuantumLevelOutOfRangeIsAnError() {
        String cbom = "{\"bomFormat\":\"CycloneDX\",\"components\":[{\"type\":\"cryptographic-asset\",\"name\":\"AES\","
                + "\"cryptoProperties\":{\"assetType\":\"algorithm\",\"algorithmProperties\":{\"nistQuantumSecurityLevel\":9}}}]}";
        assertThatThrownBy(() -> read("level.json", cbom)).isInstanceOf(InputException.class).hasMessageContaining("0 to 6");
    }

    @Test
    void aComponentWithoutANameIsAnError() {
        assertThatThrownBy(() -> read("noname.json", "{\"bomFormat\":\"CycloneDX\",\"components\":[{\"type\":\"library\"}]}"))
                .isInstanceOf(InputException.class).hasMessageContaining("needs a \"name\"").hasMessageContaining("/components/0");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"schema_version\":\"1.6.0\",\"id\":\"GHSA-xxxx\",\"affected\":[]}",
            "{\"bomFormat\":\"SPDX\"}",
            "[1, 2, 3]",
            "null",
            "\"CycloneDX\""})
    void aDocumentThatIsNotACbomIsRefused(String text) {
        assertThatThrownBy(() -> read("other.json", text))
                .isInstanceOfSatisfying(InputException.class, e -> {
                    assertThat(e.source()).isEqualTo("other.json");
                    assertThat(e.getMessage()).startsWith("other.json: ");
                    assertThat(e.position().isKnown()).isTrue();
                });
    }

    /** An empty document has no position to name; it is told as every SBOM reader tells it. */
    @Test
    void anEmptyDocumentSaysWhatWasExpected() {
        assertThatThrownBy(() -> read("other.json", " \n"))
                .isInstanceOf(InputException.class).hasMessageStartingWith("other.json: empty file, expected CycloneDX JSON");
    }

    @Test
    void xmlIsRefusedWithAClearMessage() {
        String xml = "<?xml version=\"1.0\"?><!DOCTYPE bom [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><bom>&x;</bom>";
        assertThatThrownBy(() -> read("bom.xml", xml)).isInstanceOf(InputException.class)
                .hasMessageContaining("bom.xml: line 1").hasMessageContaining("JSON");
    }

    @Test
    void deepNestingIsRefusedNotAStackOverflow() {
        StringBuilder text = new StringBuilder("{\"bomFormat\":\"CycloneDX\",\"components\":[");
        int depth = 5_000;
        for (int i = 0; i < depth; i++) {
            text.append("{\"type\":\"library\",\"name\":\"n\",\"components\":[");
        }
        text.append("]}".repeat(depth)).append("]}");
        assertThatThrownBy(() -> read("deep.json", text.toString())).isInstanceOfSatisfying(InputException.class, e -> {
            assertThat(e.getMessage()).startsWith("deep.json: line 1, column ").contains("nesting depth")
                    .doesNotContain("StreamReadConstraints");
            assertThat(e.position().line()).isEqualTo(1);
            assertThat(e.position().column()).isGreaterThan(100);
        });
    }

    @Test
    void deepNestingInAFieldTandemIgnoresStillNamesItsLine() {
        String text = "{\"bomFormat\":\"CycloneDX\",\n\"x\":" + "[".repeat(300) + "]".repeat(300) + ",\"components\":[]}";
        assertThatThrownBy(() -> read("deep-ignored.json", text)).isInstanceOfSatisfying(InputException.class, e -> {
            assertThat(e.position().line()).isEqualTo(2);
            assertThat(e.problem()).contains("nesting depth");
        });
    }

    @Test
    void wrongTypesAreToldInJsonTermsNotJavaTypes() {
        String components = "{\"bomFormat\":\"CycloneDX\",\"components\":{}}";
        String component = "{\"bomFormat\":\"CycloneDX\",\"components\":[[]]}";
        assertThatThrownBy(() -> read("c.json", components)).isInstanceOfSatisfying(InputException.class, e ->
                assertThat(e.problem()).isEqualTo("expected an array, found an object"));
        assertThatThrownBy(() -> read("d.json", component)).isInstanceOfSatisfying(InputException.class, e -> {
            assertThat(e.problem()).isEqualTo("expected an object, found an array");
            assertThat(e.position().pointer()).isEqualTo("/components/0");
        });
        assertThatThrownBy(() -> read("e.json", "[1]")).isInstanceOfSatisfying(InputException.class, e ->
                assertThat(e.getMessage()).startsWith("e.json: line 1, column 1: not a recognised SBOM format: expected CycloneDX JSON"));
    }

    @Test
    void hugeStringsAreRefusedUnderTheLimits() {
        CbomReader tight = new CbomReader(new InputLimits(1 << 20, 50, 1_000, 10, 10));
        String cbom = "{\"bomFormat\":\"CycloneDX\",\"components\":[{\"type\":\"cryptographic-asset\",\"name\":\""
                + "A".repeat(10_000) + "\"}]}";
        assertThatThrownBy(() -> tight.read("huge.json", cbom.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InputException.class).hasMessageContaining("huge.json: line 1, column ")
                .hasMessageContaining("String value length").hasMessageNotContaining("StreamReadConstraints");
    }

    @Test
    void aReferenceCycleDoesNotLoop() throws Exception {
        String cbom = """
                {"bomFormat":"CycloneDX","components":[
                 {"type":"cryptographic-asset","bom-ref":"k1","name":"key-one","cryptoProperties":{"assetType":"related-crypto-material",
                  "relatedCryptoMaterialProperties":{"algorithmRef":"k2"}}},
                 {"type":"cryptographic-asset","bom-ref":"k2","name":"key-two","cryptoProperties":{"assetType":"related-crypto-material",
                  "relatedCryptoMaterialProperties":{"algorithmRef":"k1"}}}]}
                """;
        CryptoInventory inventory = read("cycle.json", cbom);
        var classified = new dev.tandem.pqc.classification.AssetClassifier(dev.tandem.pqc.catalog.PqcCatalog.bundled())
                .classify(inventory);
        assertThat(classified).hasSize(2).allSatisfy(a ->
                assertThat(a.classification()).isEqualTo(dev.tandem.pqc.Classification.UNKNOWN));
    }

    private CryptoInventory read(String name) throws Exception {
        return reader.read(name, bytes(name));
    }

    private CryptoInventory read(String name, String text) throws InputException {
        return reader.read(name, text.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] bytes(String name) throws IOException {
        try (InputStream in = CbomReaderTest.class.getResourceAsStream("/pqc/cbom/" + name)) {
            if (in == null) {
                throw new IOException("missing test resource " + name);
            }
            return in.readAllBytes();
        }
    }
}
