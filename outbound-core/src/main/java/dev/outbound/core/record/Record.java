package dev.outbound.core.record;

import dev.outbound.core.InvalidValueException;
import dev.outbound.core.field.CustomFields;
import dev.outbound.core.phone.PhoneField;
import dev.outbound.core.zone.ZoneName;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A customer to call: the SDK's central value. A record belongs to a campaign and is keyed by its
 * customer reference id; it carries the customer's numbers (each typed by a phone field, with its
 * own state, attempt count and time zones), an optional assigned agent, an optional explicit time
 * zone, when it is next due, its status, priority, list and custom fields.
 *
 * <p>Records are immutable: every {@code with...} method returns a new record and re-checks only
 * what changed. Make records through a {@link RecordFactory}, which parses numbers, validates
 * custom fields and resolves time zones the campaign's way; the constructor-like {@link #of}
 * takes parts that are already valid (for stores that load records back).
 *
 * <p>A record may have no number at all (a store can hold one); the lifecycle finishes such a
 * record when it is loaded for dialing.
 */
public final class Record {
    /** The lowest priority. */
    public static final int MIN_PRIORITY = 0;
    /** The highest priority. */
    public static final int MAX_PRIORITY = 9_999;

    private final CampaignId campaign;
    private final CustomerRef ref;
    private final AgentEmail agent;
    private final List<RecordPhone> phones;
    private final ZoneName timeZone;
    private final Instant scheduledFor;
    private final Instant nextDialableAt;
    private final RecordStatus status;
    private final DoneReason doneReason;
    private final ReasonCode reasonCode;
    private final Callback callback;
    private final DialProgress progress;
    private final int priority;
    private final ListId list;
    private final CustomFields fields;
    /** Computed on first use and carried to the records derived from this one; see {@link #fieldText()}. */
    private Map<String, String> fieldText;
    private final Instant createdAt;
    private final Instant updatedAt;

    private Record(Parts p) {
        this(p.campaign, p.ref, p.agent, p.phones, p.timeZone, p.scheduledFor, p.nextDialableAt, p.status,
                p.doneReason, p.reasonCode, p.callback, p.progress, p.priority, p.list, p.fields, p.fieldText,
                p.createdAt, p.updatedAt);
    }

    /** Every with-er but the rare ones builds its record here directly: no parts in between on the per-call path. */
    private Record(CampaignId campaign, CustomerRef ref, AgentEmail agent, List<RecordPhone> phones,
            ZoneName timeZone, Instant scheduledFor, Instant nextDialableAt, RecordStatus status,
            DoneReason doneReason, ReasonCode reasonCode, Callback callback, DialProgress progress, int priority,
            ListId list, CustomFields fields, Map<String, String> fieldText, Instant createdAt, Instant updatedAt) {
        this.campaign = Objects.requireNonNull(campaign, "campaign");
        this.ref = Objects.requireNonNull(ref, "ref");
        this.agent = agent;
        this.phones = List.copyOf(phones);
        this.timeZone = timeZone;
        this.scheduledFor = scheduledFor;
        this.nextDialableAt = Objects.requireNonNull(nextDialableAt, "nextDialableAt");
        this.status = Objects.requireNonNull(status, "status");
        this.doneReason = doneReason;
        this.reasonCode = reasonCode;
        this.callback = callback;
        this.progress = Objects.requireNonNull(progress, "progress");
        if ((status == RecordStatus.DONE) != (doneReason != null)) {
            throw new InvalidValueException("doneReason of record " + ref,
                    "present exactly when the status is DONE", status + " with " + doneReason);
        }
        if (callback != null && !callback.at().equals(scheduledFor)) {
            throw new InvalidValueException("scheduledFor of record " + ref, "the callback's time " + callback.at(),
                    scheduledFor);
        }
        this.priority = priority;
        this.list = Objects.requireNonNull(list, "list");
        this.fields = Objects.requireNonNull(fields, "fields");
        this.fieldText = fieldText;
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.updatedAt = Objects.requireNonNull(updatedAt, "updatedAt");
        if (priority < MIN_PRIORITY || priority > MAX_PRIORITY) {
            throw new InvalidValueException("priority", "valid values " + MIN_PRIORITY + " - " + MAX_PRIORITY, priority);
        }
        if (updatedAt.isBefore(createdAt)) {
            throw new InvalidValueException("updatedAt", "not before createdAt " + createdAt, updatedAt);
        }
        // A record has a handful of numbers: comparing pairs is cheaper than a set, and every
        // change of a record runs this check.
        for (int i = 1; i < phones.size(); i++) {
            PhoneField field = phones.get(i).field();
            for (int j = 0; j < i; j++) {
                if (phones.get(j).field().equals(field)) {
                    throw new InvalidValueException("phones of record " + ref, "one number per phone field",
                            "two numbers for field " + field);
                }
            }
        }
    }

