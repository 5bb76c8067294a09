package dev.tandem.cli.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.cli.CliRun;
import dev.tandem.cli.PublishedSchemas;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tandem audit verify --file}: exports checked, anchors held or broken, malformed files refused. */
class AuditVerifyCommandTest {

    private static final String EXPORT = "src/test/resources/audit/audit-default.json";
    private static final String HEAD = "7aa13972ce155fce48ab4ab140c3e9046a1c14c4e30bd6a0108c9df406ec6943";

    @Test
    void anIntactExportPassesAndItsJsonMatchesTheSchema() {
        CliRun run = CliRun.of("audit", "verify", "--file", EXPORT, "--format", "json");
        assertThat(run.exitCode()).isZero();
        PublishedSchemas.assertValid("audit-verify.schema.json", run.out());
        assertThat(run.json().get("chains").get(0).get("headHash").asText()).isEqualTo(HEAD);
    }

    @Test
    void anExportMayBeGivenAsAPositionalFileAsWellAsWithFile() {
        CliRun positional = CliRun.of("audit", "verify", EXPORT, "--format", "json");
        assertThat(positional.exitCode()).isZero();
        assertThat(positional.json().get("chains").get(0).get("headHash").asText()).isEqualTo(HEAD);
        CliRun both = CliRun.of("audit", "verify", "src/test/resources/audit/audit-tampered.json", "--file", EXPORT);
        assertThat(both.exitCode()).isEqualTo(1);
        assertThat(both.out()).contains("2 audit chains checked");
        CliRun mixed = CliRun.of("audit", "verify", EXPORT, "--data", "target/no-such-data");
        assertThat(mixed.exitCode()).isEqualTo(2);
        assertThat(mixed.err()).contains("not both");
    }

    @Test
    void aTamperedExportFailsAtTheChangedEntry() {
        CliRun run = CliRun.of("audit", "verify", "--file", "src/test/resources/audit/audit-tampered.json", "--format",
                "json");
        assertThat(run.exitCode()).isEqualTo(1);
        PublishedSchemas.assertValid("audit-verify.schema.json", run.out());
        assertThat(run.json().get("chains").get(0).get("break").get("seq").asInt()).isEqualTo(2);
    }

    @Test
    void anchorsCatchARewrittenOrShortenedLog() {
        assertThat(CliRun.of("audit", "verify", "--file", EXPORT, "--anchor", "4:" + HEAD).exitCode()).isZero();
        assertThat(CliRun.of("audit", "verify", "--file", EXPORT, "--anchor", "default/4:" + HEAD).exitCode()).isZero();
        CliRun rewritten = CliRun.of("audit", "verify", "--file", EXPORT, "--anchor", "4:" + "a".repeat(64));
        assertThat(rewritten.exitCode()).isEqualTo(1);
        assertThat(rewritten.out()).contains("BROKEN at entry 4").contains("rewritten");
        CliRun shortened = CliRun.of("audit", "verify", "--file", EXPORT, "--anchor", "9:" + HEAD);
        assertThat(shortened.exitCode()).isEqualTo(1);
        assertThat(shortened.out()).contains("the log ends at entry 4");
        CliRun otherOrganisation = CliRun.of("audit", "verify", "--file", EXPORT, "--anchor", "acme/1:" + HEAD);
        assertThat(otherOrganisation.exitCode()).isEqualTo(1);
        assertThat(otherOrganisation.out()).contains("acme: BROKEN");
        assertThat(CliRun.of("audit", "verify", "--file", EXPORT, "--anchor", "4:nothex").exitCode()).isEqualTo(2);
    }

    @Test
    void aMalformedExportIsRefusedWithItsPosition(@TempDir Path temp) throws Exception {
        Path broken = temp.resolve("broken.json");
        Files.writeString(broken, "{\"formatVersion\": 1, \"organisation\": \"x\", \"entries\": [{\"seq\": \"one\"}]}");
        CliRun run = CliRun.of("audit", "verify", "--file", broken.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("broken.json").contains("/entries/0/seq");
        Path truncated = temp.resolve("truncated.json");
        Files.writeString(truncated, "{\"formatVersion\": 1, \"organisation\": \"x\", \"entries\": [");
        CliRun cut = CliRun.of("audit", "verify", "--file", truncated.toString());
        assertThat(cut.exitCode()).isEqualTo(2);
        assertThat(cut.err()).contains("truncated.json").contains("line 1");
        assertThat(CliRun.of("audit", "verify", "--file", temp.resolve("missing.json").toString()).exitCode()).isEqualTo(2);
    }
}
