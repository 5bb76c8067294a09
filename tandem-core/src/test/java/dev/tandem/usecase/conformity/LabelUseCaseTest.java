package dev.tandem.usecase.conformity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.input.InputException;
import dev.tandem.usecase.KnowledgeBase;
import org.junit.jupiter.api.Test;

/** The label use case on a profile held in memory. */
class LabelUseCaseTest {

    private final LabelUseCase useCase = new LabelUseCase(KnowledgeBase.bundled());

    @Test
    void theLabelSaysWhoMadeWhatUntilWhenAndWhereTheQrCodeLeads() throws Exception {
        LabelResult result = useCase.run(LabelRequest.of(Fixtures.profile()));
        assertThat(result.label().lines()).containsExactly("US Cyber Trust Mark", "Porch Light 3 (PL3)", "Example Lamps Ltd",
                "Security updates until 2032-12-31", "Scan for product security details");
        assertThat(result.label().qrUrl()).isEqualTo("https://registry.example/usctm/pl3");
        assertThat(result.fingerprint()).isEqualTo(KnowledgeBase.bundled().fingerprint());
    }

    @Test
    void aLabelNeedsTheRegistryUrl() {
        assertThatThrownBy(() -> useCase.run(LabelRequest.of(Fixtures.profile("product: X\nmanufacturer: M\n"))))
                .isInstanceOf(InputException.class)
                .hasMessage("p.yaml: at /us/registryUrl: the label's QR code needs us.registryUrl, the public registry entry of the product");
    }

    @Test
    void aProductWithAnOutcomeNotMetGetsNoLabelOrABannerOnTheDraft() throws Exception {
        String yaml = Fixtures.PROFILE.replace("SU-1: {status: met}", "SU-1: {status: not met}");
        assertThatThrownBy(() -> useCase.run(LabelRequest.of(Fixtures.profile(yaml))))
                .isInstanceOf(NotEligibleException.class).hasMessageContaining("The label is refused");
        LabelResult draft = useCase.run(new LabelRequest(ProfileInput.of(Fixtures.profile(yaml)), true));
        assertThat(draft.label().banner()).startsWith("NOT ELIGIBLE FOR THE US CYBER TRUST MARK");
        assertThat(draft.eligibility().eligible()).isFalse();
        assertThat(useCase.run(LabelRequest.of(Fixtures.profile())).label().banner()).isNull();
    }
}
