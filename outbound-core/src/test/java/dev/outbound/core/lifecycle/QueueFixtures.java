package dev.outbound.core.lifecycle;

import dev.outbound.core.field.CustomFields;
import dev.outbound.core.record.AgentEmail;
import dev.outbound.core.record.Callback;
import dev.outbound.core.record.CallbackPreference;
import dev.outbound.core.record.CampaignId;
import dev.outbound.core.record.CustomerRef;
import dev.outbound.core.record.DoneReason;
import dev.outbound.core.record.ListId;
import dev.outbound.core.record.Record;
import dev.outbound.core.record.RecordStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Records, lists, agents and gates for the load-order, list-share and queue tests. */
final class QueueFixtures {
    private QueueFixtures() {
    }

    static final CampaignId CAMPAIGN = CampaignId.of("renewals");
    /** A Monday afternoon; the tests count time from here. */
    static final Instant T0 = Instant.parse("2026-03-02T15:00:00Z");
    static final Duration TIMEOUT = Duration.ofMinutes(15);

    static final AgentEmail ANN = AgentEmail.of("ann@example.com");
    static final AgentEmail BOB = AgentEmail.of("bob@example.com");

    static final ListId A = ListId.of("list-a");
    static final ListId B = ListId.of("list-b");
    static final ListId C = ListId.of("list-c");

    static Instant minutes(long m) {
        return T0.plus(Duration.ofMinutes(m));
    }

    /** A pending record on list A, due at T0, priority 0, no user. */
    static R rec(String ref) {
        return new R(ref);
    }

    /** Every record of a list, due at T0: {@code prefix-0 .. prefix-(n-1)}. */
    static List<Record> many(String prefix, ListId list, int n) {
        List<Record> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(rec(String.format("%s-%04d", prefix, i)).list(list).build());
        }
        return out;
    }

    static DialQueue queue(CampaignLists lists, DialGate gate) {
        return DialQueue.newBuilder(CAMPAIGN).lists(lists).contactTimeout(TIMEOUT).gate(gate).build();
    }

    static DialQueue queue() {
        return queue(CampaignLists.allEnabled(), DialGate.open());
    }

    static CampaignLists weighted702030() {
        return CampaignLists.newBuilder().weighted(A, 70).weighted(B, 30).weighted(C, 100).build();
    }

    /** A record under construction. */
    static final class R {
        private final String ref;
        private ListId list = A;
        private RecordStatus status = RecordStatus.PENDING;
        private AgentEmail agent;
        private int priority;
        private Instant due = T0;
        private Callback callback;

        R(String ref) {
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

        /** A callback at the due time; the status becomes rescheduled by agent. */
        R callback(CallbackPreference preference, AgentEmail forAgent) {
            callback = preference == CallbackPreference.ANYONE ? Callback.anyone(due)
                    : Callback.forAgent(due, preference, forAgent);
            status = RecordStatus.RESCHEDULED_BY_AGENT;
            return this;
        }

        Record build() {
            Record r = Record.of(CAMPAIGN, CustomerRef.of(ref), List.of(), CustomFields.empty(), T0.minus(Duration.ofDays(30)))
                    .withList(list).withPriority(priority).withAgent(Optional.ofNullable(agent));
            if (callback != null) {
                r = r.withCallback(new Callback(due, callback.preference(), callback.agent(), callback.expiresAt()));
            } else {
                r = r.withNextDialableAt(due);
            }
            return status == RecordStatus.DONE ? r.done(DoneReason.OBJECTIVE_REACHED) : r.withStatus(status);
        }
    }
}
