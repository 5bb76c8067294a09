package dev.tandem.cli.options;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.cli.exit.UsageException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * "Now" honours SOURCE_DATE_EPOCH (https://reproducible-builds.org/specs/source-date-epoch/): set, it fixes
 * the generation instant, so the same inputs give the same document byte for byte; malformed, the command
 * stops rather than silently using the clock.
 */
class NowTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2030-05-05T05:05:05Z"), ZoneOffset.UTC);

    @Test
    void theVariableWinsOverTheClockAndAnEmptyOneCountsAsUnset() {
        assertThat(Now.of(Map.of("SOURCE_DATE_EPOCH", "1767225600"), CLOCK)).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(Now.of(Map.of("SOURCE_DATE_EPOCH", " 0\n"), CLOCK)).isEqualTo(Instant.EPOCH);
        assertThat(Now.of(Map.of(), CLOCK)).isEqualTo(CLOCK.instant());
        assertThat(Now.of(Map.of("SOURCE_DATE_EPOCH", ""), CLOCK)).isEqualTo(CLOCK.instant());
    }

    @Test
    void aValueThatIsNotWholeSecondsIsRefused() {
        for (String bad : List.of("-1", "1.5", "2026-01-01", "1e9", "0x10", "9999999999999")) {
            assertThatThrownBy(() -> Now.of(Map.of("SOURCE_DATE_EPOCH", bad), CLOCK)).as(bad)
                    .isInstanceOf(UsageException.class).hasMessageContaining("SOURCE_DATE_EPOCH='" + bad + "'")
                    .hasMessageContaining("is not a whole number of seconds since 1970-01-01T00:00:00Z");
        }
    }

    @Test
    void twoRunsWithTheVariableSetWriteTheSameDocument() throws Exception {
        String[] args = {"declaration", "--product", "../examples/products/smart-camera.yaml", "--format", "html"};
        Process first = tandem(Map.of("SOURCE_DATE_EPOCH", "1767225600"), args);
        Process second = tandem(Map.of("SOURCE_DATE_EPOCH", "1767225600"), args);
        String one = output(first);
        String two = output(second);
        assertThat(first.exitValue()).as(error(first)).isZero();
        assertThat(one).startsWith("<!DOCTYPE html>").contains("2026-01-01T00:00:00Z").contains("drafted on 2026-01-01");
        assertThat(two).isEqualTo(one);
    }

    @Test
    void aMalformedVariableStopsTheCommandWithExitTwo() throws Exception {
        Process run = tandem(Map.of("SOURCE_DATE_EPOCH", "yesterday"), "catalog", "list");
        output(run);
        assertThat(run.exitValue()).isEqualTo(2);
        assertThat(error(run)).startsWith("tandem: SOURCE_DATE_EPOCH='yesterday' is not a whole number of seconds");
    }

    /** The CLI in a JVM of its own, since a test cannot set its own environment. */
    private static Process tandem(Map<String, String> environment, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse(
                Path.of(System.getProperty("java.home"), "bin", "java").toString()), "-cp", System.getProperty("java.class.path"),
                "dev.tandem.cli.Main"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().remove("SOURCE_DATE_EPOCH");
        builder.environment().putAll(environment);
        return builder.start();
    }

    private static String output(Process process) throws Exception {
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return out;
    }

    private static String error(Process process) throws IOException {
        return new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    }
}
