package dev.outbound.core.zone;

import dev.outbound.core.InvalidValueException;
import java.time.ZoneId;
import java.util.Objects;

/**
 * A time-zone name that was accepted: what was given, the zone id it matched, and the canonical
 * IANA name behind it ({@code US/Eastern} is an alias of {@code America/New_York}). Made by
 * {@link TimeZones#parse}; the {@link #zone()} is the one computations use, and it is the
 * canonical zone whenever the running JDK knows it.
 *
 * @param given the text as it was given (case and surrounding spaces kept)
 * @param id the zone id it matched, spelled as the JDK spells it ({@code US/Eastern})
 * @param canonical the canonical IANA name ({@code America/New_York}); equal to {@code id} when
 *     the name is not an alias
 * @param zone the zone for computations: {@code canonical}, or {@code id} on a JDK whose tz data
 *     lacks the canonical name
 */
public record ZoneName(String given, String id, String canonical, ZoneId zone) {

    /**
     * Checks that the id is a known region id and that the zone is its canonical or itself.
     *
     * @param given the text as it was given (case and surrounding spaces kept)
     * @param id the zone id it matched, spelled as the JDK spells it ({@code US/Eastern})
     * @param canonical the canonical IANA name ({@code America/New_York}); equal to {@code id} when
     *     the name is not an alias
     * @param zone the zone for computations: {@code canonical}, or {@code id} on a JDK whose tz data
     *     lacks the canonical name
     */
    public ZoneName {
        Objects.requireNonNull(given, "given");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(canonical, "canonical");
        Objects.requireNonNull(zone, "zone");
        if (!TimeZones.isRegionId(id)) {
            throw new InvalidValueException("id", "a region id of ZoneId.getAvailableZoneIds()", id);
        }
        if (!canonical.equals(TimeZones.canonicalIdOf(id))) {
            throw new InvalidValueException("canonical", "the canonical name of " + id + ", "
                    + TimeZones.canonicalIdOf(id), canonical);
        }
        if (!zone.getId().equals(canonical) && !zone.getId().equals(id)) {
            throw new InvalidValueException("zone", "the zone " + canonical + " or " + id, zone.getId());
        }
    }

    /** @return whether the name is an alias (a backward-compatible link) of another zone */
    public boolean alias() {
        return !id.equals(canonical);
    }

    /**
     * @return the name for people: the matched id, followed by its canonical name when it is an
     *     alias ({@code US/Eastern (alias of America/New_York)})
     */
    public String describe() {
        return alias() ? id + " (alias of " + canonical + ")" : id;
    }

    @Override
    public String toString() {
        return describe();
    }
}
