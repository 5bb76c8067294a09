package dev.tandem.render.vex;

import dev.tandem.render.Formats;
import dev.tandem.usecase.vex.AdvisoryResult;
import dev.tandem.usecase.vex.ProviderResult;
import dev.tandem.usecase.vex.VexResult;

/** The output formats of the advisories-and-VEX results. */
public final class VexFormats {

    private static final Formats<AdvisoryResult> ADVISORY = Formats.<AdvisoryResult>builder()
            .add("csaf", new CsafRenderer())
            .build();

    private static final Formats<VexResult> VEX = Formats.<VexResult>builder()
            .add("cyclonedx", new CycloneDxVexRenderer())
            .add("openvex", new OpenVexRenderer())
            .build();

    private static final Formats<ProviderResult> PROVIDER = Formats.<ProviderResult>builder()
            .add("text", new ProviderSummary())
            .build();

    private VexFormats() {
    }

    /** A CSAF advisory: its JSON. */
    public static Formats<AdvisoryResult> advisory() {
        return ADVISORY;
    }

    /** VEX: CycloneDX 1.6 (the default) or OpenVEX 0.2.0. */
    public static Formats<VexResult> vex() {
        return VEX;
    }

    /** What a provider run wrote, as text. */
    public static Formats<ProviderResult> provider() {
        return PROVIDER;
    }
}
