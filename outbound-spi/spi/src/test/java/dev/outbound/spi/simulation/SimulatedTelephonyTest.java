package dev.outbound.spi.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outbound.core.phone.PhoneNumber;
import dev.outbound.core.record.AgentEmail;
import dev.outbound.core.record.CallResult;
import dev.outbound.core.record.CampaignId;
import dev.outbound.spi.directory.Agent;
import dev.outbound.spi.simulation.CallProfile.Outcome;
import dev.outbound.spi.telephony.CallEvent;
import dev.outbound.spi.telephony.CallId;
import dev.outbound.spi.telephony.CallRequest;
import dev.outbound.spi.time.VirtualTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The life of a simulated call, case by case, with fixed times so that every instant is worked
 * out by hand: post-dial delay 1 s, ring time 5 s, result time 2 s, patience 3 s, talk time 60 s,
 * machine message 20 s. A call placed at T0 rings at +1 s and is answered (or busy...) at +6 s
 * (+3 s).
 */
class SimulatedTelephonyTest {
    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
    private static final PhoneNumber NUMBER = PhoneNumber.ofE164("+15305550147");
    private static final PhoneNumber OTHER = PhoneNumber.ofE164("+15305550148");
    private static final CampaignId CAMPAIGN = CampaignId.of("spring");
    private static final Agent ANN = Agent.of(AgentEmail.of("ann@example.com"), "Ann");

    private static final CallProfile FIXED = CallProfile.typical()
            .withPostDialDelay(Distribution.fixed(Duration.ofSeconds(1)))
            .withRingTime(Distribution.fixed(Duration.ofSeconds(5)))
            .withResultTime(Distribution.fixed(Duration.ofSeconds(2)))
            .withPatience(Distribution.fixed(Duration.ofSeconds(3)))
            .withTalkTime(Distribution.fixed(Duration.ofSeconds(60)))
            .withMachineMessageTime(Distribution.fixed(Duration.ofSeconds(20)));

    private final VirtualTime time = VirtualTime.startingAt(T0);

    private SimulatedTelephony telephony(Outcome outcome) {
        return SimulatedTelephony.newBuilder(time).seed(7).profile(FIXED.withOutcomes(Map.of(outcome, 1.0))).build();
    }

    /** A placed call and what it received, written short: "Answered(HUMAN)@6". */
    private static final class Call {
        final List<CallEvent> events = new ArrayList<>();
        CallId id;

        List<String> log() {
            List<String> lines = new ArrayList<>();
            for (CallEvent e : events) {
                lines.add(describe(e));
            }
            return lines;
        }
    }

    private static String describe(CallEvent e) {
        String name = e.getClass().getSimpleName();
        if (e instanceof CallEvent.Answered) {
            name += "(" + ((CallEvent.Answered) e).by() + ")";
        } else if (e instanceof CallEvent.HungUp) {
            name += "(" + ((CallEvent.HungUp) e).by() + ")";
        } else if (e instanceof CallEvent.Connected) {
            name += "(" + ((CallEvent.Connected) e).agent() + ")";
        }
        Duration since = Duration.between(T0, e.at());
        return name + "@" + since.toSeconds() + (since.toNanosPart() == 0 ? "" : "+" + since.toNanosPart() + "ns");
    }

    private static Call place(SimulatedTelephony telephony, CallRequest request) {
        Call call = new Call();
        call.id = telephony.place(request, call.events::add);
        assertThat(call.events).as("no event before time moves").isEmpty();
        return call;
    }

    private static Call place(SimulatedTelephony telephony) {
        return place(telephony, CallRequest.of(NUMBER, CAMPAIGN));
    }

    private void at(long second) {
        time.advanceTo(T0.plusSeconds(second));
    }

    private void runOut() {
        time.advanceBy(Duration.ofDays(1));
    }

    // --- call ids --------------------------------------------------------------------------------

    @Test
    void callIds_arePrefixAndSequence_simByDefault_orTheGivenPrefix() {
        assertThat(place(telephony(Outcome.HUMAN)).id).isEqualTo(CallId.of("sim-1"));
        SimulatedTelephony node = SimulatedTelephony.newBuilder(time).idPrefix("node-b:").build();
        assertThat(place(node).id).isEqualTo(CallId.of("node-b:1"));
        assertThat(place(node).id).isEqualTo(CallId.of("node-b:2"));
    }