    /**
     * Assembles a record from parts that are already valid values, e.g. when a store loads one
     * back. New records come from {@link RecordFactory}.
     *
     * @param campaign the campaign
     * @param ref the customer reference id
     * @param phones the numbers, one per phone field, in the order they were given
     * @param fields the custom fields
     * @param createdAt when the record was made; also its first next-dialable-at and updated time
     * @return a pending record on the default list with priority 0
     */
    public static Record of(CampaignId campaign, CustomerRef ref, List<RecordPhone> phones, CustomFields fields,
            Instant createdAt) {
        return newRecord(campaign, ref, phones, fields, createdAt, null, null, null, 0, ListId.DEFAULT);
    }

    /**
     * A new pending record, made in one construction (a draft's whole input at once).
     */
    static Record newRecord(CampaignId campaign, CustomerRef ref, List<RecordPhone> phones, CustomFields fields,
            Instant createdAt, AgentEmail agent, ZoneName timeZone, Instant scheduledFor,
            int priority, ListId list) {
        Parts p = new Parts();
        p.campaign = campaign;
        p.ref = ref;
        p.phones = Objects.requireNonNull(phones, "phones");
        p.fields = fields;
        p.createdAt = createdAt;
        p.updatedAt = createdAt;
        p.nextDialableAt = createdAt;
        p.status = RecordStatus.PENDING;
        p.progress = DialProgress.NONE;
        p.agent = agent;
        p.timeZone = timeZone;
        p.scheduledFor = scheduledFor;
        p.priority = priority;
        p.list = list;
        return new Record(p);
    }

    /** @return the campaign the record belongs to */
    public CampaignId campaign() {
        return campaign;
    }

    /** @return the customer reference id, the record's key within its campaign */
    public CustomerRef ref() {
        return ref;
    }

    /** @return the user the record is assigned to, if any */
    public Optional<AgentEmail> agent() {
        return Optional.ofNullable(agent);
    }

    /** @return the numbers, one per phone field, in the order they were given */
    public List<RecordPhone> phones() {
        return phones;
    }

