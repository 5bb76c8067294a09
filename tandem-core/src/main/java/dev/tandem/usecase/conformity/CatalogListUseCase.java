package dev.tandem.usecase.conformity;

import dev.tandem.conformity.ConformityKnowledgeBase;
import dev.tandem.input.InputException;
import dev.tandem.usecase.KnowledgeBase;
import dev.tandem.usecase.Provenance;

/** Lists the requirement catalogs and crosswalks of the knowledge base. */
public final class CatalogListUseCase {

    private final KnowledgeBase knowledge;

    public CatalogListUseCase(KnowledgeBase knowledge) {
        this.knowledge = knowledge;
    }

    /** Throws only for a broken catalog folder. */
    public CatalogListResult run(CatalogListRequest request) throws InputException {
        ConformityKnowledgeBase conformity = knowledge.conformity();
        return new CatalogListResult(conformity.catalogs(), conformity.crosswalks(), knowledge.fingerprint(),
                Provenance.of(request.generatedAt(), null, knowledge.fingerprint(), java.util.List.of()));
    }
}
