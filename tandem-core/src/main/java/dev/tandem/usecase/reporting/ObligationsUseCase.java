package dev.tandem.usecase.reporting;

import dev.tandem.input.InputException;
import dev.tandem.reporting.catalog.ReportingCatalog;
import dev.tandem.reporting.incident.IncidentReadResult;
import dev.tandem.reporting.obligation.ObligationEngine;
import dev.tandem.reporting.obligation.ObligationResult;
import dev.tandem.usecase.KnowledgeBase;
import dev.tandem.usecase.Provenance;

/** Evaluates an incident record: every EU and US report it owes, to whom, by when, with which fields. */
public final class ObligationsUseCase {

    private final KnowledgeBase knowledge;

    public ObligationsUseCase(KnowledgeBase knowledge) {
        this.knowledge = knowledge;
    }

    /**
     * @throws InputException the record is malformed or impossible, has a warning in strict mode, or the catalog is broken
     */
    public ObligationsResult run(ObligationsRequest request) throws InputException {
        ReportingCatalog catalog = knowledge.reporting();
        IncidentReadResult read = IncidentRecords.read(request.incident(), catalog, request.strict());
        ObligationResult evaluation = new ObligationEngine(catalog).evaluate(read, request.at(), request.dueSoon());
        return new ObligationsResult(evaluation.source(), evaluation.at(), request.dueSoon(), evaluation.obligations(),
                evaluation.frameworks(), evaluation.issues(), knowledge.fingerprint(),
                IncidentRecords.warnings(request.incident().source(), evaluation.issues()), evaluation.roles(),
                Provenance.of(request.generatedAt(), request.at().toString(), knowledge.fingerprint(),
                        IncidentRecords.inputs(request.incident())));
    }
}