    /**
     * @param field a phone field
     * @return the record's number of that field, if it has one
     */
    public Optional<RecordPhone> phone(PhoneField field) {
        for (RecordPhone p : phones) {
            if (p.field().equals(field)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** @return the time zone set explicitly on the record, if any (seed 000 {@code local_time_zone}) */
    public Optional<ZoneName> timeZone() {
        return Optional.ofNullable(timeZone);
    }

    /** @return the time a call was scheduled for, if any; it takes precedence over next-dialable-at */
    public Optional<Instant> scheduledFor() {
        return Optional.ofNullable(scheduledFor);
    }

    /** @return the earliest time the dialer may call the record again */
    public Instant nextDialableAt() {
        return nextDialableAt;
    }

    /** @return the scheduled-for time if set, else the next-dialable-at time (seed 000's rule) */
    public Instant dueAt() {
        return scheduledFor != null ? scheduledFor : nextDialableAt;
    }

    /** @return the record's status */
    public RecordStatus status() {
        return status;
    }

    /** @return why the record is done, when its status is {@link RecordStatus#DONE} */
    public Optional<DoneReason> doneReason() {
        return Optional.ofNullable(doneReason);
    }

    /** @return the reason code the system gave the record's status, if any (seed 003) */
    public Optional<ReasonCode> reasonCode() {
        return Optional.ofNullable(reasonCode);
    }

    /**
     * @return the callback set on the record, if any; its time is the record's
     *     {@linkplain #scheduledFor() scheduled-for} time
     */
    public Optional<Callback> callback() {
        return Optional.ofNullable(callback);
    }

    /** @return the attempt counters, recent calls and last outcome */
    public DialProgress progress() {
        return progress;
    }

    /** @return the priority, {@value #MIN_PRIORITY} to {@value #MAX_PRIORITY}; higher is called first */
    public int priority() {
        return priority;
    }

    /** @return the list the record belongs to */
    public ListId list() {
        return list;
    }

    /** @return the custom fields */
    public CustomFields fields() {
        return fields;
    }

    /**
     * The custom fields as canonical text, keyed by lower-case field name: what region rules and
     * zone rules match on (they too name fields in lower case, so a rule written over
     * {@code State} finds the value of {@code state}). Computed once per record, on first use.
     *
     * @return an unmodifiable map
     */
    public Map<String, String> fieldText() {
        // Racy single check: the map is immutable, so a thread that sees it sees it whole, and two
        // threads computing it at once compute equal maps. Not kept at construction, so that a
        // million freshly imported records do not each hold a second map of their fields.
        Map<String, String> text = fieldText;
        if (text == null) {
            text = RecordFactory.lowerKeys(fields.asTextMap());
            fieldText = text;
        }
        return text;
    }

    /** @return when the record was made */
    public Instant createdAt() {
        return createdAt;
    }

    /** @return when the record last changed */
    public Instant updatedAt() {
        return updatedAt;
    }

    /**
     * @param newAgent the user to assign, or empty to unassign
     * @return the record with that agent
     */
    public Record withAgent(Optional<AgentEmail> newAgent) {
        return new Record(campaign, ref, newAgent.orElse(null), phones, timeZone, scheduledFor, nextDialableAt,
                status, doneReason, reasonCode, callback, progress, priority, list, fields, fieldText, createdAt,
                updatedAt);
    }

    /**
     * Replaces the number of the same phone field, or adds it when the record has none of that
     * field.
     *
     * @param phone the number entry
     * @return the record with it
     */
    public Record withPhone(RecordPhone phone) {
        Objects.requireNonNull(phone, "phone");
        List<RecordPhone> list2 = new ArrayList<>(phones);
        boolean replaced = false;
        for (int i = 0; i < list2.size(); i++) {
            if (list2.get(i).field().equals(phone.field())) {
                list2.set(i, phone);
                replaced = true;
            }
        }
        if (!replaced) {
            list2.add(phone);
        }
        return new Record(campaign, ref, agent, list2, timeZone, scheduledFor, nextDialableAt, status, doneReason,
                reasonCode, callback, progress, priority, list, fields, fieldText, createdAt, updatedAt);
    }

    /**
     * @param field a phone field
     * @return the record without its number of that field
     */
    public Record withoutPhone(PhoneField field) {
        return new Record(campaign, ref, agent, phones.stream().filter(ph -> !ph.field().equals(field)).toList(),
                timeZone, scheduledFor, nextDialableAt, status, doneReason, reasonCode, callback, progress, priority,
                list, fields, fieldText, createdAt, updatedAt);
    }

    /**
     * Sets a plain schedule. Any callback is dropped: a callback is a schedule with a preference,
     * set through {@link #withCallback}.
     *
     * @param time the time to call, or empty to clear the schedule (and any callback)
     * @return the record with that scheduled-for time and no callback; this record when it has
     *     neither and none is set
     */
    public Record withScheduledFor(Optional<Instant> time) {
        if (time.isEmpty() && scheduledFor == null) {
            // A callback always has its schedule: nothing to clear. Every call's outcome asks this.
            return this;
        }
        return new Record(campaign, ref, agent, phones, timeZone, time.orElse(null), nextDialableAt, status,
                doneReason, reasonCode, null, progress, priority, list, fields, fieldText, createdAt, updatedAt);
    }

    /**
     * Sets a callback; the record's scheduled-for time becomes the callback's time. The status is
     * not changed: the lifecycle decides it.
     *
     * @param newCallback the callback
     * @return the record with it
     */
    public Record withCallback(Callback newCallback) {
        Parts p = parts();
        p.callback = Objects.requireNonNull(newCallback, "newCallback");
        p.scheduledFor = newCallback.at();
        return new Record(p);
    }

    /**
     * @param newProgress the attempt counters, recent calls and last outcome
     * @return the record with that progress
     */
    public Record withProgress(DialProgress newProgress) {
        return new Record(campaign, ref, agent, phones, timeZone, scheduledFor, nextDialableAt, status, doneReason,
                reasonCode, callback, Objects.requireNonNull(newProgress, "newProgress"), priority, list, fields,
                fieldText, createdAt, updatedAt);
    }

    /**
     * Finishes the record.
     *
     * @param reason why it is done
     * @return the record, {@link RecordStatus#DONE} for that reason, without a reason code
     */
    public Record done(DoneReason reason) {
        return new Record(campaign, ref, agent, phones, timeZone, scheduledFor, nextDialableAt, RecordStatus.DONE,
                Objects.requireNonNull(reason, "reason"), null, callback, progress, priority, list, fields, fieldText,
                createdAt, updatedAt);
    }

    /**
     * @param code the reason code for the record's status, or empty to clear it
     * @return the record with that reason code
     */
    public Record withReasonCode(Optional<ReasonCode> code) {
        return new Record(campaign, ref, agent, phones, timeZone, scheduledFor, nextDialableAt, status, doneReason,
                code.orElse(null), callback, progress, priority, list, fields, fieldText, createdAt, updatedAt);
    }

    /**
     * @param time the earliest time the dialer may call again
     * @return the record with that next-dialable-at time
     */
    public Record withNextDialableAt(Instant time) {
        return new Record(campaign, ref, agent, phones, timeZone, scheduledFor, Objects.requireNonNull(time, "time"),
                status, doneReason, reasonCode, callback, progress, priority, list, fields, fieldText, createdAt,
                updatedAt);
    }

    /**
     * Moves the record to a status other than done; a done reason and a reason code it had are
     * cleared. Use {@link #done} to finish a record.
     *
     * @param newStatus any status but {@link RecordStatus#DONE}
     * @return the record with that status
     * @throws IllegalArgumentException for {@code DONE}, which needs a reason
     */
    public Record withStatus(RecordStatus newStatus) {
        Objects.requireNonNull(newStatus, "newStatus");
        if (newStatus == RecordStatus.DONE) {
            throw new IllegalArgumentException("a done record needs a reason: use done(DoneReason) for record " + ref);
        }
        return new Record(campaign, ref, agent, phones, timeZone, scheduledFor, nextDialableAt, newStatus, null, null,
                callback, progress, priority, list, fields, fieldText, createdAt, updatedAt);
    }

    /**
     * @param newPriority {@value #MIN_PRIORITY} to {@value #MAX_PRIORITY}
     * @return the record with that priority
     */
    public Record withPriority(int newPriority) {
        return new Record(campaign, ref, agent, phones, timeZone, scheduledFor, nextDialableAt, status, doneReason,
                reasonCode, callback, progress, newPriority, list, fields, fieldText, createdAt, updatedAt);
    }

    /**
     * @param newList the list
     * @return the record on that list
     */
    public Record withList(ListId newList) {
        return new Record(campaign, ref, agent, phones, timeZone, scheduledFor, nextDialableAt, status, doneReason,
                reasonCode, callback, progress, priority, Objects.requireNonNull(newList, "newList"), fields,
                fieldText, createdAt, updatedAt);
    }

    /**
     * @param zone the explicit zone, or empty to clear it. Zones already resolved on the numbers
     *     are not changed by this: re-resolve them through the campaign's {@link RecordFactory}.
     * @return the record with that explicit zone
     */
    public Record withTimeZone(Optional<ZoneName> zone) {
        return new Record(campaign, ref, agent, phones, zone.orElse(null), scheduledFor, nextDialableAt, status,
                doneReason, reasonCode, callback, progress, priority, list, fields, fieldText, createdAt, updatedAt);
    }

    /**
     * @param newFields the custom fields, already valid for the campaign's schema
     * @return the record with those fields
     */
    public Record withFields(CustomFields newFields) {
        return new Record(campaign, ref, agent, phones, timeZone, scheduledFor, nextDialableAt, status, doneReason,
                reasonCode, callback, progress, priority, list, Objects.requireNonNull(newFields, "newFields"), null,
                createdAt, updatedAt);
    }

    /**
     * @param time when the record changed; not before it was made
     * @return the record with that updated time
     */
    public Record withUpdatedAt(Instant time) {
        return new Record(campaign, ref, agent, phones, timeZone, scheduledFor, nextDialableAt, status, doneReason,
                reasonCode, callback, progress, priority, list, fields, fieldText, createdAt,
                Objects.requireNonNull(time, "time"));
    }

    /**
     * @param time when the record was made
     * @return the record with that creation time
     */
    Record withCreatedAt(Instant time) {
        return new Record(campaign, ref, agent, phones, timeZone, scheduledFor, nextDialableAt, status, doneReason,
                reasonCode, callback, progress, priority, list, fields, fieldText, Objects.requireNonNull(time,
                "time"), updatedAt);
    }

    private Parts parts() {
        Parts p = new Parts();
        p.campaign = campaign;
        p.ref = ref;
        p.agent = agent;
        p.phones = phones;
        p.timeZone = timeZone;
        p.scheduledFor = scheduledFor;
        p.nextDialableAt = nextDialableAt;
        p.status = status;
        p.doneReason = doneReason;
        p.reasonCode = reasonCode;
        p.callback = callback;
        p.progress = progress;
        p.priority = priority;
        p.list = list;
        p.fields = fields;
        p.fieldText = fieldText;
        p.createdAt = createdAt;
        p.updatedAt = updatedAt;
        return p;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Record r
                && campaign.equals(r.campaign)
                && ref.equals(r.ref)
                && Objects.equals(agent, r.agent)
                && phones.equals(r.phones)
                && Objects.equals(timeZone, r.timeZone)
                && Objects.equals(scheduledFor, r.scheduledFor)
                && nextDialableAt.equals(r.nextDialableAt)
                && status == r.status
                && doneReason == r.doneReason
                && Objects.equals(reasonCode, r.reasonCode)
                && Objects.equals(callback, r.callback)
                && progress.equals(r.progress)
                && priority == r.priority
                && list.equals(r.list)
                && fields.equals(r.fields)
                && createdAt.equals(r.createdAt)
                && updatedAt.equals(r.updatedAt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(campaign, ref, phones, status, nextDialableAt, updatedAt);
    }

    @Override
    public String toString() {
        return "Record[" + campaign + "/" + ref + ", " + status + (doneReason != null ? " " + doneReason : "")
                + ", due " + dueAt() + ", phones " + phones.size() + "]";
    }

    /** Mutable bag of components used by the with-ers. */
    private static final class Parts {
        CampaignId campaign;
        CustomerRef ref;
        AgentEmail agent;
        List<RecordPhone> phones = List.of();
        ZoneName timeZone;
        Instant scheduledFor;
        Instant nextDialableAt;
        RecordStatus status;
        DoneReason doneReason;
        ReasonCode reasonCode;
        Callback callback;
        DialProgress progress;
        int priority;
        ListId list;
        CustomFields fields;
        Map<String, String> fieldText;
        Instant createdAt;
        Instant updatedAt;
    }
}
