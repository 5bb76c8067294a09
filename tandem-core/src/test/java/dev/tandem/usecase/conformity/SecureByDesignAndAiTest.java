package dev.tandem.usecase.conformity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.ai.AiFlag;
import dev.tandem.catalog.CatalogSource;
import dev.tandem.catalog.Confidence;
import dev.tandem.conformity.CatalogLoader;
import dev.tandem.conformity.assessment.Assessment;
import dev.tandem.conformity.assessment.CheckOutcome;
import dev.tandem.conformity.assessment.PresumptionResult;
import dev.tandem.conformity.assessment.RegimeResult;
import dev.tandem.conformity.assessment.RequirementResult;
import dev.tandem.conformity.assessment.SecureByDesignCheck;
import dev.tandem.conformity.catalog.Requirement;
import dev.tandem.conformity.catalog.RequirementCatalog;
import dev.tandem.conformity.profile.Status;
import dev.tandem.input.InputDocument;
import dev.tandem.input.InputException;
import dev.tandem.usecase.KnowledgeBase;
import dev.tandem.usecase.scan.AdvisoryInput;
import dev.tandem.usecase.scan.KevInput;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Secure by Design and AI security end to end on the bundled AI camera (a profile with an ML-BOM):
 * the scopes a profile asks for, Tandem's own checks and what they say when they had nothing to look at,
 * the AI inventory joined to the declared functions, the CRA Article 12 presumption, and the draft
 * CISA attestation form.
 */
class SecureByDesignAndAiTest {

    private static final Path PROFILE = Path.of("../examples/products/ai-camera.yaml");
    private static final Path SBOM = PROFILE.resolveSibling("ai-camera.cdx.json");
    private static final LocalDate ON = LocalDate.of(2027, 12, 1);
    private static final KnowledgeBase KNOWLEDGE = KnowledgeBase.bundled();

    private static Assessment assess(String profileText, AdvisoryInput advisories, List<KevInput> kev) throws Exception {
        InputDocument profile = new InputDocument("ai-camera.yaml", profileText.getBytes(StandardCharsets.UTF_8));
        AssessRequest request = AssessRequest.of(profile, Map.of("ai-camera.cdx.json", InputDocument.read(SBOM)), ON)
                .withAdvisories(advisories, kev);
        return new AssessUseCase(KNOWLEDGE).run(request).assessment();
    }

    private static String example() throws Exception {
        return Files.readString(PROFILE);
    }

    private static RequirementResult result(Assessment a, String regime, String id) {
        return a.regime(regime).orElseThrow().requirements().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
    }

    private static SecureByDesignCheck check(Assessment a, String id) {
        return a.secureByDesign().check(id).orElseThrow();
    }

    @Test
    void theAiCameraIsAssessedAgainstTheScopesItsProfileAsksFor() throws Exception {
        Assessment a = assess(example(), null, List.of());
        // secureByDesign and ai sections: the US Secure by Design and the AI catalogs; not high-risk: no Article 15.
        assertThat(a.regimes()).extracting(RegimeResult::id).containsExactly("cra-annex-i", "nist-ir-8425", "etsi-en-303-645",
                "nist-ssdf", "cisa-ssdf-attestation", "cisa-sbd-pledge", "cisa-bad-practices", "etsi-en-304-223", "nist-ai-rmf");
        // Voluntary US guidance and standards are no market's law: their open items are not gaps.
        assertThat(a.gaps()).extracting(g -> g.regime()).containsOnly("cra-annex-i", "nist-ir-8425");
        assertThat(result(a, "etsi-en-304-223", "P5").status()).isEqualTo(Status.MET);
        assertThat(result(a, "etsi-en-304-223", "P7").status()).isEqualTo(Status.PARTIAL);
    }

