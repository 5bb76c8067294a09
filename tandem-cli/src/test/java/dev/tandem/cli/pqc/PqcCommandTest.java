package dev.tandem.cli.pqc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tandem.cli.CliRun;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Whole-CLI runs of {@code tandem pqc} on the real CycloneDX CBOM examples and the bundled camera CBOM.
 * The camera's whole outputs are snapshots of {@code CliSnapshotTest} ({@code pqc-camera-*}).
 */
class PqcCommandTest {

    private static final String[] REAL = {"Algorithm_bom.json", "Certificate_bom.json", "Example-With-Dependencies_bom.json",
            "Key_bom.json", "Protocol_bom.json"};
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @BeforeEach
    void copyFixtures() throws IOException {
        for (String name : REAL) {
            copy(name);
        }
        copy("smart-camera-cbom.json");
    }

    @Test
    void theRealCbomsGiveAnInventoryAPlanAndReadiness() throws Exception {
        List<String> args = new ArrayList<>(List.of("pqc", "--format", "json"));
        for (String name : REAL) {
            args.add("--sbom");
            args.add(file(name));
        }
        CliRun run = run(args.toArray(String[]::new));
        assertThat(run.code()).isZero();
        assertThat(run.err()).isEmpty();
        JsonNode root = JSON.readTree(run.out());
        JsonNode assets = root.get("assets");
        assertThat(assets).hasSize(18);
        for (JsonNode asset : assets) {
            assertThat(asset.has("name") && asset.has("classification") && asset.has("replacement") && asset.has("deadline")).isTrue();
        }
        assertThat(names(assets, "quantum-vulnerable")).contains("RSA-2048", "SHA512withRSA", "google.com", "TLSv1.2", "ECDH");
        assertThat(names(assets, "weakened")).containsOnly("AES-128-GCM", "AES");
        assertThat(names(assets, "quantum-resistant")).containsOnly("AES-256-GCM", "SHA384");
        assertThat(assets.get(0).get("deadline").asText()).isEqualTo("2030-12-31");
        assertThat(root.get("products")).extracting(p -> p.get("name").asText())
                .containsExactly("my application 1.0", "Acme Application 1.0");
        assertThat(root.get("products").get(1).get("readiness").asInt()).isZero();
        assertThat(root.get("markets")).extracting(JsonNode::asText).containsExactly("eu", "us");
    }

    @Test
    void sectorAndMarketChangeTheDeadlines() throws Exception {
        JsonNode nss = JSON.readTree(run("pqc", "--sbom", file("smart-camera-cbom.json"), "--market", "us",
                "--sector", "nss-networking", "--format", "json").out());
        JsonNode aes = find(nss.get("assets"), "AES-128-CBC");
        assertThat(aes.get("deadline").asText()).isEqualTo("2030-12-31");
        assertThat(aes.get("deadlineMilestone").get("id").asText()).isEqualTo("cnsa-networking");
        assertThat(find(nss.get("assets"), "ML-KEM-768").get("replacement").asText()).isEqualTo("ML-KEM-1024 (FIPS 203)");
        JsonNode eu = JSON.readTree(run("pqc", "--sbom", file("smart-camera-cbom.json"), "--market", "eu",
                "--format", "json").out());
        assertThat(find(eu.get("assets"), "X25519").get("deadline").asText()).isEqualTo("2035-12-31");
        assertThat(find(eu.get("assets"), "AES-128-CBC").get("deadline").isNull()).isTrue();
    }

    @Test
    void aSectorAliasSelectsTheCanonicalSector() throws Exception {
        JsonNode root = JSON.readTree(run("pqc", "--sbom", file("smart-camera-cbom.json"), "--market", "eu",
                "--sector", "Energy", "--format", "json").out());
        assertThat(root.get("sectors")).extracting(JsonNode::asText).containsExactly("critical-infrastructure");
        assertThat(find(root.get("assets"), "X25519").get("deadline").asText()).isEqualTo("2030-12-31");
        JsonNode military = JSON.readTree(run("pqc", "--sbom", file("smart-camera-cbom.json"), "--market", "us",
                "--sector", "military,government", "--format", "json").out());
        assertThat(military.get("sectors")).extracting(JsonNode::asText).containsExactly("nss", "critical-infrastructure");
        assertThat(find(military.get("assets"), "ML-KEM-768").get("replacement").asText()).isEqualTo("ML-KEM-1024 (FIPS 203)");
    }

