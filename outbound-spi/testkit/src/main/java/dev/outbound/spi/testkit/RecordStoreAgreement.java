package dev.outbound.spi.testkit;

import static dev.outbound.spi.testkit.StoreFixtures.A;
import static dev.outbound.spi.testkit.StoreFixtures.ALPHA;
import static dev.outbound.spi.testkit.StoreFixtures.ANN;
import static dev.outbound.spi.testkit.StoreFixtures.B;
import static dev.outbound.spi.testkit.StoreFixtures.BETA;
import static dev.outbound.spi.testkit.StoreFixtures.BOB;
import static dev.outbound.spi.testkit.StoreFixtures.C;
import static dev.outbound.spi.testkit.StoreFixtures.N1;
import static dev.outbound.spi.testkit.StoreFixtures.N2;
import static dev.outbound.spi.testkit.StoreFixtures.N3;
import static dev.outbound.spi.testkit.StoreFixtures.N4;
import static dev.outbound.spi.testkit.StoreFixtures.T0;
import static dev.outbound.spi.testkit.StoreFixtures.TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.outbound.core.field.FieldValue;
import dev.outbound.core.lifecycle.CampaignLists;
import dev.outbound.core.lifecycle.StatusChange;
import dev.outbound.core.phone.PhoneField;
import dev.outbound.core.phone.PhoneNumber;
import dev.outbound.core.record.AgentEmail;
import dev.outbound.core.record.CallResult;
import dev.outbound.core.record.Callback;
import dev.outbound.core.record.CallbackPreference;
import dev.outbound.core.record.CampaignId;
import dev.outbound.core.record.CustomerRef;
import dev.outbound.core.record.DoneReason;
import dev.outbound.core.record.ListId;
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
import dev.outbound.spi.store.UpsertResult;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One random sequence of record store operations, applied to a store under test and to
 * {@link ModelRecordStore}; after each operation both must have answered alike (a failure by the
 * same {@link StoreException.Kind}) and must answer alike the same questions: every key's record,
 * lease and history, random queries read in random page sizes, their counts and streams.
 *
 * <p>The universe is small so that operations collide: two campaigns of eight references, three
 * lists, two agents, four numbers sharing digits. Time only moves forward, by whole minutes, so
 * that leases expire exactly at instants the sequence reaches. Lease tokens are compared through a
 * mapping: each store picks its own tokens, but a store's token must always stand for the same
 * claim of the model.
 *
 * <p>Which of two lists with equal credit a weighted share chooses depends on the order in which
 * the share came to know the lists, and a store may learn them from the first claim's list settings
 * (as the model does) or from the records written before it (as a dial queue built before the
 * first claim does). So that the property holds either way, a sequence starts by writing one
 * dialable record on each list in the order that every list setting of the sequence names them,
 * and every claim has the same contact timeout (a store built on a dial queue builds it again, and
 * its share anew, when the timeout changes).
 */
final class RecordStoreAgreement {
    private static final List<CampaignId> CAMPAIGNS = List.of(ALPHA, BETA);
    private static final List<String> REFS = List.of("r0", "r1", "r2", "r3", "r4", "r5", "r6", "r7");
    private static final List<ListId> LISTS = List.of(A, B, C);
    private static final List<AgentEmail> AGENTS = List.of(ANN, BOB);
    private static final List<PhoneNumber> NUMBERS = List.of(N1, N2, N3, N4);
    private static final List<String> OWNERS = List.of("node-1", "node-2");
    private static final List<ReasonCode> REASONS = List.of(ReasonCode.of("Suspended"),
            ReasonCode.of("Suspended", "Fraud"), ReasonCode.of("Call Disconnected", "Abandoned"));
    /** List settings that differ in what they say, each naming lists A, B and C in that order. */
    private static final List<CampaignLists> LIST_SETTINGS = List.of(
            CampaignLists.newBuilder().enabled(A).enabled(B).enabled(C).build(),
            CampaignLists.newBuilder().enabled(A).disabled(B).enabled(C).build(),
            CampaignLists.newBuilder().weighted(A, 70).weighted(B, 30).weighted(C, 100).build(),
            CampaignLists.newBuilder().weighted(A, 2).weighted(B, 1).list(C, false, 1).build(),
            CampaignLists.newBuilder().weighted(A, 1).weighted(B, 1).weighted(C, 1).build());

