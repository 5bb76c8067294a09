package dev.tandem.usecase.conformity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.conformity.registry.RegistryEntryWriter;
import dev.tandem.input.InputException;
import dev.tandem.usecase.KnowledgeBase;
import org.junit.jupiter.api.Test;

/** The registry-entry use case on a profile held in memory. */
class RegistryEntryUseCaseTest {

    private final RegistryEntryUseCase useCase = new RegistryEntryUseCase(KnowledgeBase.bundled());

    @Test
    void writesAValidCta2120Entry() throws Exception {
        RegistryEntryResult result = useCase.run(RegistryEntryRequest.of(Fixtures.profile()));
        ObjectNode entry = result.entry();
        assertThat(RegistryEntryWriter.validate(entry)).isEmpty();
        assertThat(entry.path("product_name").asText()).isEqualTo("Porch Light 3");
        assertThat(entry.path("QR_code_url").asText()).isEqualTo("https://registry.example/usctm/pl3");
        assertThat(entry.path("support_date").asText()).isEqualTo("2032-12-31");
        assertThat(entry.path("created").asText()).isEqualTo("2027-01-10T00:00:00Z");
        assertThat(result.fingerprint()).isEqualTo(KnowledgeBase.bundled().fingerprint());
        assertThat(result.warnings()).anyMatch(w -> w.contains("another spelling"));
    }

    @Test
    void theResultCannotBeChangedThroughItsEntry() throws Exception {
        RegistryEntryResult result = useCase.run(RegistryEntryRequest.of(Fixtures.profile()));
        result.entry().put("product_name", "changed");
        assertThat(result.entry().path("product_name").asText()).isEqualTo("Porch Light 3");
    }

    @Test
    void aProfileWithoutUsDataOrWithAnInvalidEntryIsRefused() {
        assertThatThrownBy(() -> useCase.run(RegistryEntryRequest.of(Fixtures.profile("product: X\nmanufacturer: M\n"))))
                .isInstanceOf(InputException.class).hasMessageStartingWith("p.yaml: at /us: ");
        assertThatThrownBy(() -> useCase.run(RegistryEntryRequest.of(Fixtures.profile(
                "product: X\nmanufacturer: M\nus: {registryUrl: https://example.org/x}\n"))))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("would not validate against CTA-2120")
                .hasMessageContaining("authorization_date");
    }
}
