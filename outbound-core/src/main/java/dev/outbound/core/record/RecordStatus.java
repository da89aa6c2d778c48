package dev.outbound.core.record;

/**
 * Where a record is in its life: the SDK's one status model. Every product vocabulary of the
 * seed manuals maps onto it (the table is in {@code docs/statuses.md}); a record that is
 * {@link #DONE} also says why ({@link DoneReason}), and any other status may carry a
 * {@link ReasonCode} (seed 003's major and minor reason codes).
 */
public enum RecordStatus {
    /** Loaded and never called (seed 000 "pending", seed 001 "Not assigned", seed 003 "Remaining"). */
    PENDING(true),
    /** Loaded to its assigned user, about to be called (seed 001 "Ready"). */
    READY(true),
    /** Not reached; the dialer set the next call (seed 000 "retry", seed 001 "Rescheduled by dialer"). */
    RESCHEDULED_BY_DIALER(true),
    /** Reached; an agent set a callback (seed 001 "Rescheduled by agent", seed 003 "Callback"). */
    RESCHEDULED_BY_AGENT(true),
    /** To be called as soon as an agent is free, like a callback for right now (seed 001 "Call immediately"). */
    CALL_IMMEDIATELY(true),
    /** In a call, or answered and waiting for the agent's disposition (seed 003 "Processing"). */
    PROCESSING(false),
    /** Put aside by the system for a reason, until reactivated (seed 003 "Postponed"). */
    POSTPONED(false),
    /** Switched off by a user until reactivated (seed 003 "Inactive"). */
    INACTIVE(false),
    /** Finished, never called again; {@link DoneReason} says why (seed 001 "Done", 003 "Closed", 004 "COMPLETED"). */
    DONE(false);

    private final boolean dialable;

    RecordStatus(boolean dialable) {
        this.dialable = dialable;
    }

    /**
     * Whether records in this status may be dialled when they are due (seed 000: pending or retry;
     * seed 001 adds Ready, Rescheduled by agent and Call immediately).
     *
     * @return {@code true} for the five waiting statuses
     */
    public boolean isDialable() {
        return dialable;
    }
}