    @Test
    void aProfileWithoutTheSectionsIsAssessedAsBefore() throws Exception {
        Path camera = Path.of("../examples/products/smart-camera.yaml");
        AssessResult result = new AssessUseCase(KNOWLEDGE).run(AssessRequest.of(InputDocument.read(camera),
                Map.of("smart-camera.cdx.json", InputDocument.read(camera.resolveSibling("smart-camera.cdx.json"))), ON));
        assertThat(result.assessment().regimes()).extracting(RegimeResult::id)
                .containsExactly("cra-annex-i", "nist-ir-8425", "etsi-en-303-645");
        assertThat(result.assessment().secureByDesign()).isNull();
        assertThat(result.assessment().ai()).isNull();
    }

    @Test
    void withoutAdvisoryDataTheKnownExploitedCheckSaysNotDetermined() throws Exception {
        Assessment a = assess(example(), null, List.of());
        SecureByDesignCheck kev = check(a, "known-exploited");
        assertThat(kev.outcome()).isEqualTo(CheckOutcome.NOT_DETERMINED);
        assertThat(kev.basis()).contains("no advisory data was given").contains("--advisories");
        // Not determined gives no status: BP-KEV falls back to what the crosswalk carries, never to "met".
        RequirementResult bpKev = result(a, "cisa-bad-practices", "BP-KEV");
        assertThat(bpKev.checkedBy()).isNull();
        assertThat(bpKev.status()).isNotEqualTo(Status.MET);
    }

    @Test
    void withAdvisoriesAndKevTheScanFindsTheKnownExploitedComponent() throws Exception {
        Assessment a = assess(example(), new AdvisoryInput.Paths(List.of(Path.of("../examples/advisories")), false, null),
                List.of(KevInput.of(InputDocument.read(Path.of("../examples/kev/cisa-known-exploited-vulnerabilities.json")))));
        SecureByDesignCheck kev = check(a, "known-exploited");
        assertThat(kev.outcome()).isEqualTo(CheckOutcome.NOT_MET);
        // libwebp-sys 0.9.2 bundles the libwebp of CVE-2023-4863 (CISA KEV), named by the path the profile gives.
        assertThat(kev.findings()).singleElement().asString()
                .startsWith("pkg:cargo/libwebp-sys@0.9.2: ").contains("CISA KEV").endsWith("in ai-camera.cdx.json");
        RequirementResult bpKev = result(a, "cisa-bad-practices", "BP-KEV");
        assertThat(bpKev.status()).isEqualTo(Status.NOT_MET);
        assertThat(bpKev.checkedBy()).isEqualTo("known-exploited");
    }

    @Test
    void theAssessmentNamesTheAdvisoriesAndHashesTheCataloguesItScannedAgainst() throws Exception {
        InputDocument kev = InputDocument.read(Path.of("../examples/kev/cisa-known-exploited-vulnerabilities.json"));
        AssessRequest request = AssessRequest.of(InputDocument.read(PROFILE), Map.of("ai-camera.cdx.json", InputDocument.read(SBOM)), ON)
                .withAdvisories(new AdvisoryInput.Paths(List.of(Path.of("../examples/advisories")), false, null), List.of(KevInput.of(kev)));
        var inputs = new AssessUseCase(KNOWLEDGE).run(request).provenance().inputs();
        assertThat(inputs).extracting(dev.tandem.usecase.Provenance.Input::role).containsExactly("product profile",
                "SBOM referenced by the profile", "OSV advisories", "known-exploited catalogue");
        // A folder is named, not hashed; the catalogue is one document, hashed as it was read.
        assertThat(inputs.get(2).name()).isEqualTo(Path.of("../examples/advisories").toString());
        assertThat(inputs.get(2).sha256()).isNull();
        assertThat(inputs.get(3).sha256()).isEqualTo(java.util.HexFormat.of().formatHex(
                java.security.MessageDigest.getInstance("SHA-256").digest(kev.content())));
        assertThat(new AssessUseCase(KNOWLEDGE).run(AssessRequest.of(InputDocument.read(PROFILE), Map.of(), ON)).provenance().inputs())
                .extracting(dev.tandem.usecase.Provenance.Input::role).containsExactly("product profile");
    }

