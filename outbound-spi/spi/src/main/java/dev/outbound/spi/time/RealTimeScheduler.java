package dev.outbound.spi.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A {@link Scheduler} in wall-clock time: tasks run on one daemon thread when the clock reaches
 * their instant, in instant order, one at a time. What production wiring uses where a test or the
 * simulator uses {@link VirtualTime}. Close it to stop its thread.
 */
public final class RealTimeScheduler implements Scheduler, AutoCloseable {
    private static final AtomicInteger INSTANCES = new AtomicInteger();

    private final Clock clock;
    private final ScheduledThreadPoolExecutor executor;

    private RealTimeScheduler(Clock clock) {
        this.clock = clock;
        String name = "outbound-scheduler-" + INSTANCES.incrementAndGet();
        this.executor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
        executor.setRemoveOnCancelPolicy(true);
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    /** @return a scheduler on the system clock in UTC */
    public static RealTimeScheduler create() {
        return new RealTimeScheduler(Clock.systemUTC());
    }

    /**
     * @param clock the clock whose instants tasks are given in; it must follow wall-clock time,
     *     since the delay until a task is measured on it once, when the task is scheduled
     * @return a scheduler on that clock
     */
    public static RealTimeScheduler on(Clock clock) {
        return new RealTimeScheduler(Objects.requireNonNull(clock, "clock"));
    }

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public Scheduled schedule(Instant at, Runnable task) {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(task, "task");
        long delay;
        try {
            delay = Math.max(0, Duration.between(clock.instant(), at).toNanos());
        } catch (ArithmeticException centuriesAway) {
            delay = Long.MAX_VALUE;
        }
        ScheduledFuture<?> f = executor.schedule(task, delay, TimeUnit.NANOSECONDS);
        return () -> f.cancel(false);
    }

    /** Stops the scheduler's thread; tasks not yet run are dropped. */
    @Override
    public void close() {
        executor.shutdownNow();
    }
}
