package dev.tandem.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every command, in every output format but PDF, on the bundled examples: the exit code, standard output and
 * standard error of each run against a reviewed snapshot in {@code snapshots/cli/NAME.txt}. HTML documents
 * ({@code *-html}) carry the instant they were generated and, for an assessment, today's date: both are
 * normalised. Their structure and looks are checked too ({@code documents.HtmlDocumentsTest},
 * {@code documents.DocumentsInBrowserTest}); PDF, being binary, by text extraction and PDF/A validation
 * ({@code documents.PdfDocumentsTest}). These guard the output contracts while the code behind them changes.
 */
class CliSnapshotTest {

    private static final String SBOMS = "../examples/sboms/proton-bridge-v1.8.0.cdx.json ../examples/sboms/sc200-camera-firmware-2.4.1.cdx.json";
    private static final String KEV = "../examples/kev/cisa-known-exploited-vulnerabilities.json ../examples/kev/eu-kev.json";
    private static final String ROUTER = "../examples/incidents/router-exploited-vulnerability.json";
    private static final String RANSOMWARE = "../examples/incidents/ransomware-energy-operator.yaml";
    private static final String PRODUCT = "../examples/products/smart-camera.yaml";
    private static final String PLUG = "../examples/products/smart-plug.yaml";
    private static final String AI_CAMERA = "../examples/products/ai-camera.yaml";
    private static final String FIRMWARE = "../examples/cbom/router-sbom.spdx.json ../examples/sboms/sc200-camera-firmware-2.4.1.cdx.json";
    private static final String NVD = "../examples/nvd";

    @TempDir
    static Path tmp;

    /** One whole run: a name (the snapshot file), the arguments, standard input, and files it writes to show. */
    record Case(String name, String args, String stdin, List<String> writtenFiles) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static Case run(String name, String args) {
        return new Case(name, args, "", List.of());
    }

