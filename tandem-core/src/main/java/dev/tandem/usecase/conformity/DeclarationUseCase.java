package dev.tandem.usecase.conformity;

import dev.tandem.conformity.assessment.Assessment;
import dev.tandem.conformity.assessment.Assessor;
import dev.tandem.conformity.declaration.DeclarationWriter;
import dev.tandem.conformity.profile.ProductProfile;
import dev.tandem.input.InputException;
import dev.tandem.usecase.KnowledgeBase;
import dev.tandem.usecase.Provenance;

/** Drafts the EU declaration of conformity (CRA Annex V items) and its checklists from a profile and its assessment. */
public final class DeclarationUseCase {

    private final KnowledgeBase knowledge;

    public DeclarationUseCase(KnowledgeBase knowledge) {
        this.knowledge = knowledge;
    }

    /** Throws for a malformed profile or a broken catalog. */
    public DeclarationResult run(DeclarationRequest request) throws InputException {
        ProductProfile profile = knowledge.conformity().withCatalogIds(request.profile().profile());
        Assessment assessment = new Assessor(knowledge.conformity(), knowledge.sbomProfiles())
                .assess(profile, ReferencedSboms.facts(request.sboms()));
        var document = new DeclarationWriter(knowledge.conformity()).write(profile, assessment);
        return new DeclarationResult(document, assessment, request.on(), knowledge.fingerprint(),
                Provenance.of(request.generatedAt(), request.on().toString(), knowledge.fingerprint(),
                        ReferencedSboms.inputs(request.profile(), request.sboms())));
    }
}
