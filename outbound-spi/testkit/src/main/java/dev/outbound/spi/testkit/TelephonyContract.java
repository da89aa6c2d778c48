package dev.outbound.spi.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.outbound.core.phone.PhoneNumber;
import dev.outbound.core.record.CallResult;
import dev.outbound.spi.directory.Agent;
import dev.outbound.spi.telephony.CallEvent;
import dev.outbound.spi.telephony.CallId;
import dev.outbound.spi.telephony.CallListener;
import dev.outbound.spi.telephony.CallRequest;
import dev.outbound.spi.telephony.Telephony;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link Telephony}, for any implementation: extend it, return a fresh
 * {@link TelephonyFixture} from {@link #fixture()}, and every test runs against your telephony.
 * The tests work in virtual time (a simulator) and in real time (a SIP binding and a test peer):
 * they only wait through the fixture.
 *
 * <p>Every call a test places is checked with {@link TelephonyEventOrder}: a legal sequence,
 * exactly one terminal event and nothing after it for the fixture's quiet period, non-decreasing
 * instants, the placed call's id on every event, and no event delivered while the listener was
 * still busy with the previous one.
 */
public abstract class TelephonyContract {
    /** The longest a test waits for something that should happen. */
    private static final Duration WAIT = Duration.ofSeconds(60);
    /** The ring timeout of calls that should be decided before it. */
    private static final Duration RING_TIMEOUT = Duration.ofSeconds(30);

    private TelephonyFixture fx;

    /** For subclasses. */
    protected TelephonyContract() {
    }

    /**
     * @return a new fixture, with a new telephony, for one test
     */
    protected abstract TelephonyFixture fixture();

    /** Makes the test's fixture. */
    @BeforeEach
    public void setUpTelephonyFixture() {
        fx = Objects.requireNonNull(fixture(), "fixture()");
    }

    /** Closes the test's fixture. */
    @AfterEach
    public void closeTelephonyFixture() {
        if (fx != null) {
            fx.close();
        }
    }

    // --- Results without action ------------------------------------------------------------------

    /** A busy number's call ends {@code Busy}, with the result BUSY. */
    @Test
    public void place_busyNumber_endsBusy() {
        CallEvent end = endOf(place(fx.busyNumber(), RING_TIMEOUT));
        assertThat(end).isInstanceOf(CallEvent.Busy.class);
        assertThat(end.result()).contains(CallResult.BUSY);
    }

    /** An invalid number's call ends {@code InvalidNumber}. */
    @Test
    public void place_invalidNumber_endsInvalidNumber() {
        CallEvent end = endOf(place(fx.invalidNumber(), RING_TIMEOUT));
        assertThat(end).isInstanceOf(CallEvent.InvalidNumber.class);
        assertThat(end.result()).contains(CallResult.INVALID_NUMBER);
    }

    /** A declining number's call ends {@code Rejected}. */
    @Test
    public void place_rejectingNumber_endsRejected() {
        CallEvent end = endOf(place(fx.rejectingNumber(), RING_TIMEOUT));
        assertThat(end).isInstanceOf(CallEvent.Rejected.class);
        assertThat(end.result()).contains(CallResult.REJECTED);
    }

    /** A failing number's call ends {@code Failed}. */
    @Test
    public void place_failingNumber_endsFailed() {
        CallEvent end = endOf(place(fx.failingNumber(), RING_TIMEOUT));
        assertThat(end).isInstanceOf(CallEvent.Failed.class);
        assertThat(end.result()).contains(CallResult.NETWORK_FAILURE);
    }

    /** An unanswered call ends {@code NoAnswer} at its ring timeout, within the fixture's tolerance. */
    @Test
    public void place_unansweredNumber_endsNoAnswerAtRingTimeout() {
        Placed call = place(fx.unansweredNumber(), fx.shortRingTimeout());
        CallEvent end = endOf(call);
        assertThat(end).isInstanceOf(CallEvent.NoAnswer.class);
        assertThat(end.result()).contains(CallResult.NO_ANSWER);
        Instant due = call.placedAt.plus(fx.shortRingTimeout());
        assertThat(end.at()).as("NoAnswer instant, due at %s", due)
                .isBetween(due.minus(fx.tolerance()), due.plus(fx.tolerance()));
    }

    /** An answering number's call is answered by a person, and rings first if at all. */
    @Test
    public void place_answeringNumber_answeredByPerson() {
        Placed call = place(fx.answeringNumber(), RING_TIMEOUT);
        CallEvent.Answered answered = awaitEvent(call, CallEvent.Answered.class);
        assertThat(answered.by()).isEqualTo(CallEvent.AnsweredBy.HUMAN);
        assertThat(answered.result()).contains(CallResult.HUMAN_ANSWER);
        assertThat(answered.at()).isAfterOrEqualTo(call.placedAt);
        TelephonyEventOrder.assertLegalSoFar(call.id, call.recorder.events());
        fx.telephony().hangUp(call.id);
        endOf(call);
    }

    /** Calls get distinct ids, and each call's events carry its own. */
    @Test
    public void place_severalCalls_distinctIds() {
        List<Placed> calls = List.of(place(fx.busyNumber(), RING_TIMEOUT), place(fx.busyNumber(), RING_TIMEOUT),
                place(fx.invalidNumber(), RING_TIMEOUT), place(fx.rejectingNumber(), RING_TIMEOUT));
        Set<CallId> ids = new HashSet<>();
        for (Placed p : calls) {
            ids.add(p.id);
        }
        assertThat(ids).hasSize(calls.size());
        for (Placed p : calls) {
            endOf(p);
        }
    }

    // --- Actions -------------------------------------------------------------------------------

    /** Cancelling a ringing call ends it {@code Cancelled}. */
    @Test
    public void cancel_whileRinging_endsCancelled() {
        Placed call = place(fx.unansweredNumber(), RING_TIMEOUT);
        awaitEvent(call, CallEvent.Ringing.class);
        Instant cancelledAt = fx.clock().instant();
        fx.telephony().cancel(call.id);
        CallEvent end = endOf(call);
        assertThat(end).isInstanceOf(CallEvent.Cancelled.class);
        assertThat(end.result()).isEmpty();
        assertThat(end.at()).isAfterOrEqualTo(cancelledAt);
    }

    /** Cancelling a call at once, before it could even ring, ends it {@code Cancelled}. */
    @Test
    public void cancel_rightAfterPlace_endsCancelled() {
        Placed call = place(fx.unansweredNumber(), RING_TIMEOUT);
        fx.telephony().cancel(call.id);
        assertThat(endOf(call)).isInstanceOf(CallEvent.Cancelled.class);
    }

    /** Cancelling an answered call does not apply: it is ignored, and the call stays up. */
    @Test
    public void cancel_afterAnswer_ignored() {
        Placed call = place(fx.answeringNumber(), RING_TIMEOUT);
        awaitEvent(call, CallEvent.Answered.class);
        int before = call.recorder.events().size();
        fx.telephony().cancel(call.id);
        fx.await(shortQuiet());
        assertThat(call.recorder.events()).as("events after cancel of an answered call").hasSize(before);
        fx.telephony().hangUp(call.id);
        assertHungUpLocally(endOf(call));
    }

    /** Hanging up an answered call ends it {@code HungUp} by {@code LOCAL}. */
    @Test
    public void hangUp_afterAnswer_endsHungUpLocal() {
        Placed call = place(fx.answeringNumber(), RING_TIMEOUT);
        CallEvent.Answered answered = awaitEvent(call, CallEvent.Answered.class);
        fx.telephony().hangUp(call.id);
        CallEvent end = endOf(call);
        assertHungUpLocally(end);
        assertThat(end.at()).isAfterOrEqualTo(answered.at());
    }

    /** Hanging up a call that was not answered does not apply: it rings on to its timeout. */
    @Test
    public void hangUp_beforeAnswer_ignored() {
        Placed call = place(fx.unansweredNumber(), fx.shortRingTimeout());
        awaitEvent(call, CallEvent.Ringing.class);
        fx.telephony().hangUp(call.id);
        assertThat(endOf(call)).isInstanceOf(CallEvent.NoAnswer.class);
    }

    /** Connecting an answered call gives {@code Connected} with that agent. */
    @Test
    public void connect_afterAnswer_connectedToThatAgent() {
        Agent agent = fx.agent();
        Placed call = place(fx.answeringNumber(), RING_TIMEOUT);
        CallEvent.Answered answered = awaitEvent(call, CallEvent.Answered.class);
        fx.telephony().connect(call.id, agent);
        CallEvent.Connected connected = awaitEvent(call, CallEvent.Connected.class);
        assertThat(connected.agent()).isEqualTo(agent.email());
        assertThat(connected.at()).isAfterOrEqualTo(answered.at());
        fx.telephony().hangUp(call.id);
        assertHungUpLocally(endOf(call));
    }

    /** Connecting a call already connected does not apply: one {@code Connected} only. */
    @Test
    public void connect_whenConnected_ignored() {
        Placed call = place(fx.answeringNumber(), RING_TIMEOUT);
        awaitEvent(call, CallEvent.Answered.class);
        fx.telephony().connect(call.id, fx.agent());
        awaitEvent(call, CallEvent.Connected.class);
        int before = call.recorder.events().size();
        fx.telephony().connect(call.id, fx.agent());
        fx.await(shortQuiet());
        assertThat(call.recorder.events()).as("events after a second connect").hasSize(before);
        fx.telephony().hangUp(call.id);
        assertHungUpLocally(endOf(call));
        assertThat(call.recorder.events().stream().filter(CallEvent.Connected.class::isInstance).count())
                .as("Connected events").isEqualTo(1);
    }

    /** Connecting a call that was not answered does not apply: it rings on to its timeout. */
    @Test
    public void connect_beforeAnswer_ignored() {
        Placed call = place(fx.unansweredNumber(), fx.shortRingTimeout());
        awaitEvent(call, CallEvent.Ringing.class);
        fx.telephony().connect(call.id, fx.agent());
        assertThat(endOf(call)).isInstanceOf(CallEvent.NoAnswer.class);
        assertThat(call.recorder.has(CallEvent.Connected.class)).isFalse();
    }

    /** Every action on a call that has ended is ignored: no event, no exception. */
    @Test
    public void actions_onEndedCalls_ignored() {
        Placed busy = place(fx.busyNumber(), RING_TIMEOUT);
        endOf(busy);
        Placed answered = place(fx.answeringNumber(), RING_TIMEOUT);
        awaitEvent(answered, CallEvent.Answered.class);
        fx.telephony().hangUp(answered.id);
        endOf(answered);
        List<CallEvent> busyEvents = busy.recorder.events();
        List<CallEvent> answeredEvents = answered.recorder.events();
        for (Placed p : List.of(busy, answered)) {
            fx.telephony().cancel(p.id);
            fx.telephony().hangUp(p.id);
            fx.telephony().connect(p.id, fx.agent());
        }
        fx.await(fx.quietPeriod());
        assertThat(busy.recorder.events()).isEqualTo(busyEvents);
        assertThat(answered.recorder.events()).isEqualTo(answeredEvents);
    }

    /** Actions on a call id the telephony never gave are ignored. */
    @Test
    public void actions_onUnknownCall_ignored() {
        CallId unknown = CallId.of("never-placed-by-this-telephony");
        assertThatCode(() -> {
            fx.telephony().cancel(unknown);
            fx.telephony().hangUp(unknown);
            fx.telephony().connect(unknown, fx.agent());
            fx.await(shortQuiet());
        }).doesNotThrowAnyException();
    }

    // --- Concurrency and shutdown ----------------------------------------------------------------

    /**
     * Calls placed from several threads at once, answered ones connected and hung up from inside
     * the listener as a dialer does, each get a legal sequence of their own.
     *
     * @throws Exception if a placing thread fails
     */
    @Test
    public void place_concurrentCallsActedOnFromListener_eachLegal() throws Exception {
        Telephony telephony = fx.telephony();
        Agent agent = fx.agent();
        List<PhoneNumber> numbers = List.of(fx.answeringNumber(), fx.busyNumber(), fx.unansweredNumber(),
                fx.invalidNumber(), fx.rejectingNumber(), fx.failingNumber());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<Placed>> futures = new ArrayList<>();
        try {
            for (int thread = 0; thread < 4; thread++) {
                for (PhoneNumber number : numbers) {
                    futures.add(pool.submit(() -> {
                        Duration timeout = number.equals(fx.unansweredNumber()) ? fx.shortRingTimeout() : RING_TIMEOUT;
                        return place(number, timeout, e -> {
                            if (e instanceof CallEvent.Answered) {
                                telephony.connect(e.call(), agent);
                            } else if (e instanceof CallEvent.Connected) {
                                telephony.hangUp(e.call());
                            }
                        });
                    }));
                }
            }
            List<Placed> calls = new ArrayList<>();
            for (Future<Placed> f : futures) {
                calls.add(f.get(WAIT.toSeconds(), TimeUnit.SECONDS));
            }
            boolean allEnded = fx.awaitUntil(() -> calls.stream().allMatch(p -> p.recorder.ended()), WAIT);
            assertThat(allEnded).as("all %s calls ended within %s", calls.size(), WAIT).isTrue();
            fx.await(fx.quietPeriod());
            Set<CallId> ids = new HashSet<>();
            for (Placed p : calls) {
                ids.add(p.id);
                CallEvent end = checkEnded(p);
                if (p.number.equals(fx.answeringNumber())) {
                    assertThat(p.recorder.first(CallEvent.Connected.class)).get()
                            .extracting(CallEvent.Connected::agent).isEqualTo(agent.email());
                    assertHungUpLocally(end);
                }
            }
            assertThat(ids).hasSize(calls.size());
        } finally {
            pool.shutdownNow();
        }
    }

    /** Closing the telephony ends the calls still up, each with a legal terminal event. */
    @Test
    public void close_endsLiveCalls() {
        Placed ringing = place(fx.unansweredNumber(), RING_TIMEOUT);
        Placed answered = place(fx.answeringNumber(), RING_TIMEOUT);
        awaitEvent(answered, CallEvent.Answered.class);
        assertThat(ringing.recorder.ended()).as("unanswered call ended before its 30 s timeout").isFalse();
        fx.telephony().close();
        endOf(ringing);
        endOf(answered);
    }

    // --- Helpers -------------------------------------------------------------------------------

    /** A call a test placed. */
    private static final class Placed {
        final CallId id;
        final PhoneNumber number;
        final Instant placedAt;
        final TelephonyRecorder recorder;

        Placed(CallId id, PhoneNumber number, Instant placedAt, TelephonyRecorder recorder) {
            this.id = id;
            this.number = number;
            this.placedAt = placedAt;
            this.recorder = recorder;
        }
    }

    private Placed place(PhoneNumber number, Duration ringTimeout) {
        return place(number, ringTimeout, e -> { });
    }

    private Placed place(PhoneNumber number, Duration ringTimeout, CallListener then) {
        TelephonyRecorder recorder = new TelephonyRecorder(then);
        Instant placedAt = fx.clock().instant();
        CallRequest request = CallRequest.of(number, fx.campaign()).withRingTimeout(ringTimeout);
        CallId id = fx.telephony().place(request, recorder);
        assertThat(id).as("id of the call to %s", number).isNotNull();
        return new Placed(id, number, placedAt, recorder);
    }

    /** Waits for the first event of a kind; fails if the call ends or time runs out first. */
    private <T extends CallEvent> T awaitEvent(Placed call, Class<T> kind) {
        fx.awaitUntil(() -> call.recorder.has(kind) || call.recorder.ended(), WAIT);
        TelephonyEventOrder.assertLegalSoFar(call.id, call.recorder.events());
        return call.recorder.first(kind).orElseThrow(() -> new AssertionError("call " + call.id + " to "
                + call.number + ": expected " + kind.getSimpleName() + " within " + WAIT + ", got\n"
                + call.recorder.describe()));
    }

    /**
     * Waits for the call's terminal event, watches for the quiet period that nothing follows it,
     * checks the whole sequence and returns the terminal event.
     */
    private CallEvent endOf(Placed call) {
        boolean ended = fx.awaitUntil(call.recorder::ended, WAIT);
        if (!ended) {
            throw new AssertionError("call " + call.id + " to " + call.number + " did not end within " + WAIT
                    + "; events:\n" + call.recorder.describe());
        }
        fx.await(fx.quietPeriod());
        return checkEnded(call);
    }

    /** Checks the whole sequence of a call that has ended; returns its terminal event. */
    private CallEvent checkEnded(Placed call) {
        List<CallEvent> events = call.recorder.events();
        TelephonyEventOrder.assertComplete(call.id, events);
        assertThat(call.recorder.overlapped()).as("an event of call %s arrived while its listener was busy", call.id)
                .isFalse();
        assertThat(events.get(0).at()).as("first event of call %s", call.id).isAfterOrEqualTo(call.placedAt);
        return events.get(events.size() - 1);
    }

    private Duration shortQuiet() {
        // Long enough for an ignored action to show an effect if it had one, short enough that an
        // answered person is still on the line (they wait at least 20 s).
        Duration quiet = fx.quietPeriod();
        return quiet.compareTo(Duration.ofSeconds(5)) > 0 ? Duration.ofSeconds(5) : quiet;
    }

    private static void assertHungUpLocally(CallEvent end) {
        assertThat(end).isInstanceOf(CallEvent.HungUp.class);
        assertThat(((CallEvent.HungUp) end).by()).isEqualTo(CallEvent.Party.LOCAL);
    }
}
