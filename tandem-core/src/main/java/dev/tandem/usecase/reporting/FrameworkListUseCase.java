package dev.tandem.usecase.reporting;

import dev.tandem.input.InputException;
import dev.tandem.usecase.KnowledgeBase;

/** Lists the reporting frameworks of the catalog, their stages and whether each is in force on a date. */
public final class FrameworkListUseCase {

    private final KnowledgeBase knowledge;

    public FrameworkListUseCase(KnowledgeBase knowledge) {
        this.knowledge = knowledge;
    }

    /**
     * @throws InputException the catalog is broken
     */
    public FrameworkListResult run(FrameworkListRequest request) throws InputException {
        return new FrameworkListResult(request.on(), knowledge.reporting().frameworks().stream()
                .map(f -> new FrameworkStanding(f, f.inForce().on(request.on()))).toList(), knowledge.fingerprint());
    }
}
