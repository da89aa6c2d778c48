package dev.outbound.spi.testkit;

import dev.outbound.core.field.CustomFields;
import dev.outbound.core.field.FieldValue;
import dev.outbound.core.lifecycle.CampaignLists;
import dev.outbound.core.phone.PhoneField;
import dev.outbound.core.phone.PhoneNumber;
import dev.outbound.core.record.AgentEmail;
import dev.outbound.core.record.CallResult;
import dev.outbound.core.record.Callback;
import dev.outbound.core.record.CallbackPreference;
import dev.outbound.core.record.CampaignId;
import dev.outbound.core.record.CustomerRef;
import dev.outbound.core.record.DialProgress;
import dev.outbound.core.record.DoneReason;
import dev.outbound.core.record.ListId;
import dev.outbound.core.record.ReasonCode;
import dev.outbound.core.record.Record;
import dev.outbound.core.record.RecordPhone;
import dev.outbound.core.record.RecordStatus;
import dev.outbound.core.zone.ZoneProvenance;
import dev.outbound.core.zone.ZoneResolution;
import dev.outbound.spi.store.ClaimRequest;
import dev.outbound.spi.store.Interaction;
import dev.outbound.spi.store.RecordKey;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Records, numbers, agents, lists and requests for the record store's contract tests. */
final class StoreFixtures {
    private StoreFixtures() {
    }

    /** A Monday afternoon; the tests count time from here. */
    static final Instant T0 = Instant.parse("2026-03-02T15:00:00Z");
    /** When every fixture record was made: well before {@link #T0}, so that any write may touch it. */
    static final Instant CREATED = T0.minus(Duration.ofDays(30));
    /** The contact timeout of every claim: how long a prefer-agent callback stays with its agent. */
    static final Duration TIMEOUT = Duration.ofMinutes(15);
    /** The lease of a claim unless a test says otherwise. */
    static final Duration LEASE = Duration.ofMinutes(5);

    static final CampaignId ALPHA = CampaignId.of("alpha");
    static final CampaignId BETA = CampaignId.of("beta");

    static final ListId A = ListId.of("list-a");
    static final ListId B = ListId.of("list-b");
    static final ListId C = ListId.of("list-c");

    static final AgentEmail ANN = AgentEmail.of("ann@example.com");
    static final AgentEmail BOB = AgentEmail.of("bob@example.com");

    /** Digits 12015550123. */
    static final PhoneNumber N1 = PhoneNumber.ofE164("+12015550123");
    /** Digits 12015550124: the same first ten digits as {@link #N1}. */
    static final PhoneNumber N2 = PhoneNumber.ofE164("+12015550124");
    /** Digits 14155550123: the same last four digits as {@link #N1}. */
    static final PhoneNumber N3 = PhoneNumber.ofE164("+14155550123");
    /** Digits 441514960071: no 555 in it. */
    static final PhoneNumber N4 = PhoneNumber.ofE164("+441514960071");

    private static final ZoneResolution NEW_YORK =
            ZoneResolution.Resolved.of(new ZoneProvenance.CampaignDefault(ZoneId.of("America/New_York")));

    static Instant minutes(long m) {
        return T0.plus(Duration.ofMinutes(m));
    }

    /** @return a record of campaign {@link #ALPHA} under construction */
    static Rec rec(String ref) {
        return new Rec(ALPHA, ref);
    }

    /** @return a record under construction: pending, list A, due at T0, priority 0, no user, number or field */
    static Rec rec(CampaignId campaign, String ref) {
        return new Rec(campaign, ref);
    }

    static RecordKey key(String ref) {
        return RecordKey.of(ALPHA, CustomerRef.of(ref));
    }

    static RecordKey key(CampaignId campaign, String ref) {
        return RecordKey.of(campaign, CustomerRef.of(ref));
    }

    static RecordPhone phone(PhoneField field, PhoneNumber number) {
        return RecordPhone.of(field, number, NEW_YORK);
    }

    /** A claim of one record of {@link #ALPHA} for any agent, every list enabled, with a five-minute lease. */
    static ClaimRequest claim(Instant at) {
        return claim(ALPHA, "node-1", at);
    }

    static ClaimRequest claim(CampaignId campaign, String owner, Instant at) {
        return new ClaimRequest(campaign, owner, 1, at, LEASE, Optional.empty(), TIMEOUT, CampaignLists.allEnabled());
    }

    static Interaction interaction(String id, Instant at) {
        return Interaction.of(id, at, N1, CallResult.NO_ANSWER);
    }

    /** A record under construction; {@link #build} makes it. */
    static final class Rec {
        private final CampaignId campaign;
        private final String ref;
        private ListId list = A;
        private RecordStatus status = RecordStatus.PENDING;
        private DoneReason doneReason;
        private AgentEmail agent;
        private int priority;
        private Instant due = T0;
        private CallbackPreference callback;
        private AgentEmail callbackAgent;
        private final List<RecordPhone> phones = new ArrayList<>();
        private final Map<String, FieldValue> fields = new LinkedHashMap<>();
        private Instant contacted;
        private String wrapCode;
        private ReasonCode reason;

        private Rec(CampaignId campaign, String ref) {
            this.campaign = campaign;
            this.ref = ref;
        }

        Rec list(ListId l) {
            list = l;
            return this;
        }

        Rec status(RecordStatus s) {
            status = s;
            doneReason = null;
            return this;
        }

        Rec done(DoneReason why) {
            status = RecordStatus.DONE;
            doneReason = why;
            return this;
        }

        Rec agent(AgentEmail a) {
            agent = a;
            return this;
        }

        Rec priority(int p) {
            priority = p;
            return this;
        }

        Rec due(Instant t) {
            due = t;
            return this;
        }

        /** A callback at the due time, for an agent when the preference names one; the status becomes rescheduled by agent. */
        Rec callback(CallbackPreference preference, AgentEmail forAgent) {
            callback = preference;
            callbackAgent = preference.namesAgent() ? forAgent : null;
            return status(RecordStatus.RESCHEDULED_BY_AGENT);
        }

        Rec phone(PhoneField field, PhoneNumber number) {
            phones.add(StoreFixtures.phone(field, number));
            return this;
        }

        Rec field(String name, FieldValue value) {
            fields.put(name, value);
            return this;
        }

        Rec contacted(Instant at) {
            contacted = at;
            return this;
        }

        Rec wrapCode(String code) {
            wrapCode = code;
            return this;
        }

        Rec reason(ReasonCode code) {
            reason = code;
            return this;
        }

        Record build() {
            Record r = Record.of(campaign, CustomerRef.of(ref), phones, CustomFields.of(fields), CREATED)
                    .withList(list).withPriority(priority).withAgent(Optional.ofNullable(agent));
            if (callback != null) {
                r = r.withCallback(new Callback(due, callback, Optional.ofNullable(callbackAgent), Optional.empty()));
            } else {
                r = r.withNextDialableAt(due);
            }
            r = doneReason != null ? r.done(doneReason) : r.withStatus(status);
            DialProgress progress = DialProgress.NONE.withWrapCode(Optional.ofNullable(wrapCode));
            if (contacted != null) {
                progress = progress.withLastContactedAt(contacted);
            }
            return r.withProgress(progress).withReasonCode(Optional.ofNullable(reason));
        }
    }
}
