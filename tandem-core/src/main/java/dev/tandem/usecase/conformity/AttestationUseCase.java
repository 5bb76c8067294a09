package dev.tandem.usecase.conformity;

import dev.tandem.conformity.ConformityKnowledgeBase;
import dev.tandem.conformity.assessment.Assessment;
import dev.tandem.conformity.assessment.Assessor;
import dev.tandem.conformity.assessment.KnownExploited;
import dev.tandem.conformity.attestation.AttestationWriter;
import dev.tandem.conformity.profile.ProductProfile;
import dev.tandem.input.InputException;
import dev.tandem.usecase.KnowledgeBase;
import dev.tandem.usecase.Provenance;
import java.util.Set;

/**
 * Drafts the CISA Secure Software Development Attestation Form from a profile, assessing it with the
 * secure-by-design scope whether or not the profile has a {@code secureByDesign} section.
 */
public final class AttestationUseCase {

    private final KnowledgeBase knowledge;

    public AttestationUseCase(KnowledgeBase knowledge) {
        this.knowledge = knowledge;
    }

    /** Throws for a malformed profile or a broken catalog. */
    public AttestationResult run(AttestationRequest request) throws InputException {
        ProductProfile profile = knowledge.conformity().withCatalogIds(request.profile().profile());
        Assessment assessment = new Assessor(knowledge.conformity(), knowledge.sbomProfiles()).assess(profile,
                ReferencedSboms.of(request.sboms()).facts(), new KnownExploited.NotChecked(Assessor.NO_ADVISORIES),
                Set.of(ConformityKnowledgeBase.Scope.SECURE_BY_DESIGN));
        var document = new AttestationWriter(knowledge.conformity()).write(profile, assessment);
        return new AttestationResult(document, assessment, request.on(), knowledge.fingerprint(),
                Provenance.of(request.generatedAt(), request.on().toString(), knowledge.fingerprint(),
                        ReferencedSboms.inputs(request.profile(), request.sboms())));
    }
}