    @Test
    void failOnQuantumVulnerableExitsOneWhenThereIsSome() {
        assertThat(run("pqc", "--sbom", file("Protocol_bom.json"), "--fail-on", "quantum-vulnerable").code()).isEqualTo(1);
    }

    @Test
    void failOnCountsOnlyAssetsAtOrAboveTheThreshold() {
        String aesOnly = file("Example-With-Dependencies_bom.json");
        assertThat(run("pqc", "--sbom", aesOnly, "--fail-on", "quantum-vulnerable").code()).isZero();
        assertThat(run("pqc", "--sbom", aesOnly, "--fail-on", "weakened").code()).isEqualTo(1);
        assertThat(run("pqc", "--sbom", aesOnly).code()).isZero();
    }

    @Test
    void failOnWeakenedPassesAQuantumResistantCbom() throws IOException {
        Path cbom = dir.resolve("pq.json");
        Files.writeString(cbom, """
                {"bomFormat":"CycloneDX","specVersion":"1.6","components":[
                 {"type":"cryptographic-asset","name":"ML-KEM-1024","cryptoProperties":{"assetType":"algorithm"}},
                 {"type":"cryptographic-asset","name":"AES-256-GCM","cryptoProperties":{"assetType":"algorithm"}}]}
                """);
        assertThat(run("pqc", "--sbom", cbom.toString(), "--fail-on", "weakened").code()).isZero();
    }

    @Test
    void libraryEvidenceFromAnOrdinarySbomIsSaidToBeWeaker() throws Exception {
        Path sbom = dir.resolve("gateway.cdx.json");
        Files.writeString(sbom, """
                {"bomFormat":"CycloneDX","specVersion":"1.5","metadata":{"component":{"type":"device","name":"gateway","version":"3"}},
                 "components":[{"type":"library","name":"openssl","version":"3.0.13","purl":"pkg:generic/openssl@3.0.13"}]}
                """);
        CliRun table = run("pqc", "--sbom", sbom.toString());
        assertThat(table.out()).contains("sbom-library (weaker evidence)").contains("library evidence only");
        JsonNode asset = JSON.readTree(run("pqc", "--sbom", sbom.toString(), "--format", "json").out()).get("assets").get(0);
        assertThat(asset.get("evidence").asText()).isEqualTo("sbom-library");
        assertThat(asset.get("weakerEvidence").asBoolean()).isTrue();
        assertThat(asset.get("evidenceNote").asText()).startsWith("weaker evidence");
    }

    @Test
    void aRealOrdinarySbomGivesLibraryEvidenceOnly() throws Exception {
        Path sbom = dir.resolve("proton-bridge.json");
        try (InputStream in = PqcCommandTest.class.getResourceAsStream("/pqc/sbom/proton-bridge_proton-bridge-v1.8.0.bom.json")) {
            Files.write(sbom, in.readAllBytes());
        }
        CliRun run = run("pqc", "--sbom", sbom.toString(), "--format", "json", "--fail-on", "quantum-vulnerable");
        assertThat(run.code()).isEqualTo(1);
        JsonNode root = JSON.readTree(run.out());
        assertThat(root.get("assets")).extracting(a -> a.get("family").asText())
                .containsExactlyInAnyOrder("OpenPGP library", "OpenPGP library", "JWT / JOSE library");
        assertThat(root.get("assets")).allSatisfy(a -> assertThat(a.get("evidence").asText()).isEqualTo("sbom-library"));
        assertThat(root.get("products").get(0).get("libraryEvidenceOnly").asBoolean()).isTrue();
    }

    @Test
    void theBundledSpdxRouterSbomListsItsCryptoLibrariesAsWeakerEvidence() throws Exception {
        Path sbom = dir.resolve("router.spdx.json");
        try (InputStream in = PqcCommandTest.class.getResourceAsStream("/pqc/sbom/router-sbom.spdx.json")) {
            Files.write(sbom, in.readAllBytes());
        }
        CliRun run = run("pqc", "--sbom", sbom.toString(), "--format", "md");
        assertThat(run.code()).isZero();
        assertThat(run.out()).contains("Acme HomeRouter R7 firmware 7.1.2").contains("(library evidence only)")
                .contains("| openssl 3.0.13 | library |").contains("| wolfssl 5.6.6 | library |")
                .contains("| dropbear 2022.83 | library |").doesNotContain("busybox");
    }

