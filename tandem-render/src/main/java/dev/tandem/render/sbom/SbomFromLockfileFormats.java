package dev.tandem.render.sbom;

import dev.tandem.render.Formats;
import dev.tandem.usecase.sbom.SbomFromLockfileResult;

/** The formats of the SBOM of lockfiles, default first. */
public final class SbomFromLockfileFormats {

    /** {@code cyclonedx}: CycloneDX 1.6 JSON. */
    public static final Formats<SbomFromLockfileResult> FROM_LOCKFILE = Formats.<SbomFromLockfileResult>builder()
            .add("cyclonedx", new LockfileCycloneDxRenderer())
            .build();

    private SbomFromLockfileFormats() {
    }
}
