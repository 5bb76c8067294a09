package dev.tandem.render.sbom;

import dev.tandem.render.Formats;
import dev.tandem.render.html.PageRenderer;
import dev.tandem.usecase.sbom.SbomCheckResult;

/** The formats of an SBOM check, default first. */
public final class SbomCheckFormats {

    /** {@code table} (default), {@code json} and {@code html}. */
    public static final Formats<SbomCheckResult> CHECK = Formats.<SbomCheckResult>builder()
            .add("table", new SbomCheckTableRenderer())
            .add("json", new SbomCheckJsonRenderer())
            .add("html", new PageRenderer<>(SbomCheckPage::of))
            .build();

    private SbomCheckFormats() {
    }
}
