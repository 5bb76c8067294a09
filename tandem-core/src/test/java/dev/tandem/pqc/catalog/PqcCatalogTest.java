package dev.tandem.pqc.catalog;

import dev.tandem.catalog.CatalogSource;
import dev.tandem.catalog.Confidence;
import dev.tandem.input.InputException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PqcCatalogTest {

    private static final String[] FILES = {"sources.yaml", "algorithms.yaml", "replacements.yaml", "milestones.yaml", "libraries.yaml"};

    @Test
    void theBundledCatalogLoadsFromTheClasspath() {
        PqcCatalog catalog = PqcCatalog.bundled();
        assertThat(catalog.families()).hasSizeGreaterThan(30);
        assertThat(catalog.markets()).extracting(Market::id).containsExactly("eu", "us");
        assertThat(catalog.uses()).containsKeys("key-establishment", "signature", "firmware-signing", "tls", "certificate");
    }

    @Test
    void everyFamilyAndMilestoneCitesASourceWithAConfidenceTag() {
        PqcCatalog catalog = PqcCatalog.bundled();
        catalog.families().forEach(f -> assertThat(catalog.source(f.source()).confidence()).isNotNull());
        catalog.assetMilestones().forEach(m -> assertThat(catalog.source(m.source()).url()).startsWith("https://"));
        catalog.productMilestones().forEach(m -> assertThat(catalog.source(m.source()).confidence()).isNotNull());
    }

    @Test
    void everyCurveAndKeySizeRangeThatSetsATierCitesASource() {
        PqcCatalog catalog = PqcCatalog.bundled();
        assertThat(catalog.curves()).isNotEmpty().allSatisfy(rule ->
                assertThat(catalog.source(rule.source()).confidence()).isNotNull());
        assertThat(catalog.fieldSizes()).isNotEmpty().allSatisfy(rule ->
                assertThat(catalog.source(rule.source()).confidence()).isNotNull());
        catalog.protocolVersions().forEach(rule -> assertThat(catalog.source(rule.source()).confidence()).isNotNull());
        catalog.libraries().stream().filter(l -> l.pqcSince() != null)
                .forEach(l -> assertThat(catalog.source(l.pqcSource()).confidence()).isNotNull());
    }

    @Test
    void aCurveWithoutASourceFailsToLoad(@TempDir Path dir) throws IOException {
        copyBundled(dir);
        Path algorithms = dir.resolve("catalog/pqc/algorithms.yaml");
        Files.writeString(algorithms, Files.readString(algorithms).replaceFirst("(\\[\"P-384\"[^\\]]*\\]\\n    tier: \"128\"\\n)    source: [a-z0-9-]+\\n", "$1"));
        assertThatThrownBy(() -> PqcCatalog.load(CatalogSource.directory(dir.resolve("catalog")))).isInstanceOf(InputException.class)
                .hasMessageContaining("P-384").hasMessageContaining("source");
    }

    @Test
    void unconfirmedFactsAreNeverTheOnlyBasisOfADate() {
        PqcCatalog catalog = PqcCatalog.bundled();
        assertThat(catalog.assetMilestones()).allSatisfy(m ->
                assertThat(catalog.source(m.source()).confidence()).isNotEqualTo(Confidence.UNCONFIRMED));
        assertThat(catalog.assetMilestones()).filteredOn(m -> m.source().equals("nist-ir-8547-ipd"))
                .allSatisfy(m -> assertThat(m.caveats()).containsExactly("nist-ir-8547-final-status"));
        assertThat(catalog.source("nist-ir-8547-final-status").confidence()).isEqualTo(Confidence.UNCONFIRMED);
        assertThat(catalog.source("fips-206-draft").confidence()).isEqualTo(Confidence.UNCONFIRMED);
    }

    @Test
    void aFamilyCitingAnUnknownSourceFailsToLoad(@TempDir Path dir) throws IOException {
        copyBundled(dir);
        Path algorithms = dir.resolve("catalog/pqc/algorithms.yaml");
        Files.writeString(algorithms, Files.readString(algorithms).replaceFirst("source: fips-203", "source: fips-999"));
        assertThatThrownBy(() -> PqcCatalog.load(CatalogSource.directory(dir.resolve("catalog")))).isInstanceOf(InputException.class)
                .hasMessageContaining("algorithms.yaml").hasMessageContaining("fips-999");
    }

    @Test
    void aCaveatThatIsNotUnconfirmedFailsToLoad(@TempDir Path dir) throws IOException {
        copyBundled(dir);
        Path milestones = dir.resolve("catalog/pqc/milestones.yaml");
        Files.writeString(milestones, Files.readString(milestones).replace("caveats: [nist-ir-8547-final-status]", "caveats: [fips-203]"));
        assertThatThrownBy(() -> PqcCatalog.load(CatalogSource.directory(dir.resolve("catalog")))).isInstanceOf(InputException.class)
                .hasMessageContaining("must be a source tagged U");
    }

    private static void copyBundled(Path dir) throws IOException {
        Files.createDirectories(dir.resolve("catalog/pqc"));
        Files.writeString(dir.resolve("catalog/catalog.yaml"), "version: test\n");
        for (String file : FILES) {
            try (InputStream in = PqcCatalogTest.class.getClassLoader().getResourceAsStream("catalog/pqc/" + file)) {
                Files.writeString(dir.resolve("catalog/pqc/" + file), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
    }
}
