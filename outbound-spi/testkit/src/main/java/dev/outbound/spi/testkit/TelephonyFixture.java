package dev.outbound.spi.testkit;

import dev.outbound.core.phone.PhoneNumber;
import dev.outbound.core.record.CampaignId;
import dev.outbound.spi.directory.Agent;
import dev.outbound.spi.telephony.Telephony;
import java.time.Clock;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * What {@link TelephonyContract} needs from an implementation: the telephony, numbers that
 * behave in known ways, an agent, and a way to let time pass. A fixture serves one test; the kit
 * closes it after the test.
 *
 * <p>The same tests run in virtual time (a simulator: {@link #awaitUntil} advances the clock) and
 * in real time (a SIP binding against a test peer: {@link #awaitUntil} polls until a deadline).
 * Events may arrive on any thread.
 */
public interface TelephonyFixture extends AutoCloseable {
    /** @return the telephony under test; the kit may close it before closing the fixture */
    Telephony telephony();

    /** @return the clock the telephony's event instants are read from */
    Clock clock();

    /** @return the campaign the kit's calls are placed for */
    default CampaignId campaign() {
        return CampaignId.of("telephony-contract");
    }

    /**
     * @return a number that rings, is answered by a person within 20 s, and stays on the line at
     *     least 20 s waiting for an agent and at least 20 s once connected
     */
    PhoneNumber answeringNumber();

    /** @return a number that is always busy */
    PhoneNumber busyNumber();

    /** @return a number that rings ({@code Ringing} is reported) and is never answered */
    PhoneNumber unansweredNumber();

    /** @return a number that does not exist */
    PhoneNumber invalidNumber();

    /** @return a number whose owner declines every call */
    PhoneNumber rejectingNumber();

    /** @return a number whose calls fail in the network or the telephony */
    PhoneNumber failingNumber();

    /** @return an agent, with an endpoint the telephony can connect calls to */
    Agent agent();

    /**
     * @return the ring timeout of the kit's calls that must time out, or be acted on before they
     *     do: long enough for {@link #unansweredNumber()} to report {@code Ringing} first; 3 s
     *     unless overridden
     */
    default Duration shortRingTimeout() {
        return Duration.ofSeconds(3);
    }

    /**
     * @return how late an event may arrive after it is due (the ring timeout's {@code NoAnswer});
     *     zero in virtual time
     */
    Duration tolerance();

    /**
     * @return how long the kit watches for events that must not come (after a call's terminal
     *     event, after an action that must be ignored): in real time a second or so, in virtual
     *     time as long as you like
     */
    Duration quietPeriod();

    /**
     * Lets time pass until a condition holds or a limit is reached: in virtual time, runs the
     * scheduler's tasks one by one; in real time, polls.
     *
     * @param condition what to wait for; read from the waiting thread
     * @param limit how much time may pass at most
     * @return whether the condition holds
     */
    boolean awaitUntil(BooleanSupplier condition, Duration limit);

    /**
     * Lets time pass, running what is due meanwhile.
     *
     * @param duration how much time
     */
    void await(Duration duration);

    /** Releases what the fixture holds: the telephony, the test peer, threads. */
    @Override
    void close();
}
