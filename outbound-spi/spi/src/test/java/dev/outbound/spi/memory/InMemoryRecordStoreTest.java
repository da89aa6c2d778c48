package dev.outbound.spi.memory;

import static dev.outbound.spi.memory.StoreFixtures.A;
import static dev.outbound.spi.memory.StoreFixtures.ANN;
import static dev.outbound.spi.memory.StoreFixtures.B;
import static dev.outbound.spi.memory.StoreFixtures.BOB;
import static dev.outbound.spi.memory.StoreFixtures.CAMPAIGN;
import static dev.outbound.spi.memory.StoreFixtures.OTHER;
import static dev.outbound.spi.memory.StoreFixtures.T0;
import static dev.outbound.spi.memory.StoreFixtures.claim;
import static dev.outbound.spi.memory.StoreFixtures.claimed;
import static dev.outbound.spi.memory.StoreFixtures.key;
import static dev.outbound.spi.memory.StoreFixtures.minutes;
import static dev.outbound.spi.memory.StoreFixtures.number;
import static dev.outbound.spi.memory.StoreFixtures.rec;
import static dev.outbound.spi.memory.StoreFixtures.withLists;
import static dev.outbound.spi.memory.StoreFixtures.withTimeout;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outbound.core.InvalidValueException;
import dev.outbound.core.lifecycle.CampaignLists;
import dev.outbound.core.lifecycle.StatusChange;
import dev.outbound.core.record.CallResult;
import dev.outbound.core.record.CallbackPreference;
import dev.outbound.core.record.Record;
import dev.outbound.core.record.RecordStatus;
import dev.outbound.spi.store.BulkResult;
import dev.outbound.spi.store.Claim;
import dev.outbound.spi.store.ClaimRequest;
import dev.outbound.spi.store.Interaction;
import dev.outbound.spi.store.Lease;
import dev.outbound.spi.store.RecordQuery;
import dev.outbound.spi.store.StoreException;
import dev.outbound.spi.store.UpsertMode;
import dev.outbound.spi.store.UpsertResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The in-memory store's claims, leases, bulk writes and history, worked out by hand. */
class InMemoryRecordStoreTest {
    private final InMemoryRecordStore store = InMemoryRecordStore.create();

    private void add(Record... records) {
        for (Record r : records) {
            store.create(r);
        }
    }

    private static Interaction call(String id, java.time.Instant at) {
        return Interaction.of(id, at, number("+15305550147"), CallResult.NO_ANSWER);
    }

    // ------------------------------------------------------------------ claims and load order

    @Test
    void claim_mixedRecords_loadOrderThenAgentsOwnThenLaterDue() {
        add(rec("p-low").build(),
                rec("p-high").priority(5).build(),
                rec("r-dialer").status(RecordStatus.RESCHEDULED_BY_DIALER).due(minutes(-10)).build(),
                rec("cb-any").due(minutes(-5)).callback(CallbackPreference.ANYONE, null).build(),
                rec("ann-own").agent(ANN).build(),
                rec("later").due(minutes(3)).build(),
                rec("inactive").status(RecordStatus.INACTIVE).build());

        // Any agent at T0: dialer's reschedules, then agents' reschedules, then pending by priority;
        // ann-own is reserved for ANN, later is not due, inactive is not dialable.
        assertThat(claimed(store.claim(claim("node-a", T0, 10))))
                .containsExactly("r-dialer", "cb-any", "p-high", "p-low");
        assertThat(claimed(store.claim(claim("node-a", T0, 10).forAgent(BOB)))).isEmpty();
        assertThat(claimed(store.claim(claim("node-a", T0, 10).forAgent(ANN)))).containsExactly("ann-own");
        // The first leases hold until T0+5: only the record that became due is handed out.
        assertThat(claimed(store.claim(claim("node-a", minutes(3).minusNanos(1), 10)))).isEmpty();
        assertThat(claimed(store.claim(claim("node-a", minutes(3), 10)))).containsExactly("later");
    }

    @Test
    void claim_maxSmallerThanDue_returnsFirstInLoadOrderAndLeavesTheRest() {
        add(rec("c").build(), rec("a").build(), rec("b").build());

        assertThat(claimed(store.claim(claim("node-a", T0, 2)))).containsExactly("a", "b");
        assertThat(claimed(store.claim(claim("node-b", T0, 2)))).containsExactly("c");
    }

