package dev.outbound.core.callerid;

import dev.outbound.core.phone.PhoneNumber;
import java.time.Instant;
import java.util.Objects;

/**
 * One call that presented a caller id: the number and the instant it was chosen. What a
 * {@link CallerIdSelector} counts against a DID's caps, and what a store keeps so that the caps
 * survive a restart ({@link CallerIdSelector.Builder#history}).
 *
 * @param number the caller id presented
 * @param at the instant the selector chose it
 */
public record DidUse(PhoneNumber number, Instant at) {

    /**
     * Checks that both parts are present.
     *
     * @param number the caller id
     * @param at the instant
     */
    public DidUse {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(at, "at");
    }

    /**
     * @param number the caller id
     * @param at the instant
     * @return the use
     */
    public static DidUse of(PhoneNumber number, Instant at) {
        return new DidUse(number, at);
    }

    /** @return {@code +15305550147 at 2026-03-02T15:00:00Z} */
    @Override
    public String toString() {
        return number.e164() + " at " + at;
    }
}
