package dev.tandem.lockfile;

import dev.tandem.input.InputDocument;
import dev.tandem.input.InputException;
import dev.tandem.sbom.SbomFormat;
import java.util.List;

/** Reads one lockfile format into a {@link Lockfile}. */
interface LockfileReader {

    /** The format this reader reads. */
    SbomFormat format();

    /**
     * Reads the whole lockfile. Never drops a package silently: a package the format cannot pin is kept
     * with what is known, and a warning says so.
     *
     * @param companions files read with the lockfile (the go.sum beside a go.mod); empty for most formats
     * @throws InputException when the document is malformed, hostile or over the limits, naming the
     *                        source and the line
     */
    Lockfile read(InputDocument document, List<InputDocument> companions) throws InputException;
}
