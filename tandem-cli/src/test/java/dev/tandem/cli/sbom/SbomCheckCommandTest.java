package dev.tandem.cli.sbom;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tandem.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SbomCheckCommandTest {

    private static final String EXAMPLE = "../examples/products/smart-camera.cdx.json";

    private static String[] run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new String[] {String.valueOf(code), out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8)};
    }

    @Test
    void belowTheProfileExitsOneAboveExitsZero() throws Exception {
        String[] tr = run("sbom", "check", EXAMPLE);
        assertThat(tr[0]).isEqualTo("1");
        assertThat(tr[1]).contains("BELOW THE PROFILE").contains("component  filename");
        String[] ntia = run("sbom", "check", EXAMPLE, "--profile", "ntia", "--format", "json");
        assertThat(ntia[0]).isEqualTo("0");
        JsonNode report = new ObjectMapper().readTree(ntia[1]);
        assertThat(report.path("passed").asBoolean()).isTrue();
        assertThat(report.path("fields")).hasSize(7);
        assertThat(report.path("violations")).isEmpty();
    }

    @Test
    void badUsageAndBadInputExitTwo() {
        assertThat(run("sbom", "check", EXAMPLE, "--profile", "iso")[0]).isEqualTo("2");
        String[] missing = run("sbom", "check", "nope.json");
        assertThat(missing[0]).isEqualTo("2");
        assertThat(missing[2]).contains("nope.json");
    }
}