    /** A lease as the store and as the model gave it, with the record claimed. */
    private record LeasePair(Lease inStore, Lease inModel, Record claimed) {
    }

    /** What an operation returned, or what it threw. */
    private record Result<T>(T value, RuntimeException error) {
    }

    /** What the store and the model returned; both null when both failed alike. */
    private record Both<T>(T inStore, T inModel, boolean failed) {
    }

    private final RecordStore store;
    private final ModelRecordStore model;
    private final long seed;
    private final SplittableRandom random;
    private final List<LeasePair> leases = new ArrayList<>();
    /** Per key, the model's token for each token of the store, and the reverse. */
    private final Map<RecordKey, Map<Long, Long>> modelToken = new HashMap<>();
    private final Map<RecordKey, Map<Long, Long>> storeToken = new HashMap<>();
    private final List<String> log = new ArrayList<>();
    private Instant now = T0;
    private int calls;

    RecordStoreAgreement(RecordStore store, ModelRecordStore model, long seed) {
        this.store = store;
        this.model = model;
        this.seed = seed;
        this.random = new SplittableRandom(seed);
    }

    /** Writes the first records, then applies {@code steps} random operations, comparing after each. */
    void run(int steps) {
        // A dialable record on each list, in the order the list settings name them: a store whose share
        // learns lists from the records written (as a dial queue built before the first claim does)
        // and one whose share learns them from the first claim's lists then know them in one order.
        List<Record> first = new ArrayList<>();
        for (CampaignId campaign : CAMPAIGNS) {
            for (int i = 0; i < LISTS.size(); i++) {
                first.add(StoreFixtures.rec(campaign, REFS.get(i)).list(LISTS.get(i)).due(now.minus(Duration.ofMinutes(5)))
                        .build());
            }
        }
        log.add("upsert " + first);
        Both<UpsertResult> written = both(() -> store.upsert(first, UpsertMode.OVERWRITE, now),
                () -> model.upsert(first, UpsertMode.OVERWRITE, now));
        assertThat(written.inStore()).as(this::context).isEqualTo(written.inModel());
        checkAnswers();
        for (int step = 0; step < steps; step++) {
            step();
            checkAnswers();
        }
    }

    /** The seed and the operations so far, the latest last: what a failure message needs. */
    private String context() {
        int from = Math.max(0, log.size() - 12);
        return "seed " + seed + ", at " + now + ", after " + log.size() + " operations, the last ones:\n  "
                + String.join("\n  ", log.subList(from, log.size())) + "\n";
    }

