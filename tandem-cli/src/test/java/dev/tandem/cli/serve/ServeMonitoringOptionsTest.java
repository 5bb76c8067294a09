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

    @Test
    void staleLimitsThatCannotBeMetAreRefused() {
        CliRun zero = CliRun.of("serve", "--port", "0", "--stale-after", "PT0S");
        assertThat(zero.exit()).isEqualTo(2);
        assertThat(zero.err()).contains("--stale-after").contains("positive");
        CliRun none = CliRun.of("serve", "--port", "0", "--stale-failures", "0");
        assertThat(none.exit()).isEqualTo(2);
        assertThat(none.err()).contains("--stale-failures").contains("at least 1");
    }

    @Test
    void staleLimitsReachTheServerOptions() {
        ServeCommand command = new ServeCommand();
        new picocli.CommandLine(command).parseArgs("--port", "0", "--stale-after", "PT72H", "--stale-failures", "5");
        assertThat(command.monitor().stale().staleAfter()).isEqualTo(java.time.Duration.ofHours(72));
        assertThat(command.monitor().stale().failedRefreshes()).isEqualTo(5);
        ServeCommand defaults = new ServeCommand();
        new picocli.CommandLine(defaults).parseArgs("--port", "0");
        assertThat(defaults.monitor().stale().staleAfter()).isEqualTo(java.time.Duration.ofHours(48));
        assertThat(defaults.monitor().stale().failedRefreshes()).isEqualTo(3);
    }
}
