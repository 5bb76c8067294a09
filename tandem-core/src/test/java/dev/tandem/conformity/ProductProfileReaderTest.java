package dev.tandem.conformity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.conformity.profile.CraClass;
import dev.tandem.conformity.profile.ProductProfile;
import dev.tandem.conformity.profile.ProductProfileReader;
import dev.tandem.conformity.profile.Status;
import dev.tandem.input.InputDocument;
import dev.tandem.input.InputException;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ProductProfileReaderTest {

    static final Path EXAMPLE = Path.of("../examples/products/smart-camera.yaml");

    @Test
    void readsTheBundledExample() throws Exception {
        ProductProfile p = ProductProfileReader.read(InputDocument.read(EXAMPLE));
        assertThat(p.product()).isEqualTo("Lumen HomeCam 2");
        assertThat(p.craClass()).isEqualTo(CraClass.IMPORTANT_I);
        assertThat(p.craCategories()).containsExactly("CRA-AIII-I-17");
        assertThat(p.markets()).containsExactly("EU", "US");
        assertThat(p.supportPeriod().end()).isEqualTo(LocalDate.of(2033, 12, 31));
        assertThat(p.evidenceFor("cra-annex-i", "CRA-I-2g").orElseThrow().status()).isEqualTo(Status.PARTIAL);
        assertThat(p.evidenceFor("etsi-en-303-645", "5.1-1").orElseThrow().status()).isEqualTo(Status.MET);
        assertThat(p.us().sensors()).hasSize(3);
        assertThat(p.warnings()).isEmpty();
    }

    @Test
    void jsonProfilesWork() throws Exception {
        ProductProfile p = ProductProfileReader.read("p.json",
                "{\"product\":\"X\",\"manufacturer\":\"M\",\"evidence\":{\"cra-annex-i\":{\"CRA-I-1\":{\"status\":\"not-met\"}}}}", true);
        assertThat(p.manufacturer().name()).isEqualTo("M");
        // No class stated: the reader keeps that; the assessment derives the class from the category.
        assertThat(p.craClass()).isNull();
        assertThat(p.craCategories()).isEmpty();
        assertThat(p.evidenceFor("cra-annex-i", "CRA-I-1").orElseThrow().status()).isEqualTo(Status.NOT_MET);
    }

    @Test
    void unknownKeysAreRefusedWithTheirPointer() {
        assertThatThrownBy(() -> ProductProfileReader.read("p.yaml", "product: X\nmanufacturer: {name: M, fax: \"123\"}\n", false))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("p.yaml: at /manufacturer/fax: unknown key 'fax' (known here: ")
                .hasMessageContaining("email");
        assertThatThrownBy(() -> ProductProfileReader.read("p.yaml", "product: X\nmanufacturer: M\nevidance: {}\n", false))
                .hasMessageStartingWith("p.yaml: at /evidance: unknown key 'evidance'");
        assertThatThrownBy(() -> ProductProfileReader.read("p.yaml", """
                product: X
                manufacturer: M
                evidence:
                  cra-annex-i:
                    CRA-I-1: {status: met, reviewer: bob}
                """, false))
                .hasMessageStartingWith("p.yaml: at /evidence/cra-annex-i/CRA-I-1/reviewer: unknown key 'reviewer'");
    }

    @Test
    void duplicateKeysAreRefusedNotOverwritten() {
        assertThatThrownBy(() -> ProductProfileReader.read("d.yaml", "product: X\nproduct: Y\nmanufacturer: M\n", false))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("d.yaml: line 2")
                .hasMessageContaining("key 'product' is given twice");
        assertThatThrownBy(() -> ProductProfileReader.read("d.json",
                "{\"product\": \"X\", \"manufacturer\": \"M\", \"product\": \"Y\"}", true))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("d.json: line 1")
                .hasMessageContaining("product");
    }

    @Test
    void oversizedDocumentsAndTextsAreRefusedFast() throws Exception {
        InputDocument big = InputDocument.of("big.yaml", "product: \"" + "A".repeat(30_000_000) + "\"\nmanufacturer: M\n");
        assertThatThrownBy(() -> ProductProfileReader.read(big))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("big.yaml")
                .hasMessageContaining("at most 2097152 bytes");
        String longText = "product: X\nmanufacturer: M\nmodel: \"" + "m".repeat(70_000) + "\"\n";
        assertThatThrownBy(() -> ProductProfileReader.read("long.yaml", longText, false))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("long.yaml: at /model: text of 70000 characters");
        String longJson = "{\"product\": \"X\", \"manufacturer\": \"M\", \"model\": \"" + "m".repeat(70_000) + "\"}";
        assertThatThrownBy(() -> ProductProfileReader.read("long.json", longJson, true))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("long.json");
    }

    @Test
    void malformedYamlNamesFileAndLine() {
        assertThatThrownBy(() -> ProductProfileReader.read("bad.yaml", "product: X\nmanufacturer: [unclosed\n", false))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("bad.yaml: line");
    }

    @Test
    void truncatedJsonNamesFileAndLine() {
        InputDocument file = InputDocument.of("p.json", "{\"product\": \"X\",\n \"manufacturer\": ");
        assertThatThrownBy(() -> ProductProfileReader.read(file))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("p.json: line 2");
    }

    @Test
    void wrongTypesAndValuesNameTheirPointer() {
        assertThatThrownBy(() -> ProductProfileReader.read("p.yaml", "product: X\nmanufacturer: M\nmarkets: {eu: yes}\n", false))
                .hasMessage("p.yaml: at /markets: expected a list of text values");
        assertThatThrownBy(() -> ProductProfileReader.read("p.yaml", "product: X\nmanufacturer: M\ncraClass: huge\n", false))
                .hasMessageContaining("at /craClass: unknown CRA class 'huge'");
        assertThatThrownBy(() -> ProductProfileReader.read("p.yaml",
                "product: X\nmanufacturer: M\nsupportPeriod: {end: 31.12.2030}\n", false))
                .hasMessageContaining("at /supportPeriod/end: expected a date as YYYY-MM-DD");
        assertThatThrownBy(() -> ProductProfileReader.read("p.yaml",
                "product: X\nmanufacturer: M\nevidence: {cra-annex-i: {CRA-I-1: {status: done}}}\n", false))
                .hasMessageContaining("at /evidence/cra-annex-i/CRA-I-1/status: unknown status 'done'");
        assertThatThrownBy(() -> ProductProfileReader.read("p.yaml", "manufacturer: M\n", false))
                .hasMessageContaining("at /product: required value 'product' is missing");
        assertThatThrownBy(() -> ProductProfileReader.read("p.yaml", "- just\n- a list\n", false))
                .hasMessageContaining("a product profile must be a mapping");
    }

    @Test
    void deepNestingIsRefused() {
        String deep = "product: X\nmanufacturer: M\nextra: " + "[".repeat(5_000) + "]".repeat(5_000) + "\n";
        assertThatThrownBy(() -> ProductProfileReader.read("deep.yaml", deep, false))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("deep.yaml");
        String deepJson = "{\"product\":\"X\",\"x\":" + "[".repeat(5_000) + "]".repeat(5_000) + "}";
        assertThatThrownBy(() -> ProductProfileReader.read("deep.json", deepJson, true))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("nested deeper than 64 levels");
    }

    @Test
    void aliasBombsDoNotExpand() throws Exception {
        StringBuilder bomb = new StringBuilder("product: X\nmanufacturer: M\na0: &a0 [x, x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i < 12; i++) {
            bomb.append("a").append(i).append(": &a").append(i).append(" [");
            for (int j = 0; j < 9; j++) {
                bomb.append(j == 0 ? "" : ", ").append("*a").append(i - 1);
            }
            bomb.append("]\n");
        }
        // 9^11 nodes if expanded; aliases are refused before anything is built (issue 21).
        assertThatThrownBy(() -> ProductProfileReader.read("bomb.yaml", bomb.toString(), false))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("bomb.yaml: line 4, column ")
                .hasMessageContaining("YAML aliases (*a0) are not supported");
    }

    @Test
    void hugeKeysAreShortenedInErrors() {
        String key = "k".repeat(10_000);
        assertThatThrownBy(() -> ProductProfileReader.read("p.json",
                "{\"product\": \"X\", \"manufacturer\": \"M\", \"" + key + "\": 1}", true))
                .isInstanceOf(InputException.class)
                .satisfies(e -> assertThat(e.getMessage().length()).isLessThan(600))
                .hasMessageContaining("unknown key 'kkkk");
    }

    @org.junit.jupiter.api.Test
    void aYamlLineTooLongToParseQuicklyIsRefusedBeforeParsing() {
        String yaml = "product: X\nnotes: " + "y".repeat(300 * 1024) + "\n";
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ProductProfileReader.read("p.yaml", yaml, false))
                .isInstanceOf(dev.tandem.input.InputException.class)
                .hasMessageStartingWith("p.yaml: line 2")
                .hasMessageContaining("longer than");
    }

    @Test
    void newKeysRefuseWrongShapesWithTheirPointer() {
        assertThatThrownBy(() -> ProductProfileReader.read("p.yaml", "product: X\nmanufacturer: M\ncraCategory: {id: CRA-AIII-I-1}\n", false))
                .isInstanceOf(InputException.class).hasMessageContaining("/craCategory");
        assertThatThrownBy(() -> ProductProfileReader.read("p.yaml", "product: X\nmanufacturer: M\neu: {standards: [[EN 1]]}\n", false))
                .isInstanceOf(InputException.class).hasMessageContaining("/eu/standards/0").hasMessageContaining("text or a mapping");
        assertThatThrownBy(() -> ProductProfileReader.read("p.yaml",
                        "product: X\nmanufacturer: M\neu: {standards: [{reference: EUCC, assuranceLevel: extreme}]}\n", false))
                .isInstanceOf(InputException.class).hasMessageContaining("/eu/standards/0/assuranceLevel");
        assertThatThrownBy(() -> ProductProfileReader.read("p.yaml",
                        "product: X\nmanufacturer: M\neu: {standards: [{type: harmonised-standard}]}\n", false))
                .isInstanceOf(InputException.class).hasMessageContaining("/eu/standards/0/reference");
        assertThatThrownBy(() -> ProductProfileReader.read("p.yaml",
                        "product: X\nmanufacturer: M\neu: {standards: [{reference: X, type: law}]}\n", false))
                .isInstanceOf(InputException.class).hasMessageContaining("unknown type 'law'");
        assertThatThrownBy(() -> ProductProfileReader.read("p.yaml", "product: X\nmanufacturer: M\nsbom: [{url: https://x.example/s, availableToUsers: maybe}]\n", false))
                .isInstanceOf(InputException.class).hasMessageContaining("/sbom/0/availableToUsers");
        assertThatThrownBy(() -> ProductProfileReader.read("p.yaml", "product: X\nmanufacturer: M\ncvd: {contact: psirt, phone: 1}\n", false))
                .isInstanceOf(InputException.class).hasMessageContaining("/cvd/contact");
        assertThatThrownBy(() -> ProductProfileReader.read("p.yaml", "product: X\nmanufacturer: M\ncvd: {policyUrl: https://x.example, phone: 1}\n", false))
                .isInstanceOf(InputException.class).hasMessageContaining("/cvd/phone");
    }

    @Test
    void theNewKeysAreRead() throws Exception {
        ProductProfile p = ProductProfileReader.read("p.yaml", """
                product: X
                manufacturer: M
                craCategory: [CRA-AIII-I-12, CRA-AIII-II-2]
                intendedPurpose: Home router with firewall
                etsiEn303645: V3.1.3
                cvd: {contact: https://x.example/security, policyUrl: https://x.example/cvd}
                supportPeriod: {end: 2031-01-01, supportType: OTA updates}
                sbom: [{url: https://x.example/sbom.json, availableToUsers: true}]
                eu:
                  standards:
                    - EN 18031-1
                    - {reference: EN 304 627, type: harmonised-standard, appliedInFull: true, ojReference: "OJ L 2027/1"}
                  freeAndOpenSource: false
                """, false);
        assertThat(p.craCategories()).containsExactly("CRA-AIII-I-12", "CRA-AIII-II-2");
        assertThat(p.intendedPurpose()).isEqualTo("Home router with firewall");
        assertThat(p.etsiEn303645()).isEqualTo("V3.1.3");
        assertThat(p.cvd().policyUrl()).isEqualTo("https://x.example/cvd");
        assertThat(p.supportPeriod().supportType()).isEqualTo("OTA updates");
        assertThat(p.sboms().getFirst().availableToUsers()).isTrue();
        assertThat(p.eu().standards()).extracting(ProductProfile.Specification::type).containsExactly(null, "harmonised-standard");
        assertThat(p.eu().standards().get(1).appliedInFull()).isTrue();
        assertThat(p.eu().freeAndOpenSource()).isFalse();
    }
}