    @Test
    void idPrefix_blankOrWithALineBreak_isRefusedSayingWhy() {
        assertThatThrownBy(() -> SimulatedTelephony.newBuilder(time).idPrefix(" "))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("idPrefix must not be blank");
        assertThatThrownBy(() -> SimulatedTelephony.newBuilder(time).idPrefix("a\nb"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'a?b'");
    }

    // --- outcomes --------------------------------------------------------------------------------

    @Test
    void human_notConnected_hangsUpWhenPatienceRunsOut() {
        SimulatedTelephony t = telephony(Outcome.HUMAN);
        Call call = place(t);
        runOut();
        assertThat(call.log()).containsExactly("Ringing@1", "Answered(HUMAN)@6", "HungUp(REMOTE)@9");
        assertThat(call.events).allMatch(e -> e.call().equals(call.id));
        SimulatedTelephony.Counts counts = t.counts();
        assertThat(counts.placed()).isEqualTo(1);
        assertThat(counts.live()).isZero();
        assertThat(counts.of(CallResult.HUMAN_ANSWER)).isEqualTo(1);
        assertThat(counts.abandoned()).isEqualTo(1);
        assertThat(time.pending()).isZero();
    }

    @Test
    void human_connectedInTime_talksThenHangsUp() {
        SimulatedTelephony t = telephony(Outcome.HUMAN);
        Call call = place(t);
        at(7);
        t.connect(call.id, ANN);
        runOut();
        assertThat(call.log()).containsExactly("Ringing@1", "Answered(HUMAN)@6", "Connected(ann@example.com)@7",
                "HungUp(REMOTE)@67");
        assertThat(t.counts().abandoned()).isZero();
    }

    @Test
    void human_connectedFromListenerOnAnswer_connectedAtTheAnswerInstant() {
        SimulatedTelephony t = telephony(Outcome.HUMAN);
        List<CallEvent> events = new ArrayList<>();
        t.place(CallRequest.of(NUMBER, CAMPAIGN), e -> {
            events.add(e);
            if (e instanceof CallEvent.Answered) {
                t.connect(e.call(), ANN);
            }
        });
        runOut();
        assertThat(events).extracting(SimulatedTelephonyTest::describe).containsExactly("Ringing@1",
                "Answered(HUMAN)@6", "Connected(ann@example.com)@6", "HungUp(REMOTE)@66");
    }

    @Test
    void human_hungUpAfterConnect_endsHungUpLocal() {
        SimulatedTelephony t = telephony(Outcome.HUMAN);
        Call call = place(t);
        at(6);
        t.connect(call.id, ANN);
        at(30);
        t.hangUp(call.id);
        runOut();
        assertThat(call.log()).containsExactly("Ringing@1", "Answered(HUMAN)@6", "Connected(ann@example.com)@6",
                "HungUp(LOCAL)@30");
    }

    @Test
    void human_hungUpBeforeConnect_endsHungUpLocalAndCountsAbandoned() {
        SimulatedTelephony t = telephony(Outcome.HUMAN);
        Call call = place(t);
        at(7);
        t.hangUp(call.id);
        runOut();
        assertThat(call.log()).containsExactly("Ringing@1", "Answered(HUMAN)@6", "HungUp(LOCAL)@7");
        assertThat(t.counts().abandoned()).isEqualTo(1);
    }

    @Test
    void machine_hangsUpAfterItsMessage() {
        SimulatedTelephony t = telephony(Outcome.MACHINE);
        Call call = place(t);
        runOut();
        assertThat(call.log()).containsExactly("Ringing@1", "Answered(MACHINE)@6", "HungUp(REMOTE)@26");
        assertThat(t.counts().of(CallResult.ANSWERING_MACHINE)).isEqualTo(1);
        assertThat(t.counts().abandoned()).as("a machine is not an abandoned person").isZero();
    }

    @Test
    void machine_connected_stillHangsUpAtTheEndOfItsMessage() {
        SimulatedTelephony t = telephony(Outcome.MACHINE);
        Call call = place(t);
        at(10);
        t.connect(call.id, ANN);
        runOut();
        assertThat(call.log()).containsExactly("Ringing@1", "Answered(MACHINE)@6", "Connected(ann@example.com)@10",
                "HungUp(REMOTE)@26");
    }

    @Test
    void failures_endAtResultTimeAfterRinging() {
        Map<Outcome, String> expected = Map.of(Outcome.BUSY, "Busy@3", Outcome.REJECTED, "Rejected@3",
                Outcome.INVALID_NUMBER, "InvalidNumber@3", Outcome.FAILED, "Failed@3");
        for (Map.Entry<Outcome, String> e : expected.entrySet()) {
            VirtualTime own = VirtualTime.startingAt(T0);
            SimulatedTelephony t = SimulatedTelephony.newBuilder(own)
                    .profile(FIXED.withOutcomes(Map.of(e.getKey(), 1.0))).build();
            Call call = place(t);
            own.advanceBy(Duration.ofDays(1));
            assertThat(call.log()).as("%s", e.getKey()).containsExactly("Ringing@1", e.getValue());
            CallEvent end = call.events.get(1);
            assertThat(end.isTerminal()).isTrue();
            assertThat(((Optional<?>) causeOf(end))).as("cause of %s", e.getKey()).isPresent();
        }
    }

    private static Optional<String> causeOf(CallEvent e) {
        if (e instanceof CallEvent.Busy) {
            return ((CallEvent.Busy) e).cause();
        }
        if (e instanceof CallEvent.Rejected) {
            return ((CallEvent.Rejected) e).cause();
        }
        if (e instanceof CallEvent.InvalidNumber) {
            return ((CallEvent.InvalidNumber) e).cause();
        }
        return ((CallEvent.Failed) e).cause();
    }

    @Test
    void noAnswer_endsAtTheRingTimeout() {
        SimulatedTelephony t = telephony(Outcome.NO_ANSWER);
        Call call = place(t, CallRequest.of(NUMBER, CAMPAIGN).withRingTimeout(Duration.ofSeconds(25)));
        runOut();
        assertThat(call.log()).containsExactly("Ringing@1", "NoAnswer@25");
        assertThat(t.counts().of(CallResult.NO_ANSWER)).isEqualTo(1);
    }

    @Test
    void ringTimeLongerThanTimeout_endsNoAnswerAtTimeout() {
        SimulatedTelephony t = telephony(Outcome.HUMAN);
        // Answer due at 1 + 5 = 6 s, after the 4 s timeout.
        Call call = place(t, CallRequest.of(NUMBER, CAMPAIGN).withRingTimeout(Duration.ofSeconds(4)));
        runOut();
        assertThat(call.log()).containsExactly("Ringing@1", "NoAnswer@4");
        assertThat(t.counts().of(CallResult.HUMAN_ANSWER)).isZero();
    }

    @Test
    void answerExactlyAtTimeout_answered() {
        SimulatedTelephony t = telephony(Outcome.HUMAN);
        Call call = place(t, CallRequest.of(NUMBER, CAMPAIGN).withRingTimeout(Duration.ofSeconds(6)));
        runOut();
        assertThat(call.log()).startsWith("Ringing@1", "Answered(HUMAN)@6");
    }

    @Test
    void postDialDelayBeyondTimeout_noAnswerWithoutRinging() {
        SimulatedTelephony t = SimulatedTelephony.newBuilder(time)
                .profile(FIXED.withOutcomes(Map.of(Outcome.NO_ANSWER, 1.0))
                        .withPostDialDelay(Distribution.fixed(Duration.ofSeconds(3))))
                .build();
        Call call = place(t, CallRequest.of(NUMBER, CAMPAIGN).withRingTimeout(Duration.ofSeconds(2)));
        runOut();
        assertThat(call.log()).containsExactly("NoAnswer@2");
    }

    // --- actions ---------------------------------------------------------------------------------

    @Test
    void cancel_whileRinging_cancelledAtOnceAndNothingAfter() {
        SimulatedTelephony t = telephony(Outcome.HUMAN);
        Call call = place(t);
        at(2);
        t.cancel(call.id);
        runOut();
        assertThat(call.log()).containsExactly("Ringing@1", "Cancelled@2");
        assertThat(t.counts().cancelled()).isEqualTo(1);
        assertThat(t.counts().results()).isEmpty();
        assertThat(time.pending()).isZero();
    }

    @Test
    void cancel_beforeRinging_cancelledWithoutRinging() {
        SimulatedTelephony t = telephony(Outcome.BUSY);
        Call call = place(t);
        t.cancel(call.id);
        runOut();
        assertThat(call.log()).containsExactly("Cancelled@0");
    }

    @Test
    void cancel_afterAnswer_ignored() {
        SimulatedTelephony t = telephony(Outcome.HUMAN);
        Call call = place(t);
        at(7);
        t.cancel(call.id);
        runOut();
        assertThat(call.log()).containsExactly("Ringing@1", "Answered(HUMAN)@6", "HungUp(REMOTE)@9");
        assertThat(t.counts().cancelled()).isZero();
    }

    @Test
    void hangUpAndConnect_beforeAnswer_ignored() {
        SimulatedTelephony t = telephony(Outcome.HUMAN);
        Call call = place(t);
        at(2);
        t.hangUp(call.id);
        t.connect(call.id, ANN);
        runOut();
        assertThat(call.log()).containsExactly("Ringing@1", "Answered(HUMAN)@6", "HungUp(REMOTE)@9");
    }

    @Test
    void connect_twice_secondIgnored() {
        SimulatedTelephony t = telephony(Outcome.HUMAN);
        Call call = place(t);
        at(7);
        t.connect(call.id, ANN);
        at(8);
        t.connect(call.id, Agent.of(AgentEmail.of("bob@example.com"), "Bob"));
        runOut();
        assertThat(call.log()).containsExactly("Ringing@1", "Answered(HUMAN)@6", "Connected(ann@example.com)@7",
                "HungUp(REMOTE)@67");
    }

    @Test
    void actions_onEndedOrUnknownCalls_ignored() {
        SimulatedTelephony t = telephony(Outcome.BUSY);
        Call call = place(t);
        runOut();
        t.cancel(call.id);
        t.hangUp(call.id);
        t.connect(call.id, ANN);
        CallId unknown = CallId.of("sim-999");
        t.cancel(unknown);
        t.hangUp(unknown);
        t.connect(unknown, ANN);
        runOut();
        assertThat(call.log()).containsExactly("Ringing@1", "Busy@3");
        assertThatThrownBy(() -> t.cancel(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void listenerThrows_callGoesOn() {
        SimulatedTelephony t = telephony(Outcome.HUMAN);
        List<String> seen = new ArrayList<>();
        t.place(CallRequest.of(NUMBER, CAMPAIGN), e -> {
            seen.add(describe(e));
            if (e instanceof CallEvent.Ringing) {
                throw new IllegalStateException("listener bug");
            }
        });
        runOut();
        assertThat(seen).containsExactly("Ringing@1", "Answered(HUMAN)@6", "HungUp(REMOTE)@9");
    }

    // --- close, builder, per-number profiles -----------------------------------------------------

    @Test
    void close_endsLiveCallsAtOnceAndRefusesNewOnes() {
        SimulatedTelephony t = SimulatedTelephony.newBuilder(time).profile(FIXED.withOutcomes(Map.of(Outcome.HUMAN, 1.0)))
                .profileFor(n -> n.equals(OTHER) ? Optional.of(FIXED.withOutcomes(Map.of(Outcome.NO_ANSWER, 1.0)))
                        : Optional.empty())
                .build();
        Call answered = place(t);
        Call ringing = place(t, CallRequest.of(OTHER, CAMPAIGN));
        Call ended = place(t, CallRequest.of(NUMBER, CAMPAIGN).withRingTimeout(Duration.ofSeconds(1)));
        at(7);
        t.close();
        assertThat(answered.log()).containsExactly("Ringing@1", "Answered(HUMAN)@6", "HungUp(LOCAL)@7");
        assertThat(ringing.log()).containsExactly("Ringing@1", "Cancelled@7");
        assertThat(ended.log()).as("answer due at 6 s, timeout 1 s, ringing due at 1 s").containsExactly("NoAnswer@1");
        assertThat(time.pending()).isZero();
        assertThat(t.counts().live()).isZero();
        assertThat(t.counts().cancelled()).isEqualTo(1);
        assertThatThrownBy(() -> t.place(CallRequest.of(NUMBER, CAMPAIGN), e -> { }))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
        t.close();
        runOut();
        assertThat(answered.events).hasSize(3);
    }

    @Test
    void profileFor_overridesPerNumber() {
        SimulatedTelephony t = SimulatedTelephony.newBuilder(time).seed(1)
                .profile(FIXED.withOutcomes(Map.of(Outcome.HUMAN, 1.0)))
                .profileFor(n -> n.equals(OTHER) ? Optional.of(FIXED.withOutcomes(Map.of(Outcome.BUSY, 1.0)))
                        : Optional.empty())
                .build();
        Call other = place(t, CallRequest.of(OTHER, CAMPAIGN));
        Call number = place(t);
        runOut();
        assertThat(other.log()).containsExactly("Ringing@1", "Busy@3");
        assertThat(number.log()).startsWith("Ringing@1", "Answered(HUMAN)@6");
        assertThat(t.counts().of(CallResult.BUSY)).isEqualTo(1);
        assertThat(t.counts().of(CallResult.HUMAN_ANSWER)).isEqualTo(1);
        assertThat(other.id).isNotEqualTo(number.id);
    }

    @Test
    void builder_optionSetTwice_refusedAtBuildNamingIt() {
        SimulatedTelephony.Builder b = SimulatedTelephony.newBuilder(time).seed(1).profile(FIXED).seed(2);
        assertThatThrownBy(b::build).isInstanceOf(IllegalStateException.class).hasMessageContaining("seed was set twice");
    }
}
