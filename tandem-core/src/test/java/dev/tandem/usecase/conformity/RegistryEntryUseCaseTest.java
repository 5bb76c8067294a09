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

    /*
     * The Cyber Trust Mark criteria are the NIST IR 8425 outcomes (FCC 24-26); a product with one assessed as
     * not met is not eligible: its entry is refused, or drafted with a prominent "not eligible" marking.
     */
    private static final String NOT_MET = Fixtures.PROFILE.replace("SU-1: {status: met}",
            "SU-1: {status: not met, justification: updates are not signed}");

    @Test
    void anEntryForAProductWithAnOutcomeNotMetIsRefusedOrDraftedAsNotEligible() throws Exception {
        assertThat(NOT_MET).isNotEqualTo(Fixtures.PROFILE);
        assertThatThrownBy(() -> useCase.run(RegistryEntryRequest.of(Fixtures.profile(NOT_MET))))
                .isInstanceOfSatisfying(NotEligibleException.class, e -> {
                    assertThat(e.getMessage()).contains("refused").contains("SU (SU-1 assessed as not met: updates are not signed)");
                    assertThat(e.eligibility().notMet()).extracting(o -> o.outcome()).containsExactly("SU");
                });
        RegistryEntryResult draft = useCase.run(new RegistryEntryRequest(ProfileInput.of(Fixtures.profile(NOT_MET)), true));
        assertThat(draft.eligibility().eligible()).isFalse();
        assertThat(draft.eligibility().banner()).startsWith("NOT ELIGIBLE").contains("SU-1 (SU)");
        assertThat(draft.warnings()).contains(draft.eligibility().banner());
        assertThat(RegistryEntryWriter.validate(draft.entry())).isEmpty();
        // An eligible product's draft request is an ordinary entry.
        assertThat(useCase.run(new RegistryEntryRequest(ProfileInput.of(Fixtures.profile()), true)).eligibility().eligible()).isTrue();
    }

    @Test
    void anOutcomeNotMetThroughACrosswalkAlsoRefusesTheEntry() {
        // nist-ir-8425--etsi-en-303-645: DP-1 (each component protects the data it stores) contains 5.4-1 (security
        // parameters in persistent storage stored securely): 5.4-1 not met means DP-1 cannot be met.
        String yaml = Fixtures.PROFILE + "  etsi-en-303-645:\n    5.4-1: {status: not met, justification: keys in plain flash}\n";
        assertThatThrownBy(() -> useCase.run(RegistryEntryRequest.of(Fixtures.profile(yaml))))
                .isInstanceOfSatisfying(NotEligibleException.class, e -> assertThat(e.eligibility().notMet()).singleElement()
                        .satisfies(o -> {
                            assertThat(o.requirement()).isEqualTo("DP-1");
                            assertThat(o.how()).contains("nist-ir-8425--etsi-en-303-645#DP-1");
                        }));
    }

    @Test
    void anyDomainIsAcceptedForTheSecurityContact() throws Exception {
        // CTA-2120 security_contact is "format": "email"; JSON Schema's email format is an RFC 5321 Mailbox.
        String yaml = Fixtures.PROFILE.replace("securityContact: https://lamps.example/.well-known/security.txt",
                "securityContact: psirt@lamps.example");
        RegistryEntryResult result = useCase.run(RegistryEntryRequest.of(Fixtures.profile(yaml)));
        assertThat(result.entry().path("security_contact").asText()).isEqualTo("psirt@lamps.example");
    }
}