    private void step() {
        int roll = random.nextInt(100);
        if (roll < 8) {
            Record r = randomRecord();
            log.add("create " + r);
            both(() -> {
                store.create(r);
                return null;
            }, () -> {
                model.create(r);
                return null;
            });
        } else if (roll < 18) {
            List<Record> batch = new ArrayList<>();
            int n = 1 + random.nextInt(6);
            for (int i = 0; i < n; i++) {
                batch.add(randomRecord());
            }
            UpsertMode mode = random.nextBoolean() ? UpsertMode.OVERWRITE : UpsertMode.KEEP_EXISTING;
            log.add("upsert " + mode + " " + batch);
            Both<UpsertResult> r = both(() -> store.upsert(batch, mode, now), () -> model.upsert(batch, mode, now));
            assertThat(r.inStore()).as(this::context).isEqualTo(r.inModel());
        } else if (roll < 26) {
            List<Replacement> batch = randomReplacements();
            log.add("replaceIfUnchanged " + batch);
            Both<ReplaceResult> r = both(() -> store.replaceIfUnchanged(batch, now),
                    () -> model.replaceIfUnchanged(batch, now));
            assertThat(r.inStore()).as(this::context).isEqualTo(r.inModel());
        } else if (roll < 30) {
            RecordQuery q = randomQuery();
            log.add("delete " + q);
            Both<BulkResult> r = both(() -> store.delete(q, now), () -> model.delete(q, now));
            assertThat(r.inStore()).as(this::context).isEqualTo(r.inModel());
        } else if (roll < 35) {
            RecordQuery q = randomQuery();
            StatusChange change = randomChange();
            log.add("changeStatus " + change + " of " + q);
            Both<BulkResult> r = both(() -> store.changeStatus(q, change, now), () -> model.changeStatus(q, change, now));
            assertThat(r.inStore()).as(this::context).isEqualTo(r.inModel());
        } else if (roll < 40) {
            RecordKey key = random.nextInt(4) == 0 ? randomKey() : heldKey();
            // Now and then an id already used: a retried write, which must add nothing.
            String id = calls > 0 && random.nextInt(4) == 0 ? "call-" + (1 + random.nextInt(calls)) : "call-" + ++calls;
            Interaction i = Interaction.of(id, now, pick(NUMBERS), pick(List.of(CallResult.values())));
            log.add("appendInteraction " + i.id() + " to " + key);
            Both<Boolean> added = both(() -> store.appendInteraction(key, i), () -> model.appendInteraction(key, i));
            assertThat(added.inStore()).as(this::context).isEqualTo(added.inModel());
        } else if (roll < 62) {
            claim();
        } else if (roll < 74 && !leases.isEmpty()) {
            complete();
        } else if (roll < 82 && !leases.isEmpty()) {
            LeasePair pair = pick(leases);
            log.add("release " + pair.inModel());
            Both<Boolean> r = both(() -> store.release(pair.inStore(), now), () -> model.release(pair.inModel(), now));
            assertThat(r.inStore()).as(this::context).isEqualTo(r.inModel());
        } else if (roll < 88 && !leases.isEmpty()) {
            int index = random.nextInt(leases.size());
            LeasePair pair = leases.get(index);
            Duration leaseFor = Duration.ofMinutes(10);
            log.add("renew " + pair.inModel() + " for " + leaseFor);
            Both<Lease> r = both(() -> store.renew(pair.inStore(), now, leaseFor),
                    () -> model.renew(pair.inModel(), now, leaseFor));
            if (!r.failed()) {
                sameLease(Optional.of(r.inStore()), Optional.of(r.inModel()));
                leases.set(index, new LeasePair(r.inStore(), r.inModel(), pair.claimed()));
            }
        } else {
            now = now.plus(Duration.ofMinutes(random.nextInt(8)));
            log.add("time advances to " + now);
        }
    }

    /**
     * Runs an operation on the store and on the model; both must return, or both fail alike.
     *
     * @return what each returned
     */
    private <T> Both<T> both(Supplier<T> onStore, Supplier<T> onModel) {
        Result<T> inStore = attempt(onStore);
        Result<T> inModel = attempt(onModel);
        if (inModel.error() == null) {
            if (inStore.error() != null) {
                throw new AssertionError(context() + "the store threw, the model returned " + inModel.value(),
                        inStore.error());
            }
        } else if (inStore.error() == null) {
            throw new AssertionError(context() + "the store returned " + inStore.value() + ", the model threw",
                    inModel.error());
        } else if (inModel.error() instanceof StoreException expected) {
            assertThat(inStore.error()).as(this::context).isInstanceOf(StoreException.class);
            assertThat(((StoreException) inStore.error()).kind()).as(this::context).isEqualTo(expected.kind());
        } else {
            assertThat(inStore.error()).as(this::context).isInstanceOf(inModel.error().getClass());
        }
        return new Both<>(inStore.value(), inModel.value(), inModel.error() != null);
    }

    private static <T> Result<T> attempt(Supplier<T> operation) {
        try {
            return new Result<>(operation.get(), null);
        } catch (RuntimeException e) {
            return new Result<>(null, e);
        }
    }

    private void claim() {
        Optional<AgentEmail> agent = random.nextBoolean() ? Optional.of(pick(AGENTS)) : Optional.empty();
        ClaimRequest request = new ClaimRequest(pick(CAMPAIGNS), pick(OWNERS), 1 + random.nextInt(4), now,
                Duration.ofMinutes(1 + random.nextInt(5)), agent, TIMEOUT, pick(LIST_SETTINGS));
        log.add("claim " + request);
        Both<List<Claim>> r = both(() -> store.claim(request), () -> model.claim(request));
        List<Claim> inStore = r.inStore();
        List<Claim> inModel = r.inModel();
        if (r.failed()) {
            return;
        }
        assertThat(inStore).as(this::context).extracting(Claim::record)
                .containsExactlyElementsOf(inModel.stream().map(Claim::record).collect(Collectors.toList()));
        for (int i = 0; i < inModel.size(); i++) {
            sameLease(Optional.of(inStore.get(i).lease()), Optional.of(inModel.get(i).lease()));
            leases.add(new LeasePair(inStore.get(i).lease(), inModel.get(i).lease(), inModel.get(i).record()));
        }
    }

