package dev.tandem.cli.scan;

import java.util.function.Supplier;

/** The {@code --format} values of {@code tandem scan}, each with its renderer. */
public enum ScanFormat {
    TABLE(TableRenderer::new),
    JSON(JsonRenderer::new),
    SARIF(SarifRenderer::new),
    CYCLONEDX(CycloneDxVdrRenderer::new);

    private final Supplier<ScanRenderer> renderer;

    ScanFormat(Supplier<ScanRenderer> renderer) {
        this.renderer = renderer;
    }

    public ScanRenderer renderer() {
        return renderer.get();
    }
}
