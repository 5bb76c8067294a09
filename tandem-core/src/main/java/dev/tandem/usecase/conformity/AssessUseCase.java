package dev.tandem.usecase.conformity;

import dev.tandem.conformity.assessment.Assessor;
import dev.tandem.conformity.profile.ProductProfile;
import dev.tandem.input.InputException;
import dev.tandem.usecase.KnowledgeBase;
import dev.tandem.usecase.Provenance;

/** Assesses a product profile once and gives its standing in every regime of the knowledge base. */
public final class AssessUseCase {

    private final KnowledgeBase knowledge;

    public AssessUseCase(KnowledgeBase knowledge) {
        this.knowledge = knowledge;
    }

    /** Throws for a malformed profile or a broken catalog; missing or unreadable SBOMs are findings of the result. */
    public AssessResult run(AssessRequest request) throws InputException {
        ProductProfile profile = knowledge.conformity().withCatalogIds(request.profile().profile());
        var assessment = new Assessor(knowledge.conformity(), knowledge.sbomProfiles())
                .assess(profile, ReferencedSboms.facts(request.sboms()));
        return new AssessResult(assessment, request.on(), knowledge.fingerprint(),
                Provenance.of(request.generatedAt(), request.on().toString(), knowledge.fingerprint(),
                        ReferencedSboms.inputs(request.profile(), request.sboms())));
    }
}
