package dev.tandem.cli.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tandem.cli.CliRun;
import dev.tandem.cli.exit.ExitCode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Default options from tandem.yaml (or --config FILE): the command line wins; every mistake is named. */
class ConfigDefaultsTest {

    private static final Path EXAMPLES = Path.of("../examples").toAbsolutePath().normalize();
    private static final String CAMERA = EXAMPLES.resolve("sboms/sc200-camera-firmware-2.4.1.cdx.json").toString();

    @TempDir
    Path dir;

    private Path config(String yaml) throws IOException {
        return Files.writeString(dir.resolve("tandem.yaml"), yaml);
    }

    @Test
    void theConfiguredOptionsAreUsedAndTheCommandLineWins() throws Exception {
        Path config = config("""
                scan:
                  advisories: [%s]
                  kev: [%s, %s]
                  format: json
                  fail-on: [kev, "epss:0.9"]
                db:
                  update:
                    retries: 1
                """.formatted(EXAMPLES.resolve("advisories"), EXAMPLES.resolve("kev/cisa-known-exploited-vulnerabilities.json"),
                EXAMPLES.resolve("kev/eu-kev.json")));
        CliRun run = CliRun.of("scan", "--sbom", CAMERA, "--config", config.toString());
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.FINDINGS);
        assertThat(run.json().get("summary").get("knownExploited").asInt()).isEqualTo(1);

        CliRun table = CliRun.of("--config", config.toString(), "scan", "--sbom", CAMERA, "--format", "table", "--fail-on", "any");
        assertThat(table.out()).startsWith("Tandem scan:");
        assertThat(table.exitCode()).isEqualTo(ExitCode.FINDINGS);

