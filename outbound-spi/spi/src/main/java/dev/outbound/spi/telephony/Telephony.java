package dev.outbound.spi.telephony;

import dev.outbound.spi.directory.Agent;

/**
 * Places calls and reports what happens to them: the host's PBX, SIP trunk or a simulator.
 * Implementations are thread-safe; {@code outbound-spi-testkit}'s {@code TelephonyContract}
 * checks the rules stated here.
 *
 * <p>{@link #place} returns at once; the call's {@link CallEvent}s then reach the listener given
 * for it, in the order {@link CallEvent} describes, ending with exactly one terminal event. The
 * actions ({@link #cancel}, {@link #hangUp}, {@link #connect}) are requests: their effect arrives
 * as events too. An action on a call that has ended, or that does not apply in the call's state,
 * is ignored, since the call may have ended while the action was on its way.
 */
public interface Telephony extends AutoCloseable {
    /**
     * Starts a call.
     *
     * @param request what to call
     * @param listener who receives the call's events
     * @return the call's id; its events carry it
     */
    CallId place(CallRequest request, CallListener listener);

    /**
     * Withdraws a call that has not been answered; it ends with {@link CallEvent.Cancelled}.
     *
     * @param call the call
     */
    void cancel(CallId call);

    /**
     * Ends an answered call from our side; it ends with {@link CallEvent.HungUp} by
     * {@link CallEvent.Party#LOCAL}.
     *
     * @param call the call
     */
    void hangUp(CallId call);

    /**
     * Connects an answered call to an agent; {@link CallEvent.Connected} follows, or
     * {@link CallEvent.Failed} if the agent cannot be reached.
     *
     * @param call the call
     * @param agent the agent, with the endpoint the telephony reaches them at
     */
    void connect(CallId call, Agent agent);

    /** Stops the telephony: no thread is left behind. Calls still up are ended. */
    @Override
    default void close() {
    }
}