    static Stream<Case> cases() {
        List<Case> cases = new ArrayList<>();
        for (String format : List.of("table", "json", "sarif", "cyclonedx")) {
            cases.add(run("scan-" + format, "scan --sbom " + SBOMS + " --advisories ../examples/advisories --kev " + KEV + " --format " + format));
        }
        cases.add(run("scan-fail-on-kev", "scan --sbom " + SBOMS + " --advisories ../examples/advisories --kev ../examples/kev --fail-on kev"));
        String daily = "scan --sbom " + SBOMS + " --advisories ../examples/advisories --kev " + KEV;
        cases.add(run("scan-epss-table", daily + " --epss src/test/resources/scan/epss/epss_scores-sample.csv --fail-on epss:0.5"));
        cases.add(run("scan-ignore-table", daily + " --ignore src/test/resources/scan/ignore/camera-ignore.yaml --fail-on kev"));
        cases.add(run("scan-baseline-table", daily + " --baseline {tmp}/bridge.json"));
        for (String format : List.of("json", "sarif", "cyclonedx")) {
            cases.add(run("scan-daily-" + format, daily + " --epss src/test/resources/scan/epss/epss_scores-sample.csv"
                    + " --ignore src/test/resources/scan/ignore/camera-ignore.yaml --baseline {tmp}/bridge.json --format " + format));
        }
        cases.add(run("scan-kev-folder-with-schemas", "scan --sbom ../examples/sboms/sc200-camera-firmware-2.4.1.cdx.json"
                + " --advisories ../examples/advisories --kev src/test/resources/scan/kev-folder --format json"));
        cases.add(run("db-update-local", "db update --feeds {tmp}/mirror/feeds.yaml --out {tmp}/updated.tdb"));
        cases.add(run("db-help", "db --help"));
        cases.add(run("mistyped-subcommand", "scna --sbom x.json"));
        cases.add(run("scan-db-json", "scan --sbom " + SBOMS + " --db {tmp}/advisories.tdb --format json"));
        for (String format : List.of("table", "json", "sarif", "cyclonedx")) {
            cases.add(run("scan-nvd-" + format, "scan --sbom " + FIRMWARE + " --advisories ../examples/advisories --kev " + KEV
                    + " --nvd " + NVD + " --format " + format));
        }
        cases.add(run("scan-router-nvd", "scan --sbom ../examples/cbom/router-sbom.spdx.json --nvd " + NVD));
        cases.add(run("scan-db-nvd-json", "scan --sbom " + FIRMWARE + " --db {tmp}/firmware.tdb --format json"));
        cases.add(run("db-info", "db info {tmp}/advisories.tdb"));
        cases.add(run("db-info-json", "db info {tmp}/advisories.tdb --format json"));
        cases.add(run("db-info-nvd", "db info {tmp}/firmware.tdb"));
        cases.add(run("versions-compare", "versions compare --ecosystem PyPI 1.0rc1 1.0"));
        cases.add(new Case("versions-sort", "versions sort --ecosystem PyPI", "1.10\n1.9\n1.9.0a1\n", List.of()));
        for (String format : List.of("table", "json", "md")) {
            cases.add(run("obligations-router-" + format, "obligations --incident " + ROUTER + " --at 2026-11-21T12:00:00Z --format " + format));
            cases.add(run("obligations-ransomware-" + format, "obligations --incident " + RANSOMWARE + " --at 2026-11-26T12:00:00Z --format " + format));
        }
        for (String format : List.of("table", "json")) {
            cases.add(run("obligations-camera-" + format, "obligations --incident ../examples/incidents/camera-exploited-severe-incident.yaml"
                    + " --at 2026-11-21T12:00:00Z --format " + format));
        }
        cases.add(run("report-gdpr-data-subjects-md", "report --incident ../examples/incidents/camera-exploited-severe-incident.yaml"
                + " --framework eu-gdpr --stage data-subject-communication --at 2026-11-21T12:00:00Z"));
        cases.add(run("frameworks-show-ai-act-md", "frameworks show eu-ai-act --on 2026-12-01"));
        for (String format : List.of("md", "json")) {
            cases.add(run("report-cra-notification-" + format, "report --incident " + ROUTER
                    + " --framework eu-cra-vulnerability --stage notification --at 2026-11-21T12:00:00Z --format " + format));
            cases.add(run("report-circia-" + format, "report --incident " + RANSOMWARE
                    + " --framework us-circia --stage incident-report --at 2026-11-26T12:00:00Z --format " + format));
        }
        for (String format : List.of("table", "json", "md")) {
            cases.add(run("frameworks-list-" + format, "frameworks list --on 2026-12-01 --format " + format));
        }
        for (String format : List.of("md", "json")) {
            cases.add(run("frameworks-show-nis2-" + format, "frameworks show eu-nis2 --on 2026-12-01 --format " + format));
        }
        for (String format : List.of("md", "json", "csv")) {
            cases.add(run("frameworks-compare-" + format, "frameworks compare --on 2026-12-01 --format " + format));
        }
        cases.add(run("frameworks-compare-csv-timing", "frameworks compare --on 2026-12-01 --format csv --csv-table timing"));
        for (String scenario : List.of("bank-personal-data-breach", "ransomware-energy-eu-us", "router-exploited-vulnerability")) {
            for (String format : List.of("table", "json")) {
                cases.add(run("exercise-" + scenario + "-" + format, "exercise ../examples/scenarios/" + scenario + ".yaml --format " + format));
            }
        }
        cases.add(run("exercise-shift", "exercise ../examples/scenarios/ransomware-energy-eu-us.yaml --shift materialityDeterminedAt=P2D"));
        for (String format : List.of("table", "json")) {
            cases.add(run("catalog-list-" + format, "catalog list --format " + format));
        }
        for (String catalog : List.of("cra-annex-i", "nist-ir-8425", "etsi-en-303-645", "etsi-en-303-645-v3")) {
            for (String format : List.of("table", "json", "md", "oscal")) {
                cases.add(run("catalog-show-" + catalog + "-" + format, "catalog show " + catalog + " --format " + format));
            }
        }
        for (String format : List.of("table", "json", "md", "oscal")) {
            cases.add(run("crosswalk-cra-ir8425-" + format, "crosswalk --from cra-annex-i --to nist-ir-8425 --format " + format));
        }
        cases.add(run("crosswalk-ir8425-cra", "crosswalk --from nist-ir-8425 --to cra-annex-i"));
        cases.add(run("crosswalk-cra-etsi", "crosswalk --from cra-annex-i --to etsi-en-303-645"));
        cases.add(run("crosswalk-cra-etsi-v3", "crosswalk --from cra-annex-i --to etsi-en-303-645-v3"));
        for (String catalog : List.of("nist-ssdf", "cisa-ssdf-attestation", "cisa-sbd-pledge", "cisa-bad-practices",
                "etsi-en-304-223", "nist-ai-rmf", "eu-ai-act-art-15")) {
            cases.add(run("catalog-show-" + catalog + "-table", "catalog show " + catalog));
        }
        for (String format : List.of("json", "oscal")) {
            cases.add(run("catalog-show-nist-ssdf-" + format, "catalog show nist-ssdf --format " + format));
        }
        cases.add(run("crosswalk-cra-ssdf", "crosswalk --from cra-annex-i --to nist-ssdf"));
        cases.add(run("crosswalk-bad-practices-cra", "crosswalk --from cisa-bad-practices --to cra-annex-i"));
        cases.add(run("crosswalk-pledge-cra", "crosswalk --from cisa-sbd-pledge --to cra-annex-i"));
        cases.add(run("crosswalk-attestation-ssdf", "crosswalk --from cisa-ssdf-attestation --to nist-ssdf"));
        cases.add(run("crosswalk-etsi-304-223-cra", "crosswalk --from etsi-en-304-223 --to cra-annex-i"));
        cases.add(run("crosswalk-ai-rmf-cra", "crosswalk --from nist-ai-rmf --to cra-annex-i"));
        for (String format : List.of("table", "json", "oscal")) {
            cases.add(run("crosswalk-ai-act-cra-" + format, "crosswalk --from eu-ai-act-art-15 --to cra-annex-i --format " + format));
        }
        for (String format : List.of("table", "json", "md")) {
            cases.add(run("assess-" + format, "assess --product " + PRODUCT + " --format " + format));
        }
        cases.add(run("assess-fail-on-gaps", "assess --product " + PRODUCT + " --fail-on gaps"));
        for (String format : List.of("md")) {
            cases.add(run("declaration-" + format, "declaration --product " + PRODUCT + " --format " + format));
        }
        cases.add(run("registry-entry", "registry-entry --product " + PRODUCT));
        cases.add(new Case("label", "label --product " + PRODUCT + " --out {tmp}/label", "", List.of("label/label.txt", "label/label.svg")));
        for (String format : List.of("table", "json")) {
            cases.add(run("assess-plug-" + format, "assess --product " + PLUG + " --format " + format));
        }
        cases.add(run("declaration-plug-md", "declaration --product " + PLUG + " --format md"));
        for (String format : List.of("table", "json", "md", "html")) {
            cases.add(run("assess-ai-camera-" + format, "assess --product " + AI_CAMERA + " --format " + format));
        }
        cases.add(run("assess-ai-camera-kev-json", "assess --product " + AI_CAMERA + " --advisories ../examples/advisories --kev " + KEV
                + " --format json"));
        cases.add(run("assess-ai-camera-db-table", "assess --product " + AI_CAMERA + " --db {tmp}/advisories.tdb"));
        for (String format : List.of("md", "html")) {
            cases.add(run("attestation-ai-camera-" + format, "attestation --product " + AI_CAMERA + " --format " + format));
        }
        cases.add(run("attestation-smart-camera-md", "attestation --product " + PRODUCT));
        cases.add(run("registry-entry-plug-refused", "registry-entry --product " + PLUG));
        cases.add(run("registry-entry-plug-draft", "registry-entry --product " + PLUG + " --draft"));
        cases.add(new Case("label-plug-draft", "label --product " + PLUG + " --out {tmp}/plug-label --draft", "",
                List.of("plug-label/label.txt")));
        for (String profile : List.of("tr-03183-2", "ntia")) {
            for (String format : List.of("table", "json")) {
                cases.add(run("sbom-check-" + profile + "-" + format, "sbom check ../examples/products/smart-camera.cdx.json --profile " + profile + " --format " + format));
            }
        }
        cases.add(run("sbom-check-proton-json", "sbom check ../examples/sboms/proton-bridge-v1.8.0.cdx.json --format json"));
        String lockfiles = "../examples/lockfiles/";
        cases.add(run("scan-lockfile-table", "scan --lockfile " + lockfiles + "go-project/go.mod " + lockfiles + "cargo/Cargo.lock "
                + lockfiles + "python/requirements.txt --advisories ../examples/advisories"));
        cases.add(run("scan-lockfile-sarif", "scan --lockfile " + lockfiles + "go-project/go.mod --advisories ../examples/advisories --format sarif"));
        cases.add(run("sbom-from-lockfile-npm", "sbom from-lockfile " + lockfiles + "npm/package-lock.json"));
        cases.add(run("sbom-from-lockfile-product", "sbom from-lockfile " + lockfiles + "go-project/go.mod " + lockfiles
                + "composer/composer.lock " + lockfiles + "ruby/Gemfile.lock --product camera-cloud --product-version 2.4.1"));
        for (String format : List.of("table", "json", "md")) {
            cases.add(run("pqc-camera-" + format, "pqc --sbom ../examples/cbom/smart-camera-cbom.json --format " + format));
            cases.add(run("pqc-cyclonedx-examples-" + format, "pqc --sbom ../examples/cbom/Algorithm_bom.json ../examples/cbom/Certificate_bom.json "
                    + "../examples/cbom/Example-With-Dependencies_bom.json ../examples/cbom/Key_bom.json ../examples/cbom/Post-Quantum-Migration_bom.json "
                    + "../examples/cbom/Protocol_bom.json ../examples/cbom/router-sbom.spdx.json --format " + format));
        }
        // The camera alone: its 26 findings show every decision state and keep these snapshots reviewable.
        String findings = "--sbom ../examples/sboms/sc200-camera-firmware-2.4.1.cdx.json --advisories ../examples/advisories --kev " + KEV
                + " --decisions ../examples/vex/sc200-decisions.yaml --date 2026-11-06T10:00:00Z";
        cases.add(run("scan-vex", "scan --sbom " + SBOMS + " --advisories ../examples/advisories --kev " + KEV
                + " --vex ../examples/vex/sc200-vex.json"));
        for (String profile : List.of("csaf_vex", "csaf_security_advisory")) {
            cases.add(run("advisory-" + profile, "advisory " + findings + " --profile " + profile
                    + " --publisher-namespace https://camera.example"));
        }
        for (String format : List.of("cyclonedx", "openvex")) {
            cases.add(run("vex-" + format, "vex " + findings + " --format " + format));
        }
        for (String format : List.of("csaf", "html")) {
            cases.add(run("user-notice-" + format, "user-notice " + findings + " --product " + PRODUCT + " --format " + format));
        }
        // The provider directory from a throwaway key (its fingerprint normalised): the summary and the files people read.
        cases.add(new Case("csaf-provider", "csaf-provider --dir {tmp}/csaf --base-url https://camera.example/.well-known/csaf"
                + " --key {tmp}/signing-key.asc --passphrase-file {tmp}/passphrase.txt --date 2026-11-06T12:00:00Z"
                + " {tmp}/sc200-vex-2026-001.json {tmp}/sc200-sa-2025-007.json", "",
                List.of("csaf/provider-metadata.json", "csaf/white/index.txt", "csaf/white/changes.csv", "csaf/white/csaf-feed-tlp-white.json")));
        cases.add(run("security-txt", "security-txt --product " + PRODUCT + " --policy https://lumen-devices.example/security/cvd"
                + " --csaf https://lumen-devices.example/.well-known/csaf/provider-metadata.json --date 2026-11-06T10:00:00Z"));
        for (String format : List.of("text", "json")) {
            cases.add(run("audit-verify-export-" + format, "audit verify --file src/test/resources/audit/audit-default.json --format " + format));
        }
        cases.add(run("audit-verify-tampered", "audit verify --file src/test/resources/audit/audit-tampered.json"));
        // Every HTML document, on the same examples.
        cases.add(run("scan-html", "scan --sbom " + SBOMS + " --advisories ../examples/advisories --kev " + KEV + " --format html"));
        cases.add(run("obligations-router-html", "obligations --incident " + ROUTER + " --at 2026-11-21T12:00:00Z --format html"));
        cases.add(run("obligations-ransomware-html", "obligations --incident " + RANSOMWARE + " --at 2026-11-26T12:00:00Z --format html"));
        cases.add(run("report-cra-notification-html", "report --incident " + ROUTER
                + " --framework eu-cra-vulnerability --stage notification --at 2026-11-21T12:00:00Z --format html"));
        cases.add(run("report-circia-html", "report --incident " + RANSOMWARE
                + " --framework us-circia --stage incident-report --at 2026-11-26T12:00:00Z --format html"));
        cases.add(run("frameworks-compare-html", "frameworks compare --on 2026-12-01 --format html"));
        for (String scenario : List.of("bank-personal-data-breach", "ransomware-energy-eu-us", "router-exploited-vulnerability")) {
            cases.add(run("exercise-" + scenario + "-html", "exercise ../examples/scenarios/" + scenario + ".yaml --format html"));
        }
        cases.add(run("catalog-list-html", "catalog list --format html"));
        cases.add(run("catalog-show-cra-annex-i-html", "catalog show cra-annex-i --format html"));
        cases.add(run("crosswalk-cra-ir8425-html", "crosswalk --from cra-annex-i --to nist-ir-8425 --format html"));
        cases.add(run("assess-html", "assess --product " + PRODUCT + " --format html"));
        cases.add(run("declaration-html", "declaration --product " + PRODUCT + " --format html"));
        cases.add(run("sbom-check-tr-03183-2-html", "sbom check ../examples/products/smart-camera.cdx.json --profile tr-03183-2 --format html"));
        cases.add(run("pqc-camera-html", "pqc --sbom ../examples/cbom/smart-camera-cbom.json --format html"));
        return cases.stream();
    }

