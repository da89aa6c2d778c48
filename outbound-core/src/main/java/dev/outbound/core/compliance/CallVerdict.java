package dev.outbound.core.compliance;

import dev.outbound.core.record.RecordPhone;
import dev.outbound.core.schedule.RegionRule;
import dev.outbound.core.zone.ZoneResolution;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The answer to "may this number of this record be called at this instant, and if not, when
 * first?": {@link Allowed} or {@link Refused}, each with its evidence.
 */
public sealed interface CallVerdict {

    /** @return the instant the verdict is for */
    Instant at();

    /** @return the number the verdict is about */
    RecordPhone phone();

    /** @return whether the call may be placed */
    boolean isAllowed();

    /**
     * The number may be called: no list bars it, it is active, and the local time in every
     * candidate zone is inside every applicable window, on no closed date, under every cap.
     *
     * @param at the instant
     * @param phone the number, with its zones and their provenance
     * @param rules the region rules that applied
     */
    record Allowed(Instant at, RecordPhone phone, List<RegionRule> rules) implements CallVerdict {
        /**
         * Checks the components.
         *
         * @param at the instant the verdict is for
         * @param phone the number, with its zones and their provenance
         * @param rules the region rules that applied
         */
        public Allowed {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(phone, "phone");
            rules = List.copyOf(rules);
        }

        @Override
        public boolean isAllowed() {
            return true;
        }

        /** @return the candidate zones the check held in, with how they were found */
        public ZoneResolution zones() {
            return phone.zones();
        }

        /**
         * @param zone one of the candidate zones
         * @return the local date and time there at the instant
         */
        public LocalDateTime localTime(ZoneId zone) {
            return LocalDateTime.ofInstant(at, zone);
        }
    }

    /**
     * The number may not be called now.
     *
     * @param at the instant
     * @param phone the number
     * @param reasons every reason, each with its evidence; never empty
     * @param earliest the earliest instant at or after {@code at} at which the call would be
     *     allowed if nothing else changes; empty when no such instant exists within the policy's
     *     search horizon or only a change of data can allow it (a permanent DNC entry, an inactive
     *     number, an unknown zone)
     */
    record Refused(Instant at, RecordPhone phone, List<Refusal> reasons, Optional<Instant> earliest)
            implements CallVerdict {
        /**
         * Checks the components.
         *
         * @param at the instant the verdict is for
         * @param phone the number the verdict is about
         * @param reasons every reason, each with its evidence; never empty
         * @param earliest the earliest instant at or after {@code at} at which the call would be
         *     allowed if nothing else changes; empty when there is none within the search horizon or only a
         *     change of data can allow it
         */
        public Refused {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(phone, "phone");
            Objects.requireNonNull(earliest, "earliest");
            reasons = List.copyOf(reasons);
            if (reasons.isEmpty()) {
                throw new IllegalArgumentException("a refusal needs at least one reason");
            }
        }

        @Override
        public boolean isAllowed() {
            return false;
        }
    }
}
