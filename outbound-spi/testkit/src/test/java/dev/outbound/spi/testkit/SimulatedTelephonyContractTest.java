package dev.outbound.spi.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outbound.core.phone.PhoneNumber;
import dev.outbound.core.record.AgentEmail;
import dev.outbound.spi.directory.Agent;
import dev.outbound.spi.simulation.CallProfile.Outcome;
import dev.outbound.spi.simulation.CallProfile;
import dev.outbound.spi.simulation.Distribution;
import dev.outbound.spi.simulation.SimulatedTelephony;
import dev.outbound.spi.telephony.CallEvent;
import dev.outbound.spi.telephony.CallRequest;
import dev.outbound.spi.telephony.Telephony;
import dev.outbound.spi.time.VirtualTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/** The telephony contract, run against the simulated telephony in virtual time. */
class SimulatedTelephonyContractTest extends TelephonyContract {

    @Override
    protected TelephonyFixture fixture() {
        return new VirtualFixture();
    }

    /** The kit trusts the fixture's numbers: this checks the virtual one keeps its word, to the second. */
    @Test
    void fixture_answeringNumber_ringsAfterOneSecondAndAnswersAfterFive() {
        try (VirtualFixture f = new VirtualFixture()) {
            Instant placed = f.clock().instant();
            List<CallEvent> events = new CopyOnWriteArrayList<>();
            f.telephony().place(CallRequest.of(f.answeringNumber(), f.campaign()), events::add);
            f.await(Duration.ofSeconds(10));
            // Post-dial delay 1 s, then 4 s of ringing; the person waits 45 s, so nothing else yet.
            assertThat(events).hasSize(2);
            assertThat(events.get(0)).isInstanceOf(CallEvent.Ringing.class);
            assertThat(events.get(0).at()).isEqualTo(placed.plusSeconds(1));
            assertThat(events.get(1)).isInstanceOfSatisfying(CallEvent.Answered.class,
                    a -> assertThat(a.by()).isEqualTo(CallEvent.AnsweredBy.HUMAN));
            assertThat(events.get(1).at()).isEqualTo(placed.plusSeconds(5));
        }
    }

    /**
     * Numbers with one certain outcome each. The answering person answers after 4 s of ringing
     * and waits 45 s unconnected and talks 45 s connected: longer than the contract's 20 s.
     */
    static final class VirtualFixture implements TelephonyFixture {
        static final PhoneNumber ANSWERING = PhoneNumber.ofE164("+15305550101");
        static final PhoneNumber BUSY = PhoneNumber.ofE164("+15305550102");
        static final PhoneNumber UNANSWERED = PhoneNumber.ofE164("+15305550103");
        static final PhoneNumber INVALID = PhoneNumber.ofE164("+15305550104");
        static final PhoneNumber REJECTING = PhoneNumber.ofE164("+15305550105");
        static final PhoneNumber FAILING = PhoneNumber.ofE164("+15305550106");
        static final Agent AGENT =
                Agent.of(AgentEmail.of("ann@example.com"), "Ann").withEndpoint("sip:ann@pbx.example.com");

        private final VirtualTime time = VirtualTime.startingAt(Instant.parse("2026-03-02T09:00:00Z"));
        private final SimulatedTelephony telephony;

        VirtualFixture() {
            Map<PhoneNumber, CallProfile> profiles = profiles(CallProfile.typical()
                    .withPostDialDelay(Distribution.fixed(Duration.ofSeconds(1)))
                    .withRingTime(Distribution.fixed(Duration.ofSeconds(4)))
                    .withPatience(Distribution.fixed(Duration.ofSeconds(45)))
                    .withTalkTime(Distribution.fixed(Duration.ofSeconds(45))));
            telephony = SimulatedTelephony.newBuilder(time)
                    .seed(20260302L)
                    .profileFor(n -> Optional.ofNullable(profiles.get(n)))
                    .build();
        }

        /**
         * @param base the times every fixture number shares
         * @return each fixture number with its one certain outcome
         */
        static Map<PhoneNumber, CallProfile> profiles(CallProfile base) {
            return Map.of(
                    ANSWERING, base.withOutcomes(Map.of(Outcome.HUMAN, 1.0)),
                    BUSY, base.withOutcomes(Map.of(Outcome.BUSY, 1.0)),
                    UNANSWERED, base.withOutcomes(Map.of(Outcome.NO_ANSWER, 1.0)),
                    INVALID, base.withOutcomes(Map.of(Outcome.INVALID_NUMBER, 1.0)),
                    REJECTING, base.withOutcomes(Map.of(Outcome.REJECTED, 1.0)),
                    FAILING, base.withOutcomes(Map.of(Outcome.FAILED, 1.0)));
        }

        @Override
        public Telephony telephony() {
            return telephony;
        }

        @Override
        public Clock clock() {
            return time.clock();
        }

        @Override
        public PhoneNumber answeringNumber() {
            return ANSWERING;
        }

        @Override
        public PhoneNumber busyNumber() {
            return BUSY;
        }

        @Override
        public PhoneNumber unansweredNumber() {
            return UNANSWERED;
        }

        @Override
        public PhoneNumber invalidNumber() {
            return INVALID;
        }

        @Override
        public PhoneNumber rejectingNumber() {
            return REJECTING;
        }

        @Override
        public PhoneNumber failingNumber() {
            return FAILING;
        }

        @Override
        public Agent agent() {
            return AGENT;
        }

        @Override
        public Duration tolerance() {
            return Duration.ZERO;
        }

        @Override
        public Duration quietPeriod() {
            return Duration.ofMinutes(10);
        }

        @Override
        public boolean awaitUntil(BooleanSupplier condition, Duration limit) {
            return time.advanceUntil(condition, time.now().plus(limit));
        }

        @Override
        public void await(Duration duration) {
            time.advanceBy(duration);
        }

        @Override
        public void close() {
            telephony.close();
        }
    }
}