    private void complete() {
        LeasePair pair = pick(leases);
        Record claimed = pair.claimed();
        Record updated;
        switch (random.nextInt(4)) {
            case 0:
                updated = claimed.withScheduledFor(Optional.empty()).withStatus(RecordStatus.RESCHEDULED_BY_DIALER)
                        .withNextDialableAt(now.plus(Duration.ofMinutes(5L * random.nextInt(4))));
                break;
            case 1:
                updated = claimed.done(DoneReason.OBJECTIVE_REACHED);
                break;
            case 2:
                updated = claimed.withPriority(random.nextInt(3));
                break;
            default:
                CallbackPreference preference = pick(List.of(CallbackPreference.values()));
                Instant at = now.plus(Duration.ofMinutes(5L * random.nextInt(3)));
                Callback callback = preference.namesAgent() ? Callback.forAgent(at, preference, pick(AGENTS))
                        : Callback.anyone(at);
                updated = claimed.withCallback(callback).withStatus(RecordStatus.RESCHEDULED_BY_AGENT);
                break;
        }
        Optional<Interaction> call = random.nextBoolean() ? Optional.empty()
                : Optional.of(Interaction.of("call-" + ++calls, now, pick(NUMBERS), CallResult.HUMAN_ANSWER));
        log.add("complete " + pair.inModel() + " with " + updated + call.map(i -> " and " + i.id()).orElse(""));
        both(() -> {
            store.complete(pair.inStore(), updated, call, now);
            return null;
        }, () -> {
            model.complete(pair.inModel(), updated, call, now);
            return null;
        });
    }

    /** Asks both the same questions about everything the universe can hold. */
    private void checkAnswers() {
        for (CampaignId campaign : CAMPAIGNS) {
            for (String ref : REFS) {
                RecordKey key = RecordKey.of(campaign, CustomerRef.of(ref));
                assertThat(store.get(key)).as(this::context).isEqualTo(model.get(key));
                sameLease(store.lease(key, now), model.lease(key, now));
                int limit = 1 + random.nextInt(4);
                assertThat(store.latestInteractions(key, limit)).as(this::context)
                        .isEqualTo(model.latestInteractions(key, limit));
            }
        }
        for (int i = 0; i < 2; i++) {
            RecordQuery query = randomQuery();
            assertThat(store.count(query)).as(() -> context() + "count of " + query).isEqualTo(model.count(query));
            samePages(query, 1 + random.nextInt(5));
            try (Stream<Record> inStore = store.stream(query); Stream<Record> inModel = model.stream(query)) {
                assertThat(inStore.collect(Collectors.toList())).as(() -> context() + "stream of " + query)
                        .isEqualTo(inModel.collect(Collectors.toList()));
            }
        }
    }

    private void samePages(RecordQuery query, int size) {
        PageRequest inStore = PageRequest.first(size);
        PageRequest inModel = PageRequest.first(size);
        for (int pages = 0; pages < 100; pages++) {
            Page<RecordMatch> a = store.query(query, inStore);
            Page<RecordMatch> b = model.query(query, inModel);
            String what = "page " + pages + " of " + size + " rows of " + query;
            assertThat(a.rows()).as(() -> context() + what).isEqualTo(b.rows());
            assertThat(a.hasNext()).as(() -> context() + what).isEqualTo(b.hasNext());
            if (!b.hasNext()) {
                return;
            }
            inStore = a.next().orElseThrow();
            inModel = b.next().orElseThrow();
        }
        fail(context() + "more than 100 pages for " + query);
    }

