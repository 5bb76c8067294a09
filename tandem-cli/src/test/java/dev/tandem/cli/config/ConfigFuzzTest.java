package dev.tandem.cli.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.tandem.cli.TandemCommand;
import dev.tandem.input.InputDocument;
import dev.tandem.input.InputException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/**
 * The configuration file ({@code tandem.yaml}) is a reader like the core's (docs/hardening.md): any
 * input gives arguments or an {@link InputException} naming the file, never another throwable, within
 * a memory bound. Regression mode over {@code ConfigFuzzTestInputs/configFile/} in every build;
 * {@code JAZZER_FUZZ=1 mvn -B -o test -pl tandem-cli -Dtest=ConfigFuzzTest} fuzzes it.
 */
class ConfigFuzzTest {

    private static final Pattern SUSPICIOUS = Pattern.compile("\\b(?:java|javax|com|org|sun)\\.[a-z]+(?=\\.)|Exception");

    @FuzzTest(maxDuration = "10m")
    void configFile(byte[] input) {
        CommandLine root = TandemCommand.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        // Both ways a file is applied: in the working directory, and named from elsewhere (paths resolved).
        for (Path folder : new Path[] {null, Path.of("/srv/project")}) {
            try {
                String[] args = ConfigDefaults.apply(root, new String[] {"scan", "--sbom", "bom.json"},
                        new InputDocument("tandem.yaml", input), folder);
                assertThat(args).startsWith("scan", "--sbom", "bom.json");
            } catch (InputException e) {
                assertThat(e.source()).isEqualTo("tandem.yaml");
                assertThat(e.getMessage()).startsWith("tandem.yaml: ");
                Matcher matcher = SUSPICIOUS.matcher(e.getMessage());
                String text = new String(input, StandardCharsets.ISO_8859_1) + new String(input, StandardCharsets.UTF_8);
                while (matcher.find()) {
                    assertThat(text).as("internals named in %s", e.getMessage()).contains(matcher.group());
                }
            }
        }
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertThat(allocated).isLessThan((256L << 20) + 2_000L * input.length);
    }
}