    /** The throwaway signing key's fingerprint, normalised in the csaf-provider snapshot. */
    private static String fingerprint;

    @BeforeAll
    static void buildSnapshot() throws Exception {
        CliRun build = CliRun.of(("db build --advisories ../examples/advisories --kev " + KEV + " --out " + tmp + "/advisories.tdb").split(" "));
        assertThat(build.exitCode()).as(build.err()).isZero();
        CliRun firmware = CliRun.of(("db build --advisories ../examples/advisories --nvd " + NVD + " --kev " + KEV + " --out "
                + tmp + "/firmware.tdb").split(" "));
        assertThat(firmware.exitCode()).as(firmware.err()).isZero();
        // Yesterday's report, for the baseline cases: the bridge alone.
        CliRun bridge = CliRun.of(("scan --sbom ../examples/sboms/proton-bridge-v1.8.0.cdx.json --advisories ../examples/advisories"
                + " --format json --output " + tmp + "/bridge.json").split(" "));
        assertThat(bridge.exitCode()).as(bridge.err()).isZero();
        // A local mirror of the feeds, for db update without a network.
        Path mirror = Files.createDirectories(tmp.resolve("mirror/osv"));
        for (String ecosystem : List.of("go", "crates.io")) {
            Path folder = Files.createDirectories(mirror.resolve(ecosystem.equals("go") ? "Go" : ecosystem));
            try (Stream<Path> files = Files.list(Path.of("../examples/advisories", ecosystem))) {
                for (Path file : files.sorted().toList()) {
                    Files.copy(file, folder.resolve(file.getFileName()));
                }
            }
        }
        Files.copy(Path.of("../examples/kev/cisa-known-exploited-vulnerabilities.json"), tmp.resolve("mirror/cisa.json"));
        Files.copy(Path.of("src/test/resources/scan/epss/epss_scores-sample.csv"), tmp.resolve("mirror/epss.csv"));
        Files.writeString(tmp.resolve("mirror/feeds.yaml"), "osv:\n  path: osv\nkev:\n  cisa: cisa.json\nepss: epss.csv\n");
        // For csaf-provider: a key and two documents to publish.
        fingerprint = java.util.HexFormat.of().withUpperCase().formatHex(
                dev.tandem.cli.vex.TestKeys.generate(tmp, "snapshot").publicRing().getPublicKey().getFingerprint());
        Files.writeString(tmp.resolve("passphrase.txt"), "snapshot\n");
        for (String[] document : List.of(new String[] {"csaf_vex", "SC200-VEX-2026-001", "2026-11-06T10:00:00Z"},
                new String[] {"csaf_security_advisory", "SC200-SA-2025-007", "2025-12-24T08:00:00Z"})) {
            CliRun advisory = CliRun.of(("advisory --sbom ../examples/sboms/sc200-camera-firmware-2.4.1.cdx.json --advisories"
                    + " ../examples/advisories --decisions ../examples/vex/sc200-decisions.yaml --publisher-namespace https://camera.example"
                    + " --profile " + document[0] + " --tracking-id " + document[1] + " --date " + document[2]
                    + " --out " + tmp + "/" + document[1].toLowerCase(java.util.Locale.ROOT) + ".json").split(" "));
            assertThat(advisory.exitCode()).as(advisory.err()).isZero();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesItsSnapshot(Case c) throws IOException {
        String[] args = c.args().replace("{tmp}", tmp.toString()).split(" ");
        CliRun run = CliRun.withStdin(c.stdin(), args);
        StringBuilder text = new StringBuilder();
        text.append("$ tandem ").append(c.args()).append('\n');
        text.append("exit ").append(run.exitCode()).append('\n');
        text.append("--- stdout\n").append(run.out());
        text.append("--- stderr\n").append(run.err());
        for (String written : c.writtenFiles()) {
            text.append("--- file ").append(written).append('\n')
                    .append(Files.readString(tmp.resolve(written), StandardCharsets.UTF_8));
        }
        String raw = text.toString().replace(fingerprint, "<key-fingerprint>");
        // The shared stylesheet is the same in every document and reviewed as itself: a placeholder here.
        // Documents drafted today say so in their provenance (the HTML header, the drafts' Markdown).
        boolean datedToday = c.name().endsWith("-html") || c.name().startsWith("attestation-") || c.name().startsWith("declaration-")
                || c.name().startsWith("assess-") && c.name().endsWith("-md");
        String normalised = datedToday
                ? Snapshots.normaliseToday(raw, tmp).replace(dev.tandem.render.html.HtmlPage.stylesheet(), "/* tandem.css */")
                : Snapshots.normalise(raw, tmp);
        Snapshots.assertMatches("cli/" + c.name() + ".txt", normalised);
    }
}
