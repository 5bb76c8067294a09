package dev.tandem.snapshot;

import dev.tandem.input.InputException;

/**
 * A snapshot whose checksum matched but whose content turned out malformed while an entry was
 * decoded lazily (a crafted file): unchecked because it surfaces inside
 * {@link dev.tandem.match.PackageIndex#lookup}; {@link #input()} is the error to report.
 */
public final class CorruptSnapshotException extends RuntimeException {

    private final transient InputException input;

    CorruptSnapshotException(InputException input) {
        super(input.getMessage(), input);
        this.input = input;
    }

    /** The error naming the file, for the user. */
    public InputException input() {
        return input;
    }
}
