package dev.outbound.core.lifecycle;

import dev.outbound.core.InvalidValueException;
import dev.outbound.core.phone.PhoneField;
import dev.outbound.core.phone.PhoneNumber;
import java.util.Objects;

/**
 * Something the host must act on after a {@link Transition}, besides storing the record: the
 * record already shows the change (the number's state); the effect tells the host what to do
 * outside the record, such as adding the number to the campaign's Do-Not-Call list.
 */
public sealed interface Effect {

    /** @return one sentence for people saying what happened and what the host is to do */
    String describe();

    /**
     * The call's treatment asks for the number to be added to the campaign's Do-Not-Call list
     * ({@link Treatment.AddToDoNotCall}); the record's number is already {@code BLOCKED}.
     *
     * @param field the phone field of the number
     * @param number the number to add
     */
    record AddToDoNotCall(PhoneField field, PhoneNumber number) implements Effect {
        /**
         * Checks the components.
         *
         * @param field the phone field of the number
         * @param number the number to add
         */
        public AddToDoNotCall {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(number, "number");
        }

        @Override
        public String describe() {
            return "add " + number.e164() + " (" + field + ") to the campaign's Do-Not-Call list";
        }
    }

    /**
     * A number of the record was excluded from dialing (seed 003's Excluded state) while the record
     * goes on with its other numbers, if any.
     *
     * @param field the phone field of the number
     * @param number the number excluded
     * @param why the evidence, in words: the result and its treatment, or the failed calls and the
     *     campaign's limit
     */
    record NumberExcluded(PhoneField field, PhoneNumber number, String why) implements Effect {
        /**
         * Checks the components.
         *
         * @param field the phone field of the number
         * @param number the number excluded
         * @param why the evidence, in words; not blank
         */
        public NumberExcluded {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(number, "number");
            Objects.requireNonNull(why, "why");
            if (why.isBlank()) {
                throw new InvalidValueException("why", "not blank", "'" + why + "'");
            }
        }

        @Override
        public String describe() {
            return "number " + number.e164() + " (" + field + ") excluded from dialing: " + why;
        }
    }
}
