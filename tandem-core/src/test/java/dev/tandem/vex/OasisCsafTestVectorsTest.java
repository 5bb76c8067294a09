package dev.tandem.vex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.input.InputDocument;
import dev.tandem.input.InputException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The OASIS CSAF TC's test vectors for the mandatory tests (section 6.1; SOURCES.md) through the CSAF
 * VEX reader: 147 small documents, valid and deliberately broken, each read as statements or refused
 * with an {@link InputException} naming the file, never anything else. Whether they are valid CSAF is
 * the BSI validator's call ({@code OasisMandatoryTestVectorsTest} in tandem-cli); the reader only
 * refuses what would make a statement wrong, such as a product id the product tree does not define.
 */
class OasisCsafTestVectorsTest {

    static final Pattern JAVA_NAMES = Pattern.compile("\\b(java|com\\.fasterxml|org\\.)\\.?[a-z]+\\.[A-Za-z]+|Exception\\b");

    static Stream<String> vectors() throws IOException {
        try (InputStream in = OasisCsafTestVectorsTest.class.getResourceAsStream("/vex/oasis-mandatory/testcases.json")) {
            String testcases = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            List<String> files = new ArrayList<>();
            var matcher = Pattern.compile("\"name\": \"mandatory/([^\"]+)\"").matcher(testcases);
            while (matcher.find()) {
                files.add(matcher.group(1));
            }
            return files.stream();
        }
    }

    static InputDocument vector(String name) throws IOException {
        try (InputStream in = OasisCsafTestVectorsTest.class.getResourceAsStream("/vex/oasis-mandatory/" + name)) {
            return new InputDocument(name, in.readAllBytes());
        }
    }

    @Test
    void everyMandatoryTestVectorIsThere() throws IOException {
        assertThat(vectors()).hasSize(147).allSatisfy(name -> assertThat(vector(name).content()).isNotEmpty());
    }

    @ParameterizedTest
    @MethodSource("vectors")
    void eachIsReadOrRefusedWithTheFileNamed(String name) throws IOException {
        InputDocument document = vector(name);
        try {
            VexDocument read = VexReaders.read(document);
            assertThat(read.format()).isEqualTo(VexFormat.CSAF);
            read.statements().forEach(s -> assertThat(s.source()).startsWith(name));
        } catch (InputException e) {
            assertThat(e.getMessage()).startsWith(name).doesNotContainPattern(JAVA_NAMES);
        }
    }

    @Test
    void anImpactStatementThroughAProductGroupBecomesTheReason() throws Exception {
        // 6.1.27.9 "Impact Statement", valid example 1: products A and B get theirs through group CSAFGID-0001.
        VexDocument document = VexReaders.read(vector("oasis_csaf_tc-csaf_2_0-2021-6-1-27-09-11.json"));
        assertThat(document.statements()).hasSize(3).allSatisfy(s -> {
            assertThat(s.vulnerability()).isEqualTo("CVE-2017-0145");
            assertThat(s.state()).isEqualTo(dev.tandem.triage.AnalysisState.NOT_AFFECTED);
            assertThat(s.reason()).isEqualTo("The vulnerable code is not present in these products.");
        });
        // A status naming a product id the tree does not define is refused, with the pointer (6.1.1's point).
        String text = new String(vector("oasis_csaf_tc-csaf_2_0-2021-6-1-27-09-11.json").content(), java.nio.charset.StandardCharsets.UTF_8)
                .replaceFirst("(\"known_not_affected\": \\[\\s*)\"CSAFPID-9080700\"", "$1\"CSAFPID-1\"");
        assertThatThrownBy(() -> VexReaders.read(InputDocument.of("undefined.json", text))).isInstanceOf(InputException.class)
                .hasMessageContaining("undefined.json").hasMessageContaining("/vulnerabilities/0/product_status/known_not_affected/0")
                .hasMessageContaining("'CSAFPID-1' is not defined in the product tree");
    }

    @Test
    void theValidExamplesOfTheVexProfileTestsAreStatements() throws Exception {
        // 6.1.27.x are the csaf_vex profile's own tests; their valid examples (suffix 11 and up) carry statements.
        List<String> valid = vectors().filter(n -> n.matches(".*-6-1-27-\\d\\d-1\\d\\.json")).toList();
        assertThat(valid).isNotEmpty();
        for (String name : valid) {
            assertThat(VexReaders.read(vector(name)).statements()).as(name).isNotEmpty();
        }
    }
}