    /**
     * Both stores hold the same lease: key, owner and expiry equal, and tokens that stand for each
     * other (the first time a token is seen for a key, it is paired with the model's).
     */
    private void sameLease(Optional<Lease> inStore, Optional<Lease> inModel) {
        assertThat(inStore.isPresent()).as(() -> context() + "lease " + inStore + " against " + inModel)
                .isEqualTo(inModel.isPresent());
        if (inModel.isEmpty()) {
            return;
        }
        Lease a = inStore.get();
        Lease b = inModel.get();
        assertThat(a.key()).as(this::context).isEqualTo(b.key());
        assertThat(a.owner()).as(this::context).isEqualTo(b.owner());
        assertThat(a.expiresAt()).as(this::context).isEqualTo(b.expiresAt());
        Map<Long, Long> forward = modelToken.computeIfAbsent(b.key(), k -> new HashMap<>());
        Map<Long, Long> backward = storeToken.computeIfAbsent(b.key(), k -> new HashMap<>());
        Long paired = forward.get(a.token());
        Long pairedBack = backward.get(b.token());
        if (paired == null && pairedBack == null) {
            forward.put(a.token(), b.token());
            backward.put(b.token(), a.token());
        } else {
            assertThat(paired).as(() -> context() + "the store's token " + a.token() + " of " + a.key()
                    + " stands for another claim").isEqualTo(b.token());
        }
    }

    private <T> T pick(List<T> from) {
        return from.get(random.nextInt(from.size()));
    }

    private RecordKey randomKey() {
        return RecordKey.of(pick(CAMPAIGNS), CustomerRef.of(pick(REFS)));
    }

    /** The key of a record the model holds, or a random key when it holds none. */
    private RecordKey heldKey() {
        List<RecordKey> held;
        try (Stream<Record> records = model.stream(RecordQuery.all())) {
            held = records.map(RecordKey::of).collect(Collectors.toList());
        }
        return held.isEmpty() ? randomKey() : pick(held);
    }

    /**
     * One to four replacements, mostly of records the model holds: built from the record as it is
     * (replaced unless a lease holds it), from a record that differs from it (changed), from a key
     * with no record, or chained to the batch's own earlier replacement of the same key; the new
     * record is a random one of the key, or the stored one with another priority or due time.
     */
    private List<Replacement> randomReplacements() {
        List<Replacement> batch = new ArrayList<>();
        int n = 1 + random.nextInt(4);
        for (int i = 0; i < n; i++) {
            RecordKey key = random.nextInt(5) == 0 ? randomKey() : heldKey();
            Optional<Record> stored = model.get(key);
            Record expected;
            int which = random.nextInt(10);
            Optional<Record> earlier = Optional.empty();
            for (Replacement r : batch) {
                if (r.key().equals(key)) {
                    earlier = Optional.of(r.updated());
                }
            }
            if (which < 2 && earlier.isPresent()) {
                expected = earlier.get();
            } else if (which < 7 && stored.isPresent()) {
                expected = stored.get();
            } else if (which < 8 && stored.isPresent()) {
                expected = stored.get().withPriority((stored.get().priority() + 1) % 3);
            } else {
                expected = randomRecord(key);
            }
            Record updated;
            switch (random.nextInt(3)) {
                case 0:
                    updated = expected.withPriority(random.nextInt(3));
                    break;
                case 1:
                    updated = expected.withNextDialableAt(now.plus(Duration.ofMinutes(5L * (random.nextInt(5) - 2))));
                    break;
                default:
                    updated = randomRecord(key);
                    break;
            }
            batch.add(Replacement.of(expected, updated));
        }
        return batch;
    }

    private Record randomRecord() {
        return randomRecord(randomKey());
    }

