package dev.tandem.cli.pqc;

import dev.tandem.cli.exit.ExitCode;
import dev.tandem.cli.exit.UsageException;
import dev.tandem.input.InputException;
import dev.tandem.pqc.Classification;
import dev.tandem.pqc.catalog.Market;
import dev.tandem.pqc.catalog.PqcCatalog;
import dev.tandem.pqc.catalog.Sector;
import dev.tandem.pqc.inventory.CbomReader;
import dev.tandem.pqc.inventory.CryptoInventory;
import dev.tandem.pqc.plan.PlanScope;
import dev.tandem.pqc.plan.PqcPlanner;
import dev.tandem.pqc.plan.PqcReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tandem pqc}: the cryptographic inventory, the migration plan ordered by deadline, and readiness per product. */
@Command(name = "pqc",
        mixinStandardHelpOptions = true,
        description = {
                "Post-quantum readiness: classify the cryptographic assets of CycloneDX CBOMs (and, as weaker evidence, "
                        + "the crypto libraries of ordinary SBOMs) and plan their replacement by market and sector.",
                "Exit codes: 0 nothing at or above --fail-on, 1 assets at or above it, 2 bad usage or input."})
public final class PqcCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--sbom", arity = "1..*", required = true, paramLabel = "FILE",
            description = "CycloneDX 1.6 CBOM or CycloneDX/SPDX JSON SBOM; repeat or list several.")
    List<Path> sboms;

    @Option(names = "--market", split = ",", paramLabel = "MARKET", defaultValue = "eu,us",
            description = "Markets whose dates apply: eu, us (default: ${DEFAULT-VALUE}).")
    List<String> markets;

    @Option(names = "--sector", split = ",", paramLabel = "SECTOR", defaultValue = "general",
            description = "Sectors: general, critical-infrastructure (or energy, health, finance, ...), nss, nss-networking, nss-web-cloud, nss-os, nss-niche (default: ${DEFAULT-VALUE}).")
    List<String> sectors;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "table, json, md or html (default: ${DEFAULT-VALUE}).")
    PqcFormat format;

    @Option(names = "--fail-on", paramLabel = "CLASSIFICATION",
            description = "Exit with 1 when an asset is at or above: quantum-vulnerable or weakened.")
    String failOn;

    @Override
    public Integer call() throws InputException, IOException {
        PqcCatalog catalog = PqcCatalog.bundled();
        Classification threshold = threshold();
        PlanScope scope = new PlanScope(checked(markets, catalog.markets().stream().map(Market::id).toList(), "market"),
                checked(canonicalSectors(catalog), catalog.sectors().stream().map(Sector::id).toList(), "sector"));
        CbomReader reader = new CbomReader();
        List<CryptoInventory> inventories = new ArrayList<>();
        for (Path file : sboms) {
            inventories.add(reader.read(dev.tandem.input.InputDocument.read(file)));
        }
        PqcReport report = new PqcPlanner(catalog).plan(inventories, scope);
        PrintWriter out = spec.commandLine().getOut();
        switch (format) {
            case JSON -> PqcJsonRenderer.render(report, out);
            case MD -> PqcMarkdownRenderer.render(report, out);
            case HTML -> PqcHtmlRenderer.render(report, out);
            default -> PqcTableRenderer.render(report, out);
        }
        out.flush();
        return threshold != null && report.anyAtOrAbove(threshold) ? ExitCode.FINDINGS : ExitCode.OK;
    }

    /** Sector aliases (--sector energy) become the catalog's sector ids; unknown words are left for the check. */
    private List<String> canonicalSectors(PqcCatalog catalog) {
        return sectors.stream().map(word -> catalog.sectorCalled(word).map(Sector::id).orElse(word)).toList();
    }

    private Classification threshold() {
        if (failOn == null) {
            return null;
        }
        return switch (failOn.toLowerCase(Locale.ROOT)) {
            case "quantum-vulnerable" -> Classification.QUANTUM_VULNERABLE;
            case "weakened" -> Classification.WEAKENED;
            default -> throw new UsageException("--fail-on must be quantum-vulnerable or weakened, not '" + failOn + "'");
        };
    }

    private static List<String> checked(List<String> given, List<String> known, String what) {
        LinkedHashSet<String> values = new LinkedHashSet<>();
        for (String value : given) {
            String v = value.strip().toLowerCase(Locale.ROOT);
            if (v.isEmpty()) {
                continue;
            }
            if (!known.contains(v)) {
                throw new UsageException("unknown " + what + " '" + value + "', expected one of "
                        + known.stream().collect(Collectors.joining(", ")));
            }
            values.add(v);
        }
        if (values.isEmpty()) {
            throw new UsageException("--" + what + " needs at least one of " + String.join(", ", known));
        }
        return List.copyOf(values);
    }
}
