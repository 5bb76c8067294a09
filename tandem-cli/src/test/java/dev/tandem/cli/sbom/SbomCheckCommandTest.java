package dev.tandem.cli.sbom;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tandem.cli.CliRun;
import org.junit.jupiter.api.Test;

class SbomCheckCommandTest {

    private static final String EXAMPLE = "../examples/products/smart-camera.cdx.json";


    @Test
    void belowTheProfileExitsOneAboveExitsZero() throws Exception {
        CliRun tr = CliRun.of("sbom", "check", EXAMPLE);
        assertThat(tr.exitCode()).isEqualTo(1);
        assertThat(tr.out()).contains("BELOW THE PROFILE").contains("component  filename");
        CliRun ntia = CliRun.of("sbom", "check", EXAMPLE, "--profile", "ntia", "--format", "json");
        assertThat(ntia.exitCode()).isZero();
        JsonNode report = new ObjectMapper().readTree(ntia.out());
        assertThat(report.path("passed").asBoolean()).isTrue();
        assertThat(report.path("fields")).hasSize(7);
        assertThat(report.path("violations")).isEmpty();
    }

    @Test
    void badUsageAndBadInputExitTwo() {
        assertThat(CliRun.of("sbom", "check", EXAMPLE, "--profile", "iso").exitCode()).isEqualTo(2);
        CliRun missing = CliRun.of("sbom", "check", "nope.json");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("nope.json");
    }
}