    @Test
    void htmlIsOneSelfContainedPage() {
        CliRun run = run("pqc", "--sbom", file("smart-camera-cbom.json"), "--format", "html");
        assertThat(run.code()).isZero();
        String html = run.out();
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<style>").contains("Acme SmartCam C200")
                .contains("X25519MLKEM768").contains("weaker evidence");
        assertThat(html.toLowerCase()).doesNotContain("<script").doesNotContain("<link").doesNotContain("src=")
                .doesNotContain("@import").doesNotContain("url(");
    }

    @Test
    void htmlEscapesNamesFromTheInput() throws IOException {
        Path cbom = dir.resolve("xss.json");
        Files.writeString(cbom, """
                {"bomFormat":"CycloneDX","components":[{"type":"cryptographic-asset","name":"<script>alert(1)</script>RSA",
                 "cryptoProperties":{"assetType":"algorithm"}}]}
                """);
        String html = run("pqc", "--sbom", cbom.toString(), "--format", "html").out();
        assertThat(html).doesNotContain("<script>").contains("&lt;script&gt;alert(1)&lt;/script&gt;RSA");
    }

    @Test
    void markdownHasTheProductAndPlanTables() {
        CliRun run = run("pqc", "--sbom", file("smart-camera-cbom.json"), "--format", "md");
        assertThat(run.code()).isZero();
        assertThat(run.out()).contains("| product | readiness |").contains("## Plan (ordered by deadline)")
                .contains("| immediately | weakened (broken) | SHA-1 |");
    }

