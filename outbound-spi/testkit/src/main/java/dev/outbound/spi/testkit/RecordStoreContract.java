package dev.outbound.spi.testkit;

import static dev.outbound.spi.testkit.StoreFixtures.A;
import static dev.outbound.spi.testkit.StoreFixtures.ALPHA;
import static dev.outbound.spi.testkit.StoreFixtures.ANN;
import static dev.outbound.spi.testkit.StoreFixtures.B;
import static dev.outbound.spi.testkit.StoreFixtures.BETA;
import static dev.outbound.spi.testkit.StoreFixtures.BOB;
import static dev.outbound.spi.testkit.StoreFixtures.C;
import static dev.outbound.spi.testkit.StoreFixtures.LEASE;
import static dev.outbound.spi.testkit.StoreFixtures.N1;
import static dev.outbound.spi.testkit.StoreFixtures.N2;
import static dev.outbound.spi.testkit.StoreFixtures.N3;
import static dev.outbound.spi.testkit.StoreFixtures.N4;
import static dev.outbound.spi.testkit.StoreFixtures.T0;
import static dev.outbound.spi.testkit.StoreFixtures.TIMEOUT;
import static dev.outbound.spi.testkit.StoreFixtures.claim;
import static dev.outbound.spi.testkit.StoreFixtures.interaction;
import static dev.outbound.spi.testkit.StoreFixtures.key;
import static dev.outbound.spi.testkit.StoreFixtures.minutes;
import static dev.outbound.spi.testkit.StoreFixtures.rec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.outbound.core.InvalidValueException;
import dev.outbound.core.field.FieldValue;
import dev.outbound.core.lifecycle.CampaignLists;
import dev.outbound.core.lifecycle.StatusChange;
import dev.outbound.core.phone.PhoneField;
import dev.outbound.core.record.CallbackPreference;
import dev.outbound.core.record.CustomerRef;
import dev.outbound.core.record.DoneReason;
import dev.outbound.core.record.ReasonCode;
import dev.outbound.core.record.Record;
import dev.outbound.core.record.RecordStatus;
import dev.outbound.spi.store.BulkResult;
import dev.outbound.spi.store.Claim;
import dev.outbound.spi.store.ClaimRequest;
import dev.outbound.spi.store.Interaction;
import dev.outbound.spi.store.Lease;
import dev.outbound.spi.store.Page;
import dev.outbound.spi.store.PageRequest;
import dev.outbound.spi.store.PhoneMatch;
import dev.outbound.spi.store.RecordKey;
import dev.outbound.spi.store.RecordMatch;
import dev.outbound.spi.store.RecordQuery;
import dev.outbound.spi.store.RecordStore;
import dev.outbound.spi.store.ReplaceResult;
import dev.outbound.spi.store.Replacement;
import dev.outbound.spi.store.StoreException;
import dev.outbound.spi.store.UpsertMode;
import dev.outbound.spi.store.UpsertResult.Outcome;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link RecordStore}: every rule its javadoc and that of its request types state,
 * as JUnit 5 tests. A store proves it honours the contract by a test class that extends this one and
 * returns a fresh, empty store from {@link #newStore()}:
 *
 * <pre>{@code
 * class JdbcRecordStoreContractTest extends RecordStoreContract {
 *     @Override
 *     protected RecordStore newStore() {
 *         return JdbcRecordStore.create(freshSchema());
 *     }
 * }
 * }</pre>
 *
 * <p>Each test states one rule with values worked out by hand; one property test runs random
 * sequences of operations against the store and against {@link ModelRecordStore}, the obvious
 * implementation, and asks both the same questions after each operation. The store is closed after
 * each test.
 */
public abstract class RecordStoreContract {
    private RecordStore store;

    /** For subclasses. */
    protected RecordStoreContract() {
    }

    /**
     * Makes the store under test. Each test calls it once before it starts, and the property test
     * once per random sequence; the kit closes every store it made.
     *
     * @return a new store holding no record
     */
    protected abstract RecordStore newStore();

    @BeforeEach
    final void openStore() {
        store = newStore();
    }

    @AfterEach
    final void closeStore() {
        store.close();
    }

    // ---------------------------------------------------------------- create and get

    @Test
    void create_thenGet_returnsTheRecord() {
        Record r = rec("r1").priority(3).phone(PhoneField.HOME, N1).build();
        store.create(r);
        assertThat(store.get(key("r1"))).contains(r);
    }

    @Test
    void create_keyHeld_throwsDuplicateKeyAndKeepsTheFirst() {
        Record first = rec("r1").priority(1).build();
        store.create(first);
        assertThatThrownBy(() -> store.create(rec("r1").priority(2).build()))
                .isInstanceOfSatisfying(StoreException.class, e -> {
                    assertThat(e.kind()).isEqualTo(StoreException.Kind.DUPLICATE_KEY);
                    assertThat(e.key()).isEqualTo(key("r1"));
                });
        assertThat(store.get(key("r1"))).contains(first);
    }

    @Test
    void create_sameReferenceInTwoCampaigns_twoRecords() {
        Record alpha = rec(ALPHA, "r1").priority(1).build();
        Record beta = rec(BETA, "r1").priority(2).build();
        store.create(alpha);
        store.create(beta);
        assertThat(store.get(key(ALPHA, "r1"))).contains(alpha);
        assertThat(store.get(key(BETA, "r1"))).contains(beta);
    }

    @Test
    void get_unknownKey_empty() {
        store.create(rec("r1").build());
        assertThat(store.get(key("r2"))).isEmpty();
        assertThat(store.get(key(BETA, "r1"))).isEmpty();
    }

    // ---------------------------------------------------------------- upsert

    @Test
    void upsert_keepExisting_createsNewKeysAndKeepsHeldOnes() {
        Record r1 = rec("r1").build();
        Record r3 = rec("r3").build();
        store.create(r1);
        store.create(r3);
        List<Record> batch = List.of(rec("r1").priority(5).build(), rec("r2").build(), rec("r3").priority(5).build(),
                rec("r4").build());
        assertThat(store.upsert(batch, UpsertMode.KEEP_EXISTING, T0).outcomes())
                .containsExactly(Outcome.KEPT_EXISTING, Outcome.CREATED, Outcome.KEPT_EXISTING, Outcome.CREATED);
        assertThat(store.get(key("r1"))).contains(r1);
        assertThat(store.get(key("r2"))).contains(batch.get(1));
        assertThat(store.get(key("r3"))).contains(r3);
        assertThat(store.get(key("r4"))).contains(batch.get(3));
    }

    @Test
    void upsert_overwrite_createsNewKeysAndReplacesHeldOnes() {
        store.create(rec("r1").build());
        store.create(rec("r3").build());
        List<Record> batch = List.of(rec("r1").priority(5).build(), rec("r2").build(), rec("r3").priority(6).build(),
                rec("r4").build());
        assertThat(store.upsert(batch, UpsertMode.OVERWRITE, T0).outcomes())
                .containsExactly(Outcome.REPLACED, Outcome.CREATED, Outcome.REPLACED, Outcome.CREATED);
        for (Record r : batch) {
            assertThat(store.get(RecordKey.of(r))).contains(r);
        }
    }

    @Test
    void upsert_keyTwiceInOneBatch_secondIsHandledAsAHeldKey() {
        Record first = rec("r1").priority(1).build();
        Record second = rec("r1").priority(2).build();
        assertThat(store.upsert(List.of(first, second), UpsertMode.OVERWRITE, T0).outcomes())
                .containsExactly(Outcome.CREATED, Outcome.REPLACED);
        assertThat(store.get(key("r1"))).contains(second);

        Record third = rec("r2").priority(3).build();
        assertThat(store.upsert(List.of(third, rec("r2").priority(4).build()), UpsertMode.KEEP_EXISTING, T0).outcomes())
                .containsExactly(Outcome.CREATED, Outcome.KEPT_EXISTING);
        assertThat(store.get(key("r2"))).contains(third);
    }

    @Test
    void upsert_emptyBatch_noOutcome() {
        assertThat(store.upsert(List.of(), UpsertMode.OVERWRITE, T0).outcomes()).isEmpty();
    }

    @Test
    void upsert_overwriteClaimedRecord_skippedClaimedAndUnchanged() {
        Record r1 = rec("r1").build();
        store.create(r1);
        assertThat(store.claim(claim(T0))).hasSize(1);
        Record newR1 = rec("r1").priority(7).build();
        Record r2 = rec("r2").build();
        assertThat(store.upsert(List.of(newR1, r2), UpsertMode.OVERWRITE, minutes(1)).outcomes())
                .containsExactly(Outcome.SKIPPED_CLAIMED, Outcome.CREATED);
        assertThat(store.get(key("r1"))).contains(r1);
        assertThat(store.get(key("r2"))).contains(r2);
        assertThat(store.upsert(List.of(newR1), UpsertMode.KEEP_EXISTING, minutes(1)).outcomes())
                .containsExactly(Outcome.KEPT_EXISTING);
        assertThat(store.get(key("r1"))).contains(r1);
    }

    @Test
    void upsert_overwriteAfterRelease_replaces() {
        store.create(rec("r1").build());
        Lease lease = store.claim(claim(T0)).get(0).lease();
        assertThat(store.release(lease, minutes(1))).isTrue();
        Record newR1 = rec("r1").priority(7).build();
        assertThat(store.upsert(List.of(newR1), UpsertMode.OVERWRITE, minutes(2)).outcomes())
                .containsExactly(Outcome.REPLACED);
        assertThat(store.get(key("r1"))).contains(newR1);
    }

    @Test
    void upsert_overwriteWhenTheLeaseHasExpired_replaces() {
        store.create(rec("r1").build());
        assertThat(store.claim(claim(T0))).hasSize(1);
        Record newR1 = rec("r1").priority(7).build();
        assertThat(store.upsert(List.of(newR1), UpsertMode.OVERWRITE, T0.plus(LEASE).minusNanos(1)).outcomes())
                .containsExactly(Outcome.SKIPPED_CLAIMED);
        assertThat(store.upsert(List.of(newR1), UpsertMode.OVERWRITE, T0.plus(LEASE)).outcomes())
                .containsExactly(Outcome.REPLACED);
        assertThat(store.get(key("r1"))).contains(newR1);
    }

    // ---------------------------------------------------------------- replaceIfUnchanged

    private List<ReplaceResult.Outcome> replace(Instant at, Replacement... batch) {
        return store.replaceIfUnchanged(List.of(batch), at).outcomes();
    }

    @Test
    void replaceIfUnchanged_storedAsExpected_replacedAndTheHistoryKept() {
        Record read = rec("r1").priority(1).build();
        store.create(read);
        store.appendInteraction(key("r1"), interaction("i1", T0));
        Record updated = read.withPriority(5).withAgent(Optional.of(ANN));

        assertThat(replace(minutes(1), Replacement.of(read, updated))).containsExactly(ReplaceResult.Outcome.REPLACED);

        assertThat(store.get(key("r1"))).contains(updated);
        assertThat(store.latestInteractions(key("r1"), 10)).extracting(Interaction::id).containsExactly("i1");
    }

    @Test
    void replaceIfUnchanged_aCallCompletedSinceTheRead_changedAndTheCallsOutcomeKept() {
        Record read = rec("r1").build();
        store.create(read);
        Claim c = store.claim(claim(T0)).get(0);
        Record called = c.record().withStatus(RecordStatus.RESCHEDULED_BY_DIALER).withNextDialableAt(minutes(60));
        store.complete(c.lease(), called, Optional.of(interaction("call-1", minutes(1))), minutes(1));

        assertThat(replace(minutes(2), Replacement.of(read, read.withPriority(9))))
                .containsExactly(ReplaceResult.Outcome.CHANGED);
        assertThat(store.get(key("r1"))).contains(called);

        // Read again: the replacement built from what is stored now is written.
        Record again = called.withPriority(9);
        assertThat(replace(minutes(3), Replacement.of(called, again))).containsExactly(ReplaceResult.Outcome.REPLACED);
        assertThat(store.get(key("r1"))).contains(again);
        assertThat(store.latestInteractions(key("r1"), 10)).extracting(Interaction::id).containsExactly("call-1");
    }

    @Test
    void replaceIfUnchanged_anUpsertSinceTheRead_changed() {
        Record read = rec("r1").priority(1).build();
        store.create(read);
        Record written = rec("r1").priority(2).build();
        store.upsert(List.of(written), UpsertMode.OVERWRITE, T0);

        assertThat(replace(T0, Replacement.of(read, read.withPriority(3)))).containsExactly(ReplaceResult.Outcome.CHANGED);
        assertThat(store.get(key("r1"))).contains(written);
    }

    @Test
    void replaceIfUnchanged_recordDeletedOrNeverStored_changedAndNothingWritten() {
        Record read = rec("r1").build();
        store.create(read);
        store.delete(RecordQuery.all(), T0);
        Record unknown = rec(BETA, "b1").build();

        assertThat(replace(minutes(1), Replacement.of(read, read.withPriority(4)),
                Replacement.of(unknown, unknown.withPriority(4))))
                .containsExactly(ReplaceResult.Outcome.CHANGED, ReplaceResult.Outcome.CHANGED);

        assertThat(store.get(key("r1"))).isEmpty();
        assertThat(store.get(key(BETA, "b1"))).isEmpty();
        assertThat(store.count(RecordQuery.all())).isZero();
    }

    @Test
    void replaceIfUnchanged_claimedRecord_claimedWhetherOrNotItChanged_replacedOnceTheLeaseHasExpired() {
        Record read = rec("r1").build();
        store.create(read);
        assertThat(store.claim(claim(T0))).hasSize(1);
        Record updated = read.withPriority(6);

        assertThat(replace(minutes(1), Replacement.of(read, updated), Replacement.of(read.withPriority(1), updated)))
                .containsExactly(ReplaceResult.Outcome.CLAIMED, ReplaceResult.Outcome.CLAIMED);
        assertThat(store.get(key("r1"))).contains(read);
        assertThat(replace(T0.plus(LEASE).minusNanos(1), Replacement.of(read, updated)))
                .containsExactly(ReplaceResult.Outcome.CLAIMED);

        assertThat(replace(T0.plus(LEASE), Replacement.of(read, updated)))
                .containsExactly(ReplaceResult.Outcome.REPLACED);
        assertThat(store.get(key("r1"))).contains(updated);
    }

    @Test
    void replaceIfUnchanged_keyTwiceInOneBatch_secondComparedWithWhatTheFirstWrote() {
        Record read = rec("r1").build();
        store.create(read);
        Record first = read.withPriority(1);
        Record second = read.withPriority(2);

        assertThat(replace(T0, Replacement.of(read, first), Replacement.of(read, second)))
                .containsExactly(ReplaceResult.Outcome.REPLACED, ReplaceResult.Outcome.CHANGED);
        assertThat(store.get(key("r1"))).contains(first);

        assertThat(replace(T0, Replacement.of(first, second), Replacement.of(second, read)))
                .containsExactly(ReplaceResult.Outcome.REPLACED, ReplaceResult.Outcome.REPLACED);
        assertThat(store.get(key("r1"))).contains(read);
    }

    @Test
    void replaceIfUnchanged_batchOverTwoCampaigns_eachJudgedOnItsOwn() {
        Record alpha = rec(ALPHA, "r1").build();
        Record beta = rec(BETA, "r1").build();
        store.create(alpha);
        store.create(beta);

        assertThat(replace(T0, Replacement.of(alpha.withPriority(9), alpha.withPriority(1)),
                Replacement.of(beta, beta.withPriority(2))))
                .containsExactly(ReplaceResult.Outcome.CHANGED, ReplaceResult.Outcome.REPLACED);
        assertThat(store.get(key(ALPHA, "r1"))).contains(alpha);
        assertThat(store.get(key(BETA, "r1"))).contains(beta.withPriority(2));
        assertThat(store.replaceIfUnchanged(List.of(), T0).outcomes()).isEmpty();
    }

    @Test
    void replaceIfUnchanged_phoneSearchesFindTheNewNumbersOnly() {
        Record read = rec("r1").phone(PhoneField.HOME, N1).build();
        store.create(read);
        store.create(rec("r2").phone(PhoneField.HOME, N3).build());
        // A suffix search first, so that a store sorting its numbers for it has to sort them again.
        assertThat(rows(where().phone(PhoneMatch.suffix("0123")).build())).containsExactly("alpha/r1@0", "alpha/r2@0");
        Record updated = read.withoutPhone(PhoneField.HOME).withPhone(StoreFixtures.phone(PhoneField.MOBILE, N2));

        assertThat(replace(T0, Replacement.of(read, updated))).containsExactly(ReplaceResult.Outcome.REPLACED);

        assertThat(rows(where().phone(PhoneMatch.exact(N1)).build())).isEmpty();
        assertThat(rows(where().phone(PhoneMatch.exact(N2)).build())).containsExactly("alpha/r1@0");
        assertThat(rows(where().phone(PhoneMatch.suffix("0123")).build())).containsExactly("alpha/r2@0");
        assertThat(rows(where().phone(PhoneMatch.prefix("1201")).build())).containsExactly("alpha/r1@0");
        assertThat(rows(where().phone(PhoneMatch.contains("5550124")).build())).containsExactly("alpha/r1@0");
    }

    @Test
    void replaceIfUnchanged_claimsFollowTheNewDueTimeStatusAndPriority() {
        Record later = rec("x1").due(minutes(-10)).build();
        Record x2 = rec("x2").due(minutes(-5)).build();
        Record postponed = rec("x3").status(RecordStatus.POSTPONED).due(minutes(-1)).build();
        store.create(later);
        store.create(x2);
        store.create(postponed);

        // x1 is no longer due; x3 becomes dialable, with a priority that puts it first.
        Record x3 = postponed.withStatus(RecordStatus.PENDING).withPriority(5);
        assertThat(replace(T0, Replacement.of(later, later.withNextDialableAt(minutes(60))),
                Replacement.of(postponed, x3)))
                .containsExactly(ReplaceResult.Outcome.REPLACED, ReplaceResult.Outcome.REPLACED);

        List<Claim> claims = store.claim(claim(T0).withMax(10));
        assertThat(refs(claims)).containsExactly("x3", "x2");
        assertThat(claims.get(0).record()).isEqualTo(x3);
        // Once the leases have run out, x1 is due too, after the others (same class and priority, later due time).
        assertThat(refs(store.claim(claim(minutes(60)).withMax(10)))).containsExactly("x3", "x2", "x1");
    }

    @Test
    void replaceIfUnchanged_toADoneRecord_neverClaimed() {
        Record read = rec("r1").due(minutes(-1)).build();
        store.create(read);
        assertThat(replace(T0, Replacement.of(read, read.done(DoneReason.OBJECTIVE_REACHED))))
                .containsExactly(ReplaceResult.Outcome.REPLACED);
        assertThat(store.claim(claim(minutes(600)))).isEmpty();
    }

    @Test
    void replacement_recordsWithTwoKeys_refusedNamingBoth() {
        Record r1 = rec("r1").build();
        assertThatThrownBy(() -> Replacement.of(r1, rec("r2").build()))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("alpha/r1")
                .hasMessageContaining("alpha/r2");
        assertThatThrownBy(() -> Replacement.of(r1, rec(BETA, "r1").build()))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("beta/r1");
    }

    @Test
    void replaceIfUnchanged_nullReplacementInTheBatch_throwsAndWritesNothing() {
        Record read = rec("r1").build();
        store.create(read);
        List<Replacement> batch = Arrays.asList(Replacement.of(read, read.withPriority(3)), null);

        assertThatThrownBy(() -> store.replaceIfUnchanged(batch, T0)).isInstanceOf(NullPointerException.class);

        assertThat(store.get(key("r1"))).contains(read);
    }

    // ---------------------------------------------------------------- filters

    /**
     * Seven records: six of campaign alpha, one of beta.
     *
     * <pre>
     * ref        list status                agent reason                        numbers                     other
     * alpha/a01  A    PENDING               -     -                             HOME N1, MOBILE N4          tier=gold, contacted T0-2h, wrap SALE
     * alpha/a02  B    RESCHEDULED_BY_DIALER ann   -                             HOME N2                     contacted T0-1h, wrap NO_SALE
     * alpha/a03  C    DONE                  -     -                             WORK N3                     contacted T0
     * alpha/a04  A    POSTPONED             bob   Suspended                     -                           age=42 (an integer)
     * alpha/a05  A    INACTIVE              -     Suspended / Fraud             -                           tier=silver
     * alpha/a06  B    PENDING               -     Call Disconnected / Abandoned HOME N1, WORK N2
     * beta/b01   A    PENDING               -     -                             HOME N1
     * </pre>
     * Digits: N1 12015550123, N2 12015550124, N3 14155550123, N4 441514960071.
     */
    private void givenTheFilterSet() {
        store.create(rec("a01").list(A).phone(PhoneField.HOME, N1).phone(PhoneField.MOBILE, N4)
                .field("tier", FieldValue.text("gold")).contacted(minutes(-120)).wrapCode("SALE").build());
        store.create(rec("a02").list(B).status(RecordStatus.RESCHEDULED_BY_DIALER).agent(ANN).phone(PhoneField.HOME, N2)
                .contacted(minutes(-60)).wrapCode("NO_SALE").build());
        store.create(rec("a03").list(C).done(DoneReason.OBJECTIVE_REACHED).phone(PhoneField.WORK, N3).contacted(T0)
                .build());
        store.create(rec("a04").list(A).status(RecordStatus.POSTPONED).agent(BOB).reason(ReasonCode.of("Suspended"))
                .field("age", FieldValue.integer(42)).build());
        store.create(rec("a05").list(A).status(RecordStatus.INACTIVE).reason(ReasonCode.of("Suspended", "Fraud"))
                .field("tier", FieldValue.text("silver")).build());
        store.create(rec("a06").list(B).reason(ReasonCode.of("Call Disconnected", "Abandoned"))
                .phone(PhoneField.HOME, N1).phone(PhoneField.WORK, N2).build());
        store.create(rec(BETA, "b01").list(A).phone(PhoneField.HOME, N1).build());
    }

    private static RecordQuery.Builder where() {
        return RecordQuery.newBuilder();
    }

    /** Every row of a query, read in one page: the key, and {@code @position} for a phone query. */
    private List<String> rows(RecordQuery query) {
        Page<RecordMatch> page = store.query(query, PageRequest.first(PageRequest.MAX_SIZE));
        assertThat(page.hasNext()).isFalse();
        return page.rows().stream().map(row -> describe(query, row)).collect(Collectors.toList());
    }

    private static String describe(RecordQuery query, RecordMatch row) {
        assertThat(row.phone().isPresent()).as("a row has its number exactly when the query searches numbers")
                .isEqualTo(query.hasPhoneCriterion());
        return RecordKey.of(row.record()) + (query.hasPhoneCriterion() ? "@" + row.position() : "");
    }

    @Test
    void query_all_everyRecordInKeyOrder() {
        givenTheFilterSet();
        assertThat(rows(RecordQuery.all())).containsExactly("alpha/a01", "alpha/a02", "alpha/a03", "alpha/a04",
                "alpha/a05", "alpha/a06", "beta/b01");
    }

    @Test
    void query_campaign_onlyItsRecords() {
        givenTheFilterSet();
        assertThat(rows(RecordQuery.campaign(BETA))).containsExactly("beta/b01");
        assertThat(rows(RecordQuery.campaign(ALPHA))).hasSize(6).allMatch(k -> k.startsWith("alpha/"));
    }

    @Test
    void query_refs_anyOfThem() {
        givenTheFilterSet();
        assertThat(rows(where().ref(CustomerRef.of("a05")).ref(CustomerRef.of("a02")).build()))
                .containsExactly("alpha/a02", "alpha/a05");
        assertThat(rows(where().ref(CustomerRef.of("b01")).campaign(ALPHA).build())).isEmpty();
    }

    @Test
    void query_lists_anyOfThem() {
        givenTheFilterSet();
        assertThat(rows(where().list(B).build())).containsExactly("alpha/a02", "alpha/a06");
        assertThat(rows(where().list(A).list(C).build()))
                .containsExactly("alpha/a01", "alpha/a03", "alpha/a04", "alpha/a05", "beta/b01");
    }

    @Test
    void query_statuses_anyOfThem() {
        givenTheFilterSet();
        assertThat(rows(where().status(RecordStatus.PENDING).build()))
                .containsExactly("alpha/a01", "alpha/a06", "beta/b01");
        assertThat(rows(where().status(RecordStatus.INACTIVE).status(RecordStatus.POSTPONED).build()))
                .containsExactly("alpha/a04", "alpha/a05");
        assertThat(rows(where().status(RecordStatus.PROCESSING).build())).isEmpty();
    }

    @Test
    void query_agentOrUnassigned() {
        givenTheFilterSet();
        assertThat(rows(where().agent(ANN).build())).containsExactly("alpha/a02");
        assertThat(rows(where().agent(BOB).build())).containsExactly("alpha/a04");
        assertThat(rows(where().unassigned().build()))
                .containsExactly("alpha/a01", "alpha/a03", "alpha/a05", "alpha/a06", "beta/b01");
    }

    @Test
    void query_lastContacted_fromInclusiveBeforeExclusive_neverContactedNeverMatches() {
        givenTheFilterSet();
        // Contacted: a01 at T0-2h, a02 at T0-1h, a03 at T0; the others never.
        assertThat(rows(where().lastContacted(minutes(-60), T0).build())).containsExactly("alpha/a02");
        assertThat(rows(where().lastContactedFrom(minutes(-60)).build())).containsExactly("alpha/a02", "alpha/a03");
        assertThat(rows(where().lastContactedBefore(minutes(-60)).build())).containsExactly("alpha/a01");
        assertThat(rows(where().lastContacted(minutes(-120), T0.plusNanos(1)).build()))
                .containsExactly("alpha/a01", "alpha/a02", "alpha/a03");
        assertThat(rows(where().lastContactedFrom(T0.plusNanos(1)).build())).isEmpty();
    }

    @Test
    void query_wrapCode() {
        givenTheFilterSet();
        assertThat(rows(where().wrapCode("SALE").build())).containsExactly("alpha/a01");
        assertThat(rows(where().wrapCode("NO_SALE").build())).containsExactly("alpha/a02");
        assertThat(rows(where().wrapCode("sale").build())).isEmpty();
    }

    @Test
    void query_reasonMajorAndMinor() {
        givenTheFilterSet();
        assertThat(rows(where().reasonMajor("Suspended").build())).containsExactly("alpha/a04", "alpha/a05");
        assertThat(rows(where().reasonMinor("Fraud").build())).containsExactly("alpha/a05");
        assertThat(rows(where().reasonMajor("Call Disconnected").reasonMinor("Abandoned").build()))
                .containsExactly("alpha/a06");
        assertThat(rows(where().reasonMajor("Suspended").reasonMinor("Abandoned").build())).isEmpty();
    }

    @Test
    void query_customFields_comparedAsText() {
        givenTheFilterSet();
        assertThat(rows(where().field("tier", "gold").build())).containsExactly("alpha/a01");
        assertThat(rows(where().field("age", "42").build())).containsExactly("alpha/a04");
        assertThat(rows(where().field("age", "43").build())).isEmpty();
        assertThat(rows(where().field("tier", "gold").field("age", "42").build())).isEmpty();
    }

    @Test
    void query_phoneExact_oneRowPerMatchingNumber() {
        givenTheFilterSet();
        assertThat(rows(where().phone(PhoneMatch.exact(N1)).build()))
                .containsExactly("alpha/a01@0", "alpha/a06@0", "beta/b01@0");
        assertThat(rows(where().phone(new PhoneMatch(PhoneMatch.Kind.EXACT, "1201555012")).build())).isEmpty();
    }

    @Test
    void query_phonePrefix_recordWithTwoMatchingNumbersGivesTwoRows() {
        givenTheFilterSet();
        List<String> rows = rows(where().phone(PhoneMatch.prefix("1201555012")).build());
        assertThat(rows).containsExactly("alpha/a01@0", "alpha/a02@0", "alpha/a06@0", "alpha/a06@1", "beta/b01@0");
        Page<RecordMatch> page = store.query(where().campaign(ALPHA).phone(PhoneMatch.prefix("1201555012")).build(),
                PageRequest.first(10));
        RecordMatch second = page.rows().get(3);
        assertThat(second.position()).isEqualTo(1);
        assertThat(second.phone().orElseThrow().number()).isEqualTo(N2);
        assertThat(rows(where().phone(PhoneMatch.prefix("44")).build())).containsExactly("alpha/a01@1");
    }

    @Test
    void query_phoneSuffix() {
        givenTheFilterSet();
        assertThat(rows(where().phone(PhoneMatch.suffix("0123")).build()))
                .containsExactly("alpha/a01@0", "alpha/a03@0", "alpha/a06@0", "beta/b01@0");
    }

    @Test
    void query_phoneContains() {
        givenTheFilterSet();
        assertThat(rows(where().phone(PhoneMatch.contains("555")).build())).containsExactly("alpha/a01@0",
                "alpha/a02@0", "alpha/a03@0", "alpha/a06@0", "alpha/a06@1", "beta/b01@0");
        assertThat(rows(where().phone(PhoneMatch.contains("4960")).build())).containsExactly("alpha/a01@1");
    }

    @Test
    void query_criteriaCombineWithAnd() {
        givenTheFilterSet();
        assertThat(rows(where().campaign(ALPHA).list(A).unassigned().build()))
                .containsExactly("alpha/a01", "alpha/a05");
        assertThat(rows(where().campaign(ALPHA).status(RecordStatus.PENDING).phone(PhoneMatch.suffix("0123")).build()))
                .containsExactly("alpha/a01@0", "alpha/a06@0");
    }

    @Test
    void query_pagesOfAnySize_concatenateToTheWholeResult_nextExactlyWhenMoreFollow() {
        givenTheFilterSet();
        List<RecordQuery> queries = List.of(RecordQuery.all(), where().phone(PhoneMatch.contains("555")).build(),
                where().status(RecordStatus.PENDING).build());
        List<List<String>> whole = List.of(
                List.of("alpha/a01", "alpha/a02", "alpha/a03", "alpha/a04", "alpha/a05", "alpha/a06", "beta/b01"),
                List.of("alpha/a01@0", "alpha/a02@0", "alpha/a03@0", "alpha/a06@0", "alpha/a06@1", "beta/b01@0"),
                List.of("alpha/a01", "alpha/a06", "beta/b01"));
        for (int q = 0; q < queries.size(); q++) {
            RecordQuery query = queries.get(q);
            List<String> expected = whole.get(q);
            for (int size = 1; size <= expected.size() + 1; size++) {
                List<String> seen = new ArrayList<>();
                PageRequest request = PageRequest.first(size);
                int pages = 0;
                while (true) {
                    Page<RecordMatch> page = store.query(query, request);
                    pages++;
                    assertThat(page.rows()).hasSizeLessThanOrEqualTo(size);
                    page.rows().forEach(row -> seen.add(describe(query, row)));
                    assertThat(page.hasNext()).as("next after %s rows of %s, pages of %s", seen.size(), expected.size(), size)
                            .isEqualTo(seen.size() < expected.size());
                    if (!page.hasNext()) {
                        break;
                    }
                    request = page.next().orElseThrow();
                }
                assertThat(seen).as("pages of %s", size).isEqualTo(expected);
                assertThat(pages).isEqualTo(Math.max(1, (expected.size() + size - 1) / size));
            }
        }
    }

    @Test
    void query_noMatch_oneEmptyPageWithoutNext() {
        givenTheFilterSet();
        Page<RecordMatch> page = store.query(where().wrapCode("none").build(), PageRequest.first(5));
        assertThat(page.rows()).isEmpty();
        assertThat(page.hasNext()).isFalse();
    }

    @Test
    void query_recordCreatedBetweenPages_appearsAfterTheCursorOnly() {
        givenTheFilterSet();
        Page<RecordMatch> first = store.query(RecordQuery.all(), PageRequest.first(2));
        assertThat(first.rows()).extracting(row -> RecordKey.of(row.record()).toString())
                .containsExactly("alpha/a01", "alpha/a02");
        store.create(rec("a00").build());
        store.create(rec("a99").build());
        store.delete(where().ref(CustomerRef.of("a04")).build(), T0);
        List<String> rest = new ArrayList<>();
        Optional<PageRequest> next = first.next();
        while (next.isPresent()) {
            Page<RecordMatch> page = store.query(RecordQuery.all(), next.get());
            page.rows().forEach(row -> rest.add(RecordKey.of(row.record()).toString()));
            next = page.next();
        }
        assertThat(rest).containsExactly("alpha/a03", "alpha/a05", "alpha/a06", "alpha/a99", "beta/b01");
    }

    @Test
    void count_equalsTheRowsOfAllPages() {
        givenTheFilterSet();
        assertThat(store.count(RecordQuery.all())).isEqualTo(7);
        assertThat(store.count(RecordQuery.campaign(ALPHA))).isEqualTo(6);
        assertThat(store.count(where().phone(PhoneMatch.contains("555")).build())).isEqualTo(6);
        assertThat(store.count(where().phone(PhoneMatch.suffix("0123")).build())).isEqualTo(4);
        assertThat(store.count(where().wrapCode("none").build())).isZero();
    }

    @Test
    void stream_matchingRecordsOnceEachInKeyOrder() {
        givenTheFilterSet();
        try (Stream<Record> s = store.stream(where().phone(PhoneMatch.contains("555")).build())) {
            assertThat(s.map(r -> RecordKey.of(r).toString()))
                    .containsExactly("alpha/a01", "alpha/a02", "alpha/a03", "alpha/a06", "beta/b01");
        }
        try (Stream<Record> s = store.stream(RecordQuery.campaign(BETA))) {
            assertThat(s).containsExactly(store.get(key(BETA, "b01")).orElseThrow());
        }
    }

    // ---------------------------------------------------------------- delete and change status

    @Test
    void delete_matchingRecords_leasedOnesLeftAndReported() {
        store.create(rec("p1").build());
        store.create(rec("p2").status(RecordStatus.PROCESSING).build());
        store.create(rec("p3").due(minutes(60)).build());
        store.create(rec(BETA, "q1").build());
        assertThat(store.claim(claim(T0))).extracting(c -> c.record().ref().value()).containsExactly("p1");

        BulkResult result = store.delete(RecordQuery.campaign(ALPHA), minutes(1));

        assertThat(result.matched()).isEqualTo(3);
        assertThat(result.applied()).isEqualTo(2);
        assertThat(result.skipped()).containsExactly(new BulkResult.Skipped(key("p1"), BulkResult.Reason.CLAIMED));
        assertThat(store.get(key("p1"))).isPresent();
        assertThat(store.get(key("p2"))).isEmpty();
        assertThat(store.get(key("p3"))).isEmpty();
        assertThat(store.get(key(BETA, "q1"))).isPresent();
    }

    @Test
    void delete_phoneQueryMatchingTwice_countsTheRecordOnce() {
        store.create(rec("p1").phone(PhoneField.HOME, N1).phone(PhoneField.WORK, N2).build());
        BulkResult result = store.delete(where().phone(PhoneMatch.prefix("1201555012")).build(), T0);
        assertThat(result.matched()).isEqualTo(1);
        assertThat(result.applied()).isEqualTo(1);
        assertThat(store.get(key("p1"))).isEmpty();
    }

    @Test
    void delete_afterTheLeaseExpired_deletes() {
        store.create(rec("p1").build());
        assertThat(store.claim(claim(T0))).hasSize(1);
        BulkResult result = store.delete(RecordQuery.all(), T0.plus(LEASE));
        assertThat(result.applied()).isEqualTo(1);
        assertThat(result.skipped()).isEmpty();
        assertThat(store.get(key("p1"))).isEmpty();
    }

    /** p1 pending and claimed, p2 in a call, p3 postponed, p4 done. */
    private Record givenRecordsInEveryBulkSituation() {
        Record p1 = rec("p1").build();
        store.create(p1);
        store.create(rec("p2").status(RecordStatus.PROCESSING).build());
        store.create(rec("p3").status(RecordStatus.POSTPONED).build());
        store.create(rec("p4").done(DoneReason.ATTEMPTS_EXHAUSTED).build());
        assertThat(store.claim(claim(T0).withMax(10))).extracting(c -> c.record().ref().value()).containsExactly("p1");
        return p1;
    }

    @Test
    void changeStatus_settingAStatus_skipsLeasedAndInCallRecords() {
        Record p1 = givenRecordsInEveryBulkSituation();

        BulkResult result = store.changeStatus(RecordQuery.all(), StatusChange.none().withStatus(RecordStatus.PENDING),
                minutes(1));

        assertThat(result.matched()).isEqualTo(4);
        assertThat(result.applied()).isEqualTo(2);
        assertThat(result.skipped()).containsExactly(new BulkResult.Skipped(key("p1"), BulkResult.Reason.CLAIMED),
                new BulkResult.Skipped(key("p2"), BulkResult.Reason.IN_CALL));
        assertThat(store.get(key("p1"))).contains(p1);
        assertThat(store.get(key("p2")).orElseThrow().status()).isEqualTo(RecordStatus.PROCESSING);
        assertThat(store.get(key("p3")).orElseThrow().status()).isEqualTo(RecordStatus.PENDING);
        assertThat(store.get(key("p4")).orElseThrow().status()).isEqualTo(RecordStatus.PENDING);
    }

    @Test
    void changeStatus_withoutAStatus_appliesToRecordsInACall() {
        Record p1 = givenRecordsInEveryBulkSituation();

        BulkResult result = store.changeStatus(RecordQuery.all(), StatusChange.none().withPriority(7), minutes(1));

        assertThat(result.matched()).isEqualTo(4);
        assertThat(result.applied()).isEqualTo(3);
        assertThat(result.skipped()).containsExactly(new BulkResult.Skipped(key("p1"), BulkResult.Reason.CLAIMED));
        assertThat(store.get(key("p1"))).contains(p1);
        Record p2 = store.get(key("p2")).orElseThrow();
        assertThat(p2.status()).isEqualTo(RecordStatus.PROCESSING);
        assertThat(p2.priority()).isEqualTo(7);
        assertThat(store.get(key("p3")).orElseThrow().priority()).isEqualTo(7);
        assertThat(store.get(key("p4")).orElseThrow().priority()).isEqualTo(7);
    }

    @Test
    void changeStatus_writesWhatStatusChangeApplyToGives() {
        Record p3 = rec("p3").status(RecordStatus.POSTPONED).priority(2).build();
        store.create(p3);
        StatusChange change = StatusChange.none().withStatus(RecordStatus.CALL_IMMEDIATELY).withPriority(9);
        store.changeStatus(RecordQuery.all(), change, minutes(3));
        Record changed = store.get(key("p3")).orElseThrow();
        assertThat(changed).isEqualTo(change.applyTo(p3, minutes(3)));
        assertThat(changed.status()).isEqualTo(RecordStatus.CALL_IMMEDIATELY);
        assertThat(changed.priority()).isEqualTo(9);
        assertThat(changed.dueAt()).isEqualTo(minutes(3));
    }

    @Test
    void changeStatus_onlyMatchingRecords() {
        store.create(rec("p1").list(A).status(RecordStatus.INACTIVE).build());
        store.create(rec("p2").list(B).status(RecordStatus.INACTIVE).build());
        BulkResult result = store.changeStatus(where().list(B).build(),
                StatusChange.none().withStatus(RecordStatus.PENDING), T0);
        assertThat(result.matched()).isEqualTo(1);
        assertThat(result.applied()).isEqualTo(1);
        assertThat(store.get(key("p1")).orElseThrow().status()).isEqualTo(RecordStatus.INACTIVE);
        assertThat(store.get(key("p2")).orElseThrow().status()).isEqualTo(RecordStatus.PENDING);
    }

    // ---------------------------------------------------------------- history

    @Test
    void latestInteractions_newestFirst() {
        store.create(rec("r1").build());
        store.appendInteraction(key("r1"), interaction("i1", minutes(1)));
        store.appendInteraction(key("r1"), interaction("i2", minutes(3)));
        store.appendInteraction(key("r1"), interaction("i3", minutes(2)));
        assertThat(store.latestInteractions(key("r1"), 10)).extracting(Interaction::id)
                .containsExactly("i2", "i3", "i1");
    }

    @Test
    void latestInteractions_sameInstant_laterAppendFirst() {
        store.create(rec("r1").build());
        store.appendInteraction(key("r1"), interaction("i1", minutes(1)));
        store.appendInteraction(key("r1"), interaction("i2", minutes(1)));
        store.appendInteraction(key("r1"), interaction("i3", minutes(0)));
        store.appendInteraction(key("r1"), interaction("i4", minutes(1)));
        assertThat(store.latestInteractions(key("r1"), 10)).extracting(Interaction::id)
                .containsExactly("i4", "i2", "i1", "i3");
    }

    @Test
    void latestInteractions_limit_keepsTheNewest() {
        store.create(rec("r1").build());
        for (int i = 1; i <= 5; i++) {
            store.appendInteraction(key("r1"), interaction("i" + i, minutes(i)));
        }
        assertThat(store.latestInteractions(key("r1"), 2)).extracting(Interaction::id).containsExactly("i5", "i4");
        assertThat(store.latestInteractions(key("r1"), 1)).extracting(Interaction::id).containsExactly("i5");
    }

    @Test
    void latestInteractions_eachRecordItsOwn_unknownKeyEmpty() {
        store.create(rec("r1").build());
        store.create(rec(BETA, "r1").build());
        store.appendInteraction(key("r1"), interaction("i1", T0));
        Interaction full = interaction("i2", T0);
        store.appendInteraction(key(BETA, "r1"), full);
        assertThat(store.latestInteractions(key(BETA, "r1"), 5)).containsExactly(full);
        assertThat(store.latestInteractions(key("r2"), 5)).isEmpty();
    }

    @Test
    void appendInteraction_idAlreadyInTheHistory_notAddedAgain() {
        store.create(rec("r1").build());
        assertThat(store.appendInteraction(key("r1"), interaction("i1", minutes(1)))).isTrue();
        assertThat(store.appendInteraction(key("r1"), interaction("i2", minutes(2)))).isTrue();
        assertThat(store.appendInteraction(key("r1"), interaction("i1", minutes(3)))).isFalse();
        assertThat(store.latestInteractions(key("r1"), 10)).extracting(Interaction::id).containsExactly("i2", "i1");
        assertThat(store.latestInteractions(key("r1"), 10).get(1).at()).isEqualTo(minutes(1));
    }

    @Test
    void appendInteraction_unknownKey_throwsUnknownKey() {
        store.create(rec("r1").build());
        assertThatThrownBy(() -> store.appendInteraction(key("r2"), interaction("i1", T0)))
                .isInstanceOfSatisfying(StoreException.class, e -> {
                    assertThat(e.kind()).isEqualTo(StoreException.Kind.UNKNOWN_KEY);
                    assertThat(e.key()).isEqualTo(key("r2"));
                });
    }

    @Test
    void delete_removesTheHistory() {
        store.create(rec("r1").build());
        store.appendInteraction(key("r1"), interaction("i1", T0));
        store.delete(where().ref(CustomerRef.of("r1")).build(), minutes(1));
        store.create(rec("r1").build());
        assertThat(store.latestInteractions(key("r1"), 10)).isEmpty();
    }

    @Test
    void upsertOverwrite_keepsTheHistory() {
        store.create(rec("r1").build());
        store.appendInteraction(key("r1"), interaction("i1", T0));
        store.upsert(List.of(rec("r1").priority(4).build()), UpsertMode.OVERWRITE, minutes(1));
        assertThat(store.latestInteractions(key("r1"), 10)).extracting(Interaction::id).containsExactly("i1");
    }

    // ---------------------------------------------------------------- claims: what and in which order

    private static List<String> refs(List<Claim> claims) {
        return claims.stream().map(c -> c.record().ref().value()).collect(Collectors.toList());
    }

    @Test
    void claim_onlyDueRecordsInDialableStatuses() {
        store.create(rec("d1").due(minutes(-1)).build());
        store.create(rec("d2").due(T0).build());
        store.create(rec("d3").due(T0.plusSeconds(1)).build());
        store.create(rec("d4").status(RecordStatus.POSTPONED).due(minutes(-60)).build());
        store.create(rec("d5").done(DoneReason.OBJECTIVE_REACHED).due(minutes(-60)).build());
        store.create(rec("d6").status(RecordStatus.PROCESSING).due(minutes(-60)).build());
        store.create(rec("d7").status(RecordStatus.INACTIVE).due(minutes(-60)).build());
        store.create(rec(BETA, "d0").due(minutes(-60)).build());

        assertThat(refs(store.claim(claim(T0).withMax(10)))).containsExactly("d1", "d2");
        assertThat(refs(store.claim(claim(T0.plusSeconds(1)).withMax(10)))).containsExactly("d3");
    }

    @Test
    void claim_loadOrder_classThenPriorityThenDueTimeThenReference() {
        givenOneRecordOfEachLoadClass();
        // By class: rescheduled by dialer (x5 priority 3; x4 due T0-5m; x3 due T0-1m), rescheduled by an
        // agent (x2, x6: equal but for the reference), not assigned (x1, x7 likewise), whatever the priority.
        assertThat(refs(store.claim(claim(T0).withMax(10)))).containsExactly("x5", "x4", "x3", "x2", "x6", "x1", "x7");
    }

    @Test
    void claim_oneAtATime_followsTheSameLoadOrder() {
        givenOneRecordOfEachLoadClass();
        List<String> out = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            out.addAll(refs(store.claim(claim(T0))));
        }
        assertThat(out).containsExactly("x5", "x4", "x3", "x2", "x6", "x1", "x7");
    }

    private void givenOneRecordOfEachLoadClass() {
        store.create(rec("x1").status(RecordStatus.PENDING).priority(5).due(minutes(-10)).build());
        store.create(rec("x2").status(RecordStatus.RESCHEDULED_BY_AGENT).due(minutes(-1)).build());
        store.create(rec("x3").status(RecordStatus.RESCHEDULED_BY_DIALER).due(minutes(-1)).build());
        store.create(rec("x4").status(RecordStatus.READY).due(minutes(-5)).build());
        store.create(rec("x5").status(RecordStatus.RESCHEDULED_BY_DIALER).priority(3).due(T0).build());
        store.create(rec("x6").status(RecordStatus.CALL_IMMEDIATELY).due(minutes(-1)).build());
        store.create(rec("x7").status(RecordStatus.PENDING).priority(5).due(minutes(-10)).build());
    }

    @Test
    void claim_forAnAgent_itsOwnRecordsFirst() {
        store.create(rec("s1").priority(9).due(minutes(-60)).build());
        store.create(rec("m1").agent(ANN).due(T0).build());
        store.create(rec("m2").agent(ANN).priority(1).due(T0).build());
        store.create(rec("cb").due(minutes(-1)).callback(CallbackPreference.ONLY_AGENT, ANN).build());
        store.create(rec("b1").agent(BOB).priority(9).due(minutes(-60)).build());
        // Ann's: m2 (priority 1), then cb (due T0-1m) and m1 (due T0); then the shared s1; never Bob's b1.
        assertThat(refs(store.claim(claim(T0).withMax(10).forAgent(ANN)))).containsExactly("m2", "cb", "m1", "s1");
    }

    @Test
    void claim_recordReservedForAnAgent_neverToAnotherAgentNorToAnyAgent() {
        store.create(rec("m1").agent(ANN).due(T0).build());
        // A callback for another agent wins over the record's own user.
        store.create(rec("cb").agent(ANN).due(minutes(-1)).callback(CallbackPreference.OTHER_AGENT, BOB).build());
        store.create(rec("p1").due(minutes(-5)).callback(CallbackPreference.PREFER_AGENT, ANN).build());
        store.create(rec("s1").due(T0).build());

        assertThat(refs(store.claim(claim(T0).withMax(10)))).containsExactly("s1");
        assertThat(refs(store.claim(claim(T0).withMax(10)))).isEmpty();
        assertThat(refs(store.claim(claim(T0).withMax(10).forAgent(BOB)))).containsExactly("cb");
        assertThat(refs(store.claim(claim(T0).withMax(10).forAgent(ANN)))).containsExactly("p1", "m1");
    }

    @Test
    void claim_preferAgentCallback_anyAgentFromTheEndOfTheContactTimeout() {
        store.create(rec("p1").due(T0).callback(CallbackPreference.PREFER_AGENT, ANN).build());
        Instant end = T0.plus(TIMEOUT);
        assertThat(store.claim(claim(end.minusSeconds(1)))).isEmpty();
        assertThat(store.claim(claim(end.minusSeconds(1)).forAgent(BOB))).isEmpty();
        assertThat(refs(store.claim(claim(end).forAgent(BOB)))).containsExactly("p1");
    }

    @Test
    void claim_disabledList_notClaimed_evenByItsAgent() {
        store.create(rec("a1").list(A).due(T0).build());
        store.create(rec("b1").list(B).priority(9).due(minutes(-60)).build());
        store.create(rec("m1").list(B).agent(ANN).due(minutes(-60)).build());
        CampaignLists lists = CampaignLists.newBuilder().enabled(A).disabled(B).build();
        ClaimRequest request = claimFrom(lists, 10);

        assertThat(refs(store.claim(request.forAgent(ANN)))).containsExactly("a1");
        assertThat(store.claim(request)).isEmpty();
        assertThat(refs(store.claim(claim(T0).withMax(10).forAgent(ANN)))).containsExactly("m1", "b1");
    }

    @Test
    void claim_weightingOff_bestOfAllLists() {
        store.create(rec("a1").list(A).due(minutes(-60)).build());
        store.create(rec("b1").list(B).priority(1).due(T0).build());
        store.create(rec("c1").list(C).due(minutes(-30)).build());
        assertThat(refs(store.claim(claim(T0).withMax(10)))).containsExactly("b1", "a1", "c1");
    }

    @Test
    void claim_weightedLists70to30_100ClaimsOfOne_exactly70and30() {
        givenAHundredRecordsOnListsAAndB();
        ClaimRequest request = claimFrom(CampaignLists.newBuilder().weighted(A, 70).weighted(B, 30).build(), 1);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            out.addAll(refs(store.claim(request)));
        }
        assertWeighted70to30(out);
    }

    @Test
    void claim_weightedLists70to30_oneClaimOf100_exactly70and30() {
        givenAHundredRecordsOnListsAAndB();
        ClaimRequest request = claimFrom(CampaignLists.newBuilder().weighted(A, 70).weighted(B, 30).build(), 100);
        assertWeighted70to30(refs(store.claim(request)));
    }

    private void givenAHundredRecordsOnListsAAndB() {
        List<Record> batch = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            batch.add(rec(String.format("a-%03d", i)).list(A).build());
            batch.add(rec(String.format("b-%03d", i)).list(B).build());
        }
        store.upsert(batch, UpsertMode.OVERWRITE, T0);
    }

    /** Weights 70 and 30 share every 10 calls 7 and 3, so 100 calls exactly 70 and 30, each list in load order. */
    private static void assertWeighted70to30(List<String> out) {
        assertThat(out).hasSize(100).doesNotHaveDuplicates();
        List<String> fromA = out.stream().filter(r -> r.startsWith("a-")).collect(Collectors.toList());
        List<String> fromB = out.stream().filter(r -> r.startsWith("b-")).collect(Collectors.toList());
        assertThat(fromA).hasSize(70).isSorted();
        assertThat(fromB).hasSize(30).isSorted();
        assertThat(fromA.get(69)).isEqualTo("a-069");
        assertThat(fromB.get(29)).isEqualTo("b-029");
    }

    /** A claim at T0 for any agent, with these lists. */
    private static ClaimRequest claimFrom(CampaignLists lists, int max) {
        return new ClaimRequest(ALPHA, "node-1", max, T0, LEASE, Optional.empty(), TIMEOUT, lists);
    }

    @Test
    void claim_fewerDueThanAsked_returnsThoseDue() {
        store.create(rec("r1").build());
        store.create(rec("r2").build());
        assertThat(refs(store.claim(claim(T0).withMax(5)))).containsExactly("r1", "r2");
        assertThat(store.claim(claim(T0).withMax(5))).isEmpty();
    }

    @Test
    void claim_onlyTheRequestedCampaign() {
        store.create(rec(BETA, "r1").build());
        assertThat(store.claim(claim(T0).withMax(5))).isEmpty();
        assertThat(store.claim(claim(BETA, "node-1", T0).withMax(5))).extracting(c -> RecordKey.of(c.record()))
                .containsExactly(key(BETA, "r1"));
    }

    // ---------------------------------------------------------------- leases

    @Test
    void claim_leasedRecord_notReturnedToASecondClaim() {
        Record r1 = rec("r1").build();
        store.create(r1);
        store.create(rec("r2").build());
        store.create(rec("r3").build());

        List<Claim> first = store.claim(claim(ALPHA, "node-1", T0).withMax(2));
        List<Claim> second = store.claim(claim(ALPHA, "node-2", T0).withMax(2));

        assertThat(refs(first)).containsExactly("r1", "r2");
        assertThat(refs(second)).containsExactly("r3");
        assertThat(store.claim(claim(ALPHA, "node-2", minutes(4)).withMax(2))).isEmpty();
        Claim c1 = first.get(0);
        assertThat(c1.record()).isEqualTo(r1);
        assertThat(c1.lease().key()).isEqualTo(key("r1"));
        assertThat(c1.lease().owner()).isEqualTo("node-1");
        assertThat(c1.lease().expiresAt()).isEqualTo(T0.plus(LEASE));
        assertThat(second.get(0).lease().owner()).isEqualTo("node-2");
        assertThat(store.lease(key("r1"), T0)).contains(c1.lease());
        assertThat(store.lease(key("r3"), T0)).contains(second.get(0).lease());
    }

    @Test
    void lease_expiry_notClaimableJustBefore_claimableAtItWithANewToken() {
        store.create(rec("r1").build());
        Lease first = store.claim(claim(ALPHA, "node-1", T0)).get(0).lease();
        Instant expiry = T0.plus(LEASE);

        assertThat(store.lease(key("r1"), expiry.minusNanos(1))).contains(first);
        assertThat(store.lease(key("r1"), expiry)).isEmpty();
        assertThat(store.claim(claim(ALPHA, "node-2", expiry.minusNanos(1)))).isEmpty();

        List<Claim> again = store.claim(claim(ALPHA, "node-2", expiry));
        assertThat(refs(again)).containsExactly("r1");
        Lease second = again.get(0).lease();
        assertThat(second.token()).isNotEqualTo(first.token());
        assertThat(second.owner()).isEqualTo("node-2");
        assertThat(second.expiresAt()).isEqualTo(expiry.plus(LEASE));
        assertThat(store.lease(key("r1"), expiry)).contains(second);
    }

    @Test
    void lease_unknownOrUnclaimedRecord_empty() {
        store.create(rec("r1").build());
        assertThat(store.lease(key("r1"), T0)).isEmpty();
        assertThat(store.lease(key("r2"), T0)).isEmpty();
    }

    @Test
    void complete_writesTheRecordAndTheInteractionTogether_recordDueAgainPerItsNewDueTime() {
        store.create(rec("r1").build());
        Claim c = store.claim(claim(T0)).get(0);
        Record updated = c.record().withStatus(RecordStatus.RESCHEDULED_BY_DIALER).withNextDialableAt(minutes(60));
        Interaction call = interaction("call-1", minutes(1));

        store.complete(c.lease(), updated, Optional.of(call), minutes(1));

        assertThat(store.get(key("r1"))).contains(updated);
        assertThat(store.latestInteractions(key("r1"), 5)).containsExactly(call);
        assertThat(store.lease(key("r1"), minutes(1))).isEmpty();
        assertThat(store.claim(claim(minutes(59)))).isEmpty();
        List<Claim> again = store.claim(claim(minutes(60)));
        assertThat(again).extracting(Claim::record).containsExactly(updated);
        assertThat(again.get(0).lease().token()).isNotEqualTo(c.lease().token());
    }

    @Test
    void complete_doneRecord_neverClaimedAgain() {
        store.create(rec("r1").build());
        Claim c = store.claim(claim(T0)).get(0);
        store.complete(c.lease(), c.record().done(DoneReason.OBJECTIVE_REACHED), Optional.empty(), minutes(1));
        assertThat(store.get(key("r1")).orElseThrow().status()).isEqualTo(RecordStatus.DONE);
        assertThat(store.latestInteractions(key("r1"), 5)).isEmpty();
        assertThat(store.claim(claim(minutes(600)))).isEmpty();
    }

    @Test
    void complete_afterExpiry_leaseLostAndNothingWritten() {
        Record r1 = rec("r1").build();
        store.create(r1);
        Claim c = store.claim(claim(T0)).get(0);
        Record updated = r1.done(DoneReason.OBJECTIVE_REACHED);

        assertLeaseLost(() -> store.complete(c.lease(), updated, Optional.of(interaction("call-1", T0)),
                T0.plus(LEASE)));

        assertThat(store.get(key("r1"))).contains(r1);
        assertThat(store.latestInteractions(key("r1"), 5)).isEmpty();
    }

    @Test
    void complete_afterAnotherClaimTookTheRecord_leaseLost() {
        Record r1 = rec("r1").build();
        store.create(r1);
        Lease stale = store.claim(claim(ALPHA, "node-1", T0)).get(0).lease();
        Lease current = store.claim(claim(ALPHA, "node-2", T0.plus(LEASE))).get(0).lease();

        assertLeaseLost(() -> store.complete(stale, r1.withPriority(9), Optional.empty(), minutes(6)));

        assertThat(store.get(key("r1"))).contains(r1);
        assertThat(store.lease(key("r1"), minutes(6))).contains(current);
    }

    @Test
    void complete_afterRelease_leaseLost() {
        Record r1 = rec("r1").build();
        store.create(r1);
        Lease lease = store.claim(claim(T0)).get(0).lease();
        store.release(lease, minutes(1));
        assertLeaseLost(() -> store.complete(lease, r1.withPriority(9), Optional.empty(), minutes(2)));
        assertThat(store.get(key("r1"))).contains(r1);
    }

    @Test
    void complete_afterTheRecordWasDeleted_leaseLost() {
        Record r1 = rec("r1").build();
        store.create(r1);
        Lease lease = store.claim(claim(T0)).get(0).lease();
        store.delete(RecordQuery.all(), T0.plus(LEASE));
        assertLeaseLost(() -> store.complete(lease, r1, Optional.empty(), T0.plus(LEASE)));
        assertThat(store.get(key("r1"))).isEmpty();
    }

    @Test
    void complete_recordWithAnotherKey_mismatchAndNothingWritten() {
        Record r1 = rec("r1").build();
        Record r2 = rec("r2").due(minutes(60)).build();
        store.create(r1);
        store.create(r2);
        Claim c = store.claim(claim(T0)).get(0);
        assertThat(c.record()).isEqualTo(r1);

        assertThatThrownBy(() -> store.complete(c.lease(), r2.withPriority(9), Optional.empty(), minutes(1)))
                .isInstanceOfSatisfying(StoreException.class,
                        e -> assertThat(e.kind()).isEqualTo(StoreException.Kind.MISMATCH));

        assertThat(store.get(key("r1"))).contains(r1);
        assertThat(store.get(key("r2"))).contains(r2);
        assertThat(store.lease(key("r1"), minutes(1))).contains(c.lease());
    }

    @Test
    void release_recordDueAgainAsItWas_secondReleaseFalse() {
        Record r1 = rec("r1").build();
        store.create(r1);
        Lease first = store.claim(claim(T0)).get(0).lease();

        assertThat(store.release(first, minutes(1))).isTrue();
        assertThat(store.lease(key("r1"), minutes(1))).isEmpty();
        assertThat(store.get(key("r1"))).contains(r1);
        assertThat(store.release(first, minutes(1))).isFalse();

        List<Claim> again = store.claim(claim(minutes(1)));
        assertThat(again).extracting(Claim::record).containsExactly(r1);
        assertThat(again.get(0).lease().token()).isNotEqualTo(first.token());
        assertThat(store.release(first, minutes(2))).isFalse();
        assertThat(store.lease(key("r1"), minutes(2))).contains(again.get(0).lease());
    }

    @Test
    void release_afterExpiry_false() {
        store.create(rec("r1").build());
        Lease lease = store.claim(claim(T0)).get(0).lease();
        assertThat(store.release(lease, T0.plus(LEASE))).isFalse();
    }

    @Test
    void renew_extendsTheLeaseFromTheRenewal() {
        store.create(rec("r1").build());
        Lease lease = store.claim(claim(ALPHA, "node-1", T0)).get(0).lease();

        Lease renewed = store.renew(lease, minutes(4), Duration.ofMinutes(5));

        assertThat(renewed).isEqualTo(new Lease(key("r1"), "node-1", lease.token(), minutes(9)));
        assertThat(store.lease(key("r1"), minutes(8))).contains(renewed);
        assertThat(store.claim(claim(ALPHA, "node-2", minutes(8)))).isEmpty();
        assertThat(refs(store.claim(claim(ALPHA, "node-2", minutes(9))))).containsExactly("r1");
    }

    @Test
    void renew_shorterThanWhatIsLeft_neverShortensTheLease() {
        store.create(rec("r1").build());
        Lease lease = store.claim(claim(ALPHA, "node-1", T0)).get(0).lease();
        // The lease runs to T0 + 5 min; renewing at 1 min for 1 min would end it at 2 min.
        Lease renewed = store.renew(lease, minutes(1), Duration.ofMinutes(1));
        assertThat(renewed.expiresAt()).isEqualTo(minutes(5));
        assertThat(renewed.token()).isEqualTo(lease.token());
        assertThat(store.claim(claim(ALPHA, "node-2", minutes(3)))).isEmpty();
    }

    @Test
    void renew_afterExpiry_leaseLost() {
        store.create(rec("r1").build());
        Lease lease = store.claim(claim(T0)).get(0).lease();
        assertLeaseLost(() -> store.renew(lease, T0.plus(LEASE), Duration.ofMinutes(5)));
        assertThat(store.lease(key("r1"), T0.plus(LEASE))).isEmpty();
    }

    @Test
    void renew_thenComplete_theRenewedLeaseHolds() {
        store.create(rec("r1").build());
        Claim c = store.claim(claim(T0)).get(0);
        Lease renewed = store.renew(c.lease(), minutes(4), Duration.ofMinutes(5));
        Record updated = c.record().done(DoneReason.OBJECTIVE_REACHED);
        store.complete(renewed, updated, Optional.empty(), minutes(7));
        assertThat(store.get(key("r1"))).contains(updated);
    }

    private static void assertLeaseLost(Runnable operation) {
        assertThatThrownBy(operation::run).isInstanceOfSatisfying(StoreException.class,
                e -> assertThat(e.kind()).isEqualTo(StoreException.Kind.LEASE_LOST));
    }

    // ---------------------------------------------------------------- concurrency

    @Test
    void claim_eightThreadsFromOneCampaign_everyRecordExactlyOnce() throws Exception {
        int records = 10_000;
        List<Record> batch = new ArrayList<>(records);
        for (int i = 0; i < records; i++) {
            batch.add(rec(String.format("c-%05d", i)).priority(i % 7).due(minutes(-(i % 60))).build());
        }
        store.upsert(batch, UpsertMode.OVERWRITE, T0);
        int threads = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<List<RecordKey>>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                String owner = "node-" + t;
                SplittableRandom random = new SplittableRandom(t);
                futures.add(pool.submit(() -> {
                    List<RecordKey> got = new ArrayList<>();
                    start.await();
                    while (true) {
                        ClaimRequest request = new ClaimRequest(ALPHA, owner, 1 + random.nextInt(16), T0,
                                Duration.ofHours(1), Optional.empty(), TIMEOUT, CampaignLists.allEnabled());
                        List<Claim> claims = store.claim(request);
                        if (claims.isEmpty()) {
                            return got;
                        }
                        for (Claim c : claims) {
                            assertThat(c.lease().owner()).isEqualTo(owner);
                            got.add(c.lease().key());
                        }
                    }
                }));
            }
            start.countDown();
            List<RecordKey> all = new ArrayList<>();
            for (Future<List<RecordKey>> f : futures) {
                all.addAll(f.get(60, TimeUnit.SECONDS));
            }
            Set<RecordKey> distinct = new HashSet<>(all);
            assertThat(all).as("claimed records").hasSize(records);
            assertThat(distinct).as("distinct claimed records").hasSize(records);
            assertThat(distinct).isEqualTo(batch.stream().map(RecordKey::of).collect(Collectors.toSet()));
        } finally {
            pool.shutdownNow();
            assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void upsert_aBatch_otherThreadsSeeNoneOrAllOfIt() throws Exception {
        int batches = 5;
        int size = 500;
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            CountDownLatch start = new CountDownLatch(1);
            Future<?> writer = pool.submit(() -> {
                start.await();
                for (int b = 0; b < batches; b++) {
                    List<Record> batch = new ArrayList<>(size);
                    for (int i = 0; i < size; i++) {
                        batch.add(rec(String.format("u-%d-%03d", b, i)).build());
                    }
                    store.upsert(batch, UpsertMode.OVERWRITE, T0);
                }
                return null;
            });
            start.countDown();
            long seen;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            do {
                seen = store.count(RecordQuery.campaign(ALPHA));
                assertThat(seen % size).as("records seen while batches of %s are written: %s", size, seen).isZero();
            } while (seen < (long) batches * size && System.nanoTime() < deadline);
            writer.get(30, TimeUnit.SECONDS);
            assertThat(store.count(RecordQuery.campaign(ALPHA))).isEqualTo((long) batches * size);
        } finally {
            pool.shutdownNow();
            assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void replaceIfUnchanged_fourThreadsReadAndReplaceOneRecord_noIncrementLost() throws Exception {
        int threads = 4;
        int increments = 200;
        store.create(rec("n").field("n", FieldValue.integer(0)).build());
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> retries = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                retries.add(pool.submit(() -> {
                    start.await();
                    int changed = 0;
                    for (int i = 0; i < increments; i++) {
                        while (true) {
                            Record read = store.get(key("n")).orElseThrow();
                            long n = ((FieldValue.IntegerValue) read.fields().get("n").orElseThrow()).value();
                            Record next = read.withFields(read.fields().with("n", FieldValue.integer(n + 1)));
                            ReplaceResult.Outcome o = store.replaceIfUnchanged(List.of(Replacement.of(read, next)), T0)
                                    .outcomes().get(0);
                            if (o == ReplaceResult.Outcome.REPLACED) {
                                break;
                            }
                            assertThat(o).isEqualTo(ReplaceResult.Outcome.CHANGED);
                            changed++;
                        }
                    }
                    return changed;
                }));
            }
            start.countDown();
            for (Future<Integer> f : retries) {
                f.get(60, TimeUnit.SECONDS);
            }
            Record last = store.get(key("n")).orElseThrow();
            assertThat(last.fields().get("n")).contains(FieldValue.integer((long) threads * increments));
        } finally {
            pool.shutdownNow();
            assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        }
    }

    // ---------------------------------------------------------------- agreement with the model

    @Test
    void randomOperationSequences_agreeWithTheModelStore() {
        qt().withExamples(150)
                .forAll(longs().all(), integers().between(1, 60))
                .checkAssert((seed, steps) -> {
                    RecordStore subject = newStore();
                    try {
                        new RecordStoreAgreement(subject, new ModelRecordStore(), seed).run(steps);
                    } finally {
                        subject.close();
                    }
                });
    }
}
