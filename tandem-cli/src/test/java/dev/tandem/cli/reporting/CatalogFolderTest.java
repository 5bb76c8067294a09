package dev.tandem.cli.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.catalog.CatalogFingerprint;
import dev.tandem.catalog.CatalogSource;
import dev.tandem.cli.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --catalog DIR} on the reporting commands: a reviewer's copy of the catalog with one edit
 * changes the deadlines and the printed fingerprint; a broken or missing folder is bad input.
 */
class CatalogFolderTest {

    private static final String CRA = "reporting/frameworks/eu-cra-vulnerability.yaml";
    private static final String NOTIFICATION_PERIOD = "    name: \"Vulnerability notification\"\n    clockStart: { event: awareAt }\n    period: { hours: 72 }\n";

    @TempDir
    Path dir;
    private Path catalog;

    @BeforeEach
    void copyTheBundledCatalog() throws IOException {
        catalog = dir.resolve("reviewed-catalog");
        Path bundled = Path.of("../catalog");
        try (Stream<Path> files = Files.walk(bundled)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path target = catalog.resolve(bundled.relativize(file).toString());
                Files.createDirectories(target.getParent());
                Files.copy(file, target);
            }
        }
    }

    /** The reviewed edit: the CRA notification within 48 hours instead of 72. */
    private void shortenTheCraNotification() throws IOException {
        Path file = catalog.resolve(CRA);
        String text = Files.readString(file);
        assertThat(text).contains(NOTIFICATION_PERIOD);
        Files.writeString(file, text.replace(NOTIFICATION_PERIOD, NOTIFICATION_PERIOD.replace("72", "48")));
    }

    private static JsonNode notification(JsonNode obligations) {
        for (JsonNode o : obligations) {
            if (o.get("stage").asText().equals("notification")) {
                return o;
            }
        }
        throw new AssertionError("no notification in " + obligations);
    }

    @Test
    void anUnchangedCopyGivesTheSameAnswerUnderTheSameHashFromItsFolder() throws Exception {
        CliRun bundled = CliRun.of("obligations", "--incident", ObligationsCommandTest.ROUTER, "--at", "2026-11-21T12:00:00Z", "--format", "json");
        CliRun copy = CliRun.of("obligations", "--incident", ObligationsCommandTest.ROUTER, "--at", "2026-11-21T12:00:00Z", "--format", "json",
                "--catalog", catalog.toString());
        assertThat(copy.exit()).as(copy.err()).isZero();
        assertThat(copy.json().get("obligations")).isEqualTo(bundled.json().get("obligations"));
        assertThat(copy.json().get("catalog").get("sha256")).isEqualTo(bundled.json().get("catalog").get("sha256"));
        assertThat(copy.json().get("catalog").get("origin").asText()).isEqualTo(catalog.toAbsolutePath().toString());
        assertThat(bundled.json().get("catalog").get("origin").asText()).isEqualTo("bundled");
    }

    @Test
    void aReviewedEditChangesTheDeadlineAndTheFingerprint() throws Exception {
        shortenTheCraNotification();
        CatalogFingerprint edited = CatalogFingerprint.of(CatalogSource.directory(catalog));
        CatalogFingerprint bundled = CatalogFingerprint.of(CatalogSource.bundled());
        assertThat(edited.sha256()).isNotEqualTo(bundled.sha256());

        CliRun json = CliRun.of("obligations", "--incident", ObligationsCommandTest.ROUTER, "--at", "2026-11-21T12:00:00Z",
                "--format", "json", "--catalog", catalog.toString());
        assertThat(json.exit()).as(json.err()).isZero();
        assertThat(notification(json.json().get("obligations")).get("due").asText()).isEqualTo("2026-11-22T22:30:00Z");
        assertThat(json.json().get("catalog").get("sha256").asText()).isEqualTo(edited.sha256());
        assertThat(json.json().get("catalog").get("version").asText()).isEqualTo(bundled.version());

        CliRun table = CliRun.of("obligations", "--incident", ObligationsCommandTest.ROUTER, "--at", "2026-11-21T12:00:00Z",
                "--catalog", catalog.toString());
        assertThat(table.out()).contains("pending    2026-11-22T22:30:00Z")
                .endsWith("Catalog: " + edited.label() + "\n").contains(catalog.toAbsolutePath().toString());

        // At an instant between the two deadlines the edit decides the exit code.
        String between = "2026-11-23T00:00:00Z";
        assertThat(CliRun.of("obligations", "--incident", ObligationsCommandTest.ROUTER, "--at", between).exit()).isZero();
        assertThat(CliRun.of("obligations", "--incident", ObligationsCommandTest.ROUTER, "--at", between, "--catalog", catalog.toString())
                .exit()).isEqualTo(1);
    }

    @Test
    void everyReportingCommandReadsTheFolder() throws Exception {
        shortenTheCraNotification();
        String label = CatalogFingerprint.of(CatalogSource.directory(catalog)).label();
        CliRun report = CliRun.of("report", "--incident", ObligationsCommandTest.ROUTER, "--framework", "eu-cra-vulnerability",
                "--stage", "notification", "--at", "2026-11-21T12:00:00Z", "--catalog", catalog.toString());
        assertThat(report.out()).contains("- Due: 2026-11-22T22:30:00Z").endsWith("_Catalog: " + label.replace("_", "\\_") + "_\n");
        CliRun show = CliRun.of("frameworks", "show", "eu-cra-vulnerability", "--format", "json", "--catalog", catalog.toString());
        assertThat(show.json().get("stageDetails").get(1).get("period").asText()).isEqualTo("PT48H");
        CliRun list = CliRun.of("frameworks", "list", "--on", "2026-12-01", "--catalog", catalog.toString());
        assertThat(list.out()).endsWith("Catalog: " + label + "\n");
        CliRun compare = CliRun.of("frameworks", "compare", "--format", "html", "--catalog", catalog.toString());
        assertThat(compare.out()).contains("<code>eu-cra-vulnerability / notification</code></td><td>48 elapsed hours")
                .contains("from catalog " + dev.tandem.render.markup.Html.escape(label) + ".");
        // The scenario's notification went in after 48 hours: late under the edited catalog.
        CliRun exercise = CliRun.of("exercise", "../examples/scenarios/router-exploited-vulnerability.yaml", "--format", "json",
                "--catalog", catalog.toString());
        assertThat(exercise.exit()).as(exercise.err()).isZero();
        assertThat(notification(exercise.json().get("obligations")).get("late").asBoolean()).isTrue();
        assertThat(exercise.json().get("catalog").get("origin").asText()).isEqualTo(catalog.toAbsolutePath().toString());
    }

    @Test
    void aYamlErrorInTheFolderIsBadInputNamingTheFileAndLine() throws Exception {
        Path file = catalog.resolve(CRA);
        String broken = Files.readString(file).replace(NOTIFICATION_PERIOD, NOTIFICATION_PERIOD.replace("72 }", "72 }}"));
        Files.writeString(file, broken);
        long line = broken.substring(0, broken.indexOf("72 }}")).lines().count();
        for (String[] args : new String[][] {
                {"obligations", "--incident", ObligationsCommandTest.ROUTER, "--at", "2026-11-21T12:00:00Z"},
                {"report", "--incident", ObligationsCommandTest.ROUTER, "--framework", "eu-cra-vulnerability", "--stage", "notification"},
                {"frameworks", "list"}, {"frameworks", "show", "eu-nis2"}, {"frameworks", "compare"},
                {"exercise", "../examples/scenarios/router-exploited-vulnerability.yaml"}}) {
            String[] withCatalog = Stream.concat(Stream.of(args), Stream.of("--catalog", catalog.toString())).toArray(String[]::new);
            CliRun run = CliRun.of(withCatalog);
            assertThat(run.exit()).as(String.join(" ", args) + ": " + run.err()).isEqualTo(2);
            assertThat(run.out()).isEmpty();
            assertThat(run.err()).contains(catalog.resolve(CRA).toAbsolutePath().toString() + ": line " + line + ", column 26: malformed YAML")
                    .doesNotContain("Exception").doesNotContain("\tat ");
        }
    }

    @Test
    void anUnknownKeyAMissingFolderOrAFolderWithoutCatalogYamlIsBadInput() throws Exception {
        Path file = catalog.resolve(CRA);
        Files.writeString(file, Files.readString(file).replace("    period: { hours: 72 }\n", "    period: { hours: 72 }\n    deadline: soon\n"));
        CliRun unknown = CliRun.of("obligations", "--incident", ObligationsCommandTest.ROUTER, "--catalog", catalog.toString());
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).contains(CRA.substring(CRA.lastIndexOf('/') + 1)).contains("deadline").containsPattern("line \\d+");

        CliRun missing = CliRun.of("frameworks", "list", "--catalog", dir.resolve("nowhere").toString());
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("nowhere").contains("no such catalog folder");

        Files.delete(catalog.resolve("catalog.yaml"));
        CliRun bare = CliRun.of("exercise", "../examples/scenarios/router-exploited-vulnerability.yaml", "--catalog", catalog.toString());
        assertThat(bare.exit()).isEqualTo(2);
        assertThat(bare.err()).contains("holds no catalog.yaml");
    }
}
