package dev.outbound.spi.testkit;

import dev.outbound.core.phone.PhoneNumber;
import dev.outbound.spi.directory.Agent;
import dev.outbound.spi.simulation.CallProfile;
import dev.outbound.spi.simulation.CallProfile.Outcome;
import dev.outbound.spi.simulation.Distribution;
import dev.outbound.spi.simulation.SimulatedTelephony;
import dev.outbound.spi.telephony.Telephony;
import dev.outbound.spi.time.Scheduler;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

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

    /** A scheduler on the system clock: one thread, so tasks due together keep their order. */
    static final class ThreadScheduler implements Scheduler, AutoCloseable {
        private final Clock clock = Clock.systemUTC();
        private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "telephony-contract-scheduler");
            t.setDaemon(true);
            return t;
        });

        @Override
        public Clock clock() {
            return clock;
        }

        @Override
        public Scheduled schedule(Instant at, Runnable task) {
            long delay = Math.max(0, Duration.between(clock.instant(), at).toNanos());
            ScheduledFuture<?> future = executor.schedule(task, delay, TimeUnit.NANOSECONDS);
            return () -> future.cancel(false);
        }

        @Override
        public void close() {
            executor.shutdownNow();
        }
    }

    /** The virtual fixture's numbers and profiles, with times shrunk to fit real time. */
    static final class RealTimeFixture implements TelephonyFixture {
        private final ThreadScheduler scheduler = new ThreadScheduler();
        private final SimulatedTelephony telephony;

        RealTimeFixture() {
            CallProfile base = CallProfile.typical()
                    .withPostDialDelay(Distribution.fixed(Duration.ofMillis(50)))
                    .withRingTime(Distribution.fixed(Duration.ofMillis(200)))
                    .withResultTime(Distribution.fixed(Duration.ofMillis(100)))
                    .withPatience(Distribution.fixed(Duration.ofSeconds(25)))
                    .withTalkTime(Distribution.fixed(Duration.ofSeconds(25)));
            Map<PhoneNumber, CallProfile> profiles = Map.of(
                    SimulatedTelephonyContractTest.VirtualFixture.ANSWERING, base.withOutcomes(Map.of(Outcome.HUMAN, 1.0)),
                    SimulatedTelephonyContractTest.VirtualFixture.BUSY, base.withOutcomes(Map.of(Outcome.BUSY, 1.0)),
                    SimulatedTelephonyContractTest.VirtualFixture.UNANSWERED,
                    base.withOutcomes(Map.of(Outcome.NO_ANSWER, 1.0)),
                    SimulatedTelephonyContractTest.VirtualFixture.INVALID,
                    base.withOutcomes(Map.of(Outcome.INVALID_NUMBER, 1.0)),
                    SimulatedTelephonyContractTest.VirtualFixture.REJECTING,
                    base.withOutcomes(Map.of(Outcome.REJECTED, 1.0)),
                    SimulatedTelephonyContractTest.VirtualFixture.FAILING, base.withOutcomes(Map.of(Outcome.FAILED, 1.0)));
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
