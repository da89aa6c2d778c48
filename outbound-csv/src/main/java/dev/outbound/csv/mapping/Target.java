package dev.outbound.csv.mapping;

import dev.outbound.core.InvalidValueException;
import dev.outbound.core.phone.PhoneField;
import java.util.Objects;

/**
 * A record field a column's value goes to. One column may feed several targets (seed 004: one
 * column to several fields); a target takes at most one column.
 */
public sealed interface Target {
    /** @return the target in words, as a mapping template names it */
    String describe();

    /**
     * Reads a target back from its {@link #describe()} text: {@code customer_reference_id},
     * {@code agent}, {@code phone:<field>}, {@code local_time_zone}, {@code scheduled_for},
     * {@code region}, {@code list}, {@code priority} or {@code field:<name>}.
     *
     * @param description the text, as {@link #describe()} writes it (surrounding spaces ignored)
     * @return the target
     * @throws InvalidValueException for {@code mapping target} when the text names no target
     */
    static Target parse(String description) {
        Objects.requireNonNull(description, "description");
        String d = description.strip();
        switch (d) {
            case "customer_reference_id":
                return new CustomerRef();
            case "agent":
                return new Agent();
            case "local_time_zone":
                return new TimeZone();
            case "scheduled_for":
                return new ScheduledFor();
            case "region":
                return new Region();
            case "list":
                return new ListName();
            case "priority":
                return new Priority();
            default:
                break;
        }
        if (d.startsWith("phone:")) {
            return new Phone(new PhoneField(d.substring("phone:".length())));
        }
        if (d.startsWith("field:") && !d.substring("field:".length()).isBlank()) {
            return new Custom(d.substring("field:".length()));
        }
        throw new InvalidValueException("mapping target", "one of customer_reference_id, agent, phone:<field>, "
                + "local_time_zone, scheduled_for, region, list, priority, field:<name>", "'" + description + "'");
    }

    /** The customer reference id (seed 000's {@code customer_reference_id}). */
    record CustomerRef() implements Target {
        @Override
        public String describe() {
            return "customer_reference_id";
        }
    }

    /** The assigned agent's e-mail (seed 000's {@code agent}). */
    record Agent() implements Target {
        @Override
        public String describe() {
            return "agent";
        }
    }

    /**
     * A phone number of one phone field.
     *
     * @param field the phone field
     */
    record Phone(PhoneField field) implements Target {
        /**
         * Checks the field.
         *
         * @param field the phone field
         */
        public Phone {
            Objects.requireNonNull(field, "field");
        }

        @Override
        public String describe() {
            return "phone:" + field.name();
        }
    }

    /** The record's IANA time zone (seed 000's {@code local_time_zone}). */
    record TimeZone() implements Target {
        @Override
        public String describe() {
            return "local_time_zone";
        }
    }

    /** When to call (seed 000's {@code scheduled_for}). */
    record ScheduledFor() implements Target {
        @Override
        public String describe() {
            return "scheduled_for";
        }
    }

    /** The region (ISO 3166 country) the row's numbers are read in, when written nationally. */
    record Region() implements Target {
        @Override
        public String describe() {
            return "region";
        }
    }

    /** The list the record joins (seed 004). */
    record ListName() implements Target {
        @Override
        public String describe() {
            return "list";
        }
    }

    /** The record's priority. */
    record Priority() implements Target {
        @Override
        public String describe() {
            return "priority";
        }
    }

    /**
     * A custom field (seed 003's campaign-specific data).
     *
     * @param name the field's name
     */
    record Custom(String name) implements Target {
        /**
         * Checks the name.
         *
         * @param name the field's name
         */
        public Custom {
            Objects.requireNonNull(name, "name");
            if (name.isBlank()) {
                throw new InvalidValueException("custom field target", "a name", "blank");
            }
        }

        @Override
        public String describe() {
            return "field:" + name;
        }
    }
}
