package dev.outbound.csv.process;

/**
 * Told of every change of a list process, on the thread that made it (the scheduler's thread for
 * a running process, the caller's for scheduling and cancelling). It should return quickly.
 */
@FunctionalInterface
public interface ProcessListener {
    /**
     * A process was scheduled, started, moved on, or ended.
     *
     * @param snapshot the process as it is now, as just saved in the {@link ProcessStore}
     */
    void changed(ProcessSnapshot snapshot);
}
