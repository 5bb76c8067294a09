package dev.tandem.usecase.conformity;

import dev.tandem.conformity.ConformityKnowledgeBase;
import dev.tandem.conformity.catalog.RequirementCatalog;
import dev.tandem.conformity.crosswalk.Crosswalk;
import dev.tandem.input.InputException;
import dev.tandem.usecase.KnowledgeBase;
import dev.tandem.usecase.Provenance;
import java.util.List;
import java.util.Locale;

/** The mapping between two requirement catalogs, each entry with its NIST IR 8477 relationship, rationale and sources. */
public final class CrosswalkUseCase {

    private final KnowledgeBase knowledge;

    public CrosswalkUseCase(KnowledgeBase knowledge) {
        this.knowledge = knowledge;
    }

    /** Throws for an unknown catalog id (the first one, from before to), two catalogs without a crosswalk, or a broken catalog folder. */
    public CrosswalkResult run(CrosswalkRequest request) throws InputException, UnknownCatalogException, NoCrosswalkException {
        ConformityKnowledgeBase conformity = knowledge.conformity();
        String from = request.from().strip().toLowerCase(Locale.ROOT);
        String to = request.to().strip().toLowerCase(Locale.ROOT);
        for (String id : List.of(from, to)) {
            if (conformity.catalog(id).isEmpty()) {
                throw new UnknownCatalogException(id, conformity.catalogs().stream().map(RequirementCatalog::id).toList());
            }
        }
        Crosswalk crosswalk = conformity.crosswalk(from, to).orElseThrow(() -> new NoCrosswalkException(from, to));
        return new CrosswalkResult(crosswalk, knowledge.fingerprint(),
                Provenance.of(request.generatedAt(), null, knowledge.fingerprint(), List.of()));
    }
}
