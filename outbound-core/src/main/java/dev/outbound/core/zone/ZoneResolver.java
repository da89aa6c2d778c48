package dev.outbound.core.zone;

import dev.outbound.core.InvalidValueException;
import dev.outbound.core.phone.PhoneNumber;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds where a customer lives in time. The steps are tried in order and the first that gives
 * zones wins:
 * <ol>
 * <li>the record's explicit zone ({@value TimeZones#FIELD}); blank means "not given", while a
 *     filled but unknown name makes the record invalid;</li>
 * <li>the campaign's rules over the record's fields, in the order given, then the campaign's
 *     own area-code table;</li>
 * <li>the zones of the phone number, from libphonenumber's data (can be turned off);</li>
 * <li>the campaign's default zone;</li>
 * <li>otherwise the zone is unknown and the record is not dialable.</li>
 * </ol>
 * A resolver is immutable and safe to share. Everything that does not depend on the record is
 * prepared when it is built, so a resolution costs a few map look-ups and small allocations.
 */
public final class ZoneResolver {

    private final List<ZoneRule> rules;
    private final List<FieldRules> fieldRules;
    private final AreaCodeTable areaCodes;
    private final boolean numberZones;
    private final Optional<ZoneResolution.Resolved> defaultZone;
    /**
     * The resolution of each area-code table entry met so far, made once: an import resolves
     * millions of numbers against a few hundred prefixes, and each resolution checks its zones.
     */
    private final Map<AreaCodeTable.Entry, ZoneResolution> areaCodeResolutions = new ConcurrentHashMap<>();
    /** The same for libphonenumber's own table, which every resolver shares. */
    private static final Map<AreaCodeTable.Entry, ZoneResolution> NUMBER_PREFIX_RESOLUTIONS = new ConcurrentHashMap<>();

    private ZoneResolver(Builder b) {
        this.rules = b.rules;
        this.areaCodes = b.areaCodes;
        this.numberZones = b.numberZones;
        this.defaultZone = b.defaultZone.map(z -> ZoneResolution.Resolved.of(new ZoneProvenance.CampaignDefault(z)));
        Map<String, TreeMap<String, Ranked>> byField = new LinkedHashMap<>();
        for (int i = 0; i < rules.size(); i++) {
            ZoneRule rule = rules.get(i);
            TreeMap<String, Ranked> values =
                    byField.computeIfAbsent(rule.field(), f -> new TreeMap<>(String.CASE_INSENSITIVE_ORDER));
            Ranked previous = values.putIfAbsent(rule.value(),
                    new Ranked(i, ZoneResolution.Resolved.of(new ZoneProvenance.FieldRule(rule))));
            if (previous != null) {
                throw new InvalidValueException("rules", "one rule per field and value; rule "
                        + (previous.index() + 1) + " is " + rules.get(previous.index()), rule);
            }
        }
        List<FieldRules> list = new ArrayList<>();
        byField.forEach((field, values) -> list.add(new FieldRules(field, values)));
        this.fieldRules = List.copyOf(list);
    }

    /** @return a builder with no rules, no area-code table, phone-number zones on and no default zone */
    public static Builder newBuilder() {
        return new Builder();
    }

    /**
     * Resolves the zones of one record.
     *
     * @param explicitZone the record's {@value TimeZones#FIELD} value, if the record has one; a
     *     blank value counts as absent
     * @param fields the record's fields by name, which the campaign rules look at
     * @param number the record's phone number
     * @return the candidate zones with their provenance, or what was tried when none was found
     * @throws InvalidValueException for field {@value TimeZones#FIELD} when the explicit zone is
     *     filled but not an accepted zone name
     */
    public ZoneResolution resolve(Optional<String> explicitZone, Map<String, String> fields, PhoneNumber number) {
        Objects.requireNonNull(explicitZone, "explicitZone");
        Objects.requireNonNull(fields, "fields");
        Objects.requireNonNull(number, "number");
        if (!fieldRules.isEmpty()) {
            fields = lowerCaseKeys(fields);
        }
        if (explicitZone.isPresent() && !explicitZone.get().isBlank()) {
            ZoneName name = TimeZones.parse(TimeZones.FIELD, explicitZone.get());
            return ZoneResolution.Resolved.of(new ZoneProvenance.Explicit(name));
        }
        Ranked best = null;
        for (FieldRules f : fieldRules) {
            String value = fields.get(f.field());
            if (value != null) {
                Ranked r = f.values().get(value.trim());
                if (r != null && (best == null || r.index() < best.index())) {
                    best = r;
                }
            }
        }
        if (best != null) {
            return best.resolved();
        }
        Optional<AreaCodeTable.Entry> areaCode = areaCodes.lookup(number);
        if (areaCode.isPresent()) {
            return areaCodeResolutions.computeIfAbsent(areaCode.get(),
                    e -> ZoneResolution.Resolved.of(new ZoneProvenance.AreaCode(e.prefix(), e.zones())));
        }
        if (numberZones) {
            Optional<AreaCodeTable.Entry> prefix = AreaCodeTable.libphonenumber().lookup(number);
            if (prefix.isPresent()) {
                return NUMBER_PREFIX_RESOLUTIONS.computeIfAbsent(prefix.get(),
                        e -> ZoneResolution.Resolved.of(new ZoneProvenance.NumberPrefix(e.prefix(), e.zones())));
            }
        }
        if (defaultZone.isPresent()) {
            return defaultZone.get();
        }
        return new ZoneResolution.Unresolved(tried(explicitZone, fields, number));
    }

