package dev.tandem.usecase.conformity;

import dev.tandem.conformity.assessment.Assessor;
import dev.tandem.conformity.profile.ProductProfile;
import dev.tandem.input.InputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
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
        ReferencedSboms sboms = ReferencedSboms.of(request.sboms());
        var assessment = new Assessor(knowledge.conformity(), knowledge.sbomProfiles()).assess(profile, sboms.facts(),
                sboms.knownExploited(request.advisories(), request.kev(), request.on()), Set.of());
        return new AssessResult(assessment, request.on(), knowledge.fingerprint(),
                Provenance.of(request.generatedAt(), request.on().toString(), knowledge.fingerprint(), inputs(request)));
    }

    /** The profile, its SBOMs, then the advisory data and catalogues they were scanned against. */
    private static List<Provenance.Input> inputs(AssessRequest request) {
        List<Provenance.Input> inputs = new ArrayList<>(ReferencedSboms.inputs(request.profile(), request.sboms()));
        inputs.addAll(ReferencedSboms.advisoryInputs(request.advisories(), request.kev()));
        return inputs;
    }
}
