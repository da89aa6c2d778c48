package dev.outbound.core.phone;

import dev.outbound.core.InvalidValueException;
import java.util.Objects;

/** A phone number was refused; {@link #problem()} says why. */
public final class InvalidPhoneNumberException extends InvalidValueException {
    private static final long serialVersionUID = 1L;

    private final transient PhoneNumberParse.Invalid invalid;

    /**
     * Creates the exception from a failed parse.
     *
     * @param invalid the failed parse, with the input and the reason
     */
    public InvalidPhoneNumberException(PhoneNumberParse.Invalid invalid) {
        super("phone number", Objects.requireNonNull(invalid, "invalid").problem().description()
                + " in region " + invalid.region() + "; " + invalid.detail(), invalid.input());
        this.invalid = invalid;
    }

    /** @return why the number was refused */
    public PhoneNumberProblem problem() {
        return invalid.problem();
    }

    /** @return the failed parse, with the input, the region and the reason */
    public PhoneNumberParse.Invalid invalid() {
        return invalid;
    }
}