    @Test
    void claim_unknownCampaign_returnsNothing() {
        add(rec("a").build());

        assertThat(store.claim(ClaimRequest.of(OTHER, "node-a", T0))).isEmpty();
    }

    @Test
    void claim_contactTimeoutChangedBetweenClaims_reservationJudgedWithTheNewTimeout() {
        // A PREFER_AGENT callback for ANN at T0 and a pending record due at T0.
        add(rec("cb-ann").callback(CallbackPreference.PREFER_AGENT, ANN).build(), rec("plain").build());

        // 15 minutes: at T0+10 the callback is still ANN's, so any agent gets only the pending record.
        List<Claim> first = store.claim(withTimeout(claim("node-a", minutes(10), 5), Duration.ofMinutes(15)));
        assertThat(claimed(first)).containsExactly("plain");
        assertThat(store.release(first.get(0).lease(), minutes(10))).isTrue();

        // 5 minutes: ANN's hold ended at T0+5; the callback (rescheduled by an agent) loads before pending.
        List<Claim> second = store.claim(withTimeout(claim("node-a", minutes(10), 5), Duration.ofMinutes(5)));
        assertThat(claimed(second)).containsExactly("cb-ann", "plain");
        for (Claim c : second) {
            assertThat(store.release(c.lease(), minutes(10))).isTrue();
        }

        // Back to 15 minutes: BOB gets only the pending record, ANN the callback.
        assertThat(claimed(store.claim(withTimeout(claim("node-a", minutes(10), 5).forAgent(BOB),
                Duration.ofMinutes(15))))).containsExactly("plain");
        assertThat(claimed(store.claim(withTimeout(claim("node-a", minutes(10), 5).forAgent(ANN),
                Duration.ofMinutes(15))))).containsExactly("cb-ann");
    }

    @Test
    void claim_contactTimeoutChanged_recordsUnderLeaseStayOutOfTheRebuiltQueue() {
        add(rec("a").build(), rec("b").build());
        assertThat(claimed(store.claim(claim("node-a", T0, 1)))).containsExactly("a");

        assertThat(claimed(store.claim(withTimeout(claim("node-b", T0, 5), Duration.ofMinutes(1)))))
                .containsExactly("b");
    }

    @Test
    void claim_contactTimeoutOverSevenDays_refused() {
        add(rec("a").build());

        assertThatThrownBy(() -> store.claim(withTimeout(claim("node-a", T0, 1), Duration.ofDays(8))))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("contactTimeout");
        assertThat(claimed(store.claim(claim("node-a", T0, 1)))).containsExactly("a");
    }

    @Test
    void claim_listsChangedBetweenClaims_disabledListHeldAndBackWhenEnabled() {
        add(rec("a").list(A).build(), rec("b").list(B).build());
        CampaignLists noA = CampaignLists.newBuilder().disabled(A).enabled(B).build();

        List<Claim> first = store.claim(withLists(claim("node-a", T0, 5), noA));
        assertThat(claimed(first)).containsExactly("b");
        assertThat(store.release(first.get(0).lease(), T0)).isTrue();

        assertThat(claimed(store.claim(withLists(claim("node-a", T0, 5), CampaignLists.allEnabled()))))
                .containsExactly("a", "b");
    }

    @Test
    void claim_atEarlierInstantThanPreviousClaim_returnsOnlyWhatIsDueAtItsOwnInstant() {
        add(rec("a").build(), rec("b").build(), rec("c").due(minutes(5)).build());

        // At T0+10 all three are due; a and b tie on priority and due time, a first by reference.
        assertThat(claimed(store.claim(claim("node-a", minutes(10), 1)))).containsExactly("a");
        // A node whose clock is behind, at T0+2: c (due T0+5) is not due for it.
        List<Claim> behind = store.claim(claim("node-b", minutes(2), 5));
        assertThat(claimed(behind)).containsExactly("b");
        assertThat(behind.get(0).lease().expiresAt()).isEqualTo(minutes(7));
        // c was set aside, not lost.
        assertThat(claimed(store.claim(claim("node-b", minutes(5), 5)))).containsExactly("c");
    }

