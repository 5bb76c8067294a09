package dev.tandem.sbom;

import dev.tandem.input.InputDocument;
import dev.tandem.input.InputException;
import dev.tandem.input.InputPosition;
import java.nio.file.Path;

/** Reads one SBOM document of one format into the {@link Sbom} model. */
public interface SbomReader {

    /** The format this reader handles. */
    SbomFormat format();

    /**
     * Parses the whole document, which must be of {@link #format()}. Never drops a component silently:
     * components the model cannot express are still returned with what is known.
     *
     * @throws InputException when the document is of another format, malformed, hostile or over the
     *                        limits, naming the source and position
     */
    default Sbom read(InputDocument document) throws InputException {
        SbomDocument parsed = SbomDocument.parse(document);
        if (parsed.format() != format()) {
            throw new InputException(document.source(), InputPosition.UNKNOWN, "is " + parsed.format().label()
                    + ", not " + format().label() + " (SbomReaders.read detects the format)");
        }
        return parsed.sbom();
    }

    /** Reads a file through {@link InputDocument#read(Path)} (bounded) and parses it as {@link #read(InputDocument)} does. */
    default Sbom read(Path file) throws InputException {
        return read(InputDocument.read(file));
    }
}
