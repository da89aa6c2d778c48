package dev.outbound.spi.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outbound.core.phone.PhoneNumber;
import dev.outbound.spi.directory.Agent;
import dev.outbound.spi.simulation.CallProfile;
import dev.outbound.spi.simulation.Distribution;
import dev.outbound.spi.simulation.SimulatedTelephony;
import dev.outbound.spi.telephony.CallEvent;
import dev.outbound.spi.telephony.CallRequest;
import dev.outbound.spi.telephony.Telephony;
import dev.outbound.spi.time.RealTimeScheduler;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * The telephony contract in real time: the simulated telephony on the system clock and a
 * scheduler thread, events arriving on that thread while the test polls, as they will from a SIP
 * binding. It shows the kit itself works in real time; calls are short so that it stays quick.
 */
class SimulatedTelephonyRealTimeContractTest extends TelephonyContract {

    @Override
    protected TelephonyFixture fixture() {
        return new RealTimeFixture();
    }

    /** The real-time fixture answers well inside the contract's 20 s, and its close stops its thread. */
    @Test
    void fixture_answeringNumberAnswersFast_closeLeavesNoSchedulerThread() {
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        RealTimeFixture f = new RealTimeFixture();
        List<CallEvent> events = new CopyOnWriteArrayList<>();
        f.telephony().place(CallRequest.of(f.answeringNumber(), f.campaign()), events::add);
        assertThat(f.awaitUntil(() -> events.stream().anyMatch(e -> e instanceof CallEvent.Answered),
                Duration.ofSeconds(5))).isTrue();
        f.close();
        assertThat(f.awaitUntil(() -> Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> !before.contains(t) && t.getName().startsWith("outbound-scheduler-")),
                Duration.ofSeconds(5))).isTrue();
    }

    /** The virtual fixture's numbers and profiles, with times shrunk to fit real time. */
    static final class RealTimeFixture implements TelephonyFixture {
        // One daemon thread: tasks due together keep their order.
        private final RealTimeScheduler scheduler = RealTimeScheduler.create();
        private final SimulatedTelephony telephony;

        RealTimeFixture() {
            Map<PhoneNumber, CallProfile> profiles = SimulatedTelephonyContractTest.VirtualFixture.profiles(
                    CallProfile.typical()
                            .withPostDialDelay(Distribution.fixed(Duration.ofMillis(50)))
                            .withRingTime(Distribution.fixed(Duration.ofMillis(200)))
                            .withResultTime(Distribution.fixed(Duration.ofMillis(100)))
                            .withPatience(Distribution.fixed(Duration.ofSeconds(25)))
                            .withTalkTime(Distribution.fixed(Duration.ofSeconds(25))));
            telephony = SimulatedTelephony.newBuilder(scheduler)
                    .profileFor(n -> Optional.ofNullable(profiles.get(n)))
                    .build();
        }

        @Override
        public Telephony telephony() {
            return telephony;
        }

        @Override
        public Clock clock() {
            return scheduler.clock();
        }

        @Override
        public PhoneNumber answeringNumber() {
            return SimulatedTelephonyContractTest.VirtualFixture.ANSWERING;
        }

        @Override
        public PhoneNumber busyNumber() {
            return SimulatedTelephonyContractTest.VirtualFixture.BUSY;
        }

        @Override
        public PhoneNumber unansweredNumber() {
            return SimulatedTelephonyContractTest.VirtualFixture.UNANSWERED;
        }

        @Override
        public PhoneNumber invalidNumber() {
            return SimulatedTelephonyContractTest.VirtualFixture.INVALID;
        }

        @Override
        public PhoneNumber rejectingNumber() {
            return SimulatedTelephonyContractTest.VirtualFixture.REJECTING;
        }

        @Override
        public PhoneNumber failingNumber() {
            return SimulatedTelephonyContractTest.VirtualFixture.FAILING;
        }

        @Override
        public Agent agent() {
            return SimulatedTelephonyContractTest.VirtualFixture.AGENT;
        }

        @Override
        public Duration shortRingTimeout() {
            // Ringing comes 50 ms after placing: the shortest timeout a request allows will do.
            return Duration.ofSeconds(1);
        }

        @Override
        public Duration tolerance() {
            // A loaded build machine may run the scheduler thread late.
            return Duration.ofMillis(500);
        }

        @Override
        public Duration quietPeriod() {
            return Duration.ofMillis(200);
        }

        @Override
        public boolean awaitUntil(BooleanSupplier condition, Duration limit) {
            long deadline = System.nanoTime() + limit.toNanos();
            while (!condition.getAsBoolean()) {
                if (System.nanoTime() - deadline > 0) {
                    return false;
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
            }
            return true;
        }

        @Override
        public void await(Duration duration) {
            long deadline = System.nanoTime() + duration.toNanos();
            long left;
            while ((left = deadline - System.nanoTime()) > 0) {
                LockSupport.parkNanos(left);
            }
        }

        @Override
        public void close() {
            telephony.close();
            scheduler.close();
        }
    }
}
