package dev.tandem.conformity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.conformity.assessment.Assessment;
import dev.tandem.conformity.assessment.Assessor;
import dev.tandem.conformity.assessment.RegimeResult;
import dev.tandem.conformity.assessment.RequirementResult;
import dev.tandem.conformity.assessment.SbomInput;
import dev.tandem.conformity.crosswalk.Relationship;
import dev.tandem.conformity.profile.ProductProfileReader;
import dev.tandem.conformity.profile.Status;
import dev.tandem.input.InputDocument;
import dev.tandem.sbom.quality.QualityProfile;
import dev.tandem.sbom.quality.SbomFactsReader;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AssessorTest {

    private final Assessor assessor = new Assessor(ConformityKnowledgeBase.bundled(), QualityProfile.bundled());

    private Assessment assess(String yaml) throws Exception {
        return assessor.assess(ProductProfileReader.read("p.yaml", yaml, false), Map.of());
    }

    private static RequirementResult result(Assessment a, String regime, String id) {
        return regime(a, regime).requirements().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
    }

    private static RegimeResult regime(Assessment a, String regime) {
        return a.regimes().stream().filter(r -> r.id().equals(regime)).findFirst().orElseThrow();
    }

    @Test
    void theExampleIsAssessedOnceAndSeenInBothRegimes() throws Exception {
        Path file = ProductProfileReaderTest.EXAMPLE;
        Assessment a = assessor.assess(ProductProfileReader.read(InputDocument.read(file)), Map.of("smart-camera.cdx.json",
                new SbomInput.Facts(SbomFactsReader.read(InputDocument.read(file.resolveSibling("smart-camera.cdx.json"))))));
        assertThat(a.regimes()).extracting(RegimeResult::id).containsExactly("cra-annex-i", "nist-ir-8425", "etsi-en-303-645");
        RegimeResult cra = regime(a, "cra-annex-i");
        assertThat(cra.counts()).containsEntry("met", 20).containsEntry("partial", 2);
        assertThat(cra.coverage()).isEqualTo(0.9091);
        // CRA-I-2c (met) ⊃ SU-1 ∪ SU-2: met carries over to the US side.
        RequirementResult su1 = result(a, "nist-ir-8425", "SU-1");
        assertThat(su1.status()).isEqualTo(Status.MET);
        assertThat(su1.derivedFrom().mapping()).isEqualTo("cra-annex-i--nist-ir-8425#CRA-I-2c");
        assertThat(su1.derivedFrom().relationship()).isEqualTo(Relationship.SUPERSET);
        // CRA-I-2b only intersects PC-2: partial, never met.
        assertThat(result(a, "nist-ir-8425", "PC-2").status()).isEqualTo(Status.PARTIAL);
        assertThat(a.conformityRoute().craClass()).isEqualTo("important-i");
        assertThat(a.supportPeriod().compliant()).isTrue();
        assertThat(a.supportPeriod().months()).isEqualTo(72);
        assertThat(a.sbom()).singleElement().satisfies(s -> {
            assertThat(s.found()).isTrue();
            assertThat(s.checks()).extracting(c -> c.profile() + " " + c.passed())
                    .containsExactly("tr-03183-2 false", "ntia true");
            assertThat(s.checks().getFirst().violations()).anyMatch(v -> v.startsWith("component filename"));
        });
        assertThat(a.gaps()).extracting(g -> g.regime() + " " + g.requirement())
                .contains("cra-annex-i CRA-I-2g", "nist-ir-8425 PEA-1")
                .noneMatch(g -> g.startsWith("etsi"));
    }

    @Test
    void onlyEquivalentAndSupersetFromTheEvidenceSideCarryMet() throws Exception {
        Assessment a = assess("""
                product: X
                manufacturer: M
                evidence:
                  nist-ir-8425:
                    IAC-1a: {status: met}
                    SU-1: {status: met}
                    SU-2: {status: met}
                """);
        // IAC-1a ≡ CRA-I-2j: carried.
        RequirementResult attackSurface = result(a, "cra-annex-i", "CRA-I-2j");
        assertThat(attackSurface.status()).isEqualTo(Status.MET);
        assertThat(attackSurface.derivedFrom().requirements()).containsExactly("IAC-1a");
        // SU-1 ∪ SU-2 ⊂ CRA-I-2c: the CRA asks more, so only partial.
        RequirementResult updates = result(a, "cra-annex-i", "CRA-I-2c");
        assertThat(updates.status()).isEqualTo(Status.PARTIAL);
        assertThat(updates.derivedFrom().relationship()).isEqualTo(Relationship.SUBSET);
        assertThat(updates.derivedFrom().carriesMet()).isFalse();
        // Nothing maps to CRA-I-2k from the US side.
        assertThat(result(a, "cra-annex-i", "CRA-I-2k").status()).isEqualTo(Status.NOT_ASSESSED);
        assertThat(a.gaps()).anySatisfy(g -> {
            assertThat(g.requirement()).isEqualTo("CRA-I-2c");
            assertThat(g.missing()).contains("carries over only partly").contains("default-on automatic security updates");
        });
    }

    @Test
    void aMultiTargetEntryNeedsAllTargetsMet() throws Exception {
        Assessment a = assess("""
                product: X
                manufacturer: M
                evidence:
                  nist-ir-8425:
                    DP-1: {status: met}
                """);
        // CRA-I-2e ≡ DP-1 ∪ DP-3: DP-1 alone is not enough.
        assertThat(result(a, "cra-annex-i", "CRA-I-2e").status()).isEqualTo(Status.PARTIAL);
    }

    @Test
    void directEvidenceWinsOverDerivation() throws Exception {
        Assessment a = assess("""
                product: X
                manufacturer: M
                evidence:
                  cra-annex-i:
                    CRA-I-2j: {status: not met, justification: telnet open}
                  nist-ir-8425:
                    IAC-1a: {status: met}
                """);
        RequirementResult r = result(a, "cra-annex-i", "CRA-I-2j");
        assertThat(r.status()).isEqualTo(Status.NOT_MET);
        assertThat(r.derivedFrom()).isNull();
    }

    @Test
    void gapsOnlyForMarketsTheProductIsSoldIn() throws Exception {
        Assessment a = assess("product: X\nmanufacturer: M\nmarkets: [US]\n");
        assertThat(a.gaps()).isNotEmpty().allSatisfy(g -> assertThat(g.regime()).isEqualTo("nist-ir-8425"));
    }

    @Test
    void supportPeriodBelowFiveYearsIsFlaggedUnlessExpectedUseIsShorter() throws Exception {
        Assessment shortSupport = assess("product: X\nmanufacturer: M\nplacedOnMarket: 2028-01-01\nsupportPeriod: {end: 2030-12-31}\n");
        assertThat(shortSupport.supportPeriod().compliant()).isFalse();
        assertThat(shortSupport.supportPeriod().finding()).contains("36 months, shorter than the 5-year minimum");
        // The end date is the last day of support: five years to the day are enough, one day less is not.
        Assessment exactlyFive = assess("product: X\nmanufacturer: M\nplacedOnMarket: 2027-12-11\nsupportPeriod: {end: 2032-12-10}\n");
        assertThat(exactlyFive.supportPeriod().compliant()).isTrue();
        assertThat(exactlyFive.supportPeriod().months()).isEqualTo(60);
        Assessment dayShort = assess("product: X\nmanufacturer: M\nplacedOnMarket: 2027-12-11\nsupportPeriod: {end: 2032-12-09}\n");
        assertThat(dayShort.supportPeriod().compliant()).isFalse();
        Assessment shortUse = assess("""
                product: X
                manufacturer: M
                placedOnMarket: 2028-01-01
                supportPeriod: {end: 2031-01-01, expectedUseYears: 3, rationale: single-season product}
                """);
        assertThat(shortUse.supportPeriod().compliant()).isTrue();
        Assessment missing = assess("product: X\nmanufacturer: M\n");
        assertThat(missing.supportPeriod().compliant()).isFalse();
        assertThat(missing.sbom()).singleElement().satisfies(s -> assertThat(s.finding()).contains("no SBOM referenced"));
    }

    @Test
    void unreadableAndMissingSbomsAreReportedNotFatal() throws Exception {
        var profile = ProductProfileReader.read("p.yaml", "product: X\nmanufacturer: M\nsbom: [{path: locked.json}, "
                + "{path: gone.json}, {url: https://example.org/sbom.json}]\n", false);
        Assessment a = assessor.assess(profile, Map.of("locked.json", new SbomInput.Unreadable("permission denied")));
        assertThat(a.sbom()).extracting(s -> s.finding())
                .satisfiesExactly(f -> assertThat(f).isEqualTo("unreadable: permission denied"),
                        f -> assertThat(f).startsWith("not found"),
                        f -> assertThat(f).contains("not fetched"));
        assertThat(a.sbom()).extracting(s -> s.found()).containsExactly(true, false, false);
    }

    @Test
    void evidenceForUnknownRequirementsIsReportedNotDropped() throws Exception {
        Assessment a = assess("product: X\nmanufacturer: M\nevidence: {cra-annex-i: {CRA-I-9: {status: met}}, iso-27001: {}}\n");
        assertThat(a.warnings()).anyMatch(w -> w.contains("/evidence/cra-annex-i/CRA-I-9") && w.contains("no such requirement"))
                .anyMatch(w -> w.contains("/evidence/iso-27001") && w.contains("unknown catalog"));
    }

    @Test
    void notApplicableIsLeftOutOfCoverage() throws Exception {
        StringBuilder yaml = new StringBuilder("product: X\nmanufacturer: M\nevidence:\n  cra-annex-i:\n");
        for (var r : ConformityKnowledgeBase.bundled().catalog("cra-annex-i").orElseThrow().assessed()) {
            yaml.append("    ").append(r.id()).append(": {status: ").append(r.id().equals("CRA-I-2i") ? "not applicable" : "met").append("}\n");
        }
        Assessment a = assess(yaml.toString());
        assertThat(regime(a, "cra-annex-i").coverage()).isEqualTo(1.0);
        assertThat(a.gaps()).noneMatch(g -> g.regime().equals("cra-annex-i"));
    }

    @Test
    void evidenceMayUseTheRegulationsOwnNumbering() throws Exception {
        Assessment a = assess("""
                product: X
                manufacturer: M
                evidence:
                  cra-annex-i:
                    I.2(a): {status: met}
                    "Part I (2)(e)": {status: met}
                    II(5): {status: partial}
                    CRA-II-6: {status: met}
                    cra-ii-6: {status: not met}
                  etsi-en-303-645:
                    "5.11": {status: met}
                """);
        assertThat(result(a, "cra-annex-i", "CRA-I-2a").status()).isEqualTo(Status.MET);
        assertThat(result(a, "cra-annex-i", "CRA-I-2a").derivedFrom()).isNull();
        assertThat(result(a, "cra-annex-i", "CRA-I-2e").status()).isEqualTo(Status.MET);
        assertThat(result(a, "cra-annex-i", "CRA-II-5").status()).isEqualTo(Status.PARTIAL);
        // Two spellings of one requirement: the first wins, the second is reported.
        assertThat(result(a, "cra-annex-i", "CRA-II-6").status()).isEqualTo(Status.MET);
        assertThat(a.warnings()).anyMatch(w -> w.contains("/evidence/cra-annex-i/cra-ii-6") && w.contains("another spelling"));
        // CRA-I-2e is equivalent to DP-1 ∪ DP-3, so the aliased evidence carries over.
        assertThat(result(a, "nist-ir-8425", "DP-1").status()).isEqualTo(Status.MET);
        // "5.11" is a category id, not an assessed provision; it must not be read as 5.1-1.
        assertThat(result(a, "etsi-en-303-645", "5.1-1").derivedFrom()).isNull();
        assertThat(result(a, "etsi-en-303-645", "5.1-1").status()).isNotEqualTo(Status.MET);
    }

    @Test
    void eachCraAnnexIIdHasExactlyOneRegulationSpelling() {
        var cra = ConformityKnowledgeBase.bundled().catalog("cra-annex-i").orElseThrow();
        String[] part1 = {"I.1", "I.2(a)", "I.2(b)", "I.2(c)", "I.2(d)", "I.2(e)", "I.2(f)", "I.2(g)", "I.2(h)",
            "I.2(i)", "I.2(j)", "I.2(k)", "I.2(l)", "I.2(m)"};
        for (String spelling : part1) {
            String expected = "CRA-" + spelling.replace(".", "-").replace("(", "").replace(")", "");
            assertThat(cra.resolve(spelling)).as(spelling).map(r -> r.id()).contains(expected);
        }
        for (int i = 1; i <= 8; i++) {
            assertThat(cra.resolve("Part II (" + i + ")")).map(r -> r.id()).contains("CRA-II-" + i);
            assertThat(cra.resolve("Annex I Part II, point (" + i + ")")).map(r -> r.id()).contains("CRA-II-" + i);
        }
        assertThat(cra.resolve("Annex II (1)")).isEmpty();
        assertThat(cra.resolve("II.9")).isEmpty();
    }

    @Test
    void theChosenRouteIsCheckedAgainstTheClass() throws Exception {
        String base = "product: X\nmanufacturer: M\ncraClass: %s\neu: {conformityModule: \"%s\"}\n";
        var classTwoModuleA = assess(base.formatted("important-ii", "Module A (internal control)")).conformityRoute();
        assertThat(classTwoModuleA.chosenAllowed()).isFalse();
        assertThat(classTwoModuleA.chosenFinding()).contains("not allowed").contains("32(5)");
        assertThat(assess(base.formatted("critical", "Module A")).conformityRoute().chosenAllowed()).isFalse();
        assertThat(assess(base.formatted("default", "Module A")).conformityRoute().chosenAllowed()).isTrue();
        var classOneModuleA = assess(base.formatted("important-i", "Module A")).conformityRoute();
        assertThat(classOneModuleA.chosenAllowed()).isTrue();
        assertThat(classOneModuleA.chosenFinding()).contains("applied in full");
        assertThat(assess(base.formatted("important-ii", "Module B + Module C")).conformityRoute().chosenAllowed()).isTrue();
        assertThat(assess(base.formatted("important-ii", "Module H")).conformityRoute().chosenAllowed()).isTrue();
        assertThat(assess(base.formatted("important-ii", "Module B")).conformityRoute().chosenAllowed()).isFalse();
        assertThat(assess(base.formatted("default", "self-declaration")).conformityRoute().chosenAllowed()).isNull();
        assertThat(assess("product: X\nmanufacturer: M\n").conformityRoute().chosenAllowed()).isNull();
    }

    @Test
    void notMetCarriesOverOnlyThroughEquivalence() throws Exception {
        // CRA-I-2e ≡ DP-1 ∪ DP-3 (so DP-1 ⊂ CRA-I-2e seen from DP-1: no carry); CRA-II-5 ≡ IQR-1 (one target).
        Assessment a = assess("""
                product: X
                manufacturer: M
                evidence:
                  cra-annex-i:
                    CRA-II-5: {status: not met}
                    CRA-I-2c: {status: not met}
                """);
        RequirementResult iqr = result(a, "nist-ir-8425", "IQR-1");
        assertThat(iqr.status()).isEqualTo(Status.NOT_MET);
        assertThat(iqr.derivedFrom().relationship()).isEqualTo(Relationship.EQUIVALENT);
        assertThat(iqr.derivedFrom().carriesMet()).isFalse();
        assertThat(a.gaps()).filteredOn(g -> g.requirement().equals("IQR-1")).singleElement()
                .satisfies(g -> assertThat(g.missing()).startsWith("evidence for CRA-II-5 (cra-annex-i) is 'not met'"));
        // CRA-I-2c ⊃ SU-1 ∪ SU-2: the CRA asks more, so failing it says nothing about SU-1.
        assertThat(result(a, "nist-ir-8425", "SU-1").status()).isEqualTo(Status.NOT_ASSESSED);
    }
}
