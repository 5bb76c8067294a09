package dev.tandem.usecase.scan;

import dev.tandem.input.InputDocument;
import java.util.List;
import java.util.Objects;

/**
 * Known-exploited catalogues (CISA KEV, EU KEV; detected from the content) under the name a user
 * gave them: one document, or a folder standing for the documents in it.
 *
 * @param source    how outputs name the input (the file or folder as given)
 * @param documents the catalogues it stands for, in reading order
 */
public record KevInput(String source, List<InputDocument> documents) {

    public KevInput {
        Objects.requireNonNull(source, "source");
        documents = List.copyOf(documents);
    }

    /** One catalogue, named by its document. */
    public static KevInput of(InputDocument document) {
        return new KevInput(document.source(), List.of(document));
    }
}
