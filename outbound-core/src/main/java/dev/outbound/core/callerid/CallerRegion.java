package dev.outbound.core.callerid;

import dev.outbound.core.InvalidValueException;
import dev.outbound.core.phone.PhoneNumber;
import dev.outbound.core.zone.AreaCodeTable;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The region of a number, for local presence's second choice: a DID whose region equals the
 * callee's. Regions are compared as keys only; what they mean (a state, a set of time zones, a
 * country) is up to the function.
 */
@FunctionalInterface
public interface CallerRegion {

    /**
     * @param number a number (a callee or a DID)
     * @return its region, or empty when it has none: such a number matches no other
     */
    Optional<String> of(PhoneNumber number);

    /**
     * Regions from an area-code table: numbers are in the same region when the longest prefix of
     * each in the table has the same time zones ({@code +1530} and {@code +1916} are both
     * {@code America/Los_Angeles}). The built-in table has no states, so with
     * {@link AreaCodeTable#libphonenumber()} this means "the same time zone(s)". A number whose
     * longest prefix is its bare country code ({@code +1} alone, which lists every zone of the
     * plan) has no region.
     *
     * @param table the area-code table
     * @return the regions
     */
    static CallerRegion timeZones(AreaCodeTable table) {
        Objects.requireNonNull(table, "table");
        return number -> table.lookup(number)
                .filter(e -> !e.prefix().equals(String.valueOf(number.countryCode())))
                .map(e -> e.zones().stream().map(ZoneId::getId).sorted().collect(Collectors.joining("&")));
    }

    /**
     * Regions by North-American area code: a host's table of NPA to state or province
     * ({@code "530" -> "CA"}). Numbers outside the plan, or with an area code the table lacks,
     * have no region.
     *
     * @param regionOfAreaCode three-digit area codes to region names
     * @return the regions
     * @throws InvalidValueException when a key is not three digits or a region is blank
     */
    static CallerRegion byAreaCode(Map<String, String> regionOfAreaCode) {
        Objects.requireNonNull(regionOfAreaCode, "regionOfAreaCode");
        Map<String, String> copy = new HashMap<>();
        regionOfAreaCode.forEach((npa, region) -> {
            Objects.requireNonNull(npa, "area code");
            Objects.requireNonNull(region, "region");
            if (!npa.matches("[2-9][0-9][0-9]")) {
                throw new InvalidValueException("area code", "three digits, not starting with 0 or 1", npa);
            }
            if (region.isBlank()) {
                throw new InvalidValueException("region of area code " + npa, "not blank", "'" + region + "'");
            }
            copy.put(npa, region.strip());
        });
        Map<String, String> table = Map.copyOf(copy);
        return number -> Did.areaCodeOf(number).map(table::get);
    }

    /**
     * Regions by country: the number's ISO 3166 region ({@code US}, {@code CA}, {@code GB}).
     *
     * @return the regions
     */
    static CallerRegion country() {
        return number -> Optional.of(number.regionCode());
    }
}
