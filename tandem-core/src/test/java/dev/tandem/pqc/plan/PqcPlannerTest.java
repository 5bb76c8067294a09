package dev.tandem.pqc.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.input.InputException;
import dev.tandem.pqc.Classification;
import dev.tandem.pqc.catalog.PqcCatalog;
import dev.tandem.pqc.inventory.CbomReader;
import dev.tandem.pqc.inventory.CryptoInventory;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PqcPlannerTest {

    private static final PqcPlanner PLANNER = new PqcPlanner(PqcCatalog.bundled());

    /** One algorithm asset per case; the asset's description can make it a firmware-signing key. */
    @ParameterizedTest(name = "{0} ({1}) in {2}/{3} -> {4} by {5}")
    @CsvSource(delimiter = ';', nullValues = "-", value = {
            // NIST IR 8547 tiers in the US
            "RSA-2048;                 -;                   us; general;                 2030-12-31; nist-ir-8547-deprecated",
            "RSA-3072;                 -;                   us; general;                 2035-12-31; nist-ir-8547-disallowed",
            "ECDSA-P384;               -;                   us; general;                 2035-12-31; nist-ir-8547-disallowed",
            "Ed25519;                  -;                   us; general;                 2035-12-31; nist-ir-8547-disallowed",
            "RSA-1024;                 -;                   us; general;                 immediately; classically-broken",
            "SHA-1;                    -;                   eu; general;                 immediately; classically-broken",
            // EU roadmap: as far as feasible 2035, high-risk 2030 by sector or by use
            "RSA-3072;                 -;                   eu; general;                 2035-12-31; eu-as-far-as-feasible",
            "RSA-3072;                 -;                   eu; critical-infrastructure; 2030-12-31; eu-high-risk",
            "ECDSA-P384;               signs the firmware;  eu; general;                 2030-12-31; eu-high-risk",
            // both markets: the earliest wins
            "RSA-3072;                 signs the firmware;  eu,us; general;              2030-12-31; eu-high-risk",
            "RSA-2048;                 -;                   eu,us; general;              2030-12-31; nist-ir-8547-deprecated",
            // symmetric and post-quantum: no date outside CNSA 2.0
            "AES-128-GCM;              -;                   eu,us; general;              -;          -",
            "ML-KEM-768;               -;                   eu,us; general;              -;          -",
            "ML-KEM-512;               -;                   eu,us; general;              -;          -",
            "ML-DSA-44;                -;                   eu,us; general;              -;          -",
            "ML-KEM-512;               -;                   us; nss-web-cloud;           2033-12-31; cnsa-web-cloud",
            // key-size and curve boundaries move the NIST IR 8547 date
            "RSA-2047;                 -;                   us; general;                 immediately; classically-broken",
            "RSA-3071;                 -;                   us; general;                 2030-12-31; nist-ir-8547-deprecated",
            "DH-3072;                  -;                   us; general;                 2035-12-31; nist-ir-8547-disallowed",
            "ECDSA-P224;               -;                   us; general;                 2030-12-31; nist-ir-8547-deprecated",
            "ECDSA-P521;               -;                   us; general;                 2035-12-31; nist-ir-8547-disallowed",
            // CNSA 2.0 categories for national security systems
            "AES-128-GCM;              -;                   us; nss-networking;          2030-12-31; cnsa-networking",
            "ML-KEM-768;               -;                   us; nss-web-cloud;           2033-12-31; cnsa-web-cloud",
            "RSA-3072;                 -;                   us; nss-os;                  2033-12-31; cnsa-os",
            "RSA-3072;                 -;                   us; nss-niche;               2033-12-31; cnsa-niche",
            "SHA-256;                  -;                   us; nss;                     2033-12-31; cnsa-custom-legacy",
            "ECDSA-P384;               bootloader verifies; us; nss;                     2030-12-31; cnsa-firmware-signing",
            "ML-KEM-1024;              -;                   us; nss-networking;          -;          -",
            "AES-256-GCM;              -;                   us; nss;                     -;          -",
            "LMS;                      firmware signing;    us; nss-networking;          -;          -",
            // CNSA 2.0 is a US programme: an EU-only plan does not apply it
            "AES-128-GCM;              -;                   eu; nss-networking;          -;          -"})
    void deadlinePerMarketAndSector(String name, String description, String markets, String sectors,
            String deadline, String milestone) throws Exception {
        PqcReport report = plan(List.of(cbom(name, description)), markets, sectors);
        PlanItem item = report.items().get(0);
        assertThat(item.deadlineText()).isEqualTo(deadline);
        assertThat(item.deadline() == null ? null : item.deadline().id()).isEqualTo(milestone);
    }

    @Test
    void nistIr8547DatesAreFlaggedUnconfirmedAndEuDatesAreNot() throws Exception {
        PlanItem item = plan(List.of(cbom("RSA-2048", null)), "eu,us", "general").items().get(0);
        assertThat(item.milestones()).extracting(AppliedMilestone::id)
                .containsExactly("nist-ir-8547-deprecated", "eu-as-far-as-feasible", "nist-ir-8547-disallowed");
        assertThat(item.milestones()).filteredOn(m -> m.id().startsWith("nist")).allMatch(AppliedMilestone::unconfirmed);
        assertThat(item.milestones()).filteredOn(m -> m.id().startsWith("eu")).noneMatch(AppliedMilestone::unconfirmed);
    }

    @Test
    void replacementFollowsUseAndCnsa() throws Exception {
        CryptoInventory inventory = inventory("smart-camera-cbom.json");
        PqcReport general = PLANNER.plan(List.of(inventory), PlanScope.DEFAULT);
        PqcReport nss = PLANNER.plan(List.of(inventory), new PlanScope(List.of("us"), List.of("nss-networking")));
        assertThat(item(general, "firmware-signing-public-key").replacement()).contains("LMS or XMSS").contains("ML-DSA-65");
        assertThat(item(nss, "firmware-signing-public-key").replacement()).contains("ML-DSA-87");
        assertThat(item(general, "X25519").replacement()).contains("ML-KEM-768").contains("X25519MLKEM768");
        assertThat(item(nss, "X25519").replacement()).isEqualTo("ML-KEM-1024 (FIPS 203)");
        assertThat(item(general, "ML-KEM-768").replacement()).isNull();
        assertThat(item(nss, "ML-KEM-768").replacement()).isEqualTo("ML-KEM-1024 (FIPS 203)");
        assertThat(item(general, "SHA-1").replacement()).startsWith("SHA-256 or better");
        assertThat(item(general, "smartcam-web-ui.local").replacement()).contains("ML-DSA-65 certificates");
        assertThat(item(general, "TLS 1.2 (web UI)").replacement()).contains("X25519MLKEM768");
        assertThat(item(general, "TLS 1.3 (cloud)").replacement()).isNull();
        assertThat(item(nss, "TLS 1.3 (cloud)").replacement()).contains("ML-KEM-1024");
        assertThat(item(nss, "SHA-1").replacement()).isEqualTo("SHA-384 or SHA-512");
    }

    @Test
    void underCnsaTheSuiteWinsOverAFamilysGeneralAdvice() throws Exception {
        PlanScope nss = new PlanScope(List.of("us"), List.of("nss"));
        assertThat(plan(List.of(cbom("Kyber768", null)), "eu,us", "general").items().get(0).replacement())
                .isEqualTo("ML-KEM-768 (FIPS 203)");
        assertThat(PLANNER.plan(List.of(cbom("Kyber768", null)), nss).items().get(0).replacement())
                .isEqualTo("ML-KEM-1024 (FIPS 203)");
        assertThat(PLANNER.plan(List.of(cbom("SLH-DSA-SHA2-128s", null)), nss).items().get(0).replacement())
                .isEqualTo("ML-DSA-87 (FIPS 204)");
        assertThat(PLANNER.plan(List.of(cbom("3DES", null)), nss).items().get(0).replacement()).isEqualTo("AES-256");
    }

    @Test
    void theSmartCameraPlanIsOrderedByDeadline() throws Exception {
        PqcReport report = PLANNER.plan(List.of(inventory("smart-camera-cbom.json")), PlanScope.DEFAULT);
        List<LocalDate> dates = report.items().stream()
                .map(i -> i.deadline() == null ? LocalDate.MAX : i.deadline().immediate() ? LocalDate.MIN : i.deadline().date())
                .toList();
        assertThat(dates).isSorted();
        assertThat(report.items().get(0).asset().name()).isEqualTo("SHA-1");
        assertThat(item(report, "ECDSA-P256").asset().use()).isEqualTo("firmware-signing");
        assertThat(item(report, "cloud-client-certificate").deadlineText()).isEqualTo("2030-12-31");
        assertThat(item(report, "SHA384withECDSA").deadlineText()).isEqualTo("2035-12-31");
        assertThat(item(report, "libsodium 1.0.18").asset().evidence().isWeaker()).isTrue();
        assertThat(report.items()).extracting(i -> i.asset().name()).doesNotContain("openssl 3.0.13", "mbedtls 2.28.8");
    }

    @Test
    void readinessIsTheShareOfClassifiedAssetsThatAreQuantumResistant() throws Exception {
        PqcReport report = PLANNER.plan(List.of(inventory("smart-camera-cbom.json")), PlanScope.DEFAULT);
        ProductReadiness camera = report.products().get(0);
        assertThat(camera.product()).isEqualTo("Acme SmartCam C200 4.2.0");
        assertThat(camera.quantumResistant()).isEqualTo(6);
        assertThat(camera.weakened()).isEqualTo(5);
        assertThat(camera.quantumVulnerable()).isEqualTo(12);
        assertThat(camera.readinessPercent()).isEqualTo(Math.round(100f * 6 / 23));
        assertThat(camera.libraryEvidenceOnly()).isFalse();
    }

    @Test
    void unknownAssetsAreCountedApartAndGetNoDate() throws Exception {
        PqcReport report = plan(List.of(cbom("Vendor-Magic", null), cbom("ML-KEM-768", null)), "eu,us", "general");
        ProductReadiness product = report.products().get(0);
        assertThat(product.unknown()).isEqualTo(1);
        assertThat(product.readinessPercent()).isEqualTo(100);
        assertThat(report.items()).filteredOn(i -> i.asset().classification() == Classification.UNKNOWN)
                .singleElement().satisfies(i -> {
                    assertThat(i.deadline()).isNull();
                    assertThat(i.replacement()).isNull();
                });
    }

    @Test
    void productMilestonesFollowMarketAndSector() throws Exception {
        CryptoInventory camera = inventory("smart-camera-cbom.json");
        List<String> eu = ids(PLANNER.plan(List.of(camera), new PlanScope(List.of("eu"), List.of("general"))));
        List<String> nss = ids(PLANNER.plan(List.of(camera), new PlanScope(List.of("us"), List.of("nss"))));
        assertThat(eu).containsExactly("eu-roadmap-start");
        assertThat(nss).containsExactly("cnsa-prefer-firmware-signing", "cnsa-acquisitions", "nist-ir-8547-transition");
        List<String> networking = ids(PLANNER.plan(List.of(camera), new PlanScope(List.of("us"), List.of("nss-networking"))));
        assertThat(networking).containsExactly("cnsa-prefer-firmware-signing", "cnsa-prefer-networking", "cnsa-acquisitions",
                "nist-ir-8547-transition");
        List<String> niche = ids(PLANNER.plan(List.of(camera), new PlanScope(List.of("eu", "us"), List.of("nss-niche"))));
        assertThat(niche).contains("eu-roadmap-start", "cnsa-prefer-niche").doesNotContain("cnsa-prefer-networking");
    }

    @Test
    void librariesOfAnOrdinarySbomAreWeakerEvidence() throws Exception {
        String sbom = """
                {"bomFormat":"CycloneDX","specVersion":"1.5","metadata":{"component":{"type":"device","name":"router","version":"7"}},
                 "components":[{"type":"library","name":"openssl","version":"1.1.1w"},
                  {"type":"library","name":"bcprov-jdk18on","version":"1.80","purl":"pkg:maven/org.bouncycastle/bcprov-jdk18on@1.80"},
                  {"type":"library","name":"crypto","version":"0.31.0","purl":"pkg:golang/golang.org/x/crypto@v0.31.0"},
                  {"type":"library","name":"left-pad","version":"1.3.0"}]}
                """;
        CryptoInventory inventory = new CbomReader().read("router.json", sbom.getBytes(StandardCharsets.UTF_8));
        PqcReport report = PLANNER.plan(List.of(inventory), PlanScope.DEFAULT);
        assertThat(report.items()).extracting(i -> i.asset().family())
                .containsExactlyInAnyOrder("OpenSSL", "Bouncy Castle", "Go x/crypto");
        assertThat(report.items()).allSatisfy(i -> {
            assertThat(i.asset().classification()).isEqualTo(Classification.QUANTUM_VULNERABLE);
            assertThat(i.asset().evidence().isWeaker()).isTrue();
            assertThat(i.asset().notes().get(0)).startsWith("weaker evidence");
            assertThat(i.deadlineText()).isEqualTo("2030-12-31");
        });
        assertThat(item(report, "openssl 1.1.1w").asset().notes()).anySatisfy(n -> assertThat(n).contains("from 3.5.0"));
        assertThat(item(report, "bcprov-jdk18on 1.80").asset().notes()).anySatisfy(n -> assertThat(n).contains("switch them on"));
        assertThat(report.products().get(0).libraryEvidenceOnly()).isTrue();
    }

    @Test
    void aRetiredTlsVersionIsBrokenWhateverItsSuites() throws Exception {
        String cbom = """
                {"bomFormat":"CycloneDX","metadata":{"component":{"type":"device","name":"old-router"}},"components":[
                 {"type":"cryptographic-asset","bom-ref":"aes","name":"AES-256-GCM","cryptoProperties":{"assetType":"algorithm"}},
                 {"type":"cryptographic-asset","bom-ref":"kem","name":"X25519MLKEM768","cryptoProperties":{"assetType":"algorithm"}},
                 {"type":"cryptographic-asset","name":"TLS 1.0","cryptoProperties":{"assetType":"protocol",
                  "protocolProperties":{"type":"tls","version":"1.0","cipherSuites":[{"name":"x","algorithms":["kem","aes"]}]}}},
                 {"type":"cryptographic-asset","name":"TLS 1.2","cryptoProperties":{"assetType":"protocol",
                  "protocolProperties":{"type":"tls","version":"1.2","cipherSuites":[{"name":"x","algorithms":["kem","aes"]}]}}}]}
                """;
        PqcReport report = PLANNER.plan(List.of(new CbomReader().read("router.json", cbom.getBytes(StandardCharsets.UTF_8))),
                PlanScope.DEFAULT);
        PlanItem old = item(report, "TLS 1.0");
        assertThat(old.asset().classification()).isEqualTo(Classification.WEAKENED);
        assertThat(old.asset().broken()).isTrue();
        assertThat(old.deadlineText()).isEqualTo("immediately");
        assertThat(old.asset().sources()).anySatisfy(s -> assertThat(s.id()).isEqualTo("rfc-8996"));
        PlanItem current = item(report, "TLS 1.2");
        assertThat(current.asset().classification()).isEqualTo(Classification.QUANTUM_RESISTANT);
        assertThat(current.deadline()).isNull();
    }

    @Test
    void unknownMarketOrSectorIsRefused() {
        assertThatThrownBy(() -> PLANNER.plan(List.of(), new PlanScope(List.of("mars"), List.of("general"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("mars");
        assertThatThrownBy(() -> PLANNER.plan(List.of(), new PlanScope(List.of("eu"), List.of("space"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("space");
    }

    @Test
    void failOnThresholds() throws Exception {
        PqcReport weakOnly = plan(List.of(cbom("AES-128-GCM", null)), "eu,us", "general");
        PqcReport vulnerable = plan(List.of(cbom("RSA-2048", null)), "eu,us", "general");
        PqcReport unknown = plan(List.of(cbom("Vendor-Magic", null)), "eu,us", "general");
        assertThat(weakOnly.anyAtOrAbove(Classification.WEAKENED)).isTrue();
        assertThat(weakOnly.anyAtOrAbove(Classification.QUANTUM_VULNERABLE)).isFalse();
        assertThat(vulnerable.anyAtOrAbove(Classification.WEAKENED)).isTrue();
        assertThat(unknown.anyAtOrAbove(Classification.WEAKENED)).isFalse();
    }

    private static List<String> ids(PqcReport report) {
        return report.products().get(0).milestones().stream().map(AppliedMilestone::id).collect(Collectors.toList());
    }

    private static PlanItem item(PqcReport report, String name) {
        return report.items().stream().filter(i -> i.asset().name().equals(name)).findFirst().orElseThrow();
    }

    private static PqcReport plan(List<CryptoInventory> inventories, String markets, String sectors) {
        return PLANNER.plan(inventories, new PlanScope(List.of(markets.split(",")), List.of(sectors.split(","))));
    }

    private static int counter;

    private static CryptoInventory cbom(String name, String description) throws InputException {
        String text = "{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"1.6\",\"metadata\":{\"component\":{\"type\":\"device\",\"name\":\"unit\"}},"
                + "\"components\":[{\"type\":\"cryptographic-asset\",\"name\":\"" + name + "\""
                + (description == null ? "" : ",\"description\":\"" + description + "\"")
                + ",\"cryptoProperties\":{\"assetType\":\"algorithm\"}}]}";
        return new CbomReader().read("case-" + (counter++) + ".json", text.getBytes(StandardCharsets.UTF_8));
    }

    private static CryptoInventory inventory(String resource) throws Exception {
        try (InputStream in = PqcPlannerTest.class.getResourceAsStream("/pqc/cbom/" + resource)) {
            return new CbomReader().read(resource, in.readAllBytes());
        }
    }
}