    @Test
    void claim_atEarlierInstant_callbackStillReservedThenGoesOnlyToItsAgent() {
        // ANN's PREFER_AGENT callback at T0 holds her until T0+15; x (a dialer's reschedule) loads first.
        add(rec("cb-ann").callback(CallbackPreference.PREFER_AGENT, ANN).build(),
                rec("x").status(RecordStatus.RESCHEDULED_BY_DIALER).build());
        assertThat(claimed(store.claim(claim("node-a", minutes(20), 1)))).containsExactly("x");

        // At T0+10, behind the T0+20 of the last claim, the callback is still ANN's.
        assertThat(store.claim(claim("node-b", minutes(10), 5))).isEmpty();
        assertThat(store.claim(claim("node-b", minutes(10), 5).forAgent(BOB))).isEmpty();
        assertThat(claimed(store.claim(claim("node-b", minutes(10), 5).forAgent(ANN)))).containsExactly("cb-ann");
    }

    // ------------------------------------------------------------------ leases

    @Test
    void claim_leaseExpired_recordBackAndSecondOwnerGetsItWithNewToken() {
        Record x = rec("x").build();
        add(x);
        List<Claim> first = store.claim(claim("node-a", T0, 1).withLeaseFor(Duration.ofMinutes(5)));
        Lease lost = first.get(0).lease();
        assertThat(lost.expiresAt()).isEqualTo(minutes(5));

        assertThat(store.lease(key("x"), minutes(4))).contains(lost);
        assertThat(store.claim(claim("node-b", minutes(4), 1))).isEmpty();

        List<Claim> second = store.claim(claim("node-b", minutes(5), 1));
        assertThat(claimed(second)).containsExactly("x");
        Lease held = second.get(0).lease();
        assertThat(held.owner()).isEqualTo("node-b");
        assertThat(held.token()).isNotEqualTo(lost.token());
        assertThat(held.expiresAt()).isEqualTo(minutes(10));
        assertThat(second.get(0).record()).isEqualTo(x);

        Record changed = x.withStatus(RecordStatus.INACTIVE);
        assertThatThrownBy(() -> store.complete(lost, changed, Optional.empty(), minutes(6)))
                .isInstanceOf(StoreException.class)
                .satisfies(e -> assertThat(((StoreException) e).kind()).isEqualTo(StoreException.Kind.LEASE_LOST));
        assertThat(store.release(lost, minutes(6))).isFalse();
        assertThatThrownBy(() -> store.renew(lost, minutes(6), Duration.ofMinutes(5)))
                .isInstanceOf(StoreException.class)
                .satisfies(e -> assertThat(((StoreException) e).kind()).isEqualTo(StoreException.Kind.LEASE_LOST));
        assertThat(store.get(key("x"))).contains(x);
        assertThat(store.lease(key("x"), minutes(6))).contains(held);
    }

    @Test
    void claim_leaseExpiresWithoutAnyOperation_leaseReportsNothingAfterItsExpiry() {
        add(rec("x").build());
        Lease lease = store.claim(claim("node-a", T0, 1)).get(0).lease();

        assertThat(store.lease(key("x"), minutes(5).minusNanos(1))).contains(lease);
        assertThat(store.lease(key("x"), minutes(5))).isEmpty();
    }

    @Test
    void renew_extendsButNeverShortens_andOldExpiryDoesNotEndTheRenewedLease() {
        add(rec("x").build());
        Lease lease = store.claim(claim("node-a", T0, 1)).get(0).lease();

        Lease renewed = store.renew(lease, minutes(4), Duration.ofMinutes(5));
        assertThat(renewed.expiresAt()).isEqualTo(minutes(9));
        assertThat(renewed.token()).isEqualTo(lease.token());
        assertThat(renewed.owner()).isEqualTo("node-a");

        // T0+6 is past the first expiry: the lease still holds until T0+9.
        assertThat(store.claim(claim("node-b", minutes(6), 1))).isEmpty();
        // A renewal to T0+7 would shorten it: the lease stays as it is.
        assertThat(store.renew(lease, minutes(6), Duration.ofMinutes(1))).isEqualTo(renewed);

        assertThat(claimed(store.claim(claim("node-b", minutes(9), 1)))).containsExactly("x");
        assertThatThrownBy(() -> store.renew(renewed, minutes(9), Duration.ofMinutes(5)))
                .isInstanceOf(StoreException.class);
    }

