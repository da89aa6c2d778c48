package dev.outbound.core.compliance;

import dev.outbound.core.phone.PhoneField;
import dev.outbound.core.schedule.RegionRule;
import dev.outbound.core.schedule.WeeklySchedule;
import java.util.Objects;

/** Where a set of calling hours comes from: evidence in a {@link Refusal.OutsideHours}. */
public sealed interface HoursSource {

    /** @return the hours this source allows */
    WeeklySchedule hours();

    /** @return the source in words, e.g. {@code "region rule US-FL"} */
    String describe();

    /**
     * The campaign's hours.
     *
     * @param hours the hours
     */
    record Campaign(WeeklySchedule hours) implements HoursSource {
        /**
         * Checks the component.
         *
         * @param hours the campaign's calling hours
         */
        public Campaign {
            Objects.requireNonNull(hours, "hours");
        }

        @Override
        public String describe() {
            return "campaign hours";
        }
    }

    /**
     * The hours of a phone field (e.g. work numbers on weekdays 09:00-17:00).
     *
     * @param field the field
     * @param hours the hours
     */
    record FieldHours(PhoneField field, WeeklySchedule hours) implements HoursSource {
        /**
         * Checks the components.
         *
         * @param field the phone field the hours are for
         * @param hours the hours the field's numbers may be called
         */
        public FieldHours {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(hours, "hours");
        }

        @Override
        public String describe() {
            return "hours of phone field " + field;
        }
    }

    /**
     * The hours of a region rule that applies to the record.
     *
     * @param rule the rule
     */
    record Region(RegionRule rule) implements HoursSource {
        /**
         * Checks the component.
         *
         * @param rule the region rule whose hours these are
         */
        public Region {
            Objects.requireNonNull(rule, "rule");
        }

        @Override
        public WeeklySchedule hours() {
            return rule.hours();
        }

        @Override
        public String describe() {
            return "region rule " + rule.name() + (rule.note().isEmpty() ? "" : " (" + rule.note() + ")");
        }
    }
}
