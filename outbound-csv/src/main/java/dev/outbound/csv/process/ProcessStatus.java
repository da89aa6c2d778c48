package dev.outbound.csv.process;

/**
 * Where a list process is in its life: {@code PENDING} until its time, {@code RUNNING}, then one
 * of the three ends, which never change again. A process cancelled while pending never runs.
 */
public enum ProcessStatus {
    /** Scheduled, its time not yet come. */
    PENDING,
    /** Running. */
    RUNNING,
    /** Did all its work. */
    FINISHED,
    /** Stopped by an error, which its details give. */
    FAILED,
    /** Cancelled: before it ran (it never runs), or while running (it stopped between batches). */
    CANCELLED;

    /** @return whether this is an end: finished, failed or cancelled */
    public boolean isTerminal() {
        return this == FINISHED || this == FAILED || this == CANCELLED;
    }
}
