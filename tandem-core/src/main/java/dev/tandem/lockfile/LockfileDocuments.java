package dev.tandem.lockfile;

import dev.tandem.input.InputDocument;
import java.util.List;
import java.util.Objects;

/**
 * One lockfile to read and the files read with it: the go.sum beside a go.mod (it adds the modules a
 * go.mod before Go 1.17 does not list). Most lockfiles have no companions.
 */
public record LockfileDocuments(InputDocument lockfile, List<InputDocument> companions) {

    public LockfileDocuments {
        Objects.requireNonNull(lockfile, "lockfile");
        companions = List.copyOf(companions);
    }

    /** A lockfile read alone. */
    public static LockfileDocuments of(InputDocument lockfile) {
        return new LockfileDocuments(lockfile, List.of());
    }
}
