package dev.tandem.usecase.reporting;

import dev.tandem.input.InputException;
import dev.tandem.reporting.catalog.Framework;
import dev.tandem.reporting.catalog.ReportingCatalog;
import dev.tandem.reporting.comparison.Comparison;
import dev.tandem.reporting.comparison.FrameworkComparison;
import dev.tandem.usecase.KnowledgeBase;
import java.util.List;
import dev.tandem.usecase.Provenance;

/** Compares reporting frameworks: field matrix, timing, alignments and divergences, every statement with its sources. */
public final class ComparisonUseCase {

    private final KnowledgeBase knowledge;

    public ComparisonUseCase(KnowledgeBase knowledge) {
        this.knowledge = knowledge;
    }

    /**
     * @throws InputException     the catalog is broken
     * @throws UnknownIdException a framework asked for is not in the catalog
     */
    public ComparisonResult run(ComparisonRequest request) throws InputException {
        ReportingCatalog catalog = knowledge.reporting();
        for (String id : request.frameworks()) {
            if (catalog.framework(id).isEmpty()) {
                throw UnknownIdException.framework(id, catalog.frameworks().stream().map(Framework::id).toList());
            }
        }
        Comparison comparison = new FrameworkComparison(catalog).compare(request.frameworks(), request.on());
        return new ComparisonResult(request.on(), comparison.frameworks(), comparison.fields(), comparison.timing(),
                comparison.findings(), knowledge.fingerprint(),
                Provenance.of(request.generatedAt(), request.on().toString(), knowledge.fingerprint(), List.of()));
    }
}
