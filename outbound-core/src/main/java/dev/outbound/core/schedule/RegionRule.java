package dev.outbound.core.schedule;

import dev.outbound.core.InvalidValueException;
import dev.outbound.core.phone.PhoneNumber;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * A stricter rule for a region, such as a US state's telephone-solicitation law: its own calling
 * hours (which narrow the campaign's) and, optionally, a cap on calls to one record in any
 * rolling 24 hours. Rules are data that users edit (see {@link RegionRuleSet#parse}), never code.
 *
 * @param name a short name for messages and evidence ({@code US-FL})
 * @param appliesTo the conditions; the rule applies when any of them matches
 * @param hours the hours the rule allows, in the called party's local time
 * @param maxCallsPer24Hours the most calls to one record in any 24 hours, or 0 for no cap
 * @param note where the rule comes from (a statute), free text; may be empty
 */
public record RegionRule(String name, List<RegionMatch> appliesTo, WeeklySchedule hours, int maxCallsPer24Hours,
        String note) {

    /**
     * Validates the components.
     *
     * @param name a short name for messages and evidence ({@code US-FL})
     * @param appliesTo the conditions; the rule applies when any of them matches
     * @param hours the hours the rule allows, in the called party's local time
     * @param maxCallsPer24Hours the most calls to one record in any 24 hours, or 0 for no cap
     * @param note where the rule comes from (a statute), free text; may be empty
     */
    public RegionRule {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(hours, "hours");
        Objects.requireNonNull(note, "note");
        appliesTo = List.copyOf(appliesTo);
        if (name.isBlank()) {
            throw new InvalidValueException("region rule name", "not blank", "'" + name + "'");
        }
        if (appliesTo.isEmpty()) {
            throw new InvalidValueException("region rule " + name + " conditions", "at least one", "none");
        }
        if (maxCallsPer24Hours < 0 || maxCallsPer24Hours > 1000) {
            throw new InvalidValueException("region rule " + name + " max calls per 24 h",
                    "0 (no cap) to 1000", maxCallsPer24Hours);
        }
    }

    /**
     * Tells whether the rule applies to a record called on a number.
     *
     * @param fields the record's fields as text, keyed by lower-case field name
     * @param number the number to be called
     * @return whether any condition matches
     */
    public boolean appliesTo(Map<String, String> fields, PhoneNumber number) {
        for (RegionMatch m : appliesTo) {
            if (m.matches(fields, number)) {
                return true;
            }
        }
        return false;
    }

    /** @return the cap on calls to one record per rolling 24 hours, when the rule has one */
    public OptionalInt callCap() {
        return maxCallsPer24Hours == 0 ? OptionalInt.empty() : OptionalInt.of(maxCallsPer24Hours);
    }
}
