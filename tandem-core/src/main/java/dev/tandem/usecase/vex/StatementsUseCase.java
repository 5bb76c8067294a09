package dev.tandem.usecase.vex;

import dev.tandem.input.InputDocument;
import dev.tandem.input.InputException;
import dev.tandem.triage.Statement;
import dev.tandem.triage.decisions.DecisionsReader;
import dev.tandem.vex.VexDocument;
import dev.tandem.vex.VexReaders;
import java.util.ArrayList;
import java.util.List;

/** Reads triage decisions files and VEX documents into the statements a scan applies. */
public final class StatementsUseCase {

    public StatementsResult run(StatementsRequest request) throws InputException {
        List<Statement> statements = new ArrayList<>();
        List<String> documents = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (InputDocument document : request.decisions()) {
            List<Statement> read = DecisionsReader.read(document);
            statements.addAll(read);
            documents.add(document.source() + ": triage decisions, " + read.size() + " decision(s)");
        }
        for (InputDocument document : request.vex()) {
            VexDocument read = VexReaders.read(document);
            statements.addAll(read.statements());
            warnings.addAll(read.warnings());
            documents.add(document.source() + ": " + read.format().label() + ", " + read.statements().size() + " statement(s)");
        }
        return new StatementsResult(statements, documents, warnings);
    }
}