        // --fail-on given on the command line replaces the configured list, it is not added to it.
        CliRun none = CliRun.of("scan", "--sbom", EXAMPLES.resolve("sboms/proton-bridge-v1.8.0.cdx.json").toString(),
                "--config", config.toString(), "--fail-on", "kev");
        assertThat(none.exitCode()).as(none.err()).isZero();
    }

    @Test
    void relativePathsAreRelativeToTheConfigurationFile() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("project/osv"));
        Files.copy(EXAMPLES.resolve("advisories/crates.io/RUSTSEC-2023-0061.json"), folder.resolve("RUSTSEC-2023-0061.json"));
        Path config = Files.writeString(dir.resolve("project/tandem.yaml"), "scan:\n  advisories: osv\n  format: json\n");
        CliRun run = CliRun.of("scan", "--sbom", CAMERA, "--config", config.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.json().get("summary").get("advisories").get("sources").get(0).asText())
                .isEqualTo(folder.toString());
    }

    @Test
    void unknownCommandsAndOptionsAreErrorsAtTheirLine() throws Exception {
        assertThat(refused("scan:\n  fail_on: kev\n")).isEqualTo("tandem: tandem.yaml: line 2, column 3: unknown key 'fail_on': "
                + "'tandem scan' has no such option (did you mean 'fail-on'?)");
        assertThat(refused("scna:\n  format: json\n")).contains("line 1, column 1: unknown key 'scna': 'tandem' has no such "
                + "command or option (did you mean 'scan'?)");
        assertThat(refused("db:\n  updte:\n    retries: 1\n")).contains("line 2").contains("(did you mean 'update'?)");
        assertThat(refused("scan:\n  lenient: yes please\n")).contains("line 2").contains("'lenient' is a switch: true or false");
        assertThat(refused("scan:\n  format: [json, sarif]\n")).contains("'format' takes one value, found a list");
        assertThat(refused("scan:\n  kev:\n  format: json\n")).contains("line 2").contains("'kev' needs a value, found nothing");
        assertThat(refused("scan:\n  kev:\n")).contains("line 2").contains("it looks cut off"); // the hardening's cut-off rule
        assertThat(refused("scan:\n  db: \"a\\0b\"\n")).contains("line 2").contains("'db' is a path, but \"a\\0b\" cannot name a file");
        assertThat(refused("scan: json\n")).contains("'scan' is a command: give its options as a mapping");
        assertThat(refused("scan:\n  help: true\n")).contains("unknown key 'help'");
        assertThat(refused("scan:\n  format: json\n  format: sarif\n")).contains("given twice");
        assertThat(refused("- scan\n")).contains("a configuration file is a mapping");
    }

    private String refused(String yaml) throws IOException {
        config(yaml);
        CliRun run = CliRun.of("scan", "--sbom", CAMERA, "--advisories", EXAMPLES.resolve("advisories").toString(),
                "--config", dir.resolve("tandem.yaml").toString());
        assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.out()).isEmpty();
        return run.err().strip().replace(dir.resolve("tandem.yaml").toString(), "tandem.yaml");
    }

    /** The examples the documentation shows are files Tandem accepts. */
    @Test
    void theDocumentedExamplesAreValid() throws Exception {
        Path config = Files.writeString(dir.resolve("documented.yaml"), yamlBlock(Path.of("../docs/formats/config.md")));
        picocli.CommandLine root = dev.tandem.cli.TandemCommand.commandLine(new java.io.PrintWriter(new java.io.StringWriter()),
                new java.io.PrintWriter(new java.io.StringWriter()));
        String[] args = ConfigDefaults.apply(root, new String[] {"scan", "--sbom", "bom.json", "--config", config.toString()}, dir);
        assertThat(List.of(args)).contains("--db", "--fail-on", "kev", "epss:0.5", "--output", "--ignore");
        // Parsed only: nothing in the tests reaches the internet.
        dev.tandem.feed.FeedsConfig feeds = dev.tandem.feed.FeedsFile.read(dev.tandem.input.InputDocument.of("feeds.yaml",
                yamlBlock(Path.of("../docs/formats/feeds.md"))), dir);
        assertThat(feeds.osv().ecosystems()).contains("Go", "npm");
        assertThat(feeds.epss().source()).isEqualTo(new dev.tandem.feed.FeedSource.Local(dir.resolve("mirror/epss_scores-current.csv.gz")));
    }

    private static String yamlBlock(Path markdown) throws IOException {
        String text = Files.readString(markdown);
        int start = text.indexOf("```yaml\n") + "```yaml\n".length();
        return text.substring(start, text.indexOf("```", start));
    }

    @Test
    void aNamedConfigurationThatIsMissingIsAnError() {
        CliRun run = CliRun.of("--config", dir.resolve("nope.yaml").toString(), "versions", "compare", "--ecosystem", "PyPI", "1", "2");
        assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err()).contains("nope.yaml").contains("file not found");
    }

    @Test
    void theInvocationSkipsOptionParametersByTheirArity() {
        picocli.CommandLine root = dev.tandem.cli.TandemCommand.commandLine(new java.io.PrintWriter(new java.io.StringWriter()),
                new java.io.PrintWriter(new java.io.StringWriter()));
        ConfigDefaults.Invocation invocation = ConfigDefaults.Invocation.of(root,
                new String[] {"scan", "--sbom", "a.json", "scan", "--format=json", "-ox.json", "--", "--kev"});
        assertThat(invocation.path()).containsExactly("scan");
        assertThat(invocation.given()).extracting(picocli.CommandLine.Model.OptionSpec::longestName)
                .containsExactlyInAnyOrder("--sbom", "--format", "--output");
        assertThat(invocation.end()).isEqualTo(6);
        assertThat(ConfigDefaults.configOption(new String[] {"scan", "--config=x.yaml"})).isEqualTo(Path.of("x.yaml"));
        assertThat(ConfigDefaults.configOption(new String[] {"--", "--config", "x.yaml"})).isNull();
    }

    /** The working directory's tandem.yaml and .tandem-ignore.yaml: a real process started in a folder holding them. */
    @Test
    void theWorkingDirectorysFilesAreReadByDefault() throws Exception {
        config("""
                scan:
                  advisories: [%s]
                  kev: [%s]
                  format: json
                """.formatted(EXAMPLES.resolve("advisories"), EXAMPLES.resolve("kev/cisa-known-exploited-vulnerabilities.json")));
        Files.writeString(dir.resolve(".tandem-ignore.yaml"), """
                ignore:
                  - id: CVE-2023-4863
                    purl: pkg:cargo/libwebp-sys
                    reason: WebP images are never decoded from untrusted sources on the camera.
                    expires: 2099-12-31
                """);
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), "-cp",
                System.getProperty("java.class.path"), "dev.tandem.cli.Main", "scan", "--sbom", CAMERA, "--fail-on", "kev"));
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(false).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(err).isZero(); // the only known-exploited finding is suppressed
        JsonNode report = new ObjectMapper().readTree(out);
        assertThat(report.get("summary").get("suppressed").asInt()).isEqualTo(1);
        JsonNode webp = null;
        for (JsonNode finding : report.get("findings")) {
            if (finding.get("id").asText().equals("CVE-2023-4863")) {
                webp = finding;
            }
        }
        assertThat(webp.get("suppressed").asBoolean()).isTrue();
        assertThat(webp.get("analysis").get(0).get("source").asText()).isEqualTo(".tandem-ignore.yaml:2");
        assertThat(webp.get("analysis").get(0).get("reason").asText()).startsWith("WebP images");

        // --no-ignore shows it again; a named --ignore file replaces the default one.
        command.add("--no-ignore");
        Process again = new ProcessBuilder(command).directory(dir.toFile()).start();
        again.getInputStream().readAllBytes();
        again.getErrorStream().readAllBytes();
        assertThat(again.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(again.exitValue()).isEqualTo(ExitCode.FINDINGS);
    }
}
