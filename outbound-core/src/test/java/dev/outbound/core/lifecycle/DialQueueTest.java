package dev.outbound.core.lifecycle;

import static dev.outbound.core.lifecycle.QueueFixtures.A;
import static dev.outbound.core.lifecycle.QueueFixtures.ANN;
import static dev.outbound.core.lifecycle.QueueFixtures.B;
import static dev.outbound.core.lifecycle.QueueFixtures.BOB;
import static dev.outbound.core.lifecycle.QueueFixtures.C;
import static dev.outbound.core.lifecycle.QueueFixtures.CAMPAIGN;
import static dev.outbound.core.lifecycle.QueueFixtures.T0;
import static dev.outbound.core.lifecycle.QueueFixtures.many;
import static dev.outbound.core.lifecycle.QueueFixtures.minutes;
import static dev.outbound.core.lifecycle.QueueFixtures.queue;
import static dev.outbound.core.lifecycle.QueueFixtures.rec;
import static dev.outbound.core.lifecycle.QueueFixtures.weighted702030;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outbound.core.InvalidValueException;
import dev.outbound.core.field.CustomFields;
import dev.outbound.core.record.AgentEmail;
import dev.outbound.core.record.CallbackPreference;
import dev.outbound.core.record.CampaignId;
import dev.outbound.core.record.CustomerRef;
import dev.outbound.core.record.ListId;
import dev.outbound.core.record.Record;
import dev.outbound.core.record.RecordStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DialQueueTest {
    private static final Optional<AgentEmail> ANYONE = Optional.empty();

    private static List<Record> take(DialQueue q, Instant at, Optional<AgentEmail> agent, int n) {
        List<Record> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            q.next(at, agent).ifPresent(out::add);
        }
        return out;
    }

    private static List<String> refs(List<Record> records) {
        return records.stream().map(r -> r.ref().value()).toList();
    }

    private static Map<ListId, Long> byList(List<Record> records) {
        return records.stream().collect(Collectors.groupingBy(Record::list, Collectors.counting()));
    }

    private static DialQueue weightedQueue(int perList) {
        DialQueue q = queue(weighted702030(), DialGate.open());
        many("a", A, perList).forEach(q::offer);
        many("b", B, perList).forEach(q::offer);
        many("c", C, perList).forEach(q::offer);
        return q;
    }

    // ---------------------------------------------------------------- weighted lists

    @Test
    void weightedLists70_30_100_share200CallsAs70_30_100_andEveryWindowOf20As7_3_10() {
        DialQueue q = weightedQueue(150);

        List<Record> picks = take(q, T0, ANYONE, 200);

        assertThat(byList(picks)).isEqualTo(Map.of(A, 70L, B, 30L, C, 100L));
        for (int start = 0; start + 20 <= picks.size(); start++) {
            assertThat(byList(picks.subList(start, start + 20))).isEqualTo(Map.of(A, 7L, B, 3L, C, 10L));
        }
        assertThat(q.size()).isEqualTo(450 - 200);
    }

    @Test
    void insideTheChosenList_theBestRecordByLoadOrderComesFirst() {
        DialQueue q = weightedQueue(5);

        List<Record> picks = take(q, T0, ANYONE, 3);

        // Lists go C, A, C (ListShareTest); inside each, reference ids in order (same class, priority, due).
        assertThat(refs(picks)).containsExactly("c-0000", "a-0000", "c-0001");
    }

    @Test
    void aListThatRunsDry_doesNotStallTheOthers() {
        DialQueue q = queue(weighted702030(), DialGate.open());
        many("a", A, 100).forEach(q::offer);
        many("b", B, 2).forEach(q::offer);
        many("c", C, 100).forEach(q::offer);

        List<Record> picks = take(q, T0, ANYONE, 172);

        assertThat(picks).hasSize(172);
        // After B's two records, A and C share 70:100: of the 170 other calls, 70 and 100.
        assertThat(byList(picks)).isEqualTo(Map.of(A, 70L, B, 2L, C, 100L));
    }

    @Test
    void aListThatRefills_getsItsShareAgain_withoutABurstToCatchUp() {
        DialQueue q = queue(weighted702030(), DialGate.open());
        many("a", A, 200).forEach(q::offer);
        many("b", B, 3).forEach(q::offer);
        many("c", C, 200).forEach(q::offer);
        take(q, T0, ANYONE, 100); // B runs dry early on
        assertThat(byList(take(q, T0, ANYONE, 17))).doesNotContainKey(B);

        many("b-more", B, 50).forEach(q::offer);
        List<Record> after = take(q, T0, ANYONE, 20);

        assertThat(byList(after)).isEqualTo(Map.of(A, 7L, B, 3L, C, 10L));
    }

    @Test
    void aDisabledList_isNeverChosen_untilItIsEnabledAgain() {
        CampaignLists off = CampaignLists.newBuilder().weighted(A, 70).disabled(B).weighted(C, 100).build();
        DialQueue q = queue(off, DialGate.open());
        many("a", A, 100).forEach(q::offer);
        many("b", B, 100).forEach(q::offer);
        many("c", C, 200).forEach(q::offer);

        assertThat(byList(take(q, T0, ANYONE, 170))).isEqualTo(Map.of(A, 70L, C, 100L));
        assertThat(q.size()).isEqualTo(230);

        q.lists(CampaignLists.newBuilder().weighted(A, 70).weighted(B, 30).weighted(C, 100).build());
        assertThat(byList(take(q, T0, ANYONE, 20))).containsEntry(B, 3L);
    }

    @Test
    void aDisabledList_isNotHandedToItsAgentEither() {
        DialQueue q = queue(CampaignLists.newBuilder().disabled(B).build(), DialGate.open());
        q.offer(rec("anns").list(B).agent(ANN).build());

        assertThat(q.next(T0, Optional.of(ANN))).isEmpty();
    }

    @Test
    void weightingOff_takesTheBestRecordAcrossLists() {
        DialQueue q = queue();
        q.offer(rec("a-low").list(A).priority(1).build());
        q.offer(rec("b-high").list(B).priority(5).build());
        q.offer(rec("c-dialer").list(C).status(RecordStatus.RESCHEDULED_BY_DIALER).build());

        assertThat(refs(take(q, T0, ANYONE, 3))).containsExactly("c-dialer", "b-high", "a-low");
    }

    // ---------------------------------------------------------------- load order

    @Test
    void progressive_anAgentGetsTheirOwnRecordsFirst_thenTheSharedClassesInOrder() {
        DialQueue q = queue();
        q.offer(rec("4-not-assigned").priority(9).build());
        q.offer(rec("3-by-agent").status(RecordStatus.RESCHEDULED_BY_AGENT).priority(5).build());
        q.offer(rec("2-by-dialer").status(RecordStatus.RESCHEDULED_BY_DIALER).build());
        q.offer(rec("1-anns-ready").status(RecordStatus.READY).agent(ANN).build());
        q.offer(rec("1-anns-callback").callback(CallbackPreference.PREFER_AGENT, ANN).due(minutes(-1)).build());
        q.offer(rec("bobs").status(RecordStatus.READY).agent(BOB).build());

        assertThat(refs(take(q, T0, Optional.of(ANN), 6))).containsExactly(
                "1-anns-callback", "1-anns-ready", "2-by-dialer", "3-by-agent", "4-not-assigned");
        assertThat(q.size()).isEqualTo(1);
    }

    @Test
    void predictive_recordsWithAUserAreNotHandedToAnyAgent_theRestLoadInClassOrder() {
        DialQueue q = queue();
        q.offer(rec("c-not-assigned").priority(9).build());
        q.offer(rec("b-by-agent").status(RecordStatus.CALL_IMMEDIATELY).build());
        q.offer(rec("a-by-system").status(RecordStatus.RESCHEDULED_BY_DIALER).build());
        q.offer(rec("user").status(RecordStatus.RESCHEDULED_BY_DIALER).agent(ANN).build());

        assertThat(refs(take(q, T0, ANYONE, 4))).containsExactly("a-by-system", "b-by-agent", "c-not-assigned");
        assertThat(refs(take(q, T0, Optional.of(ANN), 1))).containsExactly("user");
    }

    @Test
    void insideAClass_higherPriorityFirst_thenEarliestDue() {
        DialQueue q = queue();
        q.offer(rec("late").priority(3).due(minutes(-1)).build());
        q.offer(rec("early").priority(3).due(minutes(-30)).build());
        q.offer(rec("urgent").priority(8).due(minutes(0)).build());
        q.offer(rec("low").priority(0).due(minutes(-90)).build());

        assertThat(refs(take(q, T0, ANYONE, 4))).containsExactly("urgent", "early", "late", "low");
    }

    @Test
    void contactTimeout_aCallbackGoesOnlyToItsAgent_untilItsTimePlusTheTimeout_thenToAnyone() {
        DialQueue q = queue();
        q.offer(rec("cb").due(T0).callback(CallbackPreference.PREFER_AGENT, ANN).build());

        assertThat(q.next(minutes(5), Optional.of(BOB))).isEmpty();
        assertThat(q.next(minutes(5), ANYONE)).isEmpty();
        assertThat(q.next(minutes(15).minusNanos(1), Optional.of(BOB))).isEmpty();
        assertThat(q.next(minutes(15), Optional.of(BOB)).map(r -> r.ref().value())).contains("cb");
    }

    @Test
    void contactTimeout_theAgentStillGetsTheirCallbackBeforeItRunsOut() {
        DialQueue q = queue();
        q.offer(rec("cb").due(T0).callback(CallbackPreference.PREFER_AGENT, ANN).build());
        q.offer(rec("shared").status(RecordStatus.RESCHEDULED_BY_DIALER).build());

        assertThat(q.next(minutes(14), Optional.of(ANN)).map(r -> r.ref().value())).contains("cb");
    }

    @Test
    void contactTimeout_afterHandOverTheCallbackRanksAsAnAgentReschedule() {
        DialQueue q = queue();
        q.offer(rec("cb").due(T0).callback(CallbackPreference.PREFER_AGENT, ANN).build());
        q.offer(rec("pending").priority(9).build());
        q.offer(rec("by-dialer").status(RecordStatus.RESCHEDULED_BY_DIALER).build());

        assertThat(refs(take(q, minutes(20), ANYONE, 3))).containsExactly("by-dialer", "cb", "pending");
    }

    @Test
    void onlyAgentCallback_neverGoesToAnotherAgent() {
        DialQueue q = queue();
        q.offer(rec("only").callback(CallbackPreference.ONLY_AGENT, ANN).build());

        assertThat(q.next(T0.plus(Duration.ofDays(2)), Optional.of(BOB))).isEmpty();
        assertThat(q.next(T0.plus(Duration.ofDays(2)), ANYONE)).isEmpty();
        assertThat(q.next(T0.plus(Duration.ofDays(2)), Optional.of(ANN))).isPresent();
    }

    @Test
    void futureRecords_areNotReturnedBeforeTheyAreDue() {
        DialQueue q = queue();
        q.offer(rec("later").due(minutes(10)).build());

        assertThat(q.next(minutes(10).minusNanos(1), ANYONE)).isEmpty();
        assertThat(q.next(minutes(10), ANYONE).map(r -> r.ref().value())).contains("later");
    }

    @Test
    void aRecordOfferedAfterTheClockPassedItsDueTime_isReadyAtOnce() {
        DialQueue q = queue();
        assertThat(q.next(minutes(30), ANYONE)).isEmpty();

        q.offer(rec("due-before").due(minutes(20)).build());
        q.offer(rec("due-later").due(minutes(40)).build());

        assertThat(refs(take(q, minutes(30), ANYONE, 2))).containsExactly("due-before");
    }

    // ---------------------------------------------------------------- the gate

    @Test
    void aRefusedRecord_waitsUntilTheGatesTime_andSelectionGoesOn() {
        Set<String> asked = new HashSet<>();
        DialGate gate = (r, now, ctx) -> {
            asked.add(r.ref().value());
            return r.ref().value().equals("first") && now.isBefore(minutes(30))
                    ? new DialGate.Decision.RetryAt(minutes(30)) : DialGate.Decision.DIAL;
        };
        DialQueue q = queue(CampaignLists.allEnabled(), gate);
        q.offer(rec("first").priority(5).build());
        q.offer(rec("second").build());

        assertThat(refs(take(q, minutes(1), ANYONE, 2))).containsExactly("second");
        assertThat(asked).containsExactlyInAnyOrder("first", "second");
        assertThat(q.next(minutes(29), ANYONE)).isEmpty();
        assertThat(q.next(minutes(30), ANYONE).map(r -> r.ref().value())).contains("first");
    }

    @Test
    void aDroppedRecord_leavesTheQueue_andIsReported() {
        DialGate gate = (r, now, ctx) -> r.ref().value().equals("gone")
                ? new DialGate.Decision.Drop("on a Do-Not-Call list") : DialGate.Decision.DIAL;
        DialQueue q = queue(CampaignLists.allEnabled(), gate);
        q.offer(rec("gone").priority(5).build());
        q.offer(rec("kept").build());

        assertThat(q.next(T0, ANYONE).map(r -> r.ref().value())).contains("kept");
        List<DialQueue.Dropped> dropped = q.drainDropped();

        assertThat(dropped).hasSize(1);
        assertThat(dropped.get(0).record().ref().value()).isEqualTo("gone");
        assertThat(dropped.get(0).reason()).isEqualTo("on a Do-Not-Call list");
        assertThat(dropped.get(0).at()).isEqualTo(T0);
        assertThat(q.drainDropped()).isEmpty();
        assertThat(q.size()).isZero();
    }

    @Test
    void aRefusedRecord_doesNotUseUpItsListsTurn() {
        Set<String> refusedOnce = new HashSet<>();
        DialGate gate = (r, now, ctx) -> r.ref().value().equals("a-0000") && refusedOnce.add("a-0000")
                ? new DialGate.Decision.RetryAt(minutes(60)) : DialGate.Decision.DIAL;
        CampaignLists lists = CampaignLists.newBuilder().weighted(A, 1).weighted(B, 1).build();
        DialQueue q = queue(lists, gate);
        many("a", A, 5).forEach(q::offer);
        many("b", B, 5).forEach(q::offer);

        // Equal weights alternate A, B, A, B; A's refused record is passed over within A's turn.
        assertThat(refs(take(q, T0, ANYONE, 4))).containsExactly("a-0001", "b-0000", "a-0002", "b-0001");
    }

    @Test
    void theGateHearsWhoWillTakeTheCall() {
        List<DialContext> contexts = new ArrayList<>();
        DialQueue q = queue(CampaignLists.allEnabled(), (r, now, ctx) -> {
            contexts.add(ctx);
            return DialGate.Decision.DIAL;
        });
        many("x", A, 2).forEach(q::offer);

        q.next(T0, Optional.of(ANN));
        q.next(T0, ANYONE);

        assertThat(contexts).containsExactly(DialContext.forAgent(ANN), DialContext.anyAgent());
    }

    @Test
    void aRetryTimeThatIsNotLater_putsTheRecordAsideForThatInstantOnly() {
        DialQueue q = queue(CampaignLists.allEnabled(), (r, now, ctx) -> now.equals(T0)
                ? new DialGate.Decision.RetryAt(T0) : DialGate.Decision.DIAL);
        q.offer(rec("x").build());

        assertThat(q.next(T0, ANYONE)).isEmpty();
        assertThat(q.next(T0.plusNanos(1), ANYONE)).isPresent();
    }

    @Test
    void aGateThatFails_leavesTheRecordInTheQueue() {
        boolean[] fail = {true};
        DialQueue q = queue(CampaignLists.allEnabled(), (r, now, ctx) -> {
            if (fail[0]) {
                throw new IllegalStateException("policy unavailable");
            }
            return DialGate.Decision.DIAL;
        });
        q.offer(rec("x").build());

        assertThatThrownBy(() -> q.next(T0, ANYONE)).hasMessage("policy unavailable");
        fail[0] = false;
        assertThat(q.next(T0, ANYONE)).isPresent();
    }

    // ---------------------------------------------------------------- holding records

    @Test
    void offer_replacesTheRecordWithTheSameReference() {
        DialQueue q = queue();
        q.offer(rec("x").priority(1).build());
        q.offer(rec("y").priority(5).build());
        q.offer(rec("x").priority(9).build());

        assertThat(q.size()).isEqualTo(2);
        assertThat(take(q, T0, ANYONE, 2)).extracting(Record::priority).containsExactly(9, 5);
    }

    @Test
    void offer_ofARecordThatIsNotDialable_removesTheOneItReplaces() {
        DialQueue q = queue();
        q.offer(rec("x").build());

        boolean held = q.offer(rec("x").status(RecordStatus.DONE).build());

        assertThat(held).isFalse();
        assertThat(q.size()).isZero();
        assertThat(q.next(T0, ANYONE)).isEmpty();
    }

    @Test
    void remove_takesARecordOutWhereverItWaits() {
        DialQueue q = queue();
        q.offer(rec("ready").build());
        q.offer(rec("future").due(minutes(10)).build());
        q.offer(rec("reserved").callback(CallbackPreference.PREFER_AGENT, ANN).build());
        q.next(T0, ANYONE); // takes "ready"... offer it again to have it ready
        q.offer(rec("ready").build());

        assertThat(q.remove(CustomerRef.of("ready"))).isPresent();
        assertThat(q.remove(CustomerRef.of("future"))).isPresent();
        assertThat(q.remove(CustomerRef.of("reserved"))).isPresent();
        assertThat(q.remove(CustomerRef.of("never"))).isEmpty();
        assertThat(q.size()).isZero();
        assertThat(q.next(minutes(60), Optional.of(ANN))).isEmpty();
    }

    @Test
    void next_refusesInstantsThatGoBackwards() {
        DialQueue q = queue();
        q.next(minutes(10), ANYONE);

        assertThatThrownBy(() -> q.next(minutes(9), ANYONE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must not go backwards");
    }

    @Test
    void offer_refusesARecordOfAnotherCampaign() {
        Record other = Record.of(CampaignId.of("other"), CustomerRef.of("x"), List.of(), CustomFields.empty(), T0);

        assertThatThrownBy(() -> queue().offer(other))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("other")
                .hasMessageContaining(CAMPAIGN.toString());
    }

    @Test
    void builder_needsAGate_andTakesListsFromRulesOrSeparately_notBoth() {
        assertThatThrownBy(() -> DialQueue.newBuilder(CAMPAIGN).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("gate");
        assertThatThrownBy(() -> DialQueue.newBuilder(CAMPAIGN).gate(DialGate.open()).rules(DialingRules.defaults())
                .lists(CampaignLists.allEnabled()).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("rules").hasMessageContaining("lists");
        assertThatThrownBy(() -> DialQueue.newBuilder(CAMPAIGN).gate(DialGate.open()).gate(DialGate.open()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("gate");
        assertThatThrownBy(() -> DialQueue.newBuilder(CAMPAIGN).contactTimeout(Duration.ofDays(8)))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("contactTimeout");
    }

    @Test
    void builder_takesTheContactTimeoutFromTheRules() {
        DialingRules rules = DialingRules.newBuilder().contactTimeout(Duration.ofMinutes(40)).build();
        DialQueue q = DialQueue.newBuilder(CAMPAIGN).rules(rules).gate(DialGate.open()).build();
        q.offer(rec("cb").callback(CallbackPreference.PREFER_AGENT, ANN).build());

        assertThat(q.next(minutes(39), Optional.of(BOB))).isEmpty();
        assertThat(q.next(minutes(40), Optional.of(BOB))).isPresent();
    }

    @Test
    void ordersByTheSameRuleAsTheLoadOrder() {
        // Spot check against LoadClass.order over one mixed set.
        DialQueue q = queue();
        List<Record> all = List.of(
                rec("p1").priority(1).due(minutes(-3)).build(),
                rec("p2").status(RecordStatus.RESCHEDULED_BY_DIALER).due(minutes(-1)).build(),
                rec("p3").status(RecordStatus.CALL_IMMEDIATELY).priority(2).build(),
                rec("p4").status(RecordStatus.RESCHEDULED_BY_AGENT).priority(2).due(minutes(-9)).build(),
                rec("p5").priority(1).due(minutes(-3)).list(B).build());
        all.forEach(q::offer);
        List<Record> expected = new ArrayList<>(all);
        expected.sort(LoadClass.order(T0, QueueFixtures.TIMEOUT));

        assertThat(take(q, T0, ANYONE, 5)).containsExactlyElementsOf(expected);
        assertThat(refs(expected)).containsExactly("p2", "p4", "p3", "p1", "p5");
    }
}
