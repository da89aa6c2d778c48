package dev.outbound.core.compliance;

import dev.outbound.core.dnc.DncDecision;
import dev.outbound.core.dnc.DncEntry;
import dev.outbound.core.phone.PhoneState;
import dev.outbound.core.schedule.RegionRule;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/** One reason a number may not be called at an instant, with its evidence. */
public sealed interface Refusal {

    /** @return the reason in one sentence, for logs and for people asking "why not?" */
    String describe();

    /**
     * A Do-Not-Call list bars the number or the customer, or an allow list does not contain it.
     *
     * @param decision the list's decision, with the list and the entry
     */
    record DoNotCall(DncDecision decision) implements Refusal {
        /**
         * Checks the component.
         *
         * @param decision the list's decision, with the list and the entry
         */
        public DoNotCall {
            Objects.requireNonNull(decision, "decision");
        }

        @Override
        public String describe() {
            if (decision instanceof DncDecision.Listed listed) {
                DncEntry e = listed.entry();
                return "on the Do-Not-Call list '" + listed.list().name() + "' (entry " + e.key()
                        + e.source().map(x -> ", source " + x).orElse("")
                        + e.reason().map(x -> ", reason " + x).orElse("")
                        + e.expiresAt().map(x -> ", until " + x).orElse(", no expiry") + ")";
            }
            if (decision instanceof DncDecision.NotAllowListed notListed) {
                return "not on the allow list '" + notListed.list().name() + "', and only its numbers may be called";
            }
            return "Do-Not-Call: " + decision;
        }
    }

    /**
     * The number is not active (inactive, excluded or blocked).
     *
     * @param state its state
     */
    record NumberNotActive(PhoneState state) implements Refusal {
        /**
         * Checks the component.
         *
         * @param state the number's state: inactive, excluded or blocked
         */
        public NumberNotActive {
            Objects.requireNonNull(state, "state");
        }

        @Override
        public String describe() {
            return "the number is " + state.name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * The customer's time zone is unknown, so no local time can be checked. The SDK never guesses.
     *
     * @param tried what was looked at to find a zone, in words
     */
    record ZoneUnknown(List<String> tried) implements Refusal {
        /**
         * Copies the list.
         *
         * @param tried what was looked at to find a zone, in words
         */
        public ZoneUnknown {
            tried = List.copyOf(tried);
        }

        @Override
        public String describe() {
            return "the time zone is unknown (tried: " + String.join("; ", tried) + ")";
        }
    }

    /**
     * The local time in one of the candidate zones is outside some applicable hours.
     *
     * @param zone the zone
     * @param localTime the local date and time there at the instant checked
     * @param source the hours that do not allow it, and where they come from
     */
    record OutsideHours(ZoneId zone, LocalDateTime localTime, HoursSource source) implements Refusal {
        /**
         * Checks the components.
         *
         * @param zone the candidate zone whose local time is outside the hours
         * @param localTime the local date and time there at the instant checked
         * @param source the hours that do not allow it, and where they come from
         */
        public OutsideHours {
            Objects.requireNonNull(zone, "zone");
            Objects.requireNonNull(localTime, "localTime");
            Objects.requireNonNull(source, "source");
        }

        @Override
        public String describe() {
            return "it is " + localTime + " in " + zone + ", outside the " + source.describe() + " ["
                    + source.hours() + "]";
        }
    }

    /**
     * The local date in one of the candidate zones is a closed date (a holiday).
     *
     * @param zone the zone
     * @param date the local date there
     * @param name the date's name, or empty
     */
    record ClosedDate(ZoneId zone, LocalDate date, String name) implements Refusal {
        /**
         * Checks the components.
         *
         * @param zone the candidate zone whose local date is closed
         * @param date the local date there
         * @param name the date's name, or the empty string
         */
        public ClosedDate {
            Objects.requireNonNull(zone, "zone");
            Objects.requireNonNull(date, "date");
            Objects.requireNonNull(name, "name");
        }

        @Override
        public String describe() {
            return "it is " + date + " in " + zone + ", a closed date" + (name.isEmpty() ? "" : " (" + name + ")");
        }
    }

    /**
     * A region rule's cap on calls per rolling 24 hours is reached.
     *
     * @param rule the rule with the cap
     * @param calls the calls to the record in the 24 hours before the instant checked
     * @param since the start of that 24-hour window
     */
    record CallCapReached(RegionRule rule, int calls, Instant since) implements Refusal {
        /**
         * Checks the components.
         *
         * @param rule the rule with the cap
         * @param calls the calls to the record in the 24 hours before the instant checked
         * @param since the start of that 24-hour window
         */
        public CallCapReached {
            Objects.requireNonNull(rule, "rule");
            Objects.requireNonNull(since, "since");
        }

        @Override
        public String describe() {
            return calls + " calls since " + since + " reach the cap of " + rule.maxCallsPer24Hours()
                    + " per 24 h of region rule " + rule.name();
        }
    }
}
