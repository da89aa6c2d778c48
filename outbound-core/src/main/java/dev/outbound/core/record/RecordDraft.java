package dev.outbound.core.record;

import dev.outbound.core.InvalidValueException;
import dev.outbound.core.field.CustomFields;
import dev.outbound.core.field.FieldCheck;
import dev.outbound.core.field.FieldProblem;
import dev.outbound.core.phone.PhoneField;
import dev.outbound.core.phone.PhoneNumber;
import dev.outbound.core.zone.TimeZones;
import dev.outbound.core.zone.ZoneName;
import dev.outbound.core.zone.ZoneResolution;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The input for one record, filled in field by field and then checked as a whole: {@link #check()}
 * reports every problem at once (for imports, where bad input is reported and never thrown);
 * {@link #build()} throws them together. Not thread-safe; one draft makes one record.
 *
 * <p>The rules (seed 000): a customer reference id and at least one valid number are required; a
 * record whose every number is invalid is refused, while one with a valid and an invalid number
 * is made with the valid one and a warning; a filled but invalid time zone refuses the record;
 * an agent must be a well-formed e-mail; custom fields must fit the campaign's schema.
 */
public final class RecordDraft {
    private final RecordFactory factory;
    private final String ref;
    private String agent;
    private final Map<PhoneField, String> phones = new LinkedHashMap<>();
    private final List<RecordProblem> early = new ArrayList<>();
    private String regionHint;
    private String timeZone;
    private Instant scheduledFor;
    private Integer priority;
    private ListId list;
    private final Map<String, String> fields = new LinkedHashMap<>();

    RecordDraft(RecordFactory factory, String ref) {
        this.factory = factory;
        this.ref = ref;
    }

    /**
     * @param email the e-mail of the user the record is assigned to; blank means none
     * @return this draft
     */
    public RecordDraft agent(String email) {
        this.agent = Objects.requireNonNull(email, "email");
        return this;
    }

    /**
     * Adds a number. A blank number is ignored (an empty column), a second number for the same
     * field is reported.
     *
     * @param field the phone field
     * @param rawNumber the number as written
     * @return this draft
     */
    public RecordDraft phone(PhoneField field, String rawNumber) {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(rawNumber, "rawNumber");
        if (rawNumber.isBlank()) {
            return this;
        }
        if (phones.putIfAbsent(field, rawNumber) != null) {
            early.add(new RecordProblem("phone " + field, "one number per phone field", "'" + rawNumber + "'"));
        }
        return this;
    }

    /**
     * Adds a number by field name ({@code "mobile"}).
     *
     * @param fieldName the phone field's name
     * @param rawNumber the number as written
     * @return this draft
     */
    public RecordDraft phone(String fieldName, String rawNumber) {
        Objects.requireNonNull(fieldName, "fieldName");
        try {
            return phone(PhoneField.of(fieldName), rawNumber);
        } catch (InvalidValueException e) {
            early.add(new RecordProblem("phone field", e.rule(), e.value()));
            return this;
        }
    }

    /**
     * @param region the ISO 3166 region to read this record's national numbers in ({@code GB}),
     *     instead of the campaign's default; blank means the default
     * @return this draft
     */
    public RecordDraft regionHint(String region) {
        Objects.requireNonNull(region, "region");
        this.regionHint = region.isBlank() ? null : region.trim().toUpperCase(java.util.Locale.ROOT);
        return this;
    }

    /**
     * @param zone the record's IANA time zone ({@code America/New_York}, aliases such as
     *     {@code US/Eastern} accepted); blank means none
     * @return this draft
     */
    public RecordDraft timeZone(String zone) {
        this.timeZone = Objects.requireNonNull(zone, "zone");
        return this;
    }

    /**
     * @param time when the call is scheduled for
     * @return this draft
     */
    public RecordDraft scheduledFor(Instant time) {
        this.scheduledFor = Objects.requireNonNull(time, "time");
        return this;
    }

    /**
     * @param value {@value Record#MIN_PRIORITY} to {@value Record#MAX_PRIORITY}, higher first (default 0)
     * @return this draft
     */
    public RecordDraft priority(int value) {
        this.priority = value;
        return this;
    }

    /**
     * @param listId the list the record belongs to (default {@link ListId#DEFAULT})
     * @return this draft
     */
    public RecordDraft list(ListId listId) {
        this.list = Objects.requireNonNull(listId, "listId");
        return this;
    }

    /**
     * @param name a custom field's name
     * @param value its value as text
     * @return this draft
     */
    public RecordDraft field(String name, String value) {
        fields.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
        return this;
    }

    /**
     * Checks the whole input and makes the record when it can.
     *
     * @return the record with any warnings, or every problem that refuses it
     */
    public Outcome check() {
        List<RecordProblem> problems = new ArrayList<>(early);
        List<RecordProblem> warnings = new ArrayList<>();
        CustomerRef customerRef = null;
        try {
            customerRef = CustomerRef.of(ref);
        } catch (InvalidValueException e) {
            problems.add(new RecordProblem(e.field(), e.rule(), e.value()));
        }
        AgentEmail agentEmail = null;
        if (agent != null && !agent.isBlank()) {
            try {
                agentEmail = AgentEmail.of(agent);
            } catch (InvalidValueException e) {
                problems.add(new RecordProblem(e.field(), e.rule(), e.value()));
            }
        }
        ZoneName zoneName = null;
        if (timeZone != null && !timeZone.isBlank()) {
            try {
                zoneName = TimeZones.parse(TimeZones.FIELD, timeZone);
            } catch (InvalidValueException e) {
                problems.add(new RecordProblem(e.field(), e.rule(), e.value()));
            }
        }
        if (priority != null && (priority < Record.MIN_PRIORITY || priority > Record.MAX_PRIORITY)) {
            problems.add(new RecordProblem("priority",
                    "valid values " + Record.MIN_PRIORITY + " - " + Record.MAX_PRIORITY, String.valueOf(priority)));
        }
        FieldCheck fieldCheck = factory.fieldSchema().check(fields, factory.unknownFields());
        for (FieldProblem p : fieldCheck.problems()) {
            problems.add(new RecordProblem("custom field '" + p.field() + "'", p.rule(), p.value()));
        }
        CustomFields values = fieldCheck.values();
        // Only zone rules look at field values; without any, the fields need not be turned into text.
        Map<String, String> fieldText = factory.zoneResolver().rules().isEmpty() ? Map.of()
                : RecordFactory.lowerKeys(values.asTextMap());

        List<RecordProblem> phoneProblems = new ArrayList<>();
        List<RecordPhone> parsed = new ArrayList<>();
        for (Map.Entry<PhoneField, String> e : phones.entrySet()) {
            PhoneField field = e.getKey();
            if (!factory.phoneFields().contains(field)) {
                problems.add(new RecordProblem("phone field", "one of the campaign's fields " + factory.phoneFields(),
                        "'" + field + "'"));
                continue;
            }
            Optional<PhoneNumber> number = factory.parsePhone(field, e.getValue(), regionHint, phoneProblems);
            if (number.isPresent()) {
                Optional<String> explicit = zoneName == null ? Optional.empty() : Optional.of(timeZone);
                ZoneResolution zones = factory.zoneResolver().resolve(explicit, fieldText, number.get());
                parsed.add(RecordPhone.of(field, number.get(), zones));
            }
        }
        if (phones.isEmpty()) {
            problems.add(new RecordProblem("phone", "at least one phone number", "none given"));
        } else if (parsed.isEmpty()) {
            problems.addAll(phoneProblems);
            if (phoneProblems.isEmpty()) {
                problems.add(new RecordProblem("phone", "at least one valid phone number", "none valid"));
            }
        } else {
            warnings.addAll(phoneProblems);
        }
        if (!problems.isEmpty()) {
            return new Outcome.Rejected(ref, problems);
        }
        Instant now = factory.clock().instant();
        Record record = Record.newRecord(factory.campaign(), customerRef, parsed, values, now, agentEmail,
                zoneName, scheduledFor, priority == null ? 0 : priority, list == null ? ListId.DEFAULT : list);
        return new Outcome.Accepted(record, warnings);
    }

    /**
     * Makes the record.
     *
     * @return the record
     * @throws InvalidRecordException listing every problem, when the input is refused
     */
    public Record build() {
        Outcome outcome = check();
        if (outcome instanceof Outcome.Rejected rejected) {
            throw new InvalidRecordException(ref, rejected.problems());
        }
        return ((Outcome.Accepted) outcome).record();
    }

    /** What came of a draft: a record, perhaps with warnings, or the problems that refuse it. */
    public sealed interface Outcome {
        /**
         * The record was made.
         *
         * @param record the record
         * @param warnings input that was dropped (an invalid second number), each with its reason
         */
        record Accepted(Record record, List<RecordProblem> warnings) implements Outcome {
            /**
             * Copies the warnings.
             *
             * @param record the record made from the draft
             * @param warnings input that was dropped (an invalid second number), each with its reason
             */
            public Accepted {
                Objects.requireNonNull(record, "record");
                warnings = List.copyOf(warnings);
            }
        }

        /**
         * The record was refused.
         *
         * @param ref the customer reference id as given
         * @param problems every problem; not empty
         */
        record Rejected(String ref, List<RecordProblem> problems) implements Outcome {
            /**
             * Copies the problems.
             *
             * @param ref the customer reference id as given
             * @param problems every problem; not empty
             */
            public Rejected {
                Objects.requireNonNull(ref, "ref");
                problems = List.copyOf(problems);
            }
        }
    }
}
