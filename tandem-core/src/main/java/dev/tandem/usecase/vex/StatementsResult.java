package dev.tandem.usecase.vex;

import dev.tandem.triage.Statement;
import java.util.List;

/**
 * What the documents said, as statements in the order read (decisions first, then VEX documents), one
 * line per document read ("vex.json: CSAF VEX, 4 statements"), and warnings about statements that could
 * be read only partly.
 */
public record StatementsResult(List<Statement> statements, List<String> documents, List<String> warnings) {

    public StatementsResult {
        statements = List.copyOf(statements);
        documents = List.copyOf(documents);
        warnings = List.copyOf(warnings);
    }
}
