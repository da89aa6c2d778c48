package dev.outbound.core.record;

/**
 * Where a record is in its life. This is the SDK's one status model; the lifecycle rules (which
 * statuses are dialable, what each call result moves a record to) and the mapping from other
 * products' vocabularies build on it.
 */
public enum RecordStatus {
    /** Loaded and never called (seed 000 "pending", seed 001 "Not assigned", seed 003 "Remaining"). */
    PENDING,
    /** Loaded to its assigned user, about to be called (seed 001 "Ready"). */
    READY,
    /** Not reached; the dialer set the next call (seed 000 "retry", seed 001 "Rescheduled by dialer"). */
    RESCHEDULED_BY_DIALER,
    /** Reached; an agent set a callback (seed 001 "Rescheduled by agent", seed 003 "Callback"). */
    RESCHEDULED_BY_AGENT,
    /** To be called as soon as an agent is free (seed 001 "Call immediately"). */
    CALL_IMMEDIATELY,
    /** In a call now (seed 003 "Processing"). */
    PROCESSING,
    /** Held back until reactivated (seed 003 "Inactive", "Postponed"). */
    INACTIVE,
    /** Finished: never called again (seed 001 "Done", seed 003 "Closed", seed 004 "COMPLETED"). */
    DONE
}
