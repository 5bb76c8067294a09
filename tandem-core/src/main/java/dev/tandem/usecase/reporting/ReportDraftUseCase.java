package dev.tandem.usecase.reporting;

import dev.tandem.input.InputException;
import dev.tandem.reporting.catalog.Framework;
import dev.tandem.reporting.catalog.ReportingCatalog;
import dev.tandem.reporting.catalog.Stage;
import dev.tandem.reporting.draft.DraftBuilder;
import dev.tandem.reporting.draft.ReportDraft;
import dev.tandem.reporting.incident.IncidentReadResult;
import dev.tandem.reporting.obligation.ObligationEngine;
import dev.tandem.usecase.KnowledgeBase;
import dev.tandem.usecase.Provenance;

/** Drafts one stage's report from an incident record, every required field filled or flagged missing. */
public final class ReportDraftUseCase {

    private final KnowledgeBase knowledge;

    public ReportDraftUseCase(KnowledgeBase knowledge) {
        this.knowledge = knowledge;
    }

    /**
     * @throws InputException     the record is malformed, has a warning in strict mode, or the catalog is broken
     * @throws UnknownIdException the framework or the stage is not in the catalog
     */
    public ReportDraftResult run(ReportDraftRequest request) throws InputException {
        ReportingCatalog catalog = knowledge.reporting();
        IncidentReadResult read = IncidentRecords.read(request.incident(), catalog, request.strict());
        Framework framework = catalog.framework(request.framework()).orElseThrow(() -> UnknownIdException.framework(
                request.framework(), catalog.frameworks().stream().map(Framework::id).toList()));
        if (framework.stage(request.stage()).isEmpty()) {
            throw UnknownIdException.stage(framework.id(), request.stage(), framework.stages().stream().map(Stage::id).toList());
        }
        ReportDraft draft = new DraftBuilder(new ObligationEngine(catalog)).build(read, framework.id(), request.stage(), request.at());
        return new ReportDraftResult(draft, knowledge.fingerprint(), IncidentRecords.warnings(request.incident().source(), read.issues()),
                Provenance.of(request.generatedAt(), request.at().toString(), knowledge.fingerprint(),
                        IncidentRecords.inputs(request.incident())));
    }
}