    @Test
    void aMalformedCbomExitsTwoNamingFileAndPosition() throws IOException {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"bomFormat\":\"CycloneDX\",\n \"components\":[{\"type\":\"cryptographic-asset\",");
        CliRun run = run("pqc", "--sbom", bad.toString(), "--format", "json");
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).startsWith("tandem: " + bad + ": line 2").doesNotContain("Exception").doesNotContain("\tat ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"truncated", "wrong-type", "deep", "osv", "xml", "array", "empty-object-components"})
    void hostileOrForeignInputExitsTwoWithFileLineAndNoJavaNames(String kind) throws IOException {
        String text = switch (kind) {
            case "truncated" -> "{\"bomFormat\":\"CycloneDX\",\n\"components\":[{\"type\":\"crypto";
            case "wrong-type" -> "{\"bomFormat\":\"CycloneDX\",\n\"components\":[{\"type\":\"cryptographic-asset\",\"name\":\"k\","
                    + "\"cryptoProperties\":{\"assetType\":\"related-crypto-material\",\"relatedCryptoMaterialProperties\":{\"size\":[1]}}}]}";
            case "deep" -> "{\"bomFormat\":\"CycloneDX\",\n\"x\":" + "[".repeat(1000) + "]".repeat(1000) + "}";
            case "osv" -> "{\"id\":\"GHSA-1234\",\n\"affected\":[]}";
            case "xml" -> "<?xml version=\"1.0\"?><bom xmlns=\"http://cyclonedx.org/schema/bom/1.6\"/>";
            case "array" -> "[{\"bomFormat\":\"CycloneDX\"}]";
            default -> "{\"bomFormat\":\"CycloneDX\",\"components\":{}}";
        };
        Path bad = dir.resolve(kind + ".json");
        Files.writeString(bad, text);
        CliRun run = run("pqc", "--sbom", bad.toString(), "--format", "json", "--fail-on", "weakened");
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).startsWith("tandem: " + bad + ": line ").doesNotContain("java.").doesNotContain("dev.tandem")
                .doesNotContain("[Source").doesNotContain("\tat ");
    }

    @Test
    void aTls13LinkWithTheHybridKeyExchangeIsQuantumResistantAndItsCertificateIsNot() throws Exception {
        JsonNode assets = JSON.readTree(run("pqc", "--sbom", file("smart-camera-cbom.json"), "--format", "json").out()).get("assets");
        JsonNode tls = find(assets, "TLS 1.3 (cloud)");
        assertThat(tls.get("classification").asText()).isEqualTo("quantum-resistant");
        assertThat(tls.get("hybrid").asBoolean()).isTrue();
        assertThat(tls.get("deadline").isNull()).isTrue();
        assertThat(tls.get("notes").toString()).contains("post-quantum key exchange").contains("ECDSA P-384");
        JsonNode certificate = find(assets, "cloud-client-certificate");
        assertThat(certificate.get("classification").asText()).isEqualTo("quantum-vulnerable");
        assertThat(certificate.get("deadline").asText()).isEqualTo("2030-12-31");
        assertThat(find(assets, "TLS 1.2 (web UI)").get("classification").asText()).isEqualTo("quantum-vulnerable");
    }

    @Test
    void theCycloneDx17PostQuantumMigrationExampleIsHalfReady() throws Exception {
        copy("Post-Quantum-Migration_bom.json");
        CliRun run = run("pqc", "--sbom", file("Post-Quantum-Migration_bom.json"), "--format", "json", "--fail-on", "quantum-vulnerable");
        assertThat(run.code()).isEqualTo(1);
        JsonNode root = JSON.readTree(run.out());
        assertThat(root.get("products").get(0).get("readiness").asInt()).isEqualTo(50);
        JsonNode assets = root.get("assets");
        assertThat(names(assets, "quantum-resistant")).containsExactlyInAnyOrder("ML-KEM-768", "ML-DSA-65");
        assertThat(find(assets, "ECDH-P-256").get("deadline").asText()).isEqualTo("2030-12-31");
        assertThat(find(assets, "ECDSA-P-256-SHA-256").get("replacement").asText()).contains("ML-DSA-65");
        assertThat(find(assets, "ML-KEM-768").get("replacement").isNull()).isTrue();
    }

    @Test
    void aDeadlineRestingOnAnUnconfirmedSourceIsNeverShownBare() {
        String md = run("pqc", "--sbom", file("smart-camera-cbom.json"), "--format", "md").out();
        assertThat(md).contains("| 2030-12-31 (unconfirmed) | quantum-vulnerable | RSA-2048 |")
                .contains("| 2030-12-31 | quantum-vulnerable | ECDSA-P256 |");
        String table = run("pqc", "--sbom", file("smart-camera-cbom.json"), "--market", "us").out();
        assertThat(table).containsPattern("2035-12-31 \\(unconfirmed\\) +quantum-vulnerable +X25519 ");
    }

    @Test
    void aDanglingReferenceExitsTwo() throws IOException {
        Path bad = dir.resolve("dangling.json");
        Files.writeString(bad, """
                {"bomFormat":"CycloneDX","components":[{"type":"cryptographic-asset","name":"cert","cryptoProperties":
                 {"assetType":"certificate","certificateProperties":{"signatureAlgorithmRef":"nowhere"}}}]}
                """);
        CliRun run = run("pqc", "--sbom", bad.toString());
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("dangling.json: line 2").contains("\"nowhere\" points to no component");
    }

    @Test
    void aMissingFileExitsTwo() {
        CliRun run = run("pqc", "--sbom", dir.resolve("absent.json").toString());
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("absent.json: file not found");
    }

    @ParameterizedTest
    @ValueSource(strings = {"--fail-on=unknown", "--fail-on=quantum-resistant", "--market=mars", "--sector=space", "--format=pdf"})
    void badOptionsExitTwo(String option) {
        CliRun run = run("pqc", "--sbom", file("Algorithm_bom.json"), option);
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).startsWith("tandem: ");
    }

    @Test
    void sbomIsRequired() {
        assertThat(run("pqc").code()).isEqualTo(2);
    }

    private static List<String> names(JsonNode assets, String classification) {
        List<String> names = new ArrayList<>();
        assets.forEach(a -> {
            if (a.get("classification").asText().equals(classification)) {
                names.add(a.get("name").asText());
            }
        });
        return names;
    }

    private static JsonNode find(JsonNode assets, String name) {
        for (JsonNode asset : assets) {
            if (asset.get("name").asText().equals(name)) {
                return asset;
            }
        }
        throw new AssertionError("no asset " + name);
    }

    private String file(String name) {
        return dir.resolve(name).toString();
    }

    private void copy(String name) throws IOException {
        try (InputStream in = PqcCommandTest.class.getResourceAsStream("/pqc/cbom/" + name)) {
            Files.write(dir.resolve(name), in.readAllBytes());
        }
    }

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }
}