    @Test
    void renew_leaseForOutOfRange_refused() {
        add(rec("x").build());
        Lease lease = store.claim(claim("node-a", T0, 1)).get(0).lease();

        assertThatThrownBy(() -> store.renew(lease, T0, Duration.ZERO)).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> store.renew(lease, T0, Duration.ofDays(1).plusNanos(1)))
                .isInstanceOf(InvalidValueException.class);
    }

    @Test
    void release_heldLease_recordDueAgainAndSecondReleaseFalse() {
        add(rec("x").build());
        Lease lease = store.claim(claim("node-a", T0, 1)).get(0).lease();

        assertThat(store.release(lease, minutes(1))).isTrue();
        assertThat(store.release(lease, minutes(1))).isFalse();
        assertThat(store.lease(key("x"), minutes(1))).isEmpty();
        List<Claim> again = store.claim(claim("node-b", minutes(1), 1));
        assertThat(claimed(again)).containsExactly("x");
        assertThat(again.get(0).lease().token()).isNotEqualTo(lease.token());
        assertThat(store.release(lease, minutes(2))).isFalse();
    }

    @Test
    void complete_writesRecordHistoryAndPutsTheRecordBackInTheQueue() {
        Record x = rec("x").build();
        add(x);
        Lease lease = store.claim(claim("node-a", T0, 1)).get(0).lease();
        Record after = x.withStatus(RecordStatus.RESCHEDULED_BY_DIALER).withNextDialableAt(minutes(30));
        Interaction call = call("call-1", minutes(1));

        store.complete(lease, after, Optional.of(call), minutes(1));

        assertThat(store.get(key("x"))).contains(after);
        assertThat(store.latestInteractions(key("x"), 50)).containsExactly(call);
        assertThat(store.lease(key("x"), minutes(1))).isEmpty();
        assertThat(store.release(lease, minutes(1))).isFalse();
        assertThat(store.claim(claim("node-b", minutes(29), 1))).isEmpty();
        List<Claim> again = store.claim(claim("node-b", minutes(30), 1));
        assertThat(again).extracting(Claim::record).containsExactly(after);
    }

    @Test
    void complete_recordDone_neverClaimedAgain() {
        Record x = rec("x").build();
        add(x);
        Lease lease = store.claim(claim("node-a", T0, 1)).get(0).lease();

        store.complete(lease, x.done(dev.outbound.core.record.DoneReason.OBJECTIVE_REACHED), Optional.empty(), minutes(1));

        assertThat(store.claim(claim("node-a", minutes(600), 10))).isEmpty();
    }

    @Test
    void complete_recordOfAnotherKey_mismatchAndNothingWritten() {
        Record x = rec("x").build();
        Record y = rec("y").build();
        add(x, y);
        Lease lease = store.claim(claim("node-a", T0, 1)).get(0).lease();

        assertThatThrownBy(() -> store.complete(lease, y.withPriority(9), Optional.of(call("c", T0)), minutes(1)))
                .isInstanceOf(StoreException.class)
                .satisfies(e -> assertThat(((StoreException) e).kind()).isEqualTo(StoreException.Kind.MISMATCH));
        assertThat(store.get(key("x"))).contains(x);
        assertThat(store.get(key("y"))).contains(y);
        assertThat(store.latestInteractions(key("x"), 5)).isEmpty();
        assertThat(store.latestInteractions(key("y"), 5)).isEmpty();
        assertThat(store.lease(key("x"), minutes(1))).contains(lease);
    }

    @Test
    void claim_manyLeasesReleasedThenOthersExpire_everyRecordComesBackOnce() {
        // 3000 leases, 2990 released: the released leases' expiries are dropped from the heap
        // along the way, and the 10 others and the new ones still expire when they should.
        List<Record> records = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            records.add(rec(String.format("r%04d", i)).build());
        }
        store.upsert(records, UpsertMode.OVERWRITE, T0);
        List<Claim> first = store.claim(claim("node-a", T0, 3000));
        assertThat(first).hasSize(3000);
        for (int i = 10; i < 3000; i++) {
            assertThat(store.release(first.get(i).lease(), minutes(1))).isTrue();
        }

        List<Claim> second = store.claim(claim("node-b", minutes(1), 5000));
        assertThat(second).hasSize(2990);
        assertThat(store.claim(claim("node-c", minutes(5).minusNanos(1), 5000))).isEmpty();
        assertThat(claimed(store.claim(claim("node-c", minutes(5), 5000))))
                .containsExactly("r0000", "r0001", "r0002", "r0003", "r0004", "r0005", "r0006", "r0007", "r0008",
                        "r0009");
        assertThat(store.claim(claim("node-c", minutes(6).minusNanos(1), 5000))).isEmpty();
        assertThat(store.claim(claim("node-c", minutes(6), 5000))).hasSize(2990);
    }

    // ------------------------------------------------------------------ bulk writes

    @Test
    void changeStatus_leasedAndInCallRecords_skippedWithReasonsAndOthersChanged() {
        add(rec("a").build(), rec("b").build(), rec("c").build(), rec("d").status(RecordStatus.PROCESSING).build());
        Lease lease = store.claim(claim("node-a", T0, 1)).get(0).lease();
        assertThat(lease.key()).isEqualTo(key("a"));

        BulkResult result = store.changeStatus(RecordQuery.campaign(CAMPAIGN),
                StatusChange.none().withStatus(RecordStatus.INACTIVE), minutes(1));

        assertThat(result.matched()).isEqualTo(4);
        assertThat(result.applied()).isEqualTo(2);
        assertThat(result.skipped()).containsExactly(
                new BulkResult.Skipped(key("a"), BulkResult.Reason.CLAIMED),
                new BulkResult.Skipped(key("d"), BulkResult.Reason.IN_CALL));
        assertThat(store.get(key("b")).orElseThrow().status()).isEqualTo(RecordStatus.INACTIVE);
        assertThat(store.get(key("a")).orElseThrow().status()).isEqualTo(RecordStatus.PENDING);
        // b and c left the queue; a comes back when released.
        assertThat(store.claim(claim("node-b", minutes(2), 10))).isEmpty();
        assertThat(store.release(lease, minutes(2))).isTrue();
        assertThat(claimed(store.claim(claim("node-b", minutes(2), 10)))).containsExactly("a");
    }

    @Test
    void changeStatus_backToPending_recordsEnterTheQueue() {
        add(rec("a").status(RecordStatus.INACTIVE).build(), rec("b").status(RecordStatus.INACTIVE).build());
        assertThat(store.claim(claim("node-a", T0, 10))).isEmpty();

        BulkResult result = store.changeStatus(RecordQuery.campaign(CAMPAIGN),
                StatusChange.none().withStatus(RecordStatus.PENDING), minutes(1));

        assertThat(result.applied()).isEqualTo(2);
        assertThat(claimed(store.claim(claim("node-a", minutes(1), 10)))).containsExactly("a", "b");
    }

    @Test
    void changeStatus_changeThatChangesNothing_matchedButNotApplied() {
        add(rec("a").build(), rec("b").status(RecordStatus.PROCESSING).build());

        BulkResult result = store.changeStatus(RecordQuery.campaign(CAMPAIGN), StatusChange.none().clearingRetryCounts(),
                minutes(1));

        assertThat(result).isEqualTo(new BulkResult(2, 0, List.of()));
    }

    @Test
    void changeStatus_priorityOnRecordInCall_applied() {
        add(rec("d").status(RecordStatus.PROCESSING).build());

        BulkResult result = store.changeStatus(RecordQuery.all(), StatusChange.none().withPriority(7), minutes(1));

        assertThat(result).isEqualTo(new BulkResult(1, 1, List.of()));
        assertThat(store.get(key("d")).orElseThrow().priority()).isEqualTo(7);
    }

    @Test
    void delete_leasedRecordLeftAndReported_othersGoneWithTheirHistory() {
        add(rec("a").build(), rec("b").build(), rec(OTHER, "c").build());
        store.appendInteraction(key("b"), call("b-1", T0));
        Lease lease = store.claim(claim("node-a", T0, 1)).get(0).lease();

        BulkResult result = store.delete(RecordQuery.all(), minutes(1));

        assertThat(result.matched()).isEqualTo(3);
        assertThat(result.applied()).isEqualTo(2);
        assertThat(result.skipped()).containsExactly(new BulkResult.Skipped(key("a"), BulkResult.Reason.CLAIMED));
        assertThat(store.get(key("b"))).isEmpty();
        assertThat(store.get(key(OTHER, "c"))).isEmpty();
        assertThat(store.lease(key("a"), minutes(1))).contains(lease);
        store.create(rec("b").build());
        assertThat(store.latestInteractions(key("b"), 5)).isEmpty();
        assertThat(claimed(store.claim(claim("node-b", minutes(1), 5)))).containsExactly("b");
    }

    @Test
    void delete_afterLeaseExpired_recordDeleted() {
        add(rec("a").build());
        store.claim(claim("node-a", T0, 1));

        assertThat(store.delete(RecordQuery.all(), minutes(5))).isEqualTo(new BulkResult(1, 1, List.of()));
        assertThat(store.claim(claim("node-b", minutes(5), 1))).isEmpty();
    }

    @Test
    void upsert_overwriteLeasedRecord_skippedClaimedAndKeepExistingKept() {
        Record a = rec("a").build();
        add(a, rec("b").build());
        store.claim(claim("node-a", T0, 1));

        UpsertResult result = store.upsert(List.of(a.withPriority(3), rec("b").priority(4).build(),
                rec("c").build(), rec("c").priority(6).build()), UpsertMode.OVERWRITE, minutes(1));

        assertThat(result.outcomes()).containsExactly(UpsertResult.Outcome.SKIPPED_CLAIMED,
                UpsertResult.Outcome.REPLACED, UpsertResult.Outcome.CREATED, UpsertResult.Outcome.REPLACED);
        assertThat(store.get(key("a"))).contains(a);
        assertThat(store.get(key("c")).orElseThrow().priority()).isEqualTo(6);
        UpsertResult kept = store.upsert(List.of(a.withPriority(3), rec("d").build()), UpsertMode.KEEP_EXISTING,
                minutes(1));
        assertThat(kept.outcomes()).containsExactly(UpsertResult.Outcome.KEPT_EXISTING, UpsertResult.Outcome.CREATED);
        // c (priority 6), b (4), d (0): the replaced records are in the queue with their new priority.
        assertThat(claimed(store.claim(claim("node-b", minutes(1), 10)))).containsExactly("c", "b", "d");
    }

    @Test
    void upsert_overwrite_keepsHistory() {
        add(rec("a").build());
        Interaction i = call("a-1", T0);
        store.appendInteraction(key("a"), i);

        store.upsert(List.of(rec("a").priority(2).build()), UpsertMode.OVERWRITE, minutes(1));

        assertThat(store.latestInteractions(key("a"), 5)).containsExactly(i);
    }

    @Test
    void upsert_overMaxBatch_refused() {
        List<Record> big = new ArrayList<>();
        Record r = rec("a").build();
        for (int i = 0; i <= 100_000; i++) {
            big.add(r);
        }

        assertThatThrownBy(() -> store.upsert(big, UpsertMode.OVERWRITE, T0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(store.get(key("a"))).isEmpty();
    }

    @Test
    void create_existingKey_duplicateKey() {
        add(rec("a").build());

        assertThatThrownBy(() -> store.create(rec("a").priority(1).build()))
                .isInstanceOf(StoreException.class)
                .satisfies(e -> assertThat(((StoreException) e).kind()).isEqualTo(StoreException.Kind.DUPLICATE_KEY));
        assertThat(store.get(key("a")).orElseThrow().priority()).isZero();
    }

    // ------------------------------------------------------------------ history

    @Test
    void latestInteractions_newestFirstAndLaterAppendedFirstOnTies() {
        add(rec("a").build());
        Interaction i1 = call("i1", minutes(1));
        Interaction i2 = call("i2", minutes(3));
        Interaction i3 = call("i3", minutes(2));
        Interaction i4 = call("i4", minutes(3));
        Interaction i5 = call("i5", minutes(0));
        for (Interaction i : List.of(i1, i2, i3, i4, i5)) {
            store.appendInteraction(key("a"), i);
        }

        assertThat(store.latestInteractions(key("a"), 50)).containsExactly(i4, i2, i3, i1, i5);
        assertThat(store.latestInteractions(key("a"), 2)).containsExactly(i4, i2);
    }

    @Test
    void latestInteractions_limitBelowOne_refused() {
        assertThatThrownBy(() -> store.latestInteractions(key("a"), 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void interactions_unknownKey_emptyAndAppendRefused() {
        add(rec("a").build());

        assertThat(store.latestInteractions(key("zz"), 5)).isEmpty();
        assertThat(store.latestInteractions(key(OTHER, "a"), 5)).isEmpty();
        assertThatThrownBy(() -> store.appendInteraction(key(OTHER, "a"), call("x", T0)))
                .isInstanceOf(StoreException.class)
                .satisfies(e -> assertThat(((StoreException) e).kind()).isEqualTo(StoreException.Kind.UNKNOWN_KEY));
        assertThatThrownBy(() -> store.appendInteraction(key("zz"), call("x", T0)))
                .isInstanceOf(StoreException.class)
                .satisfies(e -> assertThat(((StoreException) e).kind()).isEqualTo(StoreException.Kind.UNKNOWN_KEY));
    }
}
