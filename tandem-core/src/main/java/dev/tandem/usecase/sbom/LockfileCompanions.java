package dev.tandem.usecase.sbom;

import dev.tandem.lockfile.Lockfiles;
import java.util.Optional;

/**
 * The files a front end reads beside a lockfile when they exist: the go.sum of a go.mod (it lists the
 * modules a go.mod written before Go 1.17 leaves out).
 */
public final class LockfileCompanions {

    private LockfileCompanions() {
    }

    /** The name of the companion of the lockfile named {@code source} ({@code dir/go.mod} → {@code dir/go.sum}); empty for most lockfiles. */
    public static Optional<String> of(String source) {
        return Lockfiles.companionName(source);
    }
}
