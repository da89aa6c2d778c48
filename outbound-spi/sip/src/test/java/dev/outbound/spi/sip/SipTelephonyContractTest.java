package dev.outbound.spi.sip;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outbound.core.phone.PhoneNumber;
import dev.outbound.core.record.AgentEmail;
import dev.outbound.spi.directory.Agent;
import dev.outbound.spi.sip.sipp.Sipp;
import dev.outbound.spi.telephony.Telephony;
import dev.outbound.spi.testkit.TelephonyContract;
import dev.outbound.spi.testkit.TelephonyFixture;
import java.time.Clock;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The SPI's telephony contract, run against the binding in real time with SIPp as the far end
 * ({@code sipp/contract.xml}: the number dialled picks the behaviour).
 */
class SipTelephonyContractTest extends TelephonyContract {
    @Override
    protected TelephonyFixture fixture() {
        Sipp.assumeInstalled();
        return new SippFixture();
    }

    @Test
    void eachTest_getsItsOwnSippOnItsOwnPort_andClosingTheFixtureStopsIt() {
        Sipp.assumeInstalled();
        SippFixture first = new SippFixture();
        SippFixture second = new SippFixture();
        try {
            assertThat(first.far.port()).isNotEqualTo(second.far.port());
            assertThat(first.far.alive()).isTrue();
        } finally {
            first.close();
            second.close();
        }
        assertThat(first.far.alive()).as("SIPp after the fixture closed").isFalse();
        assertThat(second.far.alive()).as("SIPp after the fixture closed").isFalse();
    }

    /** Waits for the bindings closed in the background. */
    @AfterAll
    static void awaitCloses() {
        Closer.awaitAll();
    }

    /** One SIPp and one binding per test. */
    static final class SippFixture implements TelephonyFixture {
        private final Sipp far = Sipp.uas("contract.xml", SipTransport.UDP, 1_000_000);
        private final SipTelephony telephony = SipTelephony.newBuilder().trunk("127.0.0.1", far.port()).build();

        @Override
        public Telephony telephony() {
            return telephony;
        }

        @Override
        public Clock clock() {
            return Clock.systemUTC();
        }

        @Override
        public PhoneNumber answeringNumber() {
            return PhoneNumber.ofE164("+442079460000");
        }

        @Override
        public PhoneNumber busyNumber() {
            return PhoneNumber.ofE164("+442079460001");
        }

        @Override
        public PhoneNumber unansweredNumber() {
            return PhoneNumber.ofE164("+442079460002");
        }

        @Override
        public PhoneNumber invalidNumber() {
            return PhoneNumber.ofE164("+442079460003");
        }

        @Override
        public PhoneNumber rejectingNumber() {
            return PhoneNumber.ofE164("+442079460004");
        }

        @Override
        public PhoneNumber failingNumber() {
            return PhoneNumber.ofE164("+442079460005");
        }

        @Override
        public Agent agent() {
            return Agent.of(AgentEmail.of("ann@example.com"), "Ann").withEndpoint("sip:ann@127.0.0.1:5099");
        }

        @Override
        public Duration shortRingTimeout() {
            return Duration.ofMillis(1500);
        }

        @Override
        public Duration tolerance() {
            return Duration.ofMillis(500);
        }

        @Override
        public Duration quietPeriod() {
            return Duration.ofMillis(400);
        }

        @Override
        public boolean awaitUntil(BooleanSupplier condition, Duration limit) {
            long deadline = System.nanoTime() + limit.toNanos();
            while (!condition.getAsBoolean()) {
                if (System.nanoTime() > deadline) {
                    return false;
                }
                sleep(10);
            }
            return true;
        }

        @Override
        public void await(Duration duration) {
            sleep(duration.toMillis());
        }

        @Override
        public void close() {
            far.close();
            Closer.later(telephony);
        }

        private static void sleep(long millis) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
