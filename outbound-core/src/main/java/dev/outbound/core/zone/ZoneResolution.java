package dev.outbound.core.zone;

import dev.outbound.core.InvalidValueException;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of resolving a record's zones: either the candidate zones with how they were found,
 * or nothing, with what was looked at. An unresolved record is not dialable: the SDK never
 * guesses a zone.
 */
public sealed interface ZoneResolution {

    /** @return whether zones were found */
    boolean isResolved();

    /** @return one sentence for people: the zones and where they came from, or why there are none */
    String describe();

    /**
     * Zones were found. A calling window must hold in every one of them.
     *
     * @param zones the candidate zones, in order: not empty, no repeats, canonical; always equal to
     *     the provenance's zones
     * @param provenance the step that gave them, with its evidence
     */
    record Resolved(List<ZoneId> zones, ZoneProvenance provenance) implements ZoneResolution {
        /**
         * Checks that the zones are those of the provenance.
         *
         * @param zones the candidate zones, in order
         * @param provenance the step that gave them, with its evidence
         */
        public Resolved {
            Objects.requireNonNull(zones, "zones");
            Objects.requireNonNull(provenance, "provenance");
            zones = List.copyOf(zones);
            if (zones.isEmpty() || !zones.equals(provenance.zones())) {
                throw new InvalidValueException("zones", "the zones of " + provenance.describe(), zones);
            }
        }

        /**
         * Makes the outcome of a step.
         *
         * @param provenance the step and its evidence
         * @return the outcome with the step's zones
         */
        public static Resolved of(ZoneProvenance provenance) {
            Objects.requireNonNull(provenance, "provenance");
            return new Resolved(provenance.zones(), provenance);
        }

        @Override
        public boolean isResolved() {
            return true;
        }

        @Override
        public String describe() {
            return provenance.describe();
        }
    }

    /**
     * No zone was found.
     *
     * @param tried what was looked at, in words, one entry a step, in order; not empty
     */
    record Unresolved(List<String> tried) implements ZoneResolution {
        /**
         * Checks that the record says what was tried.
         *
         * @param tried what was looked at, in words, one entry a step, in order; not empty
         */
        public Unresolved {
            Objects.requireNonNull(tried, "tried");
            tried = List.copyOf(tried);
            if (tried.isEmpty()) {
                throw new InvalidValueException("tried", "at least one step that was looked at", tried);
            }
        }

        @Override
        public boolean isResolved() {
            return false;
        }

        @Override
        public String describe() {
            return "time zone unknown, so the record is not dialable: " + String.join("; ", tried);
        }
    }
}
