package dev.outbound.spi.sip;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outbound.core.phone.PhoneNumber;
import dev.outbound.core.record.AgentEmail;
import dev.outbound.core.record.CampaignId;
import dev.outbound.spi.directory.Agent;
import dev.outbound.spi.sip.sipp.Sipp;
import dev.outbound.spi.telephony.CallEvent;
import dev.outbound.spi.telephony.CallId;
import dev.outbound.spi.telephony.CallRequest;
import dev.outbound.spi.testkit.TelephonyRecorder;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The binding against a real SIPp far end on 127.0.0.1: the events the SPI listener receives and
 * the messages SIPp saw, scenario by scenario.
 */
class SipTelephonySippTest {
    static final PhoneNumber CUSTOMER = PhoneNumber.ofE164("+442079460000");
    static final PhoneNumber CALLER_ID = PhoneNumber.ofE164("+12125550147");
    static final CampaignId CAMPAIGN = CampaignId.of("spring-2027");
    static final Duration LONG_RING = Duration.ofSeconds(20);

    private final List<AutoCloseable> open = new ArrayList<>();

    @BeforeEach
    void requireSipp() {
        Sipp.assumeInstalled();
    }

    @AfterEach
    void closeAll() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            AutoCloseable c = open.get(i);
            if (c instanceof SipTelephony) {
                Closer.later(c);
            } else {
                c.close();
            }
        }
    }

    @AfterAll
    static void awaitCloses() {
        Closer.awaitAll();
    }

    private Sipp sipp(String scenario, SipTransport transport, int calls) {
        Sipp s = Sipp.uas(scenario, transport, calls);
        open.add(s);
        return s;
    }

    private SipTelephony telephony(Sipp far, SipTelephony.Builder b) {
        SipTelephony t = b.trunk("127.0.0.1", far.port()).build();
        open.add(t);
        return t;
    }

    private SipTelephony telephony(Sipp far) {
        return telephony(far, SipTelephony.newBuilder());
    }

    static CallRequest call(Duration ringTimeout) {
        return CallRequest.of(CUSTOMER, CAMPAIGN).withCallerId(CALLER_ID).withRingTimeout(ringTimeout);
    }

    static void await(BooleanSupplier condition, Duration limit, String what) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited " + limit + " for " + what);
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    static List<String> kinds(TelephonyRecorder r) {
        return r.events().stream().map(e -> e.getClass().getSimpleName()).collect(Collectors.toList());
    }

    static CallEvent last(TelephonyRecorder r) {
        List<CallEvent> events = r.events();
        return events.get(events.size() - 1);
    }

    private static TelephonyRecorder ended(TelephonyRecorder r) {
        await(r::ended, Duration.ofSeconds(15), "the call's terminal event; so far " + r.events());
        return r;
    }

    @Test
    void answeredThenFarEndByes_ringingAnsweredHungUpRemote() {
        Sipp far = sipp("answer-then-bye.xml", SipTransport.UDP, 1);
        SipTelephony sip = telephony(far);
        TelephonyRecorder r = new TelephonyRecorder();
        CallId id = sip.place(call(LONG_RING), r);
        ended(r);
        assertThat(kinds(r)).containsExactly("Ringing", "Answered", "HungUp");
        assertThat(((CallEvent.Answered) r.events().get(1)).by()).isEqualTo(CallEvent.AnsweredBy.HUMAN);
        assertThat(((CallEvent.HungUp) last(r)).by()).isEqualTo(CallEvent.Party.REMOTE);
        assertThat(r.events()).allMatch(e -> e.call().equals(id));
        assertThat(far.awaitExit(Duration.ofSeconds(10))).as("sipp exit code").isZero();
        assertThat(far.receivedStartLines()).containsExactly("INVITE", "ACK", "SIP/2.0 200");
        String invite = far.received().get(0);
        assertThat(invite).startsWith("INVITE sip:+442079460000@127.0.0.1:" + far.port() + " SIP/2.0")
                .contains("From: <sip:+12125550147@127.0.0.1>;tag=")
                .contains("P-Asserted-Identity: <sip:+12125550147@127.0.0.1>")
                .contains("Content-Type: application/sdp")
                .contains("m=audio");
    }

    @Test
    void busy486_endsBusyWithSipStatus() {
        Sipp far = sipp("busy.xml", SipTransport.UDP, 1);
        SipTelephony sip = telephony(far);
        TelephonyRecorder r = new TelephonyRecorder();
        sip.place(call(LONG_RING), r);
        ended(r);
        assertThat(kinds(r)).containsExactly("Ringing", "Busy");
        assertThat(((CallEvent.Busy) last(r)).cause()).contains("SIP 486 Busy Here");
        assertThat(far.awaitExit(Duration.ofSeconds(10))).isZero();
        assertThat(far.receivedStartLines()).containsExactly("INVITE", "ACK");
    }

    @Test
    void ringingNeverAnswered_ringTimeoutSendsCancelAndEndsNoAnswer() {
        Sipp far = sipp("ring-no-answer.xml", SipTransport.UDP, 1);
        SipTelephony sip = telephony(far);
        TelephonyRecorder r = new TelephonyRecorder();
        Instant placed = Instant.now();
        sip.place(call(Duration.ofSeconds(1)), r);
        ended(r);
        assertThat(kinds(r)).containsExactly("Ringing", "Ringing", "NoAnswer");
        assertThat(last(r).at()).isBetween(placed.plusMillis(900), placed.plusMillis(2500));
        assertThat(((CallEvent.NoAnswer) last(r)).cause().orElse("")).contains("ring timeout");
        assertThat(far.awaitExit(Duration.ofSeconds(10))).isZero();
        assertThat(far.receivedStartLines()).containsExactly("INVITE", "CANCEL", "ACK");
    }

    @Test
    void cancelWhileRinging_sendsCancelAndEndsCancelled() {
        Sipp far = sipp("ring-no-answer.xml", SipTransport.UDP, 1);
        SipTelephony sip = telephony(far);
        TelephonyRecorder r = new TelephonyRecorder();
        CallId id = sip.place(call(LONG_RING), r);
        await(() -> r.has(CallEvent.Ringing.class), Duration.ofSeconds(5), "Ringing");
        sip.cancel(id);
        ended(r);
        assertThat(last(r)).isInstanceOf(CallEvent.Cancelled.class);
        assertThat(far.awaitExit(Duration.ofSeconds(10))).isZero();
        assertThat(far.receivedStartLines()).containsExactly("INVITE", "CANCEL", "ACK");
    }

    @Test
    void notFound404_endsInvalidNumber() {
        Sipp far = sipp("not-found.xml", SipTransport.UDP, 1);
        SipTelephony sip = telephony(far);
        TelephonyRecorder r = new TelephonyRecorder();
        sip.place(call(LONG_RING), r);
        ended(r);
        assertThat(kinds(r)).containsExactly("Ringing", "InvalidNumber");
        assertThat(((CallEvent.InvalidNumber) last(r)).cause()).contains("SIP 404 Not Found");
        assertThat(far.awaitExit(Duration.ofSeconds(10))).isZero();
        assertThat(far.receivedStartLines()).containsExactly("INVITE", "ACK");
    }

    @Test
    void unavailable503_endsFailedWithSipStatus() {
        Sipp far = sipp("unavailable.xml", SipTransport.UDP, 1);
        SipTelephony sip = telephony(far);
        TelephonyRecorder r = new TelephonyRecorder();
        sip.place(call(LONG_RING), r);
        ended(r);
        assertThat(kinds(r)).containsExactly("Ringing", "Failed");
        assertThat(((CallEvent.Failed) last(r)).cause()).contains("SIP 503 Service Unavailable");
        assertThat(far.awaitExit(Duration.ofSeconds(10))).isZero();
        assertThat(far.receivedStartLines()).containsExactly("INVITE", "ACK");
    }

    @Test
    void decline603_endsRejected() {
        Sipp far = sipp("decline.xml", SipTransport.UDP, 1);
        SipTelephony sip = telephony(far);
        TelephonyRecorder r = new TelephonyRecorder();
        sip.place(call(LONG_RING), r);
        ended(r);
        assertThat(kinds(r)).containsExactly("Ringing", "Rejected");
        assertThat(((CallEvent.Rejected) last(r)).cause()).contains("SIP 603 Decline");
    }

    @Test
    void digestChallenge_inviteResentWithCredentialsAndAnswered_passwordNeverLogged() {
        Sipp far = sipp("auth.xml", SipTransport.UDP, 1);
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        TelephonyRecorder r = new TelephonyRecorder();
        SipTelephony sip;
        try {
            sip = telephony(far, SipTelephony.newBuilder().credentials(SipCredentials.of("dialer", "s3cret")));
            CallId id = sip.place(call(LONG_RING), r);
            await(() -> r.has(CallEvent.Answered.class), Duration.ofSeconds(10), "Answered; so far " + r.events());
            sip.hangUp(id);
            ended(r);
            assertThat(far.awaitExit(Duration.ofSeconds(10))).isZero();
        } finally {
            System.setErr(err);
        }
        assertThat(kinds(r)).containsExactly("Ringing", "Answered", "HungUp");
        assertThat(((CallEvent.HungUp) last(r)).by()).isEqualTo(CallEvent.Party.LOCAL);
        assertThat(far.receivedStartLines()).containsExactly("INVITE", "ACK", "INVITE", "ACK", "BYE");
        String second = far.received().get(2);
        assertThat(second).contains("Authorization: Digest username=\"dialer\"").contains("realm=\"outbound.test\"")
                .contains("qop=auth").doesNotContain("s3cret");
        assertThat(far.received().get(0)).doesNotContain("Authorization");
        assertThat(captured.toString(StandardCharsets.UTF_8)).doesNotContain("s3cret");
    }

    @Test
    void digestChallenge_wrongPassword_endsRejectedBy403() {
        Sipp far = sipp("auth.xml", SipTransport.UDP, 1);
        SipTelephony sip = telephony(far, SipTelephony.newBuilder().credentials(SipCredentials.of("dialer", "wrong")));
        TelephonyRecorder r = new TelephonyRecorder();
        sip.place(call(LONG_RING), r);
        ended(r);
        assertThat(last(r)).isInstanceOf(CallEvent.Rejected.class);
        assertThat(((CallEvent.Rejected) last(r)).cause()).contains("SIP 403 Forbidden");
        assertThat(far.receivedStartLines()).containsExactly("INVITE", "ACK", "INVITE", "ACK");
    }

    @Test
    void referAcceptedWithNotify_connectedThenLegReleased() {
        Sipp far = sipp("refer.xml", SipTransport.UDP, 1);
        SipTelephony sip = telephony(far);
        Agent agent = Agent.of(AgentEmail.of("ann@example.com"), "Ann").withEndpoint("sip:ann@127.0.0.1:5099");
        TelephonyRecorder r = new TelephonyRecorder(e -> {
            if (e instanceof CallEvent.Answered) {
                sip.connect(e.call(), agent);
            }
        });
        sip.place(call(LONG_RING), r);
        ended(r);
        assertThat(kinds(r)).containsExactly("Ringing", "Answered", "Connected", "HungUp");
        assertThat(((CallEvent.Connected) r.events().get(2)).agent()).isEqualTo(agent.email());
        assertThat(((CallEvent.HungUp) last(r)).by()).isEqualTo(CallEvent.Party.REMOTE);
        assertThat(far.awaitExit(Duration.ofSeconds(10))).isZero();
        assertThat(far.receivedStartLines()).containsExactly("INVITE", "ACK", "REFER", "SIP/2.0 200", "SIP/2.0 200",
                "SIP/2.0 200");
        assertThat(far.received().get(2)).contains("Refer-To: <sip:ann@127.0.0.1:5099>");
    }

    @Test
    void answerCarriesAmdHeader_answeredByMachine() {
        Sipp far = sipp("answer-machine.xml", SipTransport.UDP, 1);
        SipTelephony sip = telephony(far, SipTelephony.newBuilder().amdHeader("X-AMD-Result", Duration.ZERO));
        TelephonyRecorder r = new TelephonyRecorder(e -> {
            if (e instanceof CallEvent.Answered) {
                sip.hangUp(e.call());
            }
        });
        sip.place(call(LONG_RING), r);
        ended(r);
        assertThat(kinds(r)).containsExactly("Ringing", "Answered", "HungUp");
        assertThat(((CallEvent.Answered) r.events().get(1)).by()).isEqualTo(CallEvent.AnsweredBy.MACHINE);
        assertThat(far.awaitExit(Duration.ofSeconds(10))).isZero();
    }

    @Test
    void overTcp_localHangUpSendsBye() {
        Sipp far = sipp("answer-wait-bye.xml", SipTransport.TCP, 1);
        SipTelephony sip = telephony(far, SipTelephony.newBuilder().transport(SipTransport.TCP));
        TelephonyRecorder r = new TelephonyRecorder(e -> {
            if (e instanceof CallEvent.Answered) {
                sip.hangUp(e.call());
            }
        });
        sip.place(call(LONG_RING), r);
        ended(r);
        assertThat(kinds(r)).containsExactly("Ringing", "Answered", "HungUp");
        assertThat(((CallEvent.HungUp) last(r)).by()).isEqualTo(CallEvent.Party.LOCAL);
        assertThat(far.awaitExit(Duration.ofSeconds(10))).isZero();
        assertThat(far.receivedStartLines()).containsExactly("INVITE", "ACK", "BYE");
        assertThat(far.received().get(0)).contains("SIP/2.0/TCP");
    }

    @Test
    void headerValueWithCrLf_staysOnOneLine_noInjectedHeader() {
        Sipp far = sipp("busy.xml", SipTransport.UDP, 1);
        SipTelephony sip = telephony(far, SipTelephony.newBuilder().header("X-Account", "acct-7\r\nX-Injected: yes"));
        TelephonyRecorder r = new TelephonyRecorder();
        sip.place(call(LONG_RING), r);
        ended(r);
        String invite = far.received().get(0);
        assertThat(invite.lines()).noneMatch(l -> l.startsWith("X-Injected"));
        assertThat(invite).contains("X-Account: acct-7  X-Injected: yes");
    }

    @Test
    void agentEndpointThatWouldBreakOutOfTheAddress_notSent_callFailsAndIsReleased() {
        Sipp far = sipp("answer-wait-bye.xml", SipTransport.UDP, 1);
        SipTelephony sip = telephony(far);
        Agent agent = Agent.of(AgentEmail.of("ann@example.com"), "Ann").withEndpoint("sip:ann@h>;x=\"1\"");
        TelephonyRecorder r = new TelephonyRecorder(e -> {
            if (e instanceof CallEvent.Answered) {
                sip.connect(e.call(), agent);
            }
        });
        sip.place(call(LONG_RING), r);
        ended(r);
        assertThat(kinds(r)).containsExactly("Ringing", "Answered", "Failed");
        assertThat(((CallEvent.Failed) last(r)).cause().orElse("")).contains("agent endpoint");
        assertThat(far.awaitExit(Duration.ofSeconds(10))).isZero();
        assertThat(far.receivedStartLines()).containsExactly("INVITE", "ACK", "BYE");
    }

    @Test
    void concurrencyCapOfOne_secondCallWaitsForFirstToEnd_noneDropped() {
        Sipp far = sipp("answer-then-bye.xml", SipTransport.UDP, 3);
        SipTelephony sip = telephony(far, SipTelephony.newBuilder().maxConcurrentCalls(1));
        List<TelephonyRecorder> rs = List.of(new TelephonyRecorder(), new TelephonyRecorder(), new TelephonyRecorder());
        for (TelephonyRecorder r : rs) {
            sip.place(call(LONG_RING), r);
        }
        for (TelephonyRecorder r : rs) {
            ended(r);
            assertThat(kinds(r)).containsExactly("Ringing", "Answered", "HungUp");
        }
        for (int i = 1; i < rs.size(); i++) {
            assertThat(rs.get(i).events().get(0).at()).as("call %d rings after call %d ended", i, i - 1)
                    .isAfterOrEqualTo(last(rs.get(i - 1)).at());
        }
        assertThat(far.awaitExit(Duration.ofSeconds(10))).isZero();
    }

    @Test
    void callsPerSecondTwo_fourCallsSpreadOverAtLeastOneAndAHalfSeconds() {
        Sipp far = sipp("busy.xml", SipTransport.UDP, 4);
        SipTelephony sip = telephony(far, SipTelephony.newBuilder().callsPerSecond(2, 1));
        List<TelephonyRecorder> rs = List.of(new TelephonyRecorder(), new TelephonyRecorder(), new TelephonyRecorder(),
                new TelephonyRecorder());
        Instant start = Instant.now();
        for (TelephonyRecorder r : rs) {
            sip.place(call(LONG_RING), r);
        }
        for (TelephonyRecorder r : rs) {
            ended(r);
            assertThat(last(r)).isInstanceOf(CallEvent.Busy.class);
        }
        // One token at once, then one each 500 ms: the 4th INVITE goes at 1.5 s at the earliest.
        assertThat(rs.get(3).events().get(0).at()).isAfterOrEqualTo(start.plusMillis(1450));
        assertThat(far.awaitExit(Duration.ofSeconds(10))).isZero();
    }

    @Test
    void close_endsCallsStillUp_andLeavesNoThreadBehind() throws Exception {
        java.util.Set<Thread> before = Thread.getAllStackTraces().keySet();
        Sipp far = sipp("ring-no-answer.xml", SipTransport.UDP, 1);
        SipTelephony sip = SipTelephony.newBuilder().trunk("127.0.0.1", far.port()).build();
        TelephonyRecorder r = new TelephonyRecorder();
        sip.place(call(LONG_RING), r);
        await(() -> r.has(CallEvent.Ringing.class), Duration.ofSeconds(5), "Ringing");
        sip.close();
        assertThat(last(r)).isInstanceOf(CallEvent.Cancelled.class);
        assertThat(far.awaitExit(Duration.ofSeconds(10))).isZero();
        Thread.sleep(200);
        List<String> left = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> !before.contains(t) && t.isAlive() && !t.getName().equals("process reaper"))
                .map(t -> t.getName() + (t.isDaemon() ? " (daemon)" : "")).collect(Collectors.toList());
        assertThat(left).as("threads started and left alive").isEmpty();
    }

    @Test
    void cancelOfUnknownOrEndedCall_ignored() {
        Sipp far = sipp("busy.xml", SipTransport.UDP, 1);
        SipTelephony sip = telephony(far);
        TelephonyRecorder r = new TelephonyRecorder();
        CallId id = sip.place(call(LONG_RING), r);
        ended(r);
        int n = r.events().size();
        sip.cancel(id);
        sip.hangUp(id);
        sip.connect(id, Agent.of(AgentEmail.of("ann@example.com"), "Ann").withEndpoint("sip:ann@127.0.0.1"));
        sip.cancel(CallId.of("never-placed"));
        assertThat(r.events()).hasSize(n);
        assertThat(Optional.of(last(r))).containsInstanceOf(CallEvent.Busy.class);
    }
}
