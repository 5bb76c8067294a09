package dev.tandem.server;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * A server's clock (UTC) that the test moves: stopped at an instant and set or stepped by the test, or
 * running with the real time and stepped over a lockout or a trust window instead of waiting it out.
 */
public final class TestClock extends Clock {

    private final Supplier<Instant> base;
    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

    private TestClock(Supplier<Instant> base) {
        this.base = base;
    }

    /** A clock stopped at {@code start}: it moves only when the test sets or steps it. */
    public static TestClock stoppedAt(Instant start) {
        return new TestClock(() -> start);
    }

    /** A clock that runs with the real time, ahead by whatever the test stepped. */
    public static TestClock running() {
        return new TestClock(Instant::now);
    }

    /** Moves the clock forward by {@code by}. */
    public TestClock step(Duration by) {
        offset.updateAndGet(d -> d.plus(by));
        return this;
    }

    /** Sets a stopped clock to {@code at} (a running one to {@code at} now, then on from there). */
    public TestClock set(Instant at) {
        offset.set(Duration.between(base.get(), at));
        return this;
    }

    @Override
    public Instant instant() {
        return base.get().plus(offset.get());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
