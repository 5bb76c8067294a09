package dev.tandem.cli.conformity;

import dev.tandem.conformity.ConformityKnowledgeBase;
import dev.tandem.conformity.profile.ProductProfile;
import dev.tandem.conformity.profile.ProductProfileReader;
import dev.tandem.input.InputException;
import java.io.PrintWriter;
import java.nio.file.Path;

/** Reads the --product file for a command and prints the reader's warnings on standard error. */
final class ProductInput {

    private ProductInput() {
    }

    static ProductProfile read(Path file, PrintWriter err) throws InputException {
        ProductProfile profile = ConformityKnowledgeBase.bundled().withCatalogIds(ProductProfileReader.read(file));
        profile.warnings().forEach(w -> err.println("tandem: warning: " + w));
        err.flush();
        return profile;
    }

    static Path baseDir(Path file) {
        Path parent = file.toAbsolutePath().getParent();
        return parent == null ? Path.of(".") : parent;
    }
}
