package dev.tandem.cli.vex;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.cli.CliRun;
import dev.tandem.render.vex.BsiCsafValidator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tandem user-notice}: the CRA Art. 14(8) notice as CSAF (valid, BSI-checked) and as HTML, quoting the catalog. */
class UserNoticeCommandTest {

    @TempDir
    Path tmp;

    static CliRun notice(String... extra) {
        List<String> args = new ArrayList<>(List.of("user-notice", "--sbom", AdvisoryCommandTest.CAMERA, AdvisoryCommandTest.PROTON,
                "--advisories", AdvisoryCommandTest.ADVISORIES, "--kev", AdvisoryCommandTest.CISA, AdvisoryCommandTest.EU,
                "--decisions", AdvisoryCommandTest.DECISIONS, "--date", "2026-11-06T10:00:00Z"));
        args.addAll(List.of(extra));
        return CliRun.of(args.toArray(String[]::new));
    }

    @Test
    void theCsafNoticeNamesOnlyTheActivelyExploitedVulnerabilityAndQuotesTheLaw() throws Exception {
        CliRun run = notice("--product", "../examples/products/smart-camera.yaml");
        assertThat(run.exitCode()).as(run.err()).isZero();
        OfficialSchemas.assertValid(OfficialSchemas.CSAF, run.out());
        Path file = tmp.resolve("notice.json");
        Files.writeString(file, run.out());
        BsiCsafValidator.assertValid(List.of(file));
        JsonNode csaf = run.json();
        assertThat(csaf.get("document").get("category").asText()).isEqualTo("csaf_security_advisory");
        assertThat(csaf.get("vulnerabilities")).hasSize(1);
        assertThat(csaf.get("vulnerabilities").get(0).get("cve").asText()).isEqualTo("CVE-2023-4863");
        assertThat(csaf.get("document").get("notes").findValuesAsText("title")).contains("Inform the impacted users (CRA Art 14(8))");
        assertThat(csaf.get("document").get("notes").toString()).contains("Source: CRA Art 14(8)").contains("Catalog: ");
    }

    @Test
    void theHtmlNoticeSaysWhatUsersMustDo() {
        CliRun run = notice("--format", "html");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("<!DOCTYPE html>").contains("CVE-2023-4863")
                .contains("What you must do").contains("disable thumbnails in Settings &gt; Recording")
                .contains("Source: <a href=\"https://eur-lex.europa.eu/").contains(">CRA Art 14(8)</a>")
                .contains("Notice to users (CRA Art. 14(8))").contains("Where this document comes from")
                .doesNotContain("CVE-2024-32650");
    }

    @Test
    void withoutAnyActivelyExploitedVulnerabilityItSaysSo() {
        CliRun run = CliRun.of("user-notice", "--sbom", AdvisoryCommandTest.PROTON, "--advisories", AdvisoryCommandTest.ADVISORIES,
                "--kev", AdvisoryCommandTest.CISA, "--decisions", AdvisoryCommandTest.DECISIONS, "--format", "html");
        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).contains("no actively exploited vulnerability affects these products");
        assertThat(run.out()).contains("No actively exploited vulnerability affects these products.");
    }
}