    @Test
    void theAttestationSaysWhereItComesFrom() throws Exception {
        java.time.Instant generated = java.time.Instant.parse("2027-12-01T09:30:00Z");
        AttestationRequest request = AttestationRequest.of(InputDocument.read(PROFILE), Map.of("ai-camera.cdx.json", InputDocument.read(SBOM)), ON);
        AttestationResult result = new AttestationUseCase(KNOWLEDGE).run(new AttestationRequest(request.profile(), request.sboms(),
                ON, generated));
        var provenance = result.provenance();
        assertThat(provenance.generatedAt()).isEqualTo(generated);
        assertThat(provenance.evaluatedAt()).isEqualTo("2027-12-01");
        assertThat(provenance.catalog()).isEqualTo(KNOWLEDGE.fingerprint());
        assertThat(provenance.inputs()).extracting(i -> i.role() + ": " + i.name()).containsExactly(
                "product profile: " + PROFILE, "SBOM referenced by the profile: ai-camera.cdx.json");
        assertThat(provenance.inputs()).allSatisfy(i -> assertThat(i.sha256()).hasSize(64));
        assertThat(provenance.inputs().get(1).sha256()).isEqualTo(java.util.HexFormat.of().formatHex(
                java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(SBOM))));
    }

    @Test
    void advisoriesWithoutAnyKevEntryCannotFindAnythingKnownExploited() throws Exception {
        Assessment a = assess(example(), new AdvisoryInput.Paths(List.of(Path.of("../examples/advisories")), false, null), List.of());
        SecureByDesignCheck kev = check(a, "known-exploited");
        assertThat(kev.outcome()).isEqualTo(CheckOutcome.NOT_DETERMINED);
        assertThat(kev.basis()).contains("no known-exploited catalogue entry");
    }

    @Test
    void theProfilesOwnStatementsAreCheckedAndStandForTheBadPractices() throws Exception {
        Assessment a = assess(example(), null, List.of());
        assertThat(check(a, "default-passwords").outcome()).isEqualTo(CheckOutcome.MET);
        assertThat(check(a, "mfa").outcome()).isEqualTo(CheckOutcome.MET);
        assertThat(check(a, "security-txt").outcome()).isEqualTo(CheckOutcome.MET);
        assertThat(check(a, "cve-cwe").outcome()).isEqualTo(CheckOutcome.MET);
        assertThat(check(a, "memory-safety-roadmap").outcome()).isEqualTo(CheckOutcome.MET);
        assertThat(check(a, "vulnerability-disclosure-policy").basis()).contains("not fetched");
        RequirementResult passwords = result(a, "cisa-bad-practices", "BP-DEFAULT-PASSWORDS");
        assertThat(passwords.status()).isEqualTo(Status.MET);
        assertThat(passwords.checkedBy()).isEqualTo("default-passwords");
        assertThat(passwords.justification()).startsWith("checked by Tandem (default-passwords)");
        // The pledge's goals are about measurable progress across a manufacturer's products: one product's
        // facts never meet them.
        assertThat(a.regime("cisa-sbd-pledge").orElseThrow().requirements())
                .allSatisfy(r -> assertThat(r.checkedBy()).isNull());
    }

    @Test
    void aSilentProfileLeavesEveryCheckNotDeterminedAndAWrongOneIsNotMet() throws Exception {
        String text = example().replaceAll("(?s)\nsecureByDesign:.*?\n# The AI", "\nsecureByDesign:\n  defaultPasswords: shared-default\n"
                + "  securityTxt: http://lumen-devices.example/security.txt\n# The AI")
                .replace("\ncvd:\n  contact: psirt@lumen-devices.example\n  policyUrl: https://lumen-devices.example/security/cvd\n", "\n")
                + "  cisa-bad-practices:\n    BP-DEFAULT-PASSWORDS: {status: met}\n";
        Assessment a = assess(text, null, List.of());
        assertThat(check(a, "mfa").outcome()).isEqualTo(CheckOutcome.NOT_DETERMINED);
        assertThat(check(a, "cve-cwe").outcome()).isEqualTo(CheckOutcome.NOT_DETERMINED);
        assertThat(check(a, "memory-safety-roadmap").outcome()).isEqualTo(CheckOutcome.NOT_DETERMINED);
        assertThat(check(a, "vulnerability-disclosure-policy").outcome()).isEqualTo(CheckOutcome.NOT_DETERMINED);
        SecureByDesignCheck securityTxt = check(a, "security-txt");
        assertThat(securityTxt.outcome()).isEqualTo(CheckOutcome.NOT_MET);
        assertThat(securityTxt.basis()).contains("not served over https").contains("not /.well-known/security.txt");
        // The profile claims no default passwords yet says they are shared: what Tandem saw wins, and says so.
        RequirementResult passwords = result(a, "cisa-bad-practices", "BP-DEFAULT-PASSWORDS");
        assertThat(passwords.status()).isEqualTo(Status.NOT_MET);
        assertThat(passwords.checkedBy()).isEqualTo("default-passwords");
        assertThat(a.warnings()).anySatisfy(w -> assertThat(w).contains("/evidence/cisa-bad-practices/BP-DEFAULT-PASSWORDS")
                .contains("Tandem's own check found it not met"));
    }

    @Test
    void theMlBomIsInventoriedAndJoinedToTheDeclaredFunctions() throws Exception {
        Assessment a = assess(example().replace("models: [privacy-mask-segmenter]", "models: [privacy-mask-segmenter, face-blur]"),
                null, List.of());
        assertThat(a.ai().functions()).hasSize(2);
        assertThat(a.ai().highRisk()).isFalse();
        assertThat(a.ai().components()).extracting(c -> c.label() + " " + c.flags()).containsExactly(
                "lumen-person-detector@2.1.0 []",
                "lumen-person-frames@2026.03 [" + AiFlag.NO_HASHES + "]",
                "privacy-mask-segmenter@0.9.0 [" + AiFlag.NO_PROVENANCE + ", " + AiFlag.NO_HASHES + ", " + AiFlag.NO_MODEL_CARD + "]");
        assertThat(a.ai().components()).allSatisfy(c -> assertThat(c.sbom()).isEqualTo("ai-camera.cdx.json"));
        assertThat(a.ai().findings()).contains(
                "AI function 'privacy masking' runs model 'face-blur', which no referenced SBOM lists as a machine-learning-model component",
                "model privacy-mask-segmenter@0.9.0: no-provenance, no-hashes, no-model-card");
        // Not high-risk: the Article 12 presumption is not even considered.
        assertThat(a.ai().presumptions()).isEmpty();
    }

    @Test
    void modelsInTheSbomWithoutDeclaredAiAreReportedNotIgnored() throws Exception {
        String text = example().replaceAll("(?s)\nai:\n.*?\nevidence:", "\nevidence:")
                .replaceAll("(?s)\n  etsi-en-304-223:.*", "\n");
        Assessment a = assess(text, null, List.of());
        assertThat(a.regime("etsi-en-304-223")).isEmpty();
        assertThat(a.ai().components()).hasSize(3);
        assertThat(a.ai().findings().getFirst()).contains("the profile declares no AI functions");
        assertThat(a.warnings()).anySatisfy(w -> assertThat(w).contains("3 AI component(s)"));
    }

    /** The camera as a high-risk AI system (say, a safety component of critical infrastructure), every CRA point met. */
    private static String highRisk(boolean everyCraPointMet) throws Exception {
        String text = example().replace("highRisk: false", "highRisk: true\n  highRiskBasis: \"AI Act Annex III point 2\"");
        if (everyCraPointMet) {
            text = text.replace("CRA-I-2a: {status: partial", "CRA-I-2a: {status: met").replace("CRA-I-2l: {status: partial", "CRA-I-2l: {status: met");
        }
        return text;
    }

    @Test
    void aHighRiskSystemMeetingAnnexIIsPresumedToMeetTheCybersecurityOfArticle15AndNoMore() throws Exception {
        Assessment a = assess(highRisk(true), null, List.of());
        PresumptionResult art12 = a.ai().presumptions().getFirst();
        assertThat(art12.id()).isEqualTo("cra-art-12");
        assertThat(art12.applies()).isTrue();
        assertThat(art12.source()).startsWith("Regulation (EU) 2024/2847, Article 12(1)");
        assertThat(art12.confidence()).isEqualTo(Confidence.SECONDARY);
        assertThat(art12.conditions()).anySatisfy(c -> assertThat(c).contains("EU declaration of conformity"));
        for (String id : List.of("AIA-15-5a", "AIA-15-5b")) {
            RequirementResult r = result(a, "eu-ai-act-art-15", id);
            assertThat(r.status()).as(id).isEqualTo(Status.MET);
            assertThat(r.presumedBy()).isEqualTo("cra-art-12");
            assertThat(r.justification()).contains("provided");
        }
        // Accuracy and robustness are never presumed: Article 15(1), (3) and (4) stay open.
        for (String id : List.of("AIA-15-1", "AIA-15-3", "AIA-15-4a")) {
            assertThat(result(a, "eu-ai-act-art-15", id).presumedBy()).as(id).isNull();
            assertThat(result(a, "eu-ai-act-art-15", id).status()).as(id).isNotEqualTo(Status.MET);
        }
        // The system does not keep learning, so the feedback-loop requirement does not apply.
        assertThat(result(a, "eu-ai-act-art-15", "AIA-15-4b").status()).isEqualTo(Status.NOT_APPLICABLE);
        // Article 15 is the EU's law: what stays open is a gap of the EU market.
        assertThat(a.gaps()).anySatisfy(g -> assertThat(g.regime() + " " + g.requirement()).isEqualTo("eu-ai-act-art-15 AIA-15-3"));
    }

    @Test
    void thePresumptionDoesNotApplyWhileAnyAnnexIPointIsOpen() throws Exception {
        Assessment a = assess(highRisk(false), null, List.of());
        PresumptionResult art12 = a.ai().presumptions().getFirst();
        assertThat(art12.applies()).isFalse();
        assertThat(art12.presumed()).isEmpty();
        assertThat(art12.finding()).contains("2 of 22").contains("CRA-I-2a (partial)").contains("CRA-I-2l (partial)");
        assertThat(result(a, "eu-ai-act-art-15", "AIA-15-5a").presumedBy()).isNull();
        assertThat(result(a, "eu-ai-act-art-15", "AIA-15-5a").status()).isNotEqualTo(Status.MET);
    }

    @Test
    void theAttestationDraftMarksWhatTheEvidenceDoesNotSupport() throws Exception {
        AttestationResult result = new AttestationUseCase(KNOWLEDGE).run(AttestationRequest.of(InputDocument.read(PROFILE),
                Map.of("ai-camera.cdx.json", InputDocument.read(SBOM)), ON));
        var sections = result.document().sections();
        assertThat(sections).extracting(s -> s.title()).containsExactly("Status of this draft", "Section I: Software",
                "Section II: Software producer", "Section III: Attestation", "Signature (chief executive officer or designee)");
        String text = result.document().toString();
        assertThat(text).contains("Do not sign as it stands").contains("UNSUPPORTED").contains("Lumen SentryCam AI")
                .contains("Dr. Erika Beispiel");
        // Section I: every field of the form with its status; the release date is never claimed from another field.
        var sectionOne = (dev.tandem.conformity.declaration.Block.Table) sections.get(1).blocks().getFirst();
        assertThat(sectionOne.rows()).extracting(r -> r.get(1) + "=" + r.get(2) + " [" + r.get(3) + "]").containsExactly(
                "Type of attestation=new [given in the profile]", "Scope=product [given in the profile]",
                "Software name=Lumen SentryCam AI [given in the profile]", "Version number=3.0.0 [given in the profile]",
                "Release or publish date=2027-12-11 [not determined]");
        assertThat(sectionOne.rows().getLast().get(4)).contains("placedOnMarket").contains("check it is this version's release");
        // Section II the same way: the phone has no field in the profile, so it is not determined, never guessed.
        var sectionTwo = (dev.tandem.conformity.declaration.Block.Table) sections.get(2).blocks().getFirst();
        assertThat(sectionTwo.headers()).isEqualTo(sectionOne.headers());
        assertThat(sectionTwo.rows()).extracting(r -> r.get(0) + " " + r.get(1) + " [" + r.get(3) + "] " + r.get(4)).containsExactly(
                "ATT-S2-producer Company name [given in the profile] manufacturer.name",
                "ATT-S2-producer Address [given in the profile] manufacturer.address",
                "ATT-S2-producer Website [given in the profile] manufacturer.website",
                "ATT-S2-contact Primary contact for this document (e-mail) [given in the profile] manufacturer.email",
                "ATT-S2-contact Phone [not determined] the product profile has no field for a phone number: fill it in on the form");
        // The attested items, not the form fields nor the ATT-1 heading; every one without full support is marked.
        RegimeResult form = result.assessment().regime("cisa-ssdf-attestation").orElseThrow();
        assertThat(form.requirements()).extracting(RequirementResult::id).contains("ATT-1a", "ATT-2", "ATT-4", "ATT-4c")
                .doesNotContain("ATT-1", "ATT-S1-type", "ATT-S3-signature");
        long unsupported = form.requirements().stream().filter(r -> r.status() != Status.MET).count();
        assertThat(unsupported).isPositive();
        assertThat(text).contains(unsupported + " of " + form.requirements().size() + " Section III items are UNSUPPORTED");
    }

    @Test
    void theAttestationIsDraftedEvenForAProfileWithoutASecureByDesignSection() throws Exception {
        Path camera = Path.of("../examples/products/smart-camera.yaml");
        AttestationResult result = new AttestationUseCase(KNOWLEDGE).run(AttestationRequest.of(InputDocument.read(camera), Map.of(), ON));
        var sectionOne = (dev.tandem.conformity.declaration.Block.Table) result.document().sections().get(1).blocks().getFirst();
        assertThat(sectionOne.rows().getFirst()).containsExactly("ATT-S1-type", "Type of attestation",
                "(not given in the product profile)", "missing",
                "Add secureByDesign.attestation.type (new, extension-or-waiver or revised) to the profile.");
        assertThat(result.document().toString()).contains("UNSUPPORTED");
    }

    @Test
    void theProducersContactFromTheVulnerabilityReportContactIsNotDeterminedAndAUrlIsNoEmail() throws Exception {
        String camera = Files.readString(Path.of("../examples/products/smart-camera.yaml"))
                .replace("  email: compliance@lumen-devices.example\n", "");
        assertThat(contactRow(camera)).containsExactly("ATT-S2-contact", "Primary contact for this document (e-mail)",
                "psirt@lumen-devices.example", "not determined", "the profile gives no manufacturer.email: the address shown is"
                        + " cvd.contact, the contact for vulnerability reports; check it is the contact for this form");
        assertThat(contactRow(camera.replace("contact: psirt@lumen-devices.example", "contact: https://lumen-devices.example/security")))
                .containsExactly("ATT-S2-contact", "Primary contact for this document (e-mail)", "(not given in the product profile)",
                        "missing", "Add manufacturer.email to the profile (cvd.contact is not an e-mail address).");
    }

    private static List<String> contactRow(String profile) throws InputException {
        AttestationResult result = new AttestationUseCase(KNOWLEDGE).run(AttestationRequest.of(
                new InputDocument("camera.yaml", profile.getBytes(StandardCharsets.UTF_8)), Map.of(), ON));
        var sectionTwo = (dev.tandem.conformity.declaration.Block.Table) result.document().sections().get(2).blocks().getFirst();
        return sectionTwo.rows().stream().filter(r -> r.get(1).startsWith("Primary contact")).findFirst().orElseThrow();
    }

    @Test
    void theNewSectionsAreReadStrictly() throws Exception {
        String example = example();
        assertThatThrownBy(() -> assess(example.replace("defaultPasswords: set-at-installation", "defaultPasswords: admin"),
                null, List.of())).isInstanceOf(InputException.class)
                .hasMessageContaining("/secureByDesign/defaultPasswords").hasMessageContaining("unknown value 'admin'");
        assertThatThrownBy(() -> assess(example.replace("  highRisk: false", "  highRisk: false\n  hihgRisk: true"), null, List.of()))
                .isInstanceOf(InputException.class).hasMessageContaining("unknown key 'hihgRisk'");
        assertThatThrownBy(() -> assess(example.replace("scope: product", "scope: everything"), null, List.of()))
                .isInstanceOf(InputException.class).hasMessageContaining("/secureByDesign/attestation/scope");
    }

    @Test
    void aPresumptionNamingWhatDoesNotExistIsACatalogDefect(@TempDir Path dir) throws Exception {
        Path root = dir.resolve("catalog");
        try (var files = Files.walk(Path.of("../catalog"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path target = root.resolve(Path.of("../catalog").relativize(file).toString());
                Files.createDirectories(target.getParent());
                Files.copy(file, target);
            }
        }
        Path presumptions = root.resolve("conformity/presumptions.yaml");
        String original = Files.readString(presumptions);
        Files.writeString(presumptions, original.replace("targets: [AIA-15-5a, AIA-15-5b]", "targets: [AIA-15-5a, AIA-15-9]"));
        assertThatThrownBy(() -> CatalogLoader.load(CatalogSource.directory(root))).isInstanceOf(InputException.class)
                .hasMessageContaining("presumptions.yaml").hasMessageContaining("AIA-15-9, which is not a requirement of eu-ai-act-art-15");
        Files.writeString(presumptions, original.replace("scope: ai-high-risk", "scope: ai-medium-risk"));
        assertThatThrownBy(() -> CatalogLoader.load(CatalogSource.directory(root))).isInstanceOf(InputException.class)
                .hasMessageContaining("unknown scope 'ai-medium-risk'");
        Files.writeString(presumptions, original.replace("    confidence: secondary\n", ""));
        assertThatThrownBy(() -> CatalogLoader.load(CatalogSource.directory(root))).isInstanceOf(InputException.class)
                .hasMessageContaining("needs a title, a source and a confidence");
    }

    @Test
    void everyNewCatalogEntrySaysWhereItComesFromAndNoneClaimsMoreThanSecondary() throws Exception {
        for (String id : List.of("nist-ssdf", "cisa-ssdf-attestation", "cisa-sbd-pledge", "cisa-bad-practices",
                "etsi-en-304-223", "nist-ai-rmf", "eu-ai-act-art-15")) {
            RequirementCatalog catalog = KNOWLEDGE.conformity().catalog(id).orElseThrow();
            assertThat(catalog.requirements()).as(id).isNotEmpty();
            for (Requirement r : catalog.requirements()) {
                assertThat(r.source()).as(id + " " + r.id()).isNotBlank();
                // None of these was checked word for word against its primary text.
                assertThat(r.confidence()).as(id + " " + r.id()).isEqualTo(Confidence.SECONDARY);
            }
        }
        // SSDF v1.1: 19 practices and 42 tasks.
        RequirementCatalog ssdf = KNOWLEDGE.conformity().catalog("nist-ssdf").orElseThrow();
        assertThat(ssdf.requirements().stream().filter(r -> r.kind().equals("outcome"))).hasSize(19);
        assertThat(ssdf.assessed()).hasSize(42);
        assertThat(KNOWLEDGE.conformity().presumptions()).singleElement()
                .satisfies(p -> assertThat(p.targets()).containsExactly("AIA-15-5a", "AIA-15-5b"));
    }
}
