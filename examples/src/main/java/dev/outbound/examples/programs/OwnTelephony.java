package dev.outbound.examples.programs;

import dev.outbound.spi.directory.Agent;
import dev.outbound.spi.telephony.CallEvent;
import dev.outbound.spi.telephony.CallId;
import dev.outbound.spi.telephony.CallListener;
import dev.outbound.spi.telephony.CallRequest;
import dev.outbound.spi.telephony.Telephony;
import dev.outbound.spi.time.Scheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Your own telephony: {@link AnswerEveryCall}, a {@link Telephony} of four short methods in which every
 * customer answers after a fixed delay and talks for a fixed time, plugged into the same engine
 * as {@link ProgressiveCampaign}. A binding to a real PBX has the same shape: {@code place}
 * returns an id at once, and the call's events reach the listener later, ending with one
 * terminal event ({@code outbound-spi-testkit}'s {@code TelephonyContract} checks the rest).
 *
 * <p>Run it from the repository root, after {@code mvn -B -q -DskipTests package}:
 * <pre>{@code java -cp examples/target/outbound.jar dev.outbound.examples.programs.OwnTelephony}</pre>
 */
public final class OwnTelephony {
    /** How long every customer lets the phone ring before answering. */
    static final Duration ANSWER_AFTER = Duration.ofSeconds(5);
    /** How long every connected customer talks before hanging up. */
    static final Duration TALK_FOR = Duration.ofSeconds(60);

    private OwnTelephony() {}

    /**
     * Dials four leads with two agents on {@link AnswerEveryCall} and prints what happened.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        run().lines().forEach(System.out::println);
    }

    static ProgressiveCampaign.Result run() {
        return ProgressiveCampaign.run(4, 2, time -> new AnswerEveryCall(time, ANSWER_AFTER, TALK_FOR), store -> store);
    }

    /**
     * A telephony in which every call rings, is answered by a person after a fixed delay, and
     * ends when the customer hangs up a fixed time after being connected. Its events run as tasks
     * on the engine's scheduler, so it works in virtual time as in real time.
     */
    static final class AnswerEveryCall implements Telephony {
        private final Scheduler scheduler;
        private final Duration answerAfter;
        private final Duration talkFor;
        private final AtomicLong ids = new AtomicLong();
        private final Map<CallId, CallListener> live = new ConcurrentHashMap<>();
        private final Set<CallId> answered = ConcurrentHashMap.newKeySet();

        AnswerEveryCall(Scheduler scheduler, Duration answerAfter, Duration talkFor) {
            this.scheduler = scheduler;
            this.answerAfter = answerAfter;
            this.talkFor = talkFor;
        }

        @Override
        public CallId place(CallRequest request, CallListener listener) {
            CallId id = CallId.of("own-" + ids.incrementAndGet());
            live.put(id, listener);
            after(Duration.ZERO, id, at -> new CallEvent.Ringing(id, at));
            after(answerAfter, id, at -> {
                answered.add(id);
                return new CallEvent.Answered(id, at, CallEvent.AnsweredBy.HUMAN);
            });
            return id;
        }

        @Override
        public void connect(CallId call, Agent agent) {
            after(Duration.ZERO, call, at -> new CallEvent.Connected(call, at, agent.email()));
            after(talkFor, call, at -> new CallEvent.HungUp(call, at, CallEvent.Party.REMOTE));
        }

        @Override
        public void cancel(CallId call) {
            if (!answered.contains(call)) {
                after(Duration.ZERO, call, at -> new CallEvent.Cancelled(call, at));
            }
        }

        @Override
        public void hangUp(CallId call) {
            after(Duration.ZERO, call, at -> new CallEvent.HungUp(call, at, CallEvent.Party.LOCAL));
        }

        /** Sends an event of a call after a delay, unless the call has ended by then. */
        private void after(Duration delay, CallId call, Function<Instant, CallEvent> event) {
            scheduler.schedule(scheduler.clock().instant().plus(delay), () -> {
                CallListener listener = live.get(call);
                if (listener != null) {
                    CallEvent e = event.apply(scheduler.clock().instant());
                    if (e.isTerminal()) {
                        live.remove(call);
                    }
                    listener.onEvent(e);
                }
            });
        }
    }
}
