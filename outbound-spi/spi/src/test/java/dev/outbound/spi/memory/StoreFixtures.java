package dev.outbound.spi.memory;

import dev.outbound.core.field.CustomFields;
import dev.outbound.core.lifecycle.CampaignLists;
import dev.outbound.core.phone.LineType;
import dev.outbound.core.phone.PhoneField;
import dev.outbound.core.phone.PhoneNumber;
import dev.outbound.core.record.AgentEmail;
import dev.outbound.core.record.Callback;
import dev.outbound.core.record.CallbackPreference;
import dev.outbound.core.record.CampaignId;
import dev.outbound.core.record.CustomerRef;
import dev.outbound.core.record.DoneReason;
import dev.outbound.core.record.ListId;
import dev.outbound.core.record.Record;
import dev.outbound.core.record.RecordPhone;
import dev.outbound.core.record.RecordStatus;
import dev.outbound.core.zone.ZoneProvenance;
import dev.outbound.core.zone.ZoneResolution;
import dev.outbound.spi.store.Claim;
import dev.outbound.spi.store.ClaimRequest;
import dev.outbound.spi.store.RecordKey;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Records, instants and requests for the in-memory store's tests. */
final class StoreFixtures {
    private StoreFixtures() {
    }

    static final CampaignId CAMPAIGN = CampaignId.of("renewals");
    static final CampaignId OTHER = CampaignId.of("winback");
    /** A Monday afternoon; the tests count time from here. */
    static final Instant T0 = Instant.parse("2026-03-02T15:00:00Z");
    static final Duration TIMEOUT = Duration.ofMinutes(15);

    static final AgentEmail ANN = AgentEmail.of("ann@example.com");
    static final AgentEmail BOB = AgentEmail.of("bob@example.com");

    static final ListId A = ListId.of("list-a");
    static final ListId B = ListId.of("list-b");

    private static final ZoneResolution NEW_YORK =
            ZoneResolution.Resolved.of(new ZoneProvenance.CampaignDefault(ZoneId.of("America/New_York")));

    static Instant minutes(long m) {
        return T0.plus(Duration.ofMinutes(m));
    }

    /**
     * A number from its E.164 form, made with the record constructor, which checks the shape only:
     * the tests need numbers with chosen digits, valid in a numbering plan or not. The country code
     * is taken as the first digit.
     */
    static PhoneNumber number(String e164) {
        return new PhoneNumber(e164, e164.charAt(1) - '0', "ZZ", LineType.UNKNOWN, "");
    }

    static RecordPhone phone(PhoneField field, String e164) {
        return RecordPhone.of(field, number(e164), NEW_YORK);
    }

    static R rec(String ref) {
        return new R(CAMPAIGN, ref);
    }

    static R rec(CampaignId campaign, String ref) {
        return new R(campaign, ref);
    }

    static RecordKey key(String ref) {
        return RecordKey.of(CAMPAIGN, CustomerRef.of(ref));
    }

    static RecordKey key(CampaignId campaign, String ref) {
        return RecordKey.of(campaign, CustomerRef.of(ref));
    }

    /** A claim of {@link #CAMPAIGN} by an owner at an instant, up to {@code max} records, 5-minute leases, 15-minute contact timeout. */
    static ClaimRequest claim(String owner, Instant at, int max) {
        return ClaimRequest.of(CAMPAIGN, owner, at).withMax(max);
    }

    /** @return the request with another contact timeout */
    static ClaimRequest withTimeout(ClaimRequest c, Duration timeout) {
        return new ClaimRequest(c.campaign(), c.owner(), c.max(), c.at(), c.leaseFor(), c.agent(), timeout, c.lists());
    }

    /** @return the request with other lists */
    static ClaimRequest withLists(ClaimRequest c, CampaignLists lists) {
        return new ClaimRequest(c.campaign(), c.owner(), c.max(), c.at(), c.leaseFor(), c.agent(), c.contactTimeout(),
                lists);
    }

    /** @return the reference ids of the claimed records, in claim order */
    static List<String> claimed(List<Claim> claims) {
        List<String> out = new ArrayList<>();
        for (Claim c : claims) {
            out.add(c.record().ref().value());
        }
        return out;
    }

    static List<String> refs(List<Record> records) {
        List<String> out = new ArrayList<>();
        for (Record r : records) {
            out.add(r.ref().value());
        }
        return out;
    }

    /** A record under construction: pending, list A, priority 0, due at T0, no agent, no numbers. */
    static final class R {
        private final CampaignId campaign;
        private final String ref;
        private ListId list = A;
        private RecordStatus status = RecordStatus.PENDING;
        private AgentEmail agent;
        private int priority;
        private Instant due = T0;
        private Callback callback;
        private final List<RecordPhone> phones = new ArrayList<>();

        R(CampaignId campaign, String ref) {
            this.campaign = campaign;
            this.ref = ref;
        }

        R list(ListId l) {
            list = l;
            return this;
        }

        R status(RecordStatus s) {
            status = s;
            return this;
        }

        R agent(AgentEmail a) {
            agent = a;
            return this;
        }

        R priority(int p) {
            priority = p;
            return this;
        }

        R due(Instant t) {
            due = t;
            return this;
        }

        /** Adds a number on the next of the fields primary, home, mobile, work. */
        R phones(String... e164) {
            PhoneField[] fields = {PhoneField.PRIMARY, PhoneField.HOME, PhoneField.MOBILE, PhoneField.WORK};
            for (String n : e164) {
                phones.add(phone(fields[phones.size()], n));
            }
            return this;
        }

        /** A callback at the due time; the status becomes rescheduled by agent. */
        R callback(CallbackPreference preference, AgentEmail forAgent) {
            callback = preference == CallbackPreference.ANYONE ? Callback.anyone(due)
                    : Callback.forAgent(due, preference, forAgent);
            status = RecordStatus.RESCHEDULED_BY_AGENT;
            return this;
        }

        Record build() {
            Record r = Record.of(campaign, CustomerRef.of(ref), phones, CustomFields.empty(),
                    T0.minus(Duration.ofDays(30))).withList(list).withPriority(priority)
                    .withAgent(Optional.ofNullable(agent));
            if (callback != null) {
                r = r.withCallback(callback);
            } else {
                r = r.withNextDialableAt(due);
            }
            return status == RecordStatus.DONE ? r.done(DoneReason.OBJECTIVE_REACHED) : r.withStatus(status);
        }
    }
}
