package dev.tandem.sbom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.input.InputDocument;
import dev.tandem.input.InputException;
import dev.tandem.pqc.inventory.CbomReader;
import dev.tandem.pqc.inventory.CryptoInventory;
import dev.tandem.pqc.inventory.DocumentKind;
import dev.tandem.sbom.quality.SbomFacts;
import dev.tandem.sbom.quality.SbomFactsReader;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/**
 * The SBOM model, the quality facts and the cryptographic inventory are views of one parse: none of
 * them reads the bytes again, and every error, whichever view finds it, names its position one way.
 */
class SbomDocumentTest {

    private static final String CBOM = "/pqc/cbom/Example-With-Dependencies_bom.json";

    @Test
    void theThreeViewsComeFromOneParseAndNeverReadTheBytesAgain() throws Exception {
        byte[] bytes = resource(CBOM);
        SbomDocument document = SbomDocument.parse(new InputDocument("cbom.json", bytes));
        // Were any view to parse again, it would now find only spaces.
        Arrays.fill(bytes, (byte) ' ');

        Sbom sbom = document.sbom();
        SbomFacts facts = SbomFactsReader.of(document);
        CryptoInventory inventory = CbomReader.inventory(document);

        assertThat(document.sbom()).as("the model is built once and kept").isSameAs(sbom);
        assertThat(sbom.subject().name()).isEqualTo("Acme Application");
        assertThat(sbom.components()).extracting(Component::name).containsExactly("AES", "Crypto library", "Some library");
        assertThat(facts.source()).isEqualTo("cbom.json");
        assertThat(facts.documentFields()).contains("sbom-uri", "format-accepted");
        assertThat(facts.components()).hasSize(3).allSatisfy(c -> assertThat(c.fields()).contains("dependencies"));
        assertThat(inventory.kind()).isEqualTo(DocumentKind.CYCLONEDX_CBOM);
        assertThat(inventory.assets()).extracting(a -> a.name()).containsExactly("AES");
        assertThat(inventory.components().get(0).provides()).containsExactly("aes128gcm");

        SbomDocument fresh = SbomDocument.parse(new InputDocument("cbom.json", resource(CBOM)));
        assertThat(fresh.sbom()).isEqualTo(sbom);
        assertThat(SbomFactsReader.of(fresh)).isEqualTo(facts);
        assertThat(CbomReader.inventory(fresh)).isEqualTo(inventory);
    }

    @Test
    void aStructuralErrorReadsTheSameFromEveryView() throws Exception {
        SbomDocument document = parse("bad.json", "{\"bomFormat\": \"CycloneDX\", \"specVersion\": \"1.6\",\n"
                + "\"components\": {\"name\": \"a\"}}");
        String expected = "bad.json: line 2, column 15, at /components: expected an array, found an object";
        assertThat(message(document::sbom)).isEqualTo(expected);
        assertThat(message(() -> SbomFactsReader.of(document))).isEqualTo(expected);
        assertThat(message(() -> CbomReader.inventory(document))).isEqualTo(expected);
    }

    @Test
    void errorsOfEveryViewAndOfTheParseNameSourceLineColumnAndPointerAlike() throws Exception {
        String located = "^x\\.json: line \\d+, column \\d+, at (/[^ ]+): expected [a-z ]+, found [a-z ]+$";
        SbomDocument modelError = parse("x.json", "{\"bomFormat\": \"CycloneDX\",\n\"components\": [{\"name\": \"a\", "
                + "\"version\": [\"2\"]}]}");
        assertThat(message(modelError::sbom)).matches(located).contains("at /components/0/version");
        assertThat(message(() -> SbomFactsReader.of(modelError))).matches(located);

        SbomDocument inventoryError = parse("x.json", "{\"bomFormat\": \"CycloneDX\",\n\"components\": [{\"type\": "
                + "\"cryptographic-asset\", \"name\": \"k\", \"cryptoProperties\": {\"assetType\": \"related-crypto-material\","
                + "\n\"relatedCryptoMaterialProperties\": {\"size\": [1]}}}]}");
        assertThat(message(() -> CbomReader.inventory(inventoryError))).matches(located)
                .startsWith("x.json: line 3, column 45, at /components/0/cryptoProperties/relatedCryptoMaterialProperties/size:")
                .endsWith("expected an integer, found an array");

        List<String> parseErrors = List.of(
                message(() -> parse("x.json", "{\"bomFormat\": \"CycloneDX\",\n\"components\": [")),
                message(() -> parse("x.json", "<?xml version=\"1.0\"?>\n<bom xmlns=\"http://cyclonedx.org/schema/bom/1.6\">"
                        + "<components>\n</bom>")),
                message(() -> parse("x.json", "SPDXVersion: SPDX-2.3\nno tag here\n")));
        assertThat(parseErrors).allSatisfy(m -> assertThat(m).matches("^x\\.json: line \\d+, column \\d+: .+"));
    }

    @Test
    void formatsWithoutAJsonTreeAreToldWhyTheInventoryCannotBeRead() throws Exception {
        SbomDocument xml = parse("bom.xml", "<?xml version=\"1.0\"?>\n<bom xmlns=\"http://cyclonedx.org/schema/bom/1.6\"/>");
        assertThat(xml.json()).isEmpty();
        assertThat(xml.details()).as("XML details are read since #22").isPresent();
        assertThat(message(() -> CbomReader.inventory(xml)))
                .isEqualTo("bom.xml: line 1, column 1: CycloneDX XML is not read for the cryptographic inventory: "
                        + "give the JSON form of the document");
    }

    private static SbomDocument parse(String name, String text) throws InputException {
        return SbomDocument.parse(InputDocument.of(name, text));
    }

    private static String message(ThrowingCallable call) {
        Throwable[] thrown = new Throwable[1];
        assertThatThrownBy(call).isInstanceOf(InputException.class).satisfies(e -> thrown[0] = e);
        return thrown[0].getMessage();
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = SbomDocumentTest.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("missing test resource " + name);
            }
            return in.readAllBytes();
        }
    }
}
