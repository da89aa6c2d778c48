package dev.outbound.spi.telephony;

import dev.outbound.core.InvalidValueException;
import dev.outbound.core.phone.PhoneNumber;
import dev.outbound.core.record.CampaignId;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A call to place: the customer's number, the caller id to present, the campaign it is for and
 * how long to let it ring.
 *
 * @param number the number to call
 * @param callerId the caller id to present, or empty for the trunk's default
 * @param campaign the campaign the call is for
 * @param ringTimeout how long to ring before giving up with {@link CallEvent.NoAnswer}, 1 s to 10 min
 */
public record CallRequest(PhoneNumber number, Optional<PhoneNumber> callerId, CampaignId campaign,
        Duration ringTimeout) {
    /** The shortest ring timeout. */
    public static final Duration MIN_RING_TIMEOUT = Duration.ofSeconds(1);
    /** The longest ring timeout. */
    public static final Duration MAX_RING_TIMEOUT = Duration.ofMinutes(10);

    /**
     * Checks the components.
     *
     * @param number the number to call
     * @param callerId the caller id
     * @param campaign the campaign
     * @param ringTimeout the ring timeout
     */
    public CallRequest {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(callerId, "callerId");
        Objects.requireNonNull(campaign, "campaign");
        Objects.requireNonNull(ringTimeout, "ringTimeout");
        if (ringTimeout.compareTo(MIN_RING_TIMEOUT) < 0 || ringTimeout.compareTo(MAX_RING_TIMEOUT) > 0) {
            throw new InvalidValueException("ring timeout", MIN_RING_TIMEOUT + " - " + MAX_RING_TIMEOUT, ringTimeout);
        }
    }

    /**
     * A call with no caller id and a 30 s ring timeout.
     *
     * @param number the number to call
     * @param campaign the campaign
     * @return the request
     */
    public static CallRequest of(PhoneNumber number, CampaignId campaign) {
        return new CallRequest(number, Optional.empty(), campaign, Duration.ofSeconds(30));
    }

    /**
     * @param id the caller id to present
     * @return this request with it
     */
    public CallRequest withCallerId(PhoneNumber id) {
        return new CallRequest(number, Optional.of(id), campaign, ringTimeout);
    }

    /**
     * @param timeout how long to ring
     * @return this request with it
     */
    public CallRequest withRingTimeout(Duration timeout) {
        return new CallRequest(number, callerId, campaign, timeout);
    }
}
