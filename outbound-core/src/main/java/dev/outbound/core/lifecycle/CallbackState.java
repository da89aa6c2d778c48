package dev.outbound.core.lifecycle;

/**
 * Where a record's callback stands at an instant: seed 003's schedule states. Decided by
 * {@link Lifecycle#callbackState}: a done record's callback is {@link #CLOSED}; one whose end has
 * come is {@link #EXPIRED}; otherwise it is {@link #SCHEDULED} before its time, {@link #DUE} from
 * its time until the campaign's {@linkplain DialingRules#callbackDelayedAfter() delay threshold}
 * after it, and {@link #DELAYED} from then on.
 */
public enum CallbackState {
    /**
     * The callback is planned to be processed at a certain time in the future, which time has not
     * come yet (seed 003: "rescheduled and has not passed any thresholds or end date").
     */
    SCHEDULED,
    /**
     * The callback is expected to be processed: it has passed its schedule time, but not the
     * maximum delay of scheduled tasks (seed 003).
     */
    DUE,
    /**
     * The callback is behind its schedule time: it has passed the maximum delay of scheduled
     * tasks but has not been processed yet (seed 003).
     */
    DELAYED,
    /**
     * Delivery was unsuccessful and it cannot be delivered again: it has passed the end date of
     * its rescheduled time (seed 003).
     */
    EXPIRED,
    /**
     * The callback is closed: the record is done, either because the agent closed it in
     * agreement with the customer or because the system closed it (seed 003).
     */
    CLOSED
}
