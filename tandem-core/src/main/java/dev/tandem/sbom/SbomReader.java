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
    default Sbom read(Path file) throws InputException {
        byte[] bytes = SbomBytes.read(file);
        FormatSniffer.require(file, bytes, format());
        return read(file, bytes);
    }

    /** Parses {@code content}, already read from {@code file} (which names it in errors) and known to be of {@link #format()}. */
    Sbom read(Path file, byte[] content) throws InputException;
}
