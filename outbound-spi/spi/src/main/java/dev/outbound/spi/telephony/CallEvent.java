package dev.outbound.spi.telephony;

import dev.outbound.core.record.AgentEmail;
import dev.outbound.core.record.CallResult;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Something that happened to a placed call, with when it happened.
 *
 * <p><b>Order.</b> A call's events form one of these sequences, with non-decreasing instants:
 * <ul>
 * <li>{@code Ringing}* then one of {@code Busy}, {@code NoAnswer}, {@code Rejected},
 *     {@code InvalidNumber}, {@code Failed}, {@code Cancelled};
 * <li>{@code Ringing}* {@code Answered} [{@code Connected}] then {@code HungUp} or {@code Failed}.
 * </ul>
 * So each call has exactly one {@linkplain #isTerminal() terminal} event, the last, and at most
 * one {@code Answered}; {@code Ringing} may repeat (180 then 183).
 */
public sealed interface CallEvent {
    /** @return the call */
    CallId call();

    /** @return when it happened */
    Instant at();

    /** @return whether it ends the call: no event of the call follows */
    default boolean isTerminal() {
        return false;
    }

    /**
     * @return the result the lifecycle is given for a call whose deciding event this is: the
     *     answer for {@code Answered}, the failure for a terminal failure; empty for the others
     */
    default Optional<CallResult> result() {
        return Optional.empty();
    }

    /** Who or what picked up an answered call. */
    enum AnsweredBy {
        /** A person. */
        HUMAN,
        /** An answering machine or voice mail, as the network or the PBX detected it. */
        MACHINE
    }

    /** Which side ended a connected call. */
    enum Party {
        /** The customer, or the network on their side. */
        REMOTE,
        /** The SDK, by {@link Telephony#hangUp}. */
        LOCAL,
        /** The agent the call was connected to. */
        AGENT
    }

    /**
     * The far end is ringing (SIP 180, 183).
     *
     * @param call the call
     * @param at when
     */
    record Ringing(CallId call, Instant at) implements CallEvent {
        /**
         * @param call the call
         * @param at when
         */
        public Ringing {
            check(call, at);
        }
    }

    /**
     * The call was answered.
     *
     * @param call the call
     * @param at when
     * @param by who answered
     */
    record Answered(CallId call, Instant at, AnsweredBy by) implements CallEvent {
        /**
         * @param call the call
         * @param at when
         * @param by who answered
         */
        public Answered {
            check(call, at);
            Objects.requireNonNull(by, "by");
        }

        @Override
        public Optional<CallResult> result() {
            return Optional.of(by == AnsweredBy.HUMAN ? CallResult.HUMAN_ANSWER : CallResult.ANSWERING_MACHINE);
        }
    }

    /**
     * An answered call was connected to an agent ({@link Telephony#connect}).
     *
     * @param call the call
     * @param at when
     * @param agent the agent
     */
    record Connected(CallId call, Instant at, AgentEmail agent) implements CallEvent {
        /**
         * @param call the call
         * @param at when
         * @param agent the agent
         */
        public Connected {
            check(call, at);
            Objects.requireNonNull(agent, "agent");
        }
    }

    /**
     * The number was busy (SIP 486, 600).
     *
     * @param call the call
     * @param at when
     * @param cause the network's cause (a SIP status line), if given
     */
    record Busy(CallId call, Instant at, Optional<String> cause) implements CallEvent {
        /**
         * @param call the call
         * @param at when
         * @param cause the cause
         */
        public Busy {
            check(call, at);
            Objects.requireNonNull(cause, "cause");
        }

        @Override
        public boolean isTerminal() {
            return true;
        }

        @Override
        public Optional<CallResult> result() {
            return Optional.of(CallResult.BUSY);
        }
    }

    /**
     * Nobody answered within the ring timeout (SIP 408, 480, or the timeout's CANCEL).
     *
     * @param call the call
     * @param at when
     * @param cause the network's cause, if given
     */
    record NoAnswer(CallId call, Instant at, Optional<String> cause) implements CallEvent {
        /**
         * @param call the call
         * @param at when
         * @param cause the cause
         */
        public NoAnswer {
            check(call, at);
            Objects.requireNonNull(cause, "cause");
        }

        @Override
        public boolean isTerminal() {
            return true;
        }

        @Override
        public Optional<CallResult> result() {
            return Optional.of(CallResult.NO_ANSWER);
        }
    }

    /**
     * The far end declined the call (SIP 403, 603).
     *
     * @param call the call
     * @param at when
     * @param cause the network's cause, if given
     */
    record Rejected(CallId call, Instant at, Optional<String> cause) implements CallEvent {
        /**
         * @param call the call
         * @param at when
         * @param cause the cause
         */
        public Rejected {
            check(call, at);
            Objects.requireNonNull(cause, "cause");
        }

        @Override
        public boolean isTerminal() {
            return true;
        }

        @Override
        public Optional<CallResult> result() {
            return Optional.of(CallResult.REJECTED);
        }
    }

    /**
     * The number does not exist (SIP 404, 484, 604).
     *
     * @param call the call
     * @param at when
     * @param cause the network's cause, if given
     */
    record InvalidNumber(CallId call, Instant at, Optional<String> cause) implements CallEvent {
        /**
         * @param call the call
         * @param at when
         * @param cause the cause
         */
        public InvalidNumber {
            check(call, at);
            Objects.requireNonNull(cause, "cause");
        }

        @Override
        public boolean isTerminal() {
            return true;
        }

        @Override
        public Optional<CallResult> result() {
            return Optional.of(CallResult.INVALID_NUMBER);
        }
    }

    /**
     * The call failed in the network or the telephony (other SIP errors, transport errors), before
     * or after it was answered.
     *
     * @param call the call
     * @param at when
     * @param cause what failed
     */
    record Failed(CallId call, Instant at, Optional<String> cause) implements CallEvent {
        /**
         * @param call the call
         * @param at when
         * @param cause the cause
         */
        public Failed {
            check(call, at);
            Objects.requireNonNull(cause, "cause");
        }

        @Override
        public boolean isTerminal() {
            return true;
        }

        @Override
        public Optional<CallResult> result() {
            return Optional.of(CallResult.NETWORK_FAILURE);
        }
    }

    /**
     * The caller withdrew a call that had not been answered ({@link Telephony#cancel}).
     *
     * @param call the call
     * @param at when
     */
    record Cancelled(CallId call, Instant at) implements CallEvent {
        /**
         * @param call the call
         * @param at when
         */
        public Cancelled {
            check(call, at);
        }

        @Override
        public boolean isTerminal() {
            return true;
        }
    }

    /**
     * An answered call ended.
     *
     * @param call the call
     * @param at when
     * @param by which side hung up
     */
    record HungUp(CallId call, Instant at, Party by) implements CallEvent {
        /**
         * @param call the call
         * @param at when
         * @param by which side
         */
        public HungUp {
            check(call, at);
            Objects.requireNonNull(by, "by");
        }

        @Override
        public boolean isTerminal() {
            return true;
        }
    }

    private static void check(CallId call, Instant at) {
        Objects.requireNonNull(call, "call");
        Objects.requireNonNull(at, "at");
    }
}
