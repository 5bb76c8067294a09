package dev.tandem.usecase.reporting;

import dev.tandem.input.InputException;
import dev.tandem.reporting.catalog.FieldDefinition;
import dev.tandem.reporting.catalog.Framework;
import dev.tandem.reporting.catalog.ReportingCatalog;
import dev.tandem.reporting.catalog.Stage;
import dev.tandem.reporting.catalog.StageField;
import dev.tandem.usecase.KnowledgeBase;
import java.util.HashMap;
import java.util.Map;

/** Shows one reporting framework: applicability, stages, clock starts, periods, recipients, fields, sources. */
public final class FrameworkShowUseCase {

    private final KnowledgeBase knowledge;

    public FrameworkShowUseCase(KnowledgeBase knowledge) {
        this.knowledge = knowledge;
    }

    /**
     * @throws InputException     the catalog is broken
     * @throws UnknownIdException the framework is not in the catalog
     */
    public FrameworkShowResult run(FrameworkShowRequest request) throws InputException {
        ReportingCatalog catalog = knowledge.reporting();
        Framework framework = catalog.framework(request.id()).orElseThrow(() -> UnknownIdException.framework(
                request.id(), catalog.frameworks().stream().map(Framework::id).toList()));
        Map<String, FieldDefinition> fields = new HashMap<>();
        for (Stage stage : framework.stages()) {
            for (StageField required : stage.fields()) {
                catalog.field(required.field()).ifPresent(definition -> fields.put(definition.id(), definition));
            }
        }
        return new FrameworkShowResult(framework, request.on(), framework.inForce().on(request.on()), fields, knowledge.fingerprint());
    }
}
