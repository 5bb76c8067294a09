package dev.tandem.render.sbom;

import dev.tandem.render.Formats;
import dev.tandem.usecase.sbom.SbomCheckResult;

/** The formats of an SBOM check, default first. */
public final class SbomCheckFormats {

    /** {@code table} (default) and {@code json}. */
    public static final Formats<SbomCheckResult> CHECK = Formats.<SbomCheckResult>builder()
            .add("table", new SbomCheckTableRenderer())
            .add("json", new SbomCheckJsonRenderer())
            .build();

    private SbomCheckFormats() {
    }
}
