package dev.outbound.core.record;

import dev.outbound.core.InvalidValueException;
import dev.outbound.core.field.FieldSchema;
import dev.outbound.core.field.UnknownFields;
import dev.outbound.core.phone.PhoneField;
import dev.outbound.core.phone.PhoneNumber;
import dev.outbound.core.phone.PhoneNumberParse;
import dev.outbound.core.zone.ZoneResolution;
import dev.outbound.core.zone.ZoneResolver;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Makes a campaign's records the campaign's way: numbers parsed in the campaign's default region
 * (or the record's region hint) and normalised to E.164, custom fields checked against the
 * campaign's schema, and time zones resolved by the campaign's {@link ZoneResolver}, with their
 * provenance kept on each number. Immutable and thread-safe; time comes from the injected clock.
 *
 * <pre>{@code
 * RecordFactory factory = RecordFactory.newBuilder(CampaignId.of("renewals")).defaultRegion("US").build();
 * Record r = factory.newRecord("C-1001").phone(PhoneField.MOBILE, "(530) 555-0147").field("state", "CA").build();
 * }</pre>
 */
public final class RecordFactory {
    private final CampaignId campaign;
    private final String defaultRegion;
    private final ZoneResolver zones;
    private final FieldSchema schema;
    private final UnknownFields unknownFields;
    private final Set<PhoneField> phoneFields;
    private final Clock clock;

    private RecordFactory(Builder b) {
        this.campaign = b.campaign;
        this.defaultRegion = b.defaultRegion;
        this.zones = b.zones != null ? b.zones : ZoneResolver.newBuilder().build();
        this.schema = b.schema != null ? b.schema : FieldSchema.empty();
        this.unknownFields = b.unknownFields != null ? b.unknownFields : UnknownFields.KEEP_AS_TEXT;
        // Ordered: the fields are the order numbers are tried in, and messages list them that way.
        this.phoneFields = Collections.unmodifiableSet(new LinkedHashSet<>(b.phoneFields != null ? b.phoneFields
                : List.of(PhoneField.PRIMARY, PhoneField.HOME, PhoneField.MOBILE, PhoneField.WORK)));
        this.clock = b.clock != null ? b.clock : Clock.systemUTC();
    }

    /**
     * @param campaign the campaign the records belong to
     * @return a builder with default region {@code US}, the standard four phone fields, an empty
     *     field schema keeping unknown fields as text, zones from the phone number and no default
     *     zone, and the UTC system clock
     */
    public static Builder newBuilder(CampaignId campaign) {
        return new Builder(Objects.requireNonNull(campaign, "campaign"));
    }

    /** @return the campaign */
    public CampaignId campaign() {
        return campaign;
    }

    /** @return the region national numbers are read in when a record gives no hint */
    public String defaultRegion() {
        return defaultRegion;
    }

    /** @return the zone resolver */
    public ZoneResolver zoneResolver() {
        return zones;
    }

    /** @return the custom-field schema */
    public FieldSchema fieldSchema() {
        return schema;
    }

    /** @return the phone fields the campaign defines, in the order numbers are tried; unmodifiable */
    public Set<PhoneField> phoneFields() {
        return phoneFields;
    }

    /** @return the clock that stamps created and updated times */
    public Clock clock() {
        return clock;
    }

    /**
     * Starts a record.
     *
     * @param customerRef the customer reference id
     * @return a draft to fill in and build
     */
    public RecordDraft newRecord(String customerRef) {
        return new RecordDraft(this, Objects.requireNonNull(customerRef, "customerRef"));
    }

    /**
     * Edits one of a record's numbers: the new number is parsed, its zones resolved again, and (as
     * seed 003 says) it becomes active with its attempt count cleared.
     *
     * @param record the record
     * @param field the phone field to set
     * @param rawNumber the new number as written
     * @param regionHint the region to read it in, or empty for the campaign's default
     * @return the edited record, stamped with the clock's time
     * @throws InvalidValueException when the number is invalid or the field is not the campaign's
     */
    public Record editPhone(Record record, PhoneField field, String rawNumber, Optional<String> regionHint) {
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(rawNumber, "rawNumber");
        if (!phoneFields.contains(field)) {
            throw new InvalidValueException("phone field", "one of " + phoneFields, field);
        }
        PhoneNumber number = PhoneNumber.parse(rawNumber, regionHint.orElse(defaultRegion));
        ZoneResolution resolved = zones.resolve(record.timeZone().map(z -> z.id()), record.fieldText(), number);
        RecordPhone phone = record.phone(field)
                .map(p -> p.withNumber(number, resolved))
                .orElseGet(() -> RecordPhone.of(field, number, resolved));
        return record.withPhone(phone).withUpdatedAt(clock.instant());
    }

    /** Parses one number for a draft, adding a problem instead of throwing. */
    Optional<PhoneNumber> parsePhone(PhoneField field, String raw, String regionHint, List<RecordProblem> problems) {
        String region = regionHint != null ? regionHint : defaultRegion;
        PhoneNumberParse parse = PhoneNumber.tryParse(raw, region);
        if (parse instanceof PhoneNumberParse.Invalid invalid) {
            problems.add(new RecordProblem("phone " + field, invalid.problem().description() + " in region " + region,
                    "'" + raw + "'"));
            return Optional.empty();
        }
        return Optional.of(((PhoneNumberParse.Valid) parse).number());
    }

    UnknownFields unknownFields() {
        return unknownFields;
    }

    /**
     * Builds a {@link RecordFactory}. Each option may be set once; setting one twice fails at
     * {@link #build()}, naming it. Not thread-safe.
     */
    public static final class Builder {
        private final CampaignId campaign;
        private String defaultRegion = "US";
        private boolean regionSet;
        private ZoneResolver zones;
        private FieldSchema schema;
        private UnknownFields unknownFields;
        private List<PhoneField> phoneFields;
        private Clock clock;
        private final List<String> twice = new ArrayList<>();

        private Builder(CampaignId campaign) {
            this.campaign = campaign;
        }

        private void once(boolean set, String option) {
            if (set) {
                twice.add(option);
            }
        }

        /**
         * @param region the ISO 3166 region to read national numbers in (default {@code US})
         * @return this builder
         */
        public Builder defaultRegion(String region) {
            once(regionSet, "defaultRegion");
            regionSet = true;
            defaultRegion = Objects.requireNonNull(region, "region").trim().toUpperCase(java.util.Locale.ROOT);
            return this;
        }

        /**
         * @param resolver how the campaign finds its customers' time zones
         * @return this builder
         */
        public Builder zoneResolver(ZoneResolver resolver) {
            once(zones != null, "zoneResolver");
            zones = Objects.requireNonNull(resolver, "resolver");
            return this;
        }

        /**
         * @param fieldSchema the campaign's custom fields
         * @return this builder
         */
        public Builder fieldSchema(FieldSchema fieldSchema) {
            once(schema != null, "fieldSchema");
            schema = Objects.requireNonNull(fieldSchema, "fieldSchema");
            return this;
        }

        /**
         * @param policy what to do with fields the schema does not define (default: keep as text)
         * @return this builder
         */
        public Builder unknownFields(UnknownFields policy) {
            once(unknownFields != null, "unknownFields");
            unknownFields = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /**
         * @param fields the phone fields the campaign defines, in the order numbers are tried
         *     (default: primary, home, mobile, work)
         * @return this builder
         */
        public Builder phoneFields(List<PhoneField> fields) {
            once(phoneFields != null, "phoneFields");
            phoneFields = List.copyOf(fields);
            return this;
        }

        /**
         * @param c the clock that stamps created and updated times (default: UTC system clock)
         * @return this builder
         */
        public Builder clock(Clock c) {
            once(clock != null, "clock");
            clock = Objects.requireNonNull(c, "c");
            return this;
        }

        /**
         * @return the factory
         * @throws InvalidValueException when an option was set twice or the region is unknown
         */
        public RecordFactory build() {
            if (!twice.isEmpty()) {
                throw new InvalidValueException("record factory", "each option set once", "set twice: " + twice);
            }
            if (!defaultRegion.equals(PhoneNumber.NO_REGION) && !PhoneNumber.isSupportedRegion(defaultRegion)) {
                throw new InvalidValueException("defaultRegion", "an ISO 3166 region with a numbering plan", defaultRegion);
            }
            if (phoneFields != null) {
                if (phoneFields.isEmpty()) {
                    throw new InvalidValueException("phoneFields", "at least one", "none");
                }
                if (new LinkedHashSet<>(phoneFields).size() != phoneFields.size()) {
                    throw new InvalidValueException("phoneFields", "no field twice", phoneFields);
                }
            }
            return new RecordFactory(this);
        }
    }

    /**
     * The texts keyed by lower-case name, which is how region rules and zone rules look fields up
     * (a zone rule over {@code State} lower-cases the name first). Keys already in lower case, the
     * usual case, are copied without a second map.
     */
    static Map<String, String> lowerKeys(Map<String, String> in) {
        boolean lower = true;
        for (String key : in.keySet()) {
            if (!key.equals(key.toLowerCase(java.util.Locale.ROOT))) {
                lower = false;
                break;
            }
        }
        if (lower) {
            return Map.copyOf(in);
        }
        Map<String, String> out = new java.util.HashMap<>();
        in.forEach((k, v) -> out.put(k.toLowerCase(java.util.Locale.ROOT), v));
        return Map.copyOf(out);
    }
}
