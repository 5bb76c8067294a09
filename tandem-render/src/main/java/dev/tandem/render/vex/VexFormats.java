package dev.tandem.render.vex;

import dev.tandem.render.Formats;
import dev.tandem.usecase.vex.AdvisoryResult;

/** The output formats of the advisories-and-VEX results. */
public final class VexFormats {

    private static final Formats<AdvisoryResult> ADVISORY = Formats.<AdvisoryResult>builder()
            .add("csaf", new CsafRenderer())
            .build();

    private VexFormats() {
    }

    /** A CSAF advisory: its JSON. */
    public static Formats<AdvisoryResult> advisory() {
        return ADVISORY;
    }
}
