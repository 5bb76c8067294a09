package dev.tandem.conformity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.conformity.assessment.Assessment;
import dev.tandem.conformity.assessment.Assessor;
import dev.tandem.conformity.assessment.RegimeResult;
import dev.tandem.conformity.assessment.RequirementResult;
import dev.tandem.conformity.assessment.RouteResult;
import dev.tandem.conformity.profile.CraClass;
import dev.tandem.conformity.assessment.SbomInput;
import dev.tandem.conformity.crosswalk.Relationship;
import dev.tandem.conformity.profile.ProductProfileReader;
import dev.tandem.conformity.profile.Status;
import dev.tandem.input.InputDocument;
import dev.tandem.sbom.quality.QualityProfile;
import dev.tandem.sbom.quality.SbomFactsReader;
import java.nio.file.Path;
import java.util.List;
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
        assertThat(a.assessedAgainst()).singleElement().satisfies(e -> {
            assertThat(e.catalog()).isEqualTo("etsi-en-303-645");
            assertThat(e.version()).startsWith("V2.1.1");
        });
        RegimeResult cra = regime(a, "cra-annex-i");
        assertThat(cra.counts()).containsEntry("met", 20).containsEntry("partial", 2);
        assertThat(cra.coverage()).isEqualTo(0.9091);
        // CRA-I-2c only intersects SU-1 ∪ SU-2 (IR 8425 asks for verified updates on every component, (2)(c) does
        // not): the CRA "met" does not carry over.
        RequirementResult su1 = result(a, "nist-ir-8425", "SU-1");
        assertThat(su1.status()).isEqualTo(Status.PARTIAL);
        assertThat(su1.derivedFrom().carriesMet()).isFalse();
        // CRA-I-2m (users remove all data permanently) contains DP-2 (the product can delete customer data).
        RequirementResult dp2 = result(a, "nist-ir-8425", "DP-2");
        assertThat(dp2.status()).isEqualTo(Status.MET);
        assertThat(dp2.derivedFrom().mapping()).isEqualTo("cra-annex-i--nist-ir-8425#CRA-I-2m");
        assertThat(dp2.derivedFrom().rationale()).isNotBlank();
        assertThat(a.classification().craClass()).isEqualTo(CraClass.IMPORTANT_I);
        assertThat(a.classification().derived()).isTrue();
        assertThat(a.conformityRoute().craClass()).isEqualTo("important-i");
        assertThat(a.conformityRoute().chosenAllowed()).isTrue();
        assertThat(a.contradictions()).isEmpty();
        assertThat(a.supportPeriod().compliant()).isTrue();
        assertThat(a.supportPeriod().months()).isEqualTo(72);
        assertThat(a.sbom()).singleElement().satisfies(s -> {
            assertThat(s.found()).isTrue();
            assertThat(s.checks()).extracting(c -> c.profile() + " " + c.passed())
                    .containsExactly("tr-03183-2 false", "ntia true");
            assertThat(s.checks().getFirst().violations()).anyMatch(v -> v.startsWith("component filename"));
        });
        assertThat(a.gaps()).extracting(g -> g.regime() + " " + g.requirement())
                .contains("cra-annex-i CRA-I-2g", "nist-ir-8425 PEA-1", "nist-ir-8425 SU-1")
                .noneMatch(g -> g.startsWith("etsi"));
    }

    /*
     * Direction of a relationship, by content. OSCAL mapping model 1.2 (aligned with NIST IR 8477),
     * oscal_mapping-common_metaschema.xml: "superset-of: The source requirements are a superset of target
     * requirements. In other words, source contains all target requirements and additional others."
     * "subset-of: ... target contains all source requirements and additional others." "intersects-with:
     * ... have some overlap, but each includes content that the other does not." Meeting a requirement
     * set meets every set it contains; failing a set fails every set that contains it.
     */

    @Test
    void metCarriesOnlyFromTheSideThatContainsTheOther() throws Exception {
        // cra-annex-i--nist-ir-8425: CRA-I-2m superset-of DP-2.
        Assessment craMet = assess("product: X\nmanufacturer: M\nevidence: {cra-annex-i: {CRA-I-2m: {status: met}}}\n");
        RequirementResult dp2 = result(craMet, "nist-ir-8425", "DP-2");
        assertThat(dp2.status()).isEqualTo(Status.MET);
        assertThat(dp2.derivedFrom().relationship()).isEqualTo(Relationship.SUPERSET);
        assertThat(dp2.derivedFrom().carriesMet()).isTrue();
        assertThat(dp2.derivedFrom().mapping()).isEqualTo("cra-annex-i--nist-ir-8425#CRA-I-2m");
        // The other direction: DP-2 is only part of CRA-I-2m, so meeting it meets only part of CRA-I-2m.
        Assessment usMet = assess("product: X\nmanufacturer: M\nevidence: {nist-ir-8425: {DP-2: {status: met}}}\n");
        RequirementResult removal = result(usMet, "cra-annex-i", "CRA-I-2m");
        assertThat(removal.status()).isEqualTo(Status.PARTIAL);
        assertThat(removal.derivedFrom().relationship()).isEqualTo(Relationship.SUBSET);
        assertThat(removal.derivedFrom().carriesMet()).isFalse();
    }

    @Test
    void notMetCarriesOnlyFromTheSideThatIsContained() throws Exception {
        // DP-2 ⊂ CRA-I-2m: a product that cannot delete customer data cannot let users remove all data.
        Assessment usNotMet = assess("product: X\nmanufacturer: M\nevidence: {nist-ir-8425: {DP-2: {status: not met}}}\n");
        RequirementResult removal = result(usNotMet, "cra-annex-i", "CRA-I-2m");
        assertThat(removal.status()).isEqualTo(Status.NOT_MET);
        assertThat(removal.derivedFrom().carriesNotMet()).isTrue();
        assertThat(usNotMet.gaps()).filteredOn(g -> g.requirement().equals("CRA-I-2m")).singleElement()
                .satisfies(g -> assertThat(g.missing()).startsWith("evidence for DP-2 (nist-ir-8425) is 'not met', and it is contained"));
        // CRA-I-2m ⊃ DP-2: failing the larger requirement says nothing about DP-2.
        Assessment craNotMet = assess("product: X\nmanufacturer: M\nevidence: {cra-annex-i: {CRA-I-2m: {status: not met}}}\n");
        assertThat(result(craNotMet, "nist-ir-8425", "DP-2").status()).isEqualTo(Status.NOT_ASSESSED);
    }

    @Test
    void intersectsNeverCarriesMetOrNotMet() throws Exception {
        // CRA-I-2c intersects SU-1 ∪ SU-2; CRA-I-2j intersects IAC-1a.
        Assessment a = assess("""
                product: X
                manufacturer: M
                evidence:
                  cra-annex-i: {CRA-I-2c: {status: met}}
                  nist-ir-8425: {IAC-1a: {status: not met}, SU-1: {status: met}, SU-2: {status: met}}
                """);
        assertThat(result(a, "nist-ir-8425", "SU-1").status()).isEqualTo(Status.MET);
        assertThat(result(a, "cra-annex-i", "CRA-I-2j").status()).isEqualTo(Status.NOT_ASSESSED);
        Assessment partial = assess("product: X\nmanufacturer: M\nevidence: {cra-annex-i: {CRA-I-2c: {status: met}}}\n");
        assertThat(List.of("SU-1", "SU-2")).allSatisfy(id -> {
            RequirementResult r = result(partial, "nist-ir-8425", id);
            assertThat(r.status()).isEqualTo(Status.PARTIAL);
            assertThat(r.derivedFrom().relationship()).isEqualTo(Relationship.INTERSECTS);
        });
        // No entry of any bundled crosswalk that intersects may carry: the relationship itself forbids it.
        assertThat(Relationship.INTERSECTS.carriesMet()).isFalse();
        assertThat(Relationship.INTERSECTS.carriesNotMet()).isFalse();
    }

    @Test
    void aMultiTargetEntryCarriesToEachTargetButNeedsAllTargetsBack() throws Exception {
        // cra-annex-i--etsi-en-303-645: CRA-II-2 (remediate without delay) superset-of 5.2-2 ∪ 5.3-8.
        Assessment craMet = assess("product: X\nmanufacturer: M\nevidence: {cra-annex-i: {CRA-II-2: {status: met}}}\n");
        assertThat(result(craMet, "etsi-en-303-645", "5.2-2").status()).isEqualTo(Status.MET);
        assertThat(result(craMet, "etsi-en-303-645", "5.3-8").status()).isEqualTo(Status.MET);
        Assessment oneMet = assess("product: X\nmanufacturer: M\nevidence: {etsi-en-303-645: {5.2-2: {status: met}}}\n");
        assertThat(result(oneMet, "cra-annex-i", "CRA-II-2").status()).isEqualTo(Status.PARTIAL);
        // 5.3-8 ⊂ CRA-II-2: untimely security updates fail remediation without delay.
        Assessment oneNotMet = assess("""
                product: X
                manufacturer: M
                evidence: {etsi-en-303-645: {5.2-2: {status: met}, 5.3-8: {status: not met}}}
                """);
        assertThat(result(oneNotMet, "cra-annex-i", "CRA-II-2").status()).isEqualTo(Status.NOT_MET);
    }

    @Test
    void aMappedMetNextToADirectNotMetIsAContradictionReportedOnce() throws Exception {
        // CRA-I-2g (process only data limited to what the purpose needs) contains 6-4 (telemetry personal data
        // limited to what the functionality needs): the profile cannot have the first met and the second not met.
        Assessment a = assess("""
                product: X
                manufacturer: M
                evidence:
                  cra-annex-i: {CRA-I-2g: {status: met}}
                  etsi-en-303-645: {6-4: {status: not met, justification: telemetry keeps full location history}}
                """);
        assertThat(a.contradictions()).singleElement().satisfies(c -> {
            assertThat(c.mapping()).isEqualTo("cra-annex-i--etsi-en-303-645#CRA-I-2g");
            // Seen from whichever side is assessed first: the two ends are the two pieces of evidence.
            assertThat(List.of(c.regime() + " " + c.requirement(), c.evidenceCatalog() + " " + String.join("+", c.evidenceRequirements())))
                    .containsExactlyInAnyOrder("etsi-en-303-645 6-4", "cra-annex-i CRA-I-2g");
            assertThat(c.explanation()).contains("cannot");
        });
        assertThat(a.hasContradictions()).isTrue();
        // Direct evidence still wins for each requirement; the contradiction is what is reported.
        assertThat(result(a, "cra-annex-i", "CRA-I-2g").status()).isEqualTo(Status.MET);
        // Consistent evidence is no contradiction.
        assertThat(assess("""
                product: X
                manufacturer: M
                evidence:
                  cra-annex-i: {CRA-I-2g: {status: not met}}
                  etsi-en-303-645: {6-4: {status: met}}
                """).contradictions()).isEmpty();
    }

    @Test
    void aDerivedNotMetWinsOverADerivedMet() throws Exception {
        // DP-2 ⊂ CRA-I-2m is not met; nothing directly on CRA-I-2m: never claim more than the evidence.
        Assessment a = assess("product: X\nmanufacturer: M\nevidence: {nist-ir-8425: {DP-2: {status: not met}}, "
                + "etsi-en-303-645: {5.11-1: {status: met}}}\n");
        assertThat(result(a, "cra-annex-i", "CRA-I-2m").status()).isEqualTo(Status.NOT_MET);
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
    void notApplicableIsRefusedForAnUnconditionalMandatoryProvision() throws Exception {
        // EN 303 645 Table B.1: 5.4-3 "M" (hard-coded critical security parameters shall not be used), no C.
        // 5.6-4 is "M C" (only where a debug interface is physically accessible). Annex I Part II applies to
        // every product (CRA Art. 13(8)): CRA-II-5 cannot be 'not applicable' either.
        Assessment a = assess("""
                product: X
                manufacturer: M
                evidence:
                  etsi-en-303-645: {5.4-3: {status: not applicable}, 5.6-4: {status: not applicable}, 5.9-1: {status: not met}}
                  cra-annex-i: {CRA-II-5: {status: not applicable}, CRA-I-2i: {status: not applicable}}
                """);
        assertThat(result(a, "etsi-en-303-645", "5.4-3").status()).isEqualTo(Status.NOT_MET);
        assertThat(result(a, "etsi-en-303-645", "5.4-3").justification()).contains("mandatory without a condition");
        assertThat(result(a, "etsi-en-303-645", "5.6-4").status()).isEqualTo(Status.NOT_APPLICABLE);
        assertThat(result(a, "cra-annex-i", "CRA-II-5").status()).isEqualTo(Status.NOT_MET);
        assertThat(result(a, "cra-annex-i", "CRA-I-2i").status()).isEqualTo(Status.NOT_APPLICABLE);
        assertThat(a.warnings()).anyMatch(w -> w.contains("/evidence/etsi-en-303-645/5.4-3") && w.contains("not available"))
                // Provision 4-1: "A justification shall be recorded for each recommendation ... not fulfilled".
                .anyMatch(w -> w.contains("/evidence/etsi-en-303-645/5.9-1") && w.contains("justification"));
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
                    "Part I (2)(m)": {status: met}
                    II(5): {status: partial}
                    CRA-II-6: {status: met}
                    cra-ii-6: {status: not met}
                  etsi-en-303-645:
                    "5.11": {status: met}
                """);
        assertThat(result(a, "cra-annex-i", "CRA-I-2a").status()).isEqualTo(Status.MET);
        assertThat(result(a, "cra-annex-i", "CRA-I-2a").derivedFrom()).isNull();
        assertThat(result(a, "cra-annex-i", "CRA-I-2m").status()).isEqualTo(Status.MET);
        assertThat(result(a, "cra-annex-i", "CRA-II-5").status()).isEqualTo(Status.PARTIAL);
        // Two spellings of one requirement: the first wins, the second is reported.
        assertThat(result(a, "cra-annex-i", "CRA-II-6").status()).isEqualTo(Status.MET);
        assertThat(a.warnings()).anyMatch(w -> w.contains("/evidence/cra-annex-i/cra-ii-6") && w.contains("another spelling"));
        // CRA-I-2m contains DP-2, so the aliased evidence carries over.
        assertThat(result(a, "nist-ir-8425", "DP-2").status()).isEqualTo(Status.MET);
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

    /*
     * Regulation (EU) 2024/2847, Art. 32. (1): Module A, Module B + C, Module H, or "where available and
     * applicable" a European cybersecurity certification scheme. (2): an important Class I product whose
     * manufacturer "has not applied or has applied only in part" harmonised standards, common
     * specifications or European cybersecurity certification schemes at assurance level at least
     * 'substantial' goes through Module B + C or Module H. (3): Class II: B + C, H, or certification at
     * least 'substantial'. (4): critical: certification where Art. 8(1) requires it, otherwise the (3)
     * routes. (5): free and open-source important products may use any (1) route when their technical
     * documentation is public.
     */

    private RouteResult route(String category, String module, String eu) throws Exception {
        return assess("product: X\nmanufacturer: M\ncraCategory: " + category + "\neu: {conformityModule: \"" + module + "\""
                + (eu.isEmpty() ? "" : ", " + eu) + "}\n").conformityRoute();
    }

    @Test
    void moduleAIsClosedToClassIUnlessAStandardIsAppliedInFullOrTheProductIsOpenSource() throws Exception {
        RouteResult plain = route("CRA-AIII-I-17", "Module A", "");
        assertThat(plain.craClass()).isEqualTo("important-i");
        assertThat(plain.chosenAllowed()).isFalse();
        assertThat(plain.chosenFinding()).contains("not allowed").contains("32(2)");
        // A standard listed as text says nothing about how it was applied.
        assertThat(route("CRA-AIII-I-17", "Module A", "standards: [ETSI EN 303 645 V2.1.1]").chosenAllowed()).isFalse();
        assertThat(route("CRA-AIII-I-17", "Module A",
                "standards: [{reference: EN 304 632, type: harmonised-standard, appliedInFull: false}]").chosenAllowed()).isFalse();
        RouteResult inFull = route("CRA-AIII-I-17", "Module A",
                "standards: [{reference: EN 304 632, type: harmonised-standard, appliedInFull: true}]");
        assertThat(inFull.chosenAllowed()).isTrue();
        assertThat(inFull.chosenFinding()).contains("applied in full").contains("Official Journal is not given");
        assertThat(route("CRA-AIII-I-17", "Module A",
                "standards: [{reference: EUCC, type: certification-scheme, appliedInFull: true, assuranceLevel: basic}]")
                .chosenAllowed()).isFalse();
        assertThat(route("CRA-AIII-I-17", "Module A", "freeAndOpenSource: true, publicTechnicalDocumentation: https://x.example/docs")
                .chosenAllowed()).isTrue();
        assertThat(route("CRA-AIII-I-17", "Module B + Module C", "").chosenAllowed()).isTrue();
        assertThat(route("CRA-AIII-I-17", "Module H", "").chosenAllowed()).isTrue();
    }

    @Test
    void everyRouteArticle32GivesAClassIsListedIncludingCertification() throws Exception {
        RouteResult classOne = route("CRA-AIII-I-17", "Module H", "");
        assertThat(classOne.allowedRoutes()).hasSize(4).anyMatch(r -> r.contains("certification scheme") && r.contains("substantial"));
        assertThat(route("none", "Module A", "").allowedRoutes()).anyMatch(r -> r.contains("certification scheme"));
        assertThat(route("CRA-AIII-II-2", "Module H", "").allowedRoutes()).anyMatch(r -> r.contains("certification scheme"))
                .anyMatch(r -> r.contains("32(5)"));
        assertThat(route("CRA-AIV-3", "Module H", "").allowedRoutes()).anyMatch(r -> r.contains("Art. 8(1)"));
    }

    @Test
    void theChosenRouteIsCheckedAgainstTheDerivedClass() throws Exception {
        RouteResult classTwoModuleA = route("CRA-AIII-II-2", "Module A (internal control)", "");
        assertThat(classTwoModuleA.chosenAllowed()).isFalse();
        assertThat(classTwoModuleA.chosenFinding()).contains("not allowed").contains("32(5)");
        assertThat(route("CRA-AIII-II-2", "Module A", "freeAndOpenSource: true, publicTechnicalDocumentation: https://x.example/d")
                .chosenAllowed()).isTrue();
        assertThat(route("CRA-AIV-3", "Module A", "").chosenAllowed()).isFalse();
        assertThat(route("CRA-AIV-3", "Module A", "freeAndOpenSource: true, publicTechnicalDocumentation: https://x.example/d")
                .chosenAllowed()).as("Art. 32(5) covers important products only").isFalse();
        assertThat(route("none", "Module A", "").chosenAllowed()).isTrue();
        assertThat(route("CRA-AIII-II-2", "Module B + Module C", "").chosenAllowed()).isTrue();
        assertThat(route("CRA-AIII-II-2", "Module H", "").chosenAllowed()).isTrue();
        assertThat(route("CRA-AIII-II-2", "Module B", "").chosenAllowed()).isFalse();
        // Critical: B + C only where no Art. 8(1) delegated act requires certification, which is not determined.
        RouteResult critical = route("CRA-AIV-3", "Module B + Module C", "");
        assertThat(critical.chosenAllowed()).isNull();
        assertThat(critical.chosenFinding()).contains("not determined");
        // Certification: at least 'substantial' for Class I, II and critical (Art. 32(2), (3)(c), (4)).
        assertThat(route("CRA-AIII-II-2", "European cybersecurity certification (EUCC)", "").chosenAllowed()).isNull();
        assertThat(route("CRA-AIII-II-2", "EUCC certification", "standards: [{reference: EUCC, type: certification-scheme, assuranceLevel: high}]")
                .chosenAllowed()).isTrue();
        assertThat(route("CRA-AIII-II-2", "EUCC certification", "standards: [{reference: EUCC, type: certification-scheme, assuranceLevel: basic}]")
                .chosenAllowed()).isFalse();
        assertThat(route("none", "self-declaration", "").chosenAllowed()).isNull();
        assertThat(assess("product: X\nmanufacturer: M\n").conformityRoute().chosenAllowed()).isNull();
    }

    @Test
    void theRouteFollowsTheCategoryNotAStatedClass() throws Exception {
        // Stated class and category agree: fine. A stated class alone is used unchecked, with a finding.
        RouteResult stated = assess("product: X\nmanufacturer: M\ncraClass: important-ii\neu: {conformityModule: Module A}\n")
                .conformityRoute();
        assertThat(stated.craClass()).isEqualTo("important-ii");
        assertThat(stated.chosenAllowed()).isFalse();
        assertThat(stated.basis()).contains("not derived");
    }
}
