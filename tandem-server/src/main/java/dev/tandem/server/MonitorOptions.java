package dev.tandem.server;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How the server watches (docs/monitoring.md).
 *
 * @param feedsFile        the feeds file ({@code tandem-feeds.yaml}) the scheduled refresh reads; null: no
 *                         scheduled refresh (a snapshot is uploaded by hand), {@code default} is not a path
 *                         here: use {@link #publishers()}
 * @param publishers       refresh from the publishers' own locations when no feeds file is given
 * @param refreshEvery     how often the feeds are refreshed
 * @param clockEvery       how often the case clocks are checked for due-soon and overdue stages
 * @param deliverEvery     how often pending notifications are sent
 * @param heartbeat        how often a running task tells the database it is alive; a task silent for four
 *                         heartbeats is taken to be dead (its instance killed) and runs again elsewhere
 * @param instanceName     this instance's name in the scheduler and the refresh log (null: host and port)
 * @param smtp             the SMTP server for e-mail notifications; null: e-mail is not sent
 * @param retryBackoff     the first wait before a failed delivery is tried again (doubling, 8 tries)
 * @param privateWebhooks  allow webhooks to loopback, link-local and private addresses (off: refused, SSRF)
 * @param stale            when the advisory snapshot counts as stale (its age, failed refreshes in a row)
 */
public record MonitorOptions(Path feedsFile, boolean publishers, Duration refreshEvery, Duration clockEvery,
        Duration deliverEvery, Duration heartbeat, String instanceName, Smtp smtp, Duration retryBackoff,
        boolean privateWebhooks, dev.tandem.server.portfolio.AdvisoryFreshness.Limits stale) {

    /** An SMTP server: host, port, sender, optional user and password, STARTTLS required or not. */
    public record Smtp(String host, int port, String from, String user, String password, boolean startTls) {
        public Smtp {
            Objects.requireNonNull(host, "host");
            Objects.requireNonNull(from, "from");
        }

        @Override
        public String toString() {
            return "Smtp[" + host + ":" + port + ", from " + from + "]"; // never the password
        }
    }

    public MonitorOptions {
        Objects.requireNonNull(refreshEvery, "refreshEvery");
        Objects.requireNonNull(clockEvery, "clockEvery");
        Objects.requireNonNull(deliverEvery, "deliverEvery");
        Objects.requireNonNull(heartbeat, "heartbeat");
        Objects.requireNonNull(retryBackoff, "retryBackoff");
        Objects.requireNonNull(stale, "stale");
    }

    /** No feeds refreshed; clocks checked every minute, notifications sent every 10 seconds. */
    public static MonitorOptions defaults() {
        return new MonitorOptions(null, false, Duration.ofHours(1), Duration.ofMinutes(1), Duration.ofSeconds(10),
                Duration.ofSeconds(30), null, null, Duration.ofSeconds(30), false,
                dev.tandem.server.portfolio.AdvisoryFreshness.Limits.DEFAULT);
    }

    public MonitorOptions withFeeds(Path file) {
        return new MonitorOptions(file, publishers, refreshEvery, clockEvery, deliverEvery, heartbeat, instanceName, smtp,
                retryBackoff, privateWebhooks, stale);
    }

    public MonitorOptions withPublishers(boolean on) {
        return new MonitorOptions(feedsFile, on, refreshEvery, clockEvery, deliverEvery, heartbeat, instanceName, smtp,
                retryBackoff, privateWebhooks, stale);
    }

    public MonitorOptions withIntervals(Duration refresh, Duration clocks, Duration deliver, Duration beat) {
        return new MonitorOptions(feedsFile, publishers, refresh, clocks, deliver, beat, instanceName, smtp, retryBackoff, privateWebhooks, stale);
    }

    public MonitorOptions withInstanceName(String name) {
        return new MonitorOptions(feedsFile, publishers, refreshEvery, clockEvery, deliverEvery, heartbeat, name, smtp,
                retryBackoff, privateWebhooks, stale);
    }

    public MonitorOptions withSmtp(Smtp server) {
        return new MonitorOptions(feedsFile, publishers, refreshEvery, clockEvery, deliverEvery, heartbeat, instanceName,
                server, retryBackoff, privateWebhooks, stale);
    }

    public MonitorOptions withRetryBackoff(Duration backoff) {
        return new MonitorOptions(feedsFile, publishers, refreshEvery, clockEvery, deliverEvery, heartbeat, instanceName,
                smtp, backoff, privateWebhooks, stale);
    }

    /** Allows (or refuses, the default) webhooks to loopback, link-local and private addresses. */
    public MonitorOptions withPrivateWebhooks(boolean allow) {
        return new MonitorOptions(feedsFile, publishers, refreshEvery, clockEvery, deliverEvery, heartbeat, instanceName,
                smtp, retryBackoff, allow, stale);
    }

    /** When the advisory snapshot counts as stale. */
    public MonitorOptions withStale(dev.tandem.server.portfolio.AdvisoryFreshness.Limits limits) {
        return new MonitorOptions(feedsFile, publishers, refreshEvery, clockEvery, deliverEvery, heartbeat, instanceName,
                smtp, retryBackoff, privateWebhooks, limits);
    }

    /** Whether feeds are refreshed at all. */
    public boolean refreshes() {
        return feedsFile != null || publishers;
    }
}
