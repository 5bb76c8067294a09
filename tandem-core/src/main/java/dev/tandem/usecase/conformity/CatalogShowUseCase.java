package dev.tandem.usecase.conformity;

import dev.tandem.conformity.ConformityKnowledgeBase;
import dev.tandem.conformity.catalog.RequirementCatalog;
import dev.tandem.input.InputException;
import dev.tandem.usecase.KnowledgeBase;
import dev.tandem.usecase.Provenance;
import java.util.Locale;

/** Shows one requirement catalog: the entries every table, Markdown, JSON and OSCAL export is drawn from. */
public final class CatalogShowUseCase {

    private final KnowledgeBase knowledge;

    public CatalogShowUseCase(KnowledgeBase knowledge) {
        this.knowledge = knowledge;
    }

    /** Throws for an id the knowledge base does not have, or a broken catalog folder. */
    public CatalogShowResult run(CatalogShowRequest request) throws InputException, UnknownCatalogException {
        ConformityKnowledgeBase conformity = knowledge.conformity();
        RequirementCatalog catalog = conformity.catalog(request.id().strip().toLowerCase(Locale.ROOT))
                .orElseThrow(() -> new UnknownCatalogException(request.id(),
                        conformity.catalogs().stream().map(RequirementCatalog::id).toList()));
        return new CatalogShowResult(catalog, knowledge.fingerprint(),
                Provenance.of(request.generatedAt(), null, knowledge.fingerprint(), java.util.List.of()));
    }
}
