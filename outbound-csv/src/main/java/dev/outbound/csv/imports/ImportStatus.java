package dev.outbound.csv.imports;

/**
 * Where an {@link ImportJob} is in its life (seed 003's process list): {@code PENDING} until it
 * runs, {@code RUNNING} while it reads, then one of the three ends, which never change again.
 */
public enum ImportStatus {
    /** Made, not yet run. */
    PENDING,
    /** Reading and writing. */
    RUNNING,
    /** Read the whole file; every row is accounted for (and, with replace, the rest deleted). */
    FINISHED,
    /** Stopped because the file could not be read, a result file not written or the store refused a batch. */
    FAILED,
    /** Stopped on request; the rows read until then are written and accounted for. */
    CANCELLED;

    /** @return whether this is an end: finished, failed or cancelled */
    public boolean isTerminal() {
        return this == FINISHED || this == FAILED || this == CANCELLED;
    }
}
