package dev.tandem.conformity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.conformity.profile.ProductProfileReader;
import dev.tandem.conformity.registry.RegistryEntryWriter;
import dev.tandem.input.InputDocument;
import dev.tandem.input.InputException;
import org.junit.jupiter.api.Test;

/** The CTA-2120 entry validates against the schema as published; invalid entries are caught. */
class RegistryEntryTest {

    private static ObjectNode example() throws Exception {
        return RegistryEntryWriter.writeValid(ProductProfileReader.read(InputDocument.read(ProductProfileReaderTest.EXAMPLE)));
    }

    @Test
    void theExampleEntryIsValidAndCarriesTheProfileData() throws Exception {
        ObjectNode entry = example();
        assertThat(RegistryEntryWriter.validate(entry)).isEmpty();
        assertThat(entry.path("schema_version").asText()).isEqualTo("1.0.0");
        assertThat(entry.path("QR_code_url").asText()).isEqualTo("https://registry.lumen-devices.example/usctm/lhc2");
        assertThat(entry.path("support_date").asText()).isEqualTo("2033-12-31");
        assertThat(entry.path("security_update_information").path("update_default").asText()).isEqualTo("Automatic - may opt out");
        assertThat(entry.path("sensor_data_collection")).hasSize(3);
        assertThat(entry.path("created").asText()).isEqualTo("2027-10-15T09:00:00Z");
    }

    @Test
    void bothSpellingsOfTheQuirkyFieldsAreWritten() throws Exception {
        ObjectNode entry = example();
        assertThat(entry.path("version_and_model_numbers").asText()).isEqualTo(entry.path("product_model").asText());
        assertThat(entry.path("sbom_hbom_available")).isEqualTo(entry.path("sbom_hbom_maintained"));
        // The schema requires the undefined names: dropping them makes the entry invalid, as published.
        ObjectNode withoutRequiredSpelling = entry.deepCopy();
        withoutRequiredSpelling.remove("version_and_model_numbers");
        withoutRequiredSpelling.remove("sbom_hbom_available");
        assertThat(RegistryEntryWriter.validate(withoutRequiredSpelling))
                .anyMatch(v -> v.contains("version_and_model_numbers"))
                .anyMatch(v -> v.contains("sbom_hbom_available"));
    }

    @Test
    void invalidEntriesAreReported() throws Exception {
        ObjectNode badDate = example();
        badDate.put("support_date", "31/12/2033");
        assertThat(RegistryEntryWriter.validate(badDate)).anyMatch(v -> v.contains("support_date"));

        ObjectNode badEnum = example();
        ((ObjectNode) badEnum.get("security_update_information")).put("update_default", "Sometimes");
        assertThat(RegistryEntryWriter.validate(badEnum)).anyMatch(v -> v.contains("update_default"));

        ObjectNode badUrl = example();
        badUrl.put("QR_code_url", "ftp://registry.example/x");
        assertThat(RegistryEntryWriter.validate(badUrl)).anyMatch(v -> v.contains("QR_code_url"));

        ObjectNode otherWithoutText = example();
        ((ObjectNode) otherWithoutText.get("security_update_information")).put("update_default", "Other");
        assertThat(RegistryEntryWriter.validate(otherWithoutText)).anyMatch(v -> v.contains("security_update_information_other"));

        ObjectNode wrongVersion = example();
        wrongVersion.put("schema_version", "2.0.0");
        assertThat(RegistryEntryWriter.validate(wrongVersion)).anyMatch(v -> v.contains("schema_version"));
    }

    @Test
    void aProfileWithoutUsDataCannotProduceAnEntry() throws Exception {
        var profile = ProductProfileReader.read("p.yaml", "product: X\nmanufacturer: M\n", false);
        assertThatThrownBy(() -> RegistryEntryWriter.writeValid(profile))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("p.yaml: at /us");
        var incomplete = ProductProfileReader.read("p.yaml", "product: X\nmanufacturer: M\nus: {registryUrl: https://example.org/x}\n", false);
        assertThatThrownBy(() -> RegistryEntryWriter.writeValid(incomplete))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("would not validate against CTA-2120")
                .hasMessageContaining("authorization_date");
    }
}
