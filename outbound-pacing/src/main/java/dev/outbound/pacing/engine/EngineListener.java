package dev.outbound.pacing.engine;

import dev.outbound.core.callerid.CallerIdChoice;
import dev.outbound.core.lifecycle.DispositionRefusedException;
import dev.outbound.core.lifecycle.Effect;
import dev.outbound.core.record.AgentEmail;
import dev.outbound.core.record.Record;
import dev.outbound.spi.telephony.CallId;
import java.time.Instant;

/**
 * What the host hears from a {@link DialerEngine}. Every method has a default that does nothing
 * (or logs, for {@link #onError}), so a host implements what it needs. The engine calls them one
 * at a time, in the order things happened, from whichever thread is running the engine's work at
 * that moment; they must return quickly and may call the engine back (the call is queued and runs
 * after the listener returns).
 */
public interface EngineListener {
    /** A listener that hears nothing. */
    EngineListener NONE = new EngineListener() {
    };

    /**
     * A call was placed.
     *
     * @param call the call
     * @param record the record called
     * @param at when
     */
    default void onPlaced(CallId call, Record record, Instant at) {
    }

    /**
     * The caller id of a call placed just now was chosen by the engine's
     * {@linkplain DialerEngine.Builder#callerIds caller-id selector}: the number and why (the
     * callee's area code, the same region, the campaign default...). Heard right after
     * {@link #onPlaced}, only when the engine has a selector.
     *
     * @param call the call
     * @param choice the caller id presented and why
     * @param at when
     */
    default void onCallerId(CallId call, CallerIdChoice choice, Instant at) {
    }

    /**
     * An answered call was connected to an agent, who now talks to the customer.
     *
     * @param call the call
     * @param agent the agent
     * @param record the record, as the agent's form shows it
     * @param at when
     */
    default void onConnected(CallId call, AgentEmail agent, Record record, Instant at) {
    }

    /**
     * A live answer found no agent within the abandon rule's connect limit: the hook that plays
     * the identification message the regulators require (FCC: name and a number to opt out; Ofcom:
     * the caller's identity). The engine hangs up after this returns.
     *
     * @param call the call
     * @param record the record called
     * @param at when the connect limit ran out
     */
    default void onAbandoned(CallId call, Record record, Instant at) {
    }

    /**
     * A connected call ended and the agent wraps up: the host saves the agent's disposition with
     * {@link DialerEngine#dispose}, which writes the record and makes the agent available again.
     *
     * @param call the call
     * @param agent the agent
     * @param record the record after the call, waiting for the disposition
     * @param at when the call ended
     */
    default void onWrapUp(CallId call, AgentEmail agent, Record record, Instant at) {
    }

    /**
     * An agent's disposition was refused: it breaks the campaign's
     * {@link dev.outbound.core.lifecycle.DispositionRules} (a required field left empty, a next
     * call missing, a change of user the campaign does not allow). Nothing was written; the agent
     * stays in wrap-up with the call, and saves again with {@link DialerEngine#dispose}. The
     * {@link java.util.concurrent.CompletionStage} that {@code dispose} returned completes with the
     * same refusal.
     *
     * @param agent the agent
     * @param record the record after the call, still waiting for the disposition
     * @param refusal every problem, each missing field by name
     * @param at when it was refused
     */
    default void onDispositionRefused(AgentEmail agent, Record record,
            DispositionRefusedException refusal, Instant at) {
    }

    /**
     * The answer to {@link DialerEngine#requestPreview}: a record loaded for the agent in preview
     * mode, which the agent dials with {@link DialerEngine#dialPreview} or gives back with
     * {@link DialerEngine#skipPreview}; or empty when none is due for them.
     *
     * @param agent the agent
     * @param record the record, or empty
     * @param at when
     */
    default void onPreview(AgentEmail agent, java.util.Optional<Record> record, Instant at) {
    }

    /**
     * A call's outcome was decided and written to the record store: exactly once per placed call.
     *
     * @param summary how the call ended
     */
    default void onOutcome(CallSummary summary) {
    }

    /**
     * A treatment asks the host to act outside the record, such as adding a number to the
     * campaign's Do-Not-Call list.
     *
     * @param effect what to do
     * @param record the record after the call
     */
    default void onEffect(Effect effect, Record record) {
    }

    /**
     * Something failed inside the engine's work (a store or telephony error); the engine goes on.
     * The default logs it.
     *
     * @param error what failed
     */
    default void onError(RuntimeException error) {
        org.slf4j.LoggerFactory.getLogger(DialerEngine.class).warn("dialer engine: {}", error.toString(), error);
    }
}
