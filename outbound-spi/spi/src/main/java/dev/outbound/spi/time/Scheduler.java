package dev.outbound.spi.time;

import java.time.Clock;
import java.time.Instant;

/**
 * A clock and a way to run tasks at instants of it: what the simulated telephony, and the dialer
 * engine, take instead of sleeping threads, so that the same code runs in real and in virtual
 * time ({@link VirtualTime}).
 */
public interface Scheduler {
    /** @return the clock whose instants tasks are scheduled in */
    Clock clock();

    /**
     * Runs a task once the clock reaches an instant; a task for an instant already past runs as
     * soon as it can. Tasks for the same instant run in the order they were scheduled.
     *
     * @param at when to run it
     * @param task the task
     * @return a handle to cancel it
     */
    Scheduled schedule(Instant at, Runnable task);

    /** A task waiting to run. */
    interface Scheduled {
        /**
         * Stops the task from running.
         *
         * @return whether it was stopped; false when it had already run or been cancelled
         */
        boolean cancel();
    }
}
