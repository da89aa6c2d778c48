package dev.outbound.core.callerid;

import dev.outbound.core.phone.PhoneNumber;
import java.util.Objects;

/**
 * A chosen caller id and why it was chosen.
 *
 * @param number the number to present
 * @param reason why this number
 */
public record CallerIdChoice(PhoneNumber number, CallerIdReason reason) {

    /**
     * Checks that both parts are present.
     *
     * @param number the number to present
     * @param reason why this number
     */
    public CallerIdChoice {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(reason, "reason");
    }

    /** @return {@code +15305550147 (LOCAL_AREA_CODE)} */
    @Override
    public String toString() {
        return number.e164() + " (" + reason + ")";
    }
}
