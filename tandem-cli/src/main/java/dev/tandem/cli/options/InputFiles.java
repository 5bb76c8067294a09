package dev.tandem.cli.options;

import dev.tandem.input.InputDocument;
import dev.tandem.input.InputException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The files an option names, read into documents in the order given (the first unreadable one stops the command). */
public final class InputFiles {

    private InputFiles() {
    }

    /** Each file, read. */
    public static List<InputDocument> read(List<Path> files) throws InputException {
        List<InputDocument> documents = new ArrayList<>(files.size());
        for (Path file : files) {
            documents.add(InputDocument.read(file));
        }
        return documents;
    }
}
