package dev.tandem.sbom;

import dev.tandem.input.InputException;
import java.nio.file.Path;

/** Reads one SBOM document of one format into the {@link Sbom} model. */
public interface SbomReader {

    /** The format this reader handles. */
    SbomFormat format();

    /**
     * Parses the whole document. Never drops a component silently: components the model cannot
     * express are still returned with what is known.
     *
     * @throws InputException when the file is malformed, hostile or over the limits, naming the file and position
     */
    Sbom read(Path file) throws InputException;
}