    /** Field names compare in lower case; copies the map only when some key is not already lower case. */
    private static Map<String, String> lowerCaseKeys(Map<String, String> fields) {
        for (String key : fields.keySet()) {
            if (!key.equals(key.toLowerCase(java.util.Locale.ROOT))) {
                Map<String, String> lower = new java.util.HashMap<>();
                fields.forEach((k, v) -> lower.putIfAbsent(k.toLowerCase(java.util.Locale.ROOT), v));
                return lower;
            }
        }
        return fields;
    }

    /** Says, step by step, what was looked at; only built for records that stay unresolved. */
    private List<String> tried(Optional<String> explicitZone, Map<String, String> fields, PhoneNumber number) {
        List<String> tried = new ArrayList<>();
        tried.add(explicitZone.isPresent() ? TimeZones.FIELD + " is blank" : "no " + TimeZones.FIELD + " given");
        if (rules.isEmpty()) {
            tried.add("the campaign has no zone rules");
        } else {
            List<String> seen = new ArrayList<>();
            for (FieldRules f : fieldRules) {
                String value = fields.get(f.field());
                seen.add(value == null ? f.field() + " not set" : f.field() + " = \"" + value + "\"");
            }
            tried.add("no campaign zone rule matched (" + String.join(", ", seen) + ")");
        }
        tried.add(areaCodes.size() == 0 ? "the campaign has no area-code table"
                : "no prefix of " + number.e164() + " in the campaign's area-code table has a zone");
        tried.add(numberZones ? "no zone for " + number.e164() + " in the phone-number data"
                : "zones from the phone number are turned off");
        tried.add("the campaign has no default zone");
        return tried;
    }

    /** @return the campaign rules, in the order they are tried */
    public List<ZoneRule> rules() {
        return rules;
    }

    /** @return the campaign's area-code table (empty when it has none) */
    public AreaCodeTable areaCodes() {
        return areaCodes;
    }

    /** @return whether the phone number's own zones are used (step 3) */
    public boolean numberZones() {
        return numberZones;
    }

    /** @return the campaign's default zone, if it has one */
    public Optional<ZoneId> defaultZone() {
        return defaultZone.map(r -> r.zones().get(0));
    }

    /** The rules over one field, by value (case ignored), with their place in the rule list. */
    private record FieldRules(String field, TreeMap<String, Ranked> values) {
    }

    private record Ranked(int index, ZoneResolution.Resolved resolved) {
    }

    /** Configures a {@link ZoneResolver}. */
    public static final class Builder {
        private List<ZoneRule> rules = List.of();
        private AreaCodeTable areaCodes = AreaCodeTable.empty();
        private boolean numberZones = true;
        private Optional<ZoneId> defaultZone = Optional.empty();

        private Builder() {
        }

        /**
         * @param rules the campaign's zone-deduction rules, tried in this order; the first that
         *     matches wins, and two rules for the same field and value are refused at {@link #build()}
         * @return this builder
         */
        public Builder rules(List<ZoneRule> rules) {
            this.rules = List.copyOf(Objects.requireNonNull(rules, "rules"));
            return this;
        }

        /**
         * @param areaCodes the campaign's own prefix-to-zones table, tried after the rules
         * @return this builder
         */
        public Builder areaCodes(AreaCodeTable areaCodes) {
            this.areaCodes = Objects.requireNonNull(areaCodes, "areaCodes");
            return this;
        }

        /**
         * @param on whether to use the phone number's zones from libphonenumber's data (default on)
         * @return this builder
         */
        public Builder numberZones(boolean on) {
            this.numberZones = on;
            return this;
        }

        /**
         * @param zone the campaign's default zone, used when nothing about the record tells; a
         *     region zone (offsets are refused), kept canonical
         * @return this builder
         * @throws InvalidValueException for field {@code defaultZone} when the zone is an offset
         */
        public Builder defaultZone(ZoneId zone) {
            this.defaultZone = Optional.of(TimeZones.canonicalZone("defaultZone", zone));
            return this;
        }

        /** @return this builder without a default zone: records that nothing tells about stay unresolved */
        public Builder noDefaultZone() {
            this.defaultZone = Optional.empty();
            return this;
        }

        /**
         * @return the resolver
         * @throws InvalidValueException for field {@code rules} when two rules have the same field and value
         */
        public ZoneResolver build() {
            return new ZoneResolver(this);
        }
    }
}
