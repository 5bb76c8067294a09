package dev.tandem.server;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import dev.tandem.server.store.DatabaseSettings;
import java.time.Duration;

/**
 * Two server instances over one fresh database, named "one" and "two" as a deployment of several names
 * them: they share the scheduled work (a refresh, a deadline check, a delivery is done by one of them),
 * and a test may restart the second to see that nothing is done again.
 */
public final class InstancePair implements AutoCloseable {

    private final String label;
    private final DatabaseSettings.External database;
    private final MonitorOptions monitor;
    private final TestServer first;
    private TestServer second;
    private int started = 2;

    private InstancePair(String label, DatabaseSettings.External database, MonitorOptions monitor, TestServer first,
            TestServer second) {
        this.label = label;
        this.database = database;
        this.monitor = monitor;
        this.first = first;
        this.second = second;
    }

    /**
     * Monitoring that notifies on a test's time scale: deadlines checked every {@code clocks}, deliveries
     * every {@code deliver}, a failed delivery retried after a second; e-mail to the test's GreenMail and
     * webhooks to loopback allowed. Feeds are refreshed at start only (then every 6 hours) unless asked.
     */
    public static MonitorOptions notifying(GreenMailExtension mail, Duration clocks, Duration deliver) {
        return MonitorOptions.defaults()
                .withIntervals(Duration.ofHours(6), clocks, deliver, Duration.ofSeconds(2))
                .withSmtp(new MonitorOptions.Smtp("127.0.0.1", mail.getSmtp().getPort(), "tandem@example.test", null, null,
                        false))
                .withRetryBackoff(Duration.ofSeconds(1)).withPrivateWebhooks(true);
    }

    /** Both instances, started on a fresh database with {@code monitor}. */
    public static InstancePair start(String label, MonitorOptions monitor) {
        DatabaseSettings.External database = TestDatabase.fresh(label);
        TestServer first = TestServer.start(label, false, monitor.withInstanceName("one"), database);
        try {
            return new InstancePair(label, database, monitor, first,
                    TestServer.start(label + "-2", false, monitor.withInstanceName("two"), database));
        } catch (RuntimeException e) {
            first.close();
            throw e;
        }
    }

    /** The instance that started first: it created the organisation and its admin key. */
    public TestServer first() {
        return first;
    }

    public TestServer second() {
        return second;
    }

    /** Stops the second instance and starts a new one ("three", then "four"...) in its place on the same database. */
    public TestServer restartSecond() {
        second.close();
        started++;
        second = TestServer.start(label + "-" + started, false, monitor.withInstanceName(name(started)), database);
        return second;
    }

    private static String name(int instance) {
        String[] names = {"one", "two", "three", "four", "five"};
        return instance <= names.length ? names[instance - 1] : "instance-" + instance;
    }

    @Override
    public void close() {
        try {
            second.close();
        } finally {
            first.close();
        }
    }
}
