package dev.tandem.cli.serve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.cli.CliRun;
import org.junit.jupiter.api.Test;

/** The monitoring options of serve are checked before anything starts. */
class ServeMonitoringOptionsTest {

    @Test
    void aMissingFeedsFileIsRefusedBeforeTheServerStarts() {
        CliRun run = CliRun.of("serve", "--port", "0", "--feeds", "/nonexistent/tandem-feeds.yaml");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("--feeds").contains("/nonexistent/tandem-feeds.yaml").contains("not a file");
    }

    @Test
    void aRefreshMoreOftenThanFiveMinutesIsRefused() {
        CliRun run = CliRun.of("serve", "--port", "0", "--feeds", "default", "--refresh-every", "PT1M");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("--refresh-every").contains("PT5M");
    }

    @Test
    void anSmtpPortOutOfRangeIsRefused() {
        CliRun run = CliRun.of("serve", "--port", "0", "--smtp-host", "smtp.example.test", "--smtp-port", "70000");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("--smtp-port");
    }
}
