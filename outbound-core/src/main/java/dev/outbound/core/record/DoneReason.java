package dev.outbound.core.record;

/** Why a record is {@link RecordStatus#DONE}. */
public enum DoneReason {
    /** The customer was reached and the call's objective met, or the agent set no next call (seed 001). */
    OBJECTIVE_REACHED,
    /** Max repeat attempts were made without reaching the customer (seed 001). */
    ATTEMPTS_EXHAUSTED,
    /** The record had no dialable number left, or none at all when it was loaded (seed 001). */
    NO_NUMBER,
    /** Every number of the record is on a Do-Not-Call list. */
    DO_NOT_CALL,
    /** A number or the record's data was found invalid. */
    INVALID,
    /** A callback for one agent only could not be delivered before it expired (seed 003 "Expired"). */
    CALLBACK_EXPIRED,
    /** A user closed the record by hand. */
    CLOSED_BY_USER
}
