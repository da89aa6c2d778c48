package dev.outbound.core.callerid;

import dev.outbound.core.InvalidValueException;
import dev.outbound.core.phone.PhoneNumber;
import java.util.Objects;
import java.util.Optional;

/**
 * A caller-id number a campaign may present (a DID, seed 002), with an optional label for people
 * and whether it is retired. A retired DID stays in its pool, for history, but is never chosen.
 *
 * @param number the number, in E.164 and without an extension
 * @param label a name for people ({@code "Sacramento office"}), if any: not blank, at most 100
 *     characters, stripped
 * @param retired whether the DID is retired: never chosen again
 */
public record Did(PhoneNumber number, Optional<String> label, boolean retired) {

    /** The longest label accepted. */
    public static final int MAX_LABEL = 100;

    /**
     * Validates the number and the label.
     *
     * @param number the number, without an extension
     * @param label the label, if any: not blank, at most {@value #MAX_LABEL} characters; stripped
     * @param retired whether the DID is retired
     */
    public Did {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(label, "label");
        if (!number.extension().isEmpty()) {
            throw new InvalidValueException("DID number", "a number without an extension", number);
        }
        if (label.isPresent()) {
            String text = label.get().strip();
            if (text.isEmpty() || text.length() > MAX_LABEL) {
                throw new InvalidValueException("DID label", "1 - " + MAX_LABEL + " characters, not blank",
                        "'" + label.get() + "'");
            }
            label = Optional.of(text);
        }
    }

    /**
     * @param number the number
     * @return an active DID without a label
     */
    public static Did of(PhoneNumber number) {
        return new Did(number, Optional.empty(), false);
    }

    /**
     * @param number the number
     * @param label a name for people
     * @return an active DID with the label
     */
    public static Did of(PhoneNumber number, String label) {
        return new Did(number, Optional.of(Objects.requireNonNull(label, "label")), false);
    }

    /** @return this DID, retired */
    public Did retire() {
        return retired ? this : new Did(number, label, true);
    }

    /** @return whether the DID may be chosen: it is not retired */
    public boolean isActive() {
        return !retired;
    }

    /**
     * The North-American area code (NPA) of the DID: the three digits after {@code +1}.
     *
     * @return the area code, or empty for a number outside the North American Numbering Plan
     */
    public Optional<String> areaCode() {
        return areaCodeOf(number);
    }

    /**
     * The North-American area code (NPA) of a number: the three digits after {@code +1}.
     *
     * @param number a number
     * @return the area code ({@code "530"} for {@code +15305550147}), or empty outside the North
     *     American Numbering Plan
     */
    public static Optional<String> areaCodeOf(PhoneNumber number) {
        Objects.requireNonNull(number, "number");
        String e164 = number.e164();
        return number.countryCode() == 1 && e164.length() == 12 ? Optional.of(e164.substring(2, 5)) : Optional.empty();
    }

    /** @return {@code +15305550147 "Sacramento" (retired)} */
    @Override
    public String toString() {
        return number.e164() + label.map(l -> " \"" + l + "\"").orElse("") + (retired ? " (retired)" : "");
    }
}
