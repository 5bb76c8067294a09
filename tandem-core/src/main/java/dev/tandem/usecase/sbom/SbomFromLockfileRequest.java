package dev.tandem.usecase.sbom;

import dev.tandem.input.InputDocument;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What to write an SBOM for: lockfiles (a go.sum joins the go.mod of its folder), optionally the name and
 * version of the product they make up (else the project a single lockfile names), and when the SBOM is made.
 *
 * @param lockfiles      the lockfiles, in the order their components should come; at least one
 * @param productName    the product the SBOM describes; empty: the project the lockfile names, if one does
 * @param productVersion its version; empty when not given (only with a product name)
 */
public record SbomFromLockfileRequest(List<InputDocument> lockfiles, String productName, String productVersion,
        Instant generatedAt) {

    public SbomFromLockfileRequest {
        lockfiles = List.copyOf(lockfiles);
        if (lockfiles.isEmpty()) {
            throw new IllegalArgumentException("at least one lockfile is needed");
        }
        productName = productName == null ? "" : productName.strip();
        productVersion = productVersion == null ? "" : productVersion.strip();
        if (productName.isEmpty() && !productVersion.isEmpty()) {
            throw new IllegalArgumentException("a product version needs a product name");
        }
        Objects.requireNonNull(generatedAt, "generatedAt");
    }

    /** The SBOM of lockfiles, its product named by them. */
    public SbomFromLockfileRequest(List<InputDocument> lockfiles, Instant generatedAt) {
        this(lockfiles, "", "", generatedAt);
    }
}
