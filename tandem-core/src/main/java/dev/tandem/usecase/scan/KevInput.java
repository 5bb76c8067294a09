package dev.tandem.usecase.scan;

import dev.tandem.input.InputDocument;
import java.util.List;
import java.util.Objects;

/**
 * Known-exploited catalogues (CISA KEV, EU KEV; detected from the content) under the name a user
 * gave them: one document, or a folder standing for the documents in it. A folder may hold the
 * catalogues' JSON Schemas beside them: those are skipped, with a warning; a document given by
 * itself must be a catalogue.
 *
 * @param source    how outputs name the input (the file or folder as given)
 * @param documents the catalogues it stands for, in reading order
 * @param folder    true when the documents are the contents of a folder
 */
public record KevInput(String source, List<InputDocument> documents, boolean folder) {

    public KevInput {
        Objects.requireNonNull(source, "source");
        documents = List.copyOf(documents);
    }

    /** Documents named together as {@code source}, not a folder's contents. */
    public KevInput(String source, List<InputDocument> documents) {
        this(source, documents, false);
    }

    /** One catalogue, named by its document. */
    public static KevInput of(InputDocument document) {
        return new KevInput(document.source(), List.of(document), false);
    }

    /** The documents of a folder (its .json files), named by the folder. */
    public static KevInput folder(String source, List<InputDocument> documents) {
        return new KevInput(source, documents, true);
    }
}
