package dev.outbound.spi.store;

import dev.outbound.core.InvalidValueException;
import dev.outbound.core.record.AgentEmail;
import dev.outbound.core.record.CampaignId;
import dev.outbound.core.record.CustomerRef;
import dev.outbound.core.record.ListId;
import dev.outbound.core.record.Record;
import dev.outbound.core.record.RecordPhone;
import dev.outbound.core.record.RecordStatus;
import dev.outbound.core.record.ReasonCode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Which records a store operation applies to: the search criteria of seeds 003 (campaign, state,
 * reason codes, phone numbers, campaign-specific fields) and 004 (last contacted range, wrap code,
 * agent, list). Criteria combine with AND; a set criterion matches any of its members; an
 * empty set or an absent value does not filter.
 *
 * <p>{@link #matches(Record)} is the definition every store implements, whatever its indexes.
 * With a {@linkplain #phone() phone criterion} a record matches once for each of its numbers that
 * matches ({@link #matchingPhones}): a query returns the same record several times, as seed 003
 * notes.
 *
 * @param campaign only records of this campaign
 * @param refs only records with one of these customer reference ids
 * @param lists only records of one of these lists
 * @param statuses only records in one of these statuses
 * @param agent only records assigned to this agent
 * @param unassigned only records assigned to no agent; never together with {@code agent}
 * @param contactedFrom only records whose customer was last contacted at or after this instant
 *     (a record never contacted does not match)
 * @param contactedBefore only records whose customer was last contacted before this instant
 * @param wrapCode only records whose last wrap code is this one
 * @param reasonMajor only records whose reason code has this major part
 * @param reasonMinor only records whose reason code has this minor part
 * @param fields only records whose custom fields have these values, compared as text
 * @param phone only records with a number that matches, once per such number
 */
public record RecordQuery(Optional<CampaignId> campaign, Set<CustomerRef> refs, Set<ListId> lists,
        Set<RecordStatus> statuses, Optional<AgentEmail> agent, boolean unassigned, Optional<Instant> contactedFrom,
        Optional<Instant> contactedBefore, Optional<String> wrapCode, Optional<String> reasonMajor,
        Optional<String> reasonMinor, Map<String, String> fields, Optional<PhoneMatch> phone) {

    private static final RecordQuery ALL = newBuilder().build();

    /**
     * Checks the components and copies the collections.
     *
     * @param campaign the campaign criterion
     * @param refs the customer reference id criterion
     * @param lists the list criterion
     * @param statuses the status criterion
     * @param agent the agent criterion
     * @param unassigned whether only unassigned records match
     * @param contactedFrom the inclusive start of the last-contacted range
     * @param contactedBefore the exclusive end of the last-contacted range
     * @param wrapCode the wrap code criterion
     * @param reasonMajor the major reason code criterion
     * @param reasonMinor the minor reason code criterion
     * @param fields the custom field criteria
     * @param phone the phone criterion
     */
    public RecordQuery {
        Objects.requireNonNull(campaign, "campaign");
        refs = Set.copyOf(Objects.requireNonNull(refs, "refs"));
        lists = Set.copyOf(Objects.requireNonNull(lists, "lists"));
        statuses = statuses.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(statuses));
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(contactedFrom, "contactedFrom");
        Objects.requireNonNull(contactedBefore, "contactedBefore");
        Objects.requireNonNull(wrapCode, "wrapCode");
        Objects.requireNonNull(reasonMajor, "reasonMajor");
        Objects.requireNonNull(reasonMinor, "reasonMinor");
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(fields, "fields")));
        Objects.requireNonNull(phone, "phone");
        if (unassigned && agent.isPresent()) {
            throw new InvalidValueException("query agent", "either an agent or unassigned, not both",
                    agent.get() + " and unassigned");
        }
        if (contactedFrom.isPresent() && contactedBefore.isPresent()
                && !contactedFrom.get().isBefore(contactedBefore.get())) {
            throw new InvalidValueException("query last-contacted range", "from before to",
                    contactedFrom.get() + " .. " + contactedBefore.get());
        }
    }

    /** @return the query that matches every record */
    public static RecordQuery all() {
        return ALL;
    }

    /**
     * @param campaign a campaign
     * @return the query that matches every record of the campaign
     */
    public static RecordQuery campaign(CampaignId campaign) {
        return newBuilder().campaign(campaign).build();
    }

    /** @return a builder with no criteria */
    public static Builder newBuilder() {
        return new Builder();
    }

    /** @return whether the query has a phone criterion, so that a record may match several times */
    public boolean hasPhoneCriterion() {
        return phone.isPresent();
    }

    /**
     * Whether a record satisfies every criterion except the phone criterion, which
     * {@link #matchingPhones} applies.
     *
     * @param r a record
     * @return whether it matches the record-level criteria
     */
    public boolean matchesRecord(Record r) {
        if (campaign.isPresent() && !campaign.get().equals(r.campaign())) {
            return false;
        }
        if (!refs.isEmpty() && !refs.contains(r.ref())) {
            return false;
        }
        if (!lists.isEmpty() && !lists.contains(r.list())) {
            return false;
        }
        if (!statuses.isEmpty() && !statuses.contains(r.status())) {
            return false;
        }
        if (agent.isPresent() && !r.agent().equals(agent)) {
            return false;
        }
        if (unassigned && r.agent().isPresent()) {
            return false;
        }
        Optional<Instant> contacted = r.progress().lastContactedAt();
        if (contactedFrom.isPresent() && (contacted.isEmpty() || contacted.get().isBefore(contactedFrom.get()))) {
            return false;
        }
        if (contactedBefore.isPresent() && (contacted.isEmpty() || !contacted.get().isBefore(contactedBefore.get()))) {
            return false;
        }
        if (wrapCode.isPresent() && !r.progress().wrapCode().equals(wrapCode)) {
            return false;
        }
        Optional<ReasonCode> reason = r.reasonCode();
        if (reasonMajor.isPresent() && (reason.isEmpty() || !reason.get().major().equals(reasonMajor.get()))) {
            return false;
        }
        if (reasonMinor.isPresent() && (reason.isEmpty() || !reason.get().minor().equals(reasonMinor))) {
            return false;
        }
        for (Map.Entry<String, String> f : fields.entrySet()) {
            Optional<String> text = r.fields().text(f.getKey());
            if (text.isEmpty() || !text.get().equals(f.getValue())) {
                return false;
            }
        }
        return true;
    }

    /**
     * The positions, in {@link Record#phones()}, of the record's numbers that satisfy the phone
     * criterion: each is one match of the record. Without a phone criterion, the single position 0
     * stands for the record as a whole.
     *
     * @param r a record that {@linkplain #matchesRecord matches the other criteria}
     * @return the positions, ascending; empty when no number matches
     */
    public List<Integer> matchingPhones(Record r) {
        if (phone.isEmpty()) {
            return List.of(0);
        }
        List<RecordPhone> phones = r.phones();
        List<Integer> out = new ArrayList<>(1);
        for (int i = 0; i < phones.size(); i++) {
            if (phone.get().matches(phones.get(i).number())) {
                out.add(i);
            }
        }
        return out;
    }

    /**
     * @param r a record
     * @return whether the record matches at least once
     */
    public boolean matches(Record r) {
        return matchesRecord(r) && !matchingPhones(r).isEmpty();
    }

    /** Builds a {@link RecordQuery}; criteria not set do not filter. */
    public static final class Builder {
        private Optional<CampaignId> campaign = Optional.empty();
        private final Set<CustomerRef> refs = new LinkedHashSet<>();
        private final Set<ListId> lists = new LinkedHashSet<>();
        private final Set<RecordStatus> statuses = EnumSet.noneOf(RecordStatus.class);
        private Optional<AgentEmail> agent = Optional.empty();
        private boolean unassigned;
        private Optional<Instant> contactedFrom = Optional.empty();
        private Optional<Instant> contactedBefore = Optional.empty();
        private Optional<String> wrapCode = Optional.empty();
        private Optional<String> reasonMajor = Optional.empty();
        private Optional<String> reasonMinor = Optional.empty();
        private final Map<String, String> fields = new LinkedHashMap<>();
        private Optional<PhoneMatch> phone = Optional.empty();

        private Builder() {
        }

        /**
         * @param c only records of this campaign
         * @return this builder
         */
        public Builder campaign(CampaignId c) {
            campaign = Optional.of(c);
            return this;
        }

        /**
         * @param ref also records with this customer reference id
         * @return this builder
         */
        public Builder ref(CustomerRef ref) {
            refs.add(Objects.requireNonNull(ref, "ref"));
            return this;
        }

        /**
         * @param list also records of this list
         * @return this builder
         */
        public Builder list(ListId list) {
            lists.add(Objects.requireNonNull(list, "list"));
            return this;
        }

        /**
         * @param status also records in this status
         * @return this builder
         */
        public Builder status(RecordStatus status) {
            statuses.add(Objects.requireNonNull(status, "status"));
            return this;
        }

        /**
         * @param a only records assigned to this agent
         * @return this builder
         */
        public Builder agent(AgentEmail a) {
            agent = Optional.of(a);
            return this;
        }

        /**
         * Only records assigned to no agent.
         *
         * @return this builder
         */
        public Builder unassigned() {
            unassigned = true;
            return this;
        }

        /**
         * @param from the inclusive start of the last-contacted range
         * @param before its exclusive end
         * @return this builder
         */
        public Builder lastContacted(Instant from, Instant before) {
            contactedFrom = Optional.of(from);
            contactedBefore = Optional.of(before);
            return this;
        }

        /**
         * @param from only records last contacted at or after this instant
         * @return this builder
         */
        public Builder lastContactedFrom(Instant from) {
            contactedFrom = Optional.of(from);
            return this;
        }

        /**
         * @param before only records last contacted before this instant
         * @return this builder
         */
        public Builder lastContactedBefore(Instant before) {
            contactedBefore = Optional.of(before);
            return this;
        }

        /**
         * @param code only records whose last wrap code is this one
         * @return this builder
         */
        public Builder wrapCode(String code) {
            wrapCode = Optional.of(code);
            return this;
        }

        /**
         * @param major only records whose reason code has this major part
         * @return this builder
         */
        public Builder reasonMajor(String major) {
            reasonMajor = Optional.of(major);
            return this;
        }

        /**
         * @param minor only records whose reason code has this minor part
         * @return this builder
         */
        public Builder reasonMinor(String minor) {
            reasonMinor = Optional.of(minor);
            return this;
        }

        /**
         * @param name a custom field
         * @param text only records whose field has this value, as text
         * @return this builder
         */
        public Builder field(String name, String text) {
            fields.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(text, "text"));
            return this;
        }

        /**
         * @param match only records with a number that matches, once per such number
         * @return this builder
         */
        public Builder phone(PhoneMatch match) {
            phone = Optional.of(match);
            return this;
        }

        /** @return the query */
        public RecordQuery build() {
            return new RecordQuery(campaign, refs, lists, statuses, agent, unassigned, contactedFrom, contactedBefore,
                    wrapCode, reasonMajor, reasonMinor, fields, phone);
        }
    }
}
