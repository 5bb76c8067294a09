package dev.tandem.cli.options;

import dev.tandem.catalog.CatalogSource;
import dev.tandem.input.InputException;
import dev.tandem.usecase.KnowledgeBase;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The shared {@code --catalog DIR} option: a corrected copy of the knowledge base, tried without rebuilding. */
public final class CatalogOption {

    @Option(names = "--catalog", paramLabel = "DIR",
            description = "Use the knowledge base in DIR (a copy of the bundled catalog/ folder) instead of the bundled one.")
    Path folder;

    /** The knowledge base to use: the folder given, or the bundled one. */
    public KnowledgeBase knowledgeBase() throws InputException {
        return folder == null ? KnowledgeBase.bundled() : KnowledgeBase.of(CatalogSource.directory(folder));
    }
}
