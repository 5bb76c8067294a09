package dev.tandem.usecase.vex;

import dev.tandem.input.InputDocument;
import java.util.List;

/** VEX documents (any supported format, told from the content) and triage decisions files to read. */
public record StatementsRequest(List<InputDocument> vex, List<InputDocument> decisions) {

    public StatementsRequest {
        vex = List.copyOf(vex);
        decisions = List.copyOf(decisions);
    }
}
