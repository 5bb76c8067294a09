package dev.tandem.usecase.conformity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.conformity.assessment.Assessment;
import dev.tandem.conformity.assessment.RequirementResult;
import dev.tandem.conformity.profile.Status;
import dev.tandem.input.InputException;
import dev.tandem.usecase.KnowledgeBase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The assessment use case on a profile and an SBOM held in memory. */
class AssessUseCaseTest {

    private final AssessUseCase useCase = new AssessUseCase(KnowledgeBase.bundled());

    private static RequirementResult requirement(Assessment a, String regime, String id) {
        return a.regimes().stream().filter(r -> r.id().equals(regime)).findFirst().orElseThrow()
                .requirements().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void assessesTheProfileAndTheSbomItReferences() throws Exception {
        AssessResult result = useCase.run(AssessRequest.of(Fixtures.profile(),
                Map.of("sbom/porch-light.cdx.json", Fixtures.sbom()), Fixtures.DAY));
        Assessment a = result.assessment();
        assertThat(a.product()).isEqualTo("Porch Light 3");
        assertThat(a.regimes()).extracting(r -> r.id()).containsExactly("cra-annex-i", "nist-ir-8425", "etsi-en-303-645");
        assertThat(requirement(a, "cra-annex-i", "CRA-I-1").status()).isEqualTo(Status.MET);
        // SU-1 alone is a subset of CRA-I-2c: the CRA side is only partly evidenced.
        assertThat(requirement(a, "cra-annex-i", "CRA-I-2c").status()).isEqualTo(Status.PARTIAL);
        assertThat(a.sbom()).hasSize(2);
        assertThat(a.sbom().get(0).found()).isTrue();
        assertThat(a.sbom().get(0).finding()).startsWith("2 components; ");
        assertThat(a.sbom().get(0).checks()).extracting(c -> c.profile()).containsExactly("tr-03183-2", "ntia");
        assertThat(a.sbom().get(1).found()).isFalse();
        assertThat(a.sbom().get(1).finding()).isEqualTo("not found (looked for sbom/gone.cdx.json next to the profile)");
        assertThat(a.conformityRoute().chosenAllowed()).isTrue();
        assertThat(a.supportPeriod().months()).isEqualTo(72);
        assertThat(result.hasGaps()).isTrue();
        assertThat(result.assessedOn()).isEqualTo(Fixtures.DAY);
        assertThat(result.fingerprint()).isEqualTo(KnowledgeBase.bundled().fingerprint());
    }

    @Test
    void warningsAreDataOfTheResult() throws Exception {
        AssessResult result = useCase.run(AssessRequest.of(Fixtures.profile(), Map.of(), Fixtures.DAY));
        assertThat(result.warnings())
                .anyMatch(w -> w.startsWith("porch-light.yaml: at /evidence/cra-annex-i/CRA-I-2j: ") && w.contains("another spelling"))
                .anyMatch(w -> w.startsWith("porch-light.yaml: at /evidence/cra-annex-i/CRA-I-9: ") && w.contains("no such requirement"));
        // Of two spellings of one requirement, the first wins.
        assertThat(requirement(result.assessment(), "cra-annex-i", "CRA-I-2j").status()).isEqualTo(Status.MET);
    }

    @Test
    void aParsedProfileAndAnUnreadableSbomGiveTheSameAssessment() throws Exception {
        ProfileInput.Parsed parsed = ProfileInput.parse(Fixtures.profile());
        assertThat(parsed.sbomPaths()).containsExactly("sbom/porch-light.cdx.json", "sbom/gone.cdx.json");
        AssessResult fromParsed = useCase.run(new AssessRequest(parsed,
                Map.of("sbom/porch-light.cdx.json", new ReferencedSbom.Unreadable("permission denied")), Fixtures.DAY));
        AssessResult fromDocument = useCase.run(new AssessRequest(ProfileInput.of(Fixtures.profile()),
                Map.of("sbom/porch-light.cdx.json", new ReferencedSbom.Unreadable("permission denied")), Fixtures.DAY));
        assertThat(fromParsed).isEqualTo(fromDocument);
        assertThat(fromParsed.assessment().sbom().get(0).finding()).isEqualTo("unreadable: permission denied");
    }

    @Test
    void aBrokenSbomIsAFindingNotAFailure() throws Exception {
        AssessResult result = useCase.run(AssessRequest.of(Fixtures.profile(), Map.of("sbom/porch-light.cdx.json",
                dev.tandem.input.InputDocument.of("sbom/porch-light.cdx.json", "{\"bomFormat\": \"CycloneDX\", ")), Fixtures.DAY));
        assertThat(result.assessment().sbom().get(0).finding()).startsWith("unreadable: ");
    }

    @Test
    void aMalformedProfileIsAnInputErrorNamingItsPosition() {
        assertThatThrownBy(() -> useCase.run(AssessRequest.of(Fixtures.profile("product: X\nmanufacturer: M\ncraClass: huge\n"),
                Map.of(), Fixtures.DAY)))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("p.yaml: at /craClass: unknown CRA class 'huge'");
    }

    @Test
    void noMessageNamesACommandOrAnOption() throws Exception {
        AssessResult result = useCase.run(AssessRequest.of(Fixtures.profile("product: X\nmanufacturer: M\nmarkets: [EU, US]\n"
                + "sbom: [{path: a.json}, {url: https://example.org/sbom.json}]\neu: {conformityModule: self-made}\n"),
                Map.of(), Fixtures.DAY));
        Assessment a = result.assessment();
        List<String> texts = new ArrayList<>(result.warnings());
        a.gaps().forEach(g -> texts.add(g.missing()));
        a.sbom().forEach(s -> texts.add(s.finding()));
        texts.add(a.supportPeriod().finding());
        texts.add(a.conformityRoute().chosenFinding());
        assertThat(texts).isNotEmpty().allSatisfy(t -> assertThat(t).doesNotContain("--").doesNotContainPattern("tandem [a-z]"));
    }
}
