package dev.outbound.core.zone;

import dev.outbound.core.InvalidValueException;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * How a record's zones were found: the step of the resolution order that gave them, with its
 * evidence, so that a user can always see why a customer is considered to be in a zone. The
 * types follow the order in which {@link ZoneResolver} tries the steps.
 */
public sealed interface ZoneProvenance {

    /** @return the zones this step gave: not empty, no repeats, canonical */
    List<ZoneId> zones();

    /** @return one sentence for people saying where the zones came from */
    String describe();

    /**
     * Step 1: the record named its zone.
     *
     * @param name the zone name the record gave, with its canonical zone
     */
    record Explicit(ZoneName name) implements ZoneProvenance {
        /**
         * Checks the name is present.
         *
         * @param name the zone name the record gave, with its canonical zone
         */
        public Explicit {
            Objects.requireNonNull(name, "name");
        }

        @Override
        public List<ZoneId> zones() {
            return List.of(name.zone());
        }

        @Override
        public String describe() {
            return "from the record's " + TimeZones.FIELD + ": " + name.describe();
        }
    }

    /**
     * Step 2a: a campaign rule over the record's fields matched.
     *
     * @param rule the rule that matched
     */
    record FieldRule(ZoneRule rule) implements ZoneProvenance {
        /**
         * Checks the rule is present.
         *
         * @param rule the rule that matched
         */
        public FieldRule {
            Objects.requireNonNull(rule, "rule");
        }

        @Override
        public List<ZoneId> zones() {
            return rule.zones();
        }

        @Override
        public String describe() {
            return "from the campaign rule " + rule;
        }
    }

    /**
     * Step 2b: a prefix of the number is in the campaign's own area-code table.
     *
     * @param prefix the longest matching prefix, E.164 digits without {@code +}
     * @param zones the zones the table gives for it
     */
    record AreaCode(String prefix, List<ZoneId> zones) implements ZoneProvenance {
        /**
         * Validates the prefix and the zones.
         *
         * @param prefix the longest matching prefix, E.164 digits without {@code +}
         * @param zones the zones the table gives for it
         */
        public AreaCode {
            zones = checked(prefix, zones);
        }

        @Override
        public String describe() {
            return "from the campaign's area-code table: +" + prefix + " maps to " + join(zones);
        }
    }

    /**
     * Step 3: a prefix of the number is in the built-in libphonenumber time-zone data.
     *
     * @param prefix the longest matching prefix, E.164 digits without {@code +}
     * @param zones the zones the data gives for it
     */
    record NumberPrefix(String prefix, List<ZoneId> zones) implements ZoneProvenance {
        /**
         * Validates the prefix and the zones.
         *
         * @param prefix the longest matching prefix, E.164 digits without {@code +}
         * @param zones the zones the data gives for it
         */
        public NumberPrefix {
            zones = checked(prefix, zones);
        }

        @Override
        public String describe() {
            return "from the phone number: +" + prefix + " maps to " + join(zones);
        }
    }

    /**
     * Step 4: nothing about the record told, so the campaign's default zone applies.
     *
     * @param zone the default zone, canonical
     */
    record CampaignDefault(ZoneId zone) implements ZoneProvenance {
        /**
         * Makes the zone canonical; offsets are refused.
         *
         * @param zone the default zone
         */
        public CampaignDefault {
            zone = TimeZones.canonicalZone("zone", zone);
        }

        @Override
        public List<ZoneId> zones() {
            return List.of(zone);
        }

        @Override
        public String describe() {
            return "from the campaign's default zone: " + zone.getId();
        }
    }

    private static List<ZoneId> checked(String prefix, List<ZoneId> zones) {
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(zones, "zones");
        if (!AreaCodeTable.isPrefix(prefix)) {
            throw new InvalidValueException("prefix", "1 to 15 digits, not starting with 0", prefix);
        }
        if (zones.isEmpty()) {
            throw new InvalidValueException("zones", "at least one zone", zones);
        }
        return TimeZones.canonicalZones("zones", zones);
    }

    private static String join(List<ZoneId> zones) {
        StringBuilder joined = new StringBuilder();
        for (ZoneId zone : zones) {
            if (joined.length() > 0) {
                joined.append(", ");
            }
            joined.append(zone.getId());
        }
        return joined.toString();
    }
}
