package dev.tandem.server.feeds;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import dev.tandem.server.MonitorOptions;
import dev.tandem.server.incident.IncidentBook;
import dev.tandem.server.monitor.CaseBook;
import dev.tandem.server.notify.Deliverer;
import dev.tandem.server.store.Database;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's scheduled work on db-scheduler, whose table in the server's PostgreSQL says which
 * instance runs which execution: the feed refresh (on a schedule, and on demand as a one-time
 * execution that exists at most once), the clock watch of cases and incidents, and the delivery of notifications.
 * Several instances on one database each run a scheduler; each execution runs on one of them. An
 * execution whose instance dies (kill -9) stops sending heartbeats and is run again by a live one.
 */
public final class Scheduling implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Scheduling.class);

    private final Scheduler scheduler;
    private final OneTimeTask<Void> refreshNow;
    private final FeedRefresh refresh;
    private final Clock clock;
    private final java.util.concurrent.atomic.AtomicBoolean stopped = new java.util.concurrent.atomic.AtomicBoolean();

    private Scheduling(Scheduler scheduler, OneTimeTask<Void> refreshNow, FeedRefresh refresh, Clock clock) {
        this.scheduler = scheduler;
        this.refreshNow = refreshNow;
        this.refresh = refresh;
        this.clock = clock;
    }

    public static Scheduling start(Database database, Clock clock, MonitorOptions options, FeedRefresh refresh,
            CaseBook cases, IncidentBook incidents, Deliverer deliverer, String instance) {
        OneTimeTask<Void> now = Tasks.oneTime("feed-refresh-now").execute((taskInstance, context) -> refresh.run("on demand"));
        List<RecurringTask<?>> recurring = new ArrayList<>();
        if (refresh.configured()) {
            recurring.add(Tasks.recurring("feed-refresh", FixedDelay.of(options.refreshEvery()))
                    .execute((taskInstance, context) -> refresh.run("schedule")));
        }
        // One task (its name kept from when only cases had clocks) watches the clocks of cases and incidents.
        recurring.add(Tasks.recurring("case-clocks", FixedDelay.of(options.clockEvery()))
                .execute((taskInstance, context) -> {
                    cases.watchClocks();
                    incidents.watchClocks();
                }));
        recurring.add(Tasks.recurring("deliveries", FixedDelay.of(options.deliverEvery()))
                .execute((taskInstance, context) -> deliverer.deliverDue()));
        Duration polling = options.deliverEvery().compareTo(Duration.ofSeconds(10)) < 0 ? options.deliverEvery()
                : Duration.ofSeconds(10);
        Scheduler scheduler = Scheduler.create(database.dataSource(), now)
                .startTasks(recurring)
                .schedulerName(new SchedulerName.Fixed(instance))
                .pollingInterval(polling)
                .heartbeatInterval(options.heartbeat())
                .missedHeartbeatsLimit(4)
                .threads(3)
                .enableImmediateExecution()
                .shutdownMaxWait(Duration.ofSeconds(5))
                .build();
        scheduler.start();
        LOG.info("scheduler '{}' started: feed refresh {}, case and incident clocks every {}, deliveries every {}", instance,
                refresh.configured() ? "every " + options.refreshEvery() : "off (no feeds configured)",
                options.clockEvery(), options.deliverEvery());
        return new Scheduling(scheduler, now, refresh, clock);
    }

    /** Queues a refresh now; false when one is queued or running already (it is not doubled). */
    public boolean refreshNow() {
        if (!refresh.configured()) {
            throw new dev.tandem.server.store.Refusal(dev.tandem.server.store.Refusal.Kind.CONFLICT,
                    "no feeds are configured on this server (serve --feeds FILE, or --feeds default)");
        }
        return scheduler.scheduleIfNotExists(refreshNow.instance("now"), clock.instant());
    }

    public boolean refreshConfigured() {
        return refresh.configured();
    }

    /** Whether an execution (a refresh, a clock watch, a delivery) is running on this instance now. */
    public boolean busy() {
        return !scheduler.getCurrentlyExecuting().isEmpty();
    }

    /** Stops the scheduler, once (it waits up to 5 seconds for what runs); a second call does nothing. */
    @Override
    public void close() {
        if (stopped.compareAndSet(false, true)) {
            scheduler.stop();
        }
    }
}
