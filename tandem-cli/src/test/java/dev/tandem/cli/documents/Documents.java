package dev.tandem.cli.documents;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.cli.CliRun;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Every HTML document Tandem writes, from the bundled examples, kept under target/documents for review. */
record Documents(String name, String args) {

    static final Path OUT = Path.of("target/documents");

    private static final String SBOMS = "../examples/sboms/proton-bridge-v1.8.0.cdx.json ../examples/sboms/sc200-camera-firmware-2.4.1.cdx.json";
    private static final String KEV = "../examples/kev/cisa-known-exploited-vulnerabilities.json ../examples/kev/eu-kev.json";
    private static final String ROUTER = "../examples/incidents/router-exploited-vulnerability.json";
    private static final String RANSOMWARE = "../examples/incidents/ransomware-energy-operator.yaml";
    private static final String PRODUCT = "../examples/products/smart-camera.yaml";
    private static final String AI_CAMERA = "../examples/products/ai-camera.yaml";

    static List<Documents> all() {
        return List.of(
                new Documents("scan", "scan --sbom " + SBOMS + " --advisories ../examples/advisories --kev " + KEV),
                new Documents("obligations-router", "obligations --incident " + ROUTER + " --at 2026-11-21T12:00:00Z"),
                new Documents("obligations-ransomware", "obligations --incident " + RANSOMWARE + " --at 2026-11-26T12:00:00Z"),
                new Documents("report-cra-notification", "report --incident " + ROUTER
                        + " --framework eu-cra-vulnerability --stage notification --at 2026-11-21T12:00:00Z"),
                new Documents("report-circia", "report --incident " + RANSOMWARE + " --framework us-circia --stage incident-report --at 2026-11-26T12:00:00Z"),
                new Documents("frameworks-compare", "frameworks compare --on 2026-12-01"),
                new Documents("exercise-ransomware-shift", "exercise ../examples/scenarios/ransomware-energy-eu-us.yaml --shift materialityDeterminedAt=P2D"),
                new Documents("exercise-bank", "exercise ../examples/scenarios/bank-personal-data-breach.yaml"),
                new Documents("catalog-list", "catalog list"),
                new Documents("catalog-show-cra", "catalog show cra-annex-i"),
                new Documents("crosswalk-cra-ir8425", "crosswalk --from cra-annex-i --to nist-ir-8425"),
                new Documents("assess", "assess --product " + PRODUCT),
                new Documents("assess-kev", "assess --product " + AI_CAMERA + " --advisories ../examples/advisories --kev " + KEV),
                new Documents("declaration", "declaration --product " + PRODUCT),
                new Documents("attestation", "attestation --product " + AI_CAMERA),
                new Documents("sbom-check", "sbom check ../examples/products/smart-camera.cdx.json --profile tr-03183-2"),
                new Documents("pqc", "pqc --sbom ../examples/cbom/smart-camera-cbom.json"),
                new Documents("user-notice", "user-notice --sbom " + SBOMS + " --advisories ../examples/advisories --kev " + KEV
                        + " --decisions ../examples/vex/sc200-decisions.yaml --product " + PRODUCT));
    }

    /** The documents written in this test run: a file left by an earlier run is written again. */
    private static final java.util.Set<String> WRITTEN = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /** The HTML document, written to target/documents/NAME.html once per test run. */
    Path html() throws IOException {
        Path file = OUT.resolve(name + ".html");
        if (WRITTEN.add(name)) {
            CliRun run = CliRun.of((args + " --format html").split(" "));
            assertThat(run.out()).as("%s: exit %d, %s", name, run.exit(), run.err()).startsWith("<!DOCTYPE html>");
            Files.createDirectories(OUT);
            Files.writeString(file, run.out(), StandardCharsets.UTF_8);
        }
        return file;
    }

    @Override
    public String toString() {
        return name;
    }
}
