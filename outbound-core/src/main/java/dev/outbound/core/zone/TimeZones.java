package dev.outbound.core.zone;

import dev.outbound.core.InvalidValueException;
import dev.outbound.core.internal.DataLines;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Reads time-zone names. Exactly the region ids of {@link ZoneId#getAvailableZoneIds()} are
 * accepted (IANA names and their old aliases such as {@code US/Eastern}), matched without regard
 * to case after trimming. UTC offsets and prefixed offsets ({@code +05:30}, {@code GMT-5},
 * {@code UTC+01:00}, {@code Z}), Windows names ({@code Eastern Standard Time}), abbreviations
 * ({@code EST}) and unknown names are refused, with a suggestion when the mistake is a near miss:
 * an offset says nothing about daylight saving time, and the SDK never guesses.
 */
public final class TimeZones {

    /** The name of the record field that carries an explicit zone. */
    public static final String FIELD = "local_time_zone";

    static final String EXPECTED = "an IANA time-zone name such as America/New_York";

    /** Offsets alone or behind a UTC/GMT/UT prefix: ZoneId.of accepts them, the SDK does not. */
    private static final Pattern OFFSET = Pattern.compile(
            "(?i)(?:z|(?:utc|gmt|ut)?\\s*[+\\-\u2212]\\s*\\d{1,2}(?::?\\d{2}(?::?\\d{2})?)?)");

    private TimeZones() {
    }

    /**
     * Reads the value of the {@value #FIELD} field.
     *
     * @param text the zone name as given, e.g. {@code America/New_York}, {@code us/eastern}
     * @return the accepted name with its canonical zone
     * @throws InvalidValueException for field {@value #FIELD} when the text is blank, an offset or
     *     not a known zone name
     */
    public static ZoneName parse(String text) {
        return parse(FIELD, text);
    }

    /**
     * Reads a zone name given for some field or setting, so that a refusal names it.
     *
     * @param field the name of the field or setting the text came from
     * @param text the zone name as given
     * @return the accepted name with its canonical zone
     * @throws InvalidValueException for {@code field} when the text is not an accepted zone name
     */
    public static ZoneName parse(String field, String text) {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(text, "text");
        Optional<ZoneName> name = tryParse(text);
        if (name.isEmpty()) {
            throw new InvalidValueException(field, ruleFor(text), text);
        }
        return name.get();
    }

    /**
     * Reads a zone name without throwing.
     *
     * @param text the zone name as given
     * @return the accepted name, or empty when {@link #parse} would refuse it
     */
    public static Optional<ZoneName> tryParse(String text) {
        Objects.requireNonNull(text, "text");
        Names names = Names.INSTANCE;
        ZoneName exact = names.exact.get(text);
        if (exact != null) {
            return Optional.of(exact);
        }
        String id = names.byLowerCase.get(text.trim().toLowerCase(Locale.ROOT));
        if (id == null) {
            return Optional.empty();
        }
        ZoneName match = names.exact.get(id);
        return Optional.of(new ZoneName(text, id, match.canonical(), match.zone()));
    }

    /**
     * The name of a zone the caller already holds as a {@link ZoneId}.
     *
     * @param zone a region zone known to the JDK; offsets are refused
     * @return its name, with the canonical zone
     * @throws InvalidValueException when the zone is an offset or a region id the JDK does not list
     */
    public static ZoneName nameOf(ZoneId zone) {
        Objects.requireNonNull(zone, "zone");
        ZoneName name = zone instanceof ZoneOffset ? null : Names.INSTANCE.exact.get(zone.getId());
        if (name == null) {
            throw new InvalidValueException("zone", EXPECTED + ", not an offset", zone.getId());
        }
        return name;
    }

    /**
     * The canonical IANA name of a zone id: the target of an alias, or the id itself.
     *
     * @param id a region id, e.g. {@code US/Eastern}, spelled exactly
     * @return the canonical name ({@code America/New_York}), or empty when the JDK does not know the id
     */
    public static Optional<String> canonicalId(String id) {
        Objects.requireNonNull(id, "id");
        ZoneName name = Names.INSTANCE.exact.get(id);
        return name == null ? Optional.empty() : Optional.of(name.canonical());
    }

    /** @return every accepted zone id, as the JDK spells it, sorted */
    public static Set<String> ids() {
        return Names.INSTANCE.ids;
    }

    static boolean isRegionId(String id) {
        return Tz.JDK_IDS.contains(id);
    }

    static String canonicalIdOf(String id) {
        return Tz.ALIASES.getOrDefault(id, id);
    }

    /** Canonical zone for a ZoneId given in code; refusals name the field the zone was set for. */
    static ZoneId canonicalZone(String field, ZoneId zone) {
        Objects.requireNonNull(zone, field);
        ZoneName name = zone instanceof ZoneOffset ? null : Names.INSTANCE.exact.get(zone.getId());
        if (name == null) {
            throw new InvalidValueException(field, EXPECTED + ", not an offset or unknown id", zone.getId());
        }
        return name.zone();
    }

    /**
     * The zones made canonical, without repeats, in their order. An already canonical immutable
     * list comes back as the same instance, so tables can share their lists.
     */
    static List<ZoneId> canonicalZones(String field, List<ZoneId> zones) {
        Set<ZoneId> canonical = new LinkedHashSet<>();
        boolean same = true;
        for (ZoneId zone : zones) {
            ZoneId c = canonicalZone(field, zone);
            same &= c.equals(zone) && canonical.add(c);
            canonical.add(c);
        }
        return same ? List.copyOf(zones) : List.copyOf(canonical);
    }

    /** Builds the rule part of a refusal: what was expected, and a hint when one is cheap to find. */
    static String ruleFor(String text) {
        String trimmed = text.trim();
        if (trimmed.isEmpty()) {
            return EXPECTED + ", not blank";
        }
        if (OFFSET.matcher(trimmed).matches()) {
            return EXPECTED + ", not a UTC offset (an offset ignores daylight saving time)";
        }
        Optional<String> hint = Suggestions.suggest(trimmed, Names.INSTANCE);
        return hint.map(s -> EXPECTED + "; did you mean " + s + "?").orElse(EXPECTED);
    }

    /** The JDK's region ids and the alias links, which {@link ZoneName} validates against. */
    static final class Tz {
        static final Set<String> JDK_IDS = Set.copyOf(ZoneId.getAvailableZoneIds());
        static final Map<String, String> ALIASES = loadAliases();

        private Tz() {
        }

        private static Map<String, String> loadAliases() {
            return DataLines.resource(TimeZones.class, "zone-aliases.txt", reader -> {
                Map<String, String> links = new HashMap<>();
                DataLines.read(reader, "zone-aliases.txt", (number, line, raw) -> {
                    int bar = line.indexOf('|');
                    links.put(line.substring(0, bar).trim(), line.substring(bar + 1).trim());
                });
                return Map.copyOf(links);
            });
        }
    }

    /** The look-up tables, built once on first use. */
    static final class Names {
        static final Names INSTANCE = new Names();

        final Set<String> ids;
        final Map<String, ZoneName> exact;
        final Map<String, String> byLowerCase;

        private Names() {
            ids = Collections.unmodifiableSet(new TreeSet<>(Tz.JDK_IDS));
            Map<String, ZoneName> exactNames = new HashMap<>();
            Map<String, String> lower = new HashMap<>();
            for (String id : Tz.JDK_IDS) {
                String target = canonicalIdOf(id);
                // An old JDK may lack a newer canonical name (Europe/Kyiv): compute with the alias then.
                ZoneId zone = ZoneId.of(Tz.JDK_IDS.contains(target) ? target : id);
                exactNames.put(id, new ZoneName(id, id, target, zone));
                lower.put(id.toLowerCase(Locale.ROOT), id);
            }
            exact = Map.copyOf(exactNames);
            byLowerCase = Map.copyOf(lower);
        }
    }
}
