package dev.outbound.core.phone;

import java.util.Objects;

/**
 * What came of parsing a phone number: a {@link Valid} number, or the reason it is {@link Invalid}.
 */
public sealed interface PhoneNumberParse {

    /**
     * The input was a valid number.
     *
     * @param number the normalised number
     */
    record Valid(PhoneNumber number) implements PhoneNumberParse {
        /**
         * Checks the component.
         *
         * @param number the normalised number
         */
        public Valid {
            Objects.requireNonNull(number, "number");
        }
    }

    /**
     * The input was refused.
     *
     * @param input the text as given
     * @param region the default region it was read in
     * @param problem the reason, as a value a program can switch on
     * @param detail the reason, in words
     */
    record Invalid(String input, String region, PhoneNumberProblem problem, String detail) implements PhoneNumberParse {
        /**
         * Checks the components.
         *
         * @param input the text as given
         * @param region the default region it was read in
         * @param problem the reason, as a value a program can switch on
         * @param detail the reason, in words
         */
        public Invalid {
            Objects.requireNonNull(input, "input");
            Objects.requireNonNull(region, "region");
            Objects.requireNonNull(problem, "problem");
            Objects.requireNonNull(detail, "detail");
        }

        /** @return one sentence naming the input, the region and the reason */
        public String message() {
            return "'" + input + "' (region " + region + ") is not a valid phone number: "
                    + problem.description() + " (" + detail + ")";
        }
    }
}
