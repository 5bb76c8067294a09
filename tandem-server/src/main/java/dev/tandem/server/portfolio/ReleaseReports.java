package dev.tandem.server.portfolio;

import dev.tandem.input.InputException;
import dev.tandem.render.Formats;
import dev.tandem.render.Renderer;
import dev.tandem.render.scan.ScanFormats;
import dev.tandem.server.auth.Caller;
import dev.tandem.server.store.Database;
import dev.tandem.server.store.Products;
import dev.tandem.server.store.Refusal;
import dev.tandem.usecase.scan.ScanResult;
import java.time.Clock;
import java.util.Locale;

/**
 * A release's scan in any format of {@code tandem scan} (JSON report, SARIF, CycloneDX VDR, table),
 * drawn by the CLI's own renderers from the same scan the stored findings come from: the documents a
 * CI pipeline or a customer reads, for a release the server keeps.
 */
public final class ReleaseReports {

    private final Database database;
    private final Clock clock;
    private final CurrentAdvisories advisories;
    private final ReleaseScanner scanner = new ReleaseScanner();

    public ReleaseReports(Database database, Clock clock, CurrentAdvisories advisories) {
        this.database = database;
        this.clock = clock;
        this.advisories = advisories;
    }

    /** A rendered report: its renderer (media type) and the scan it draws. */
    public record Report(Renderer<ScanResult> renderer, ScanResult result, String fileName) {
    }

    /** The formats offered: those of {@code tandem scan}. */
    public static Formats<ScanResult> formats() {
        return ScanFormats.scan();
    }

    public Report report(Caller caller, String slug, String version, String format) {
        String name = format == null || format.isBlank() ? "json" : format.strip().toLowerCase(Locale.ROOT);
        Renderer<ScanResult> renderer = formats().find(name).orElseThrow(() -> Refusal.invalid("unknown format '" + format
                + "': choose " + String.join(", ", formats().names())));
        ScanResult result = database.transaction(h -> {
            CurrentAdvisories.Loaded loaded = advisories.lockCurrent(h);
            Products products = new Products(h);
            Products.Product product = products.find(caller.tenant(), slug)
                    .orElseThrow(() -> Refusal.notFound("product '" + slug + "'"));
            Products.Release release = products.release(product, version)
                    .orElseThrow(() -> Refusal.notFound("release '" + version + "' of product '" + slug + "'"));
            try {
                return scanner.result(h, caller.tenant(), product, release, loaded, null, clock.instant());
            } catch (InputException e) {
                throw new IllegalStateException("a stored SBOM no longer parses: " + e.getMessage(), e);
            }
        });
        String extension = switch (name) {
            case "sarif" -> "sarif";
            case "cyclonedx" -> "cdx.json";
            case "table" -> "txt";
            default -> "json";
        };
        return new Report(renderer, result, slug + "-" + version.replaceAll("[^A-Za-z0-9._-]", "_") + "." + extension);
    }
}