    private Record randomRecord(RecordKey key) {
        StoreFixtures.Rec r = StoreFixtures.rec(key.campaign(), key.ref().value())
                .list(pick(LISTS))
                .priority(random.nextInt(3))
                .due(now.plus(Duration.ofMinutes(5L * (random.nextInt(7) - 4))));
        if (random.nextInt(5) == 0) {
            r.agent(pick(AGENTS));
        }
        if (random.nextInt(5) == 0) {
            r.callback(pick(List.of(CallbackPreference.values())), pick(AGENTS));
        }
        int status = random.nextInt(14);
        if (status >= RecordStatus.values().length) {
            r.status(status % 2 == 0 ? RecordStatus.PENDING : RecordStatus.RESCHEDULED_BY_DIALER);
        } else if (RecordStatus.values()[status] == RecordStatus.DONE) {
            r.done(DoneReason.ATTEMPTS_EXHAUSTED);
        } else {
            r.status(RecordStatus.values()[status]);
        }
        int phones = random.nextInt(3);
        if (phones > 0) {
            r.phone(PhoneField.HOME, pick(NUMBERS));
        }
        if (phones > 1) {
            r.phone(PhoneField.MOBILE, pick(NUMBERS));
        }
        if (random.nextInt(3) == 0) {
            r.field("tier", FieldValue.text(random.nextBoolean() ? "gold" : "silver"));
        }
        if (random.nextInt(3) == 0) {
            r.contacted(now.minus(Duration.ofMinutes(random.nextInt(120))));
        }
        if (random.nextInt(4) == 0) {
            r.wrapCode(random.nextBoolean() ? "SALE" : "NO_SALE");
        }
        if (random.nextInt(4) == 0) {
            r.reason(pick(REASONS));
        }
        return r.build();
    }

    private RecordQuery randomQuery() {
        RecordQuery.Builder q = RecordQuery.newBuilder();
        if (random.nextBoolean()) {
            q.campaign(pick(CAMPAIGNS));
        }
        if (random.nextInt(6) == 0) {
            q.ref(CustomerRef.of(pick(REFS))).ref(CustomerRef.of(pick(REFS)));
        }
        if (random.nextInt(4) == 0) {
            q.list(pick(LISTS));
        }
        if (random.nextInt(4) == 0) {
            q.status(pick(List.of(RecordStatus.values()))).status(pick(List.of(RecordStatus.values())));
        }
        int agent = random.nextInt(8);
        if (agent == 0) {
            q.agent(pick(AGENTS));
        } else if (agent == 1) {
            q.unassigned();
        }
        if (random.nextInt(8) == 0) {
            Instant from = now.minus(Duration.ofMinutes(random.nextInt(120)));
            Instant before = from.plus(Duration.ofMinutes(1 + random.nextInt(60)));
            int which = random.nextInt(3);
            if (which == 0) {
                q.lastContactedFrom(from);
            } else if (which == 1) {
                q.lastContactedBefore(before);
            } else {
                q.lastContacted(from, before);
            }
        }
        if (random.nextInt(10) == 0) {
            q.wrapCode(random.nextBoolean() ? "SALE" : "NO_SALE");
        }
        if (random.nextInt(10) == 0) {
            q.reasonMajor(random.nextBoolean() ? "Suspended" : "Call Disconnected");
        }
        if (random.nextInt(12) == 0) {
            q.reasonMinor(random.nextBoolean() ? "Fraud" : "Abandoned");
        }
        if (random.nextInt(10) == 0) {
            q.field("tier", random.nextBoolean() ? "gold" : "silver");
        }
        if (random.nextInt(4) == 0) {
            q.phone(randomPhoneMatch());
        }
        return q.build();
    }

    private PhoneMatch randomPhoneMatch() {
        String digits = PhoneMatch.digitsOf(pick(NUMBERS));
        int n = digits.length();
        switch (random.nextInt(4)) {
            case 0:
                return new PhoneMatch(PhoneMatch.Kind.EXACT, digits);
            case 1:
                return PhoneMatch.prefix(digits.substring(0, 1 + random.nextInt(n)));
            case 2:
                return PhoneMatch.suffix(digits.substring(random.nextInt(n)));
            default:
                int from = random.nextInt(n);
                return PhoneMatch.contains(digits.substring(from, from + 1 + random.nextInt(n - from)));
        }
    }

    private StatusChange randomChange() {
        StatusChange change = StatusChange.none();
        if (random.nextBoolean()) {
            RecordStatus status;
            do {
                status = pick(List.of(RecordStatus.values()));
            } while (status == RecordStatus.PROCESSING);
            change = change.withStatus(status);
        }
        if (random.nextInt(3) == 0 || change.status().isEmpty()) {
            change = change.withPriority(random.nextInt(3));
        }
        if (random.nextInt(4) == 0) {
            change = change.clearingRetryCounts();
        }
        return change;
    }
}
