package dev.outbound.core.phone;

/** Why a phone number was refused. */
public enum PhoneNumberProblem {
    /** The input was empty or blank. */
    EMPTY("empty"),
    /** The input is not a number at all: letters, punctuation, or too few digits to be one. */
    NOT_A_NUMBER("not a number at all"),
    /** The country calling code does not exist, or the number has none and no region was given. */
    INVALID_COUNTRY_CODE("no valid country code"),
    /** The default region is not one with a numbering plan. */
    UNKNOWN_REGION("unknown default region"),
    /** Too few digits for any number of its country. */
    TOO_SHORT("too short"),
    /** Too many digits for any number of its country. */
    TOO_LONG("too long"),
    /** A length that no number of its country has, though shorter and longer ones exist. */
    INVALID_LENGTH("no number of its country has this length"),
    /** The right length, but not a number the country's plan assigns. */
    NOT_VALID_FOR_REGION("not valid for the region"),
    /** Not written in E.164 form where E.164 was required. */
    NOT_E164("not in E.164 form");

    private final String description;

    PhoneNumberProblem(String description) {
        this.description = description;
    }

    /** @return the reason in words, as used in messages */
    public String description() {
        return description;
    }
}
