package dev.tandem.render.scan;

import dev.tandem.render.Formats;
import dev.tandem.render.html.PageRenderer;
import dev.tandem.usecase.scan.ScanResult;

/** The output formats of a scan: table (the default), json, sarif, cyclonedx (a CycloneDX 1.6 VDR) and html. */
public final class ScanFormats {

    private static final Formats<ScanResult> SCAN = Formats.<ScanResult>builder()
            .add("table", new TableRenderer())
            .add("json", new JsonRenderer())
            .add("sarif", new SarifRenderer())
            .add("cyclonedx", new CycloneDxVdrRenderer())
            .add("html", new PageRenderer<>(ScanPage::of))
            .build();

    private ScanFormats() {
    }

    /** Every scan format, the terminal table first. */
    public static Formats<ScanResult> scan() {
        return SCAN;
    }
}
