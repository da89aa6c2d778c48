package dev.outbound.spi.memory;

import static dev.outbound.spi.memory.StoreFixtures.CAMPAIGN;
import static dev.outbound.spi.memory.StoreFixtures.OTHER;
import static dev.outbound.spi.memory.StoreFixtures.T0;
import static dev.outbound.spi.memory.StoreFixtures.claim;
import static dev.outbound.spi.memory.StoreFixtures.key;
import static dev.outbound.spi.memory.StoreFixtures.minutes;
import static dev.outbound.spi.memory.StoreFixtures.number;
import static dev.outbound.spi.memory.StoreFixtures.rec;
import static dev.outbound.spi.memory.StoreFixtures.refs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.outbound.core.lifecycle.StatusChange;
import dev.outbound.core.record.CampaignId;
import dev.outbound.core.record.CustomerRef;
import dev.outbound.core.record.Record;
import dev.outbound.core.record.RecordPhone;
import dev.outbound.core.record.RecordStatus;
import dev.outbound.spi.store.BulkResult;
import dev.outbound.spi.store.Lease;
import dev.outbound.spi.store.Page;
import dev.outbound.spi.store.PageCursor;
import dev.outbound.spi.store.PageRequest;
import dev.outbound.spi.store.PhoneMatch;
import dev.outbound.spi.store.RecordKey;
import dev.outbound.spi.store.RecordMatch;
import dev.outbound.spi.store.RecordQuery;
import dev.outbound.spi.store.UpsertMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The phone index: it follows every write, and finds the same rows as a filter over every record. */
class InMemoryRecordStorePhoneTest {
    private final InMemoryRecordStore store = InMemoryRecordStore.create();

    private static RecordQuery phone(PhoneMatch match) {
        return RecordQuery.newBuilder().phone(match).build();
    }

    /** @return every row of a query, page after page, as "campaign/ref#position" */
    private List<String> rows(RecordQuery query, int pageSize) {
        return rows(store, query, pageSize);
    }

    /** @return every row of a query on a store, page after page, as "campaign/ref#position" */
    private static List<String> rows(InMemoryRecordStore store, RecordQuery query, int pageSize) {
        List<String> out = new ArrayList<>();
        PageRequest request = PageRequest.first(pageSize);
        for (int pages = 0; pages < 10_000; pages++) {
            Page<RecordMatch> page = store.query(query, request);
            for (RecordMatch m : page.rows()) {
                out.add(m.cursor().key() + "#" + m.position());
            }
            if (page.next().isEmpty()) {
                return out;
            }
            request = page.next().get();
        }
        throw new AssertionError("more than 10,000 pages");
    }

    // ------------------------------------------------------------------ examples

    @Test
    void query_numberChangedByOverwrite_oldDigitsNoLongerMatchNewOnesDo() {
        store.create(rec("a").phones("+15305550147", "+442079460000").build());
        assertThat(rows(phone(PhoneMatch.exact(number("+15305550147"))), 10)).containsExactly("renewals/a#0");

        store.upsert(List.of(rec("a").phones("+15305550199", "+442079460000").build()), UpsertMode.OVERWRITE, T0);

        assertThat(rows(phone(PhoneMatch.exact(number("+15305550147"))), 10)).isEmpty();
        assertThat(rows(phone(PhoneMatch.suffix("0147")), 10)).isEmpty();
        assertThat(rows(phone(PhoneMatch.exact(number("+15305550199"))), 10)).containsExactly("renewals/a#0");
        assertThat(rows(phone(PhoneMatch.suffix("0199")), 10)).containsExactly("renewals/a#0");
        assertThat(rows(phone(PhoneMatch.prefix("1530555")), 10)).containsExactly("renewals/a#0");
        assertThat(rows(phone(PhoneMatch.prefix("4420")), 10)).containsExactly("renewals/a#1");
        assertThat(rows(phone(PhoneMatch.contains("555")), 10)).containsExactly("renewals/a#0");
    }

    @Test
    void query_recordDeleted_itsDigitsNoLongerMatch() {
        store.create(rec("a").phones("+15305550147").build());
        store.create(rec("b").phones("+15305550148").build());

        BulkResult deleted = store.delete(RecordQuery.newBuilder().ref(key("a").ref()).build(), T0);

        assertThat(deleted.applied()).isEqualTo(1);
        assertThat(rows(phone(PhoneMatch.prefix("1530")), 10)).containsExactly("renewals/b#0");
        assertThat(store.count(phone(PhoneMatch.suffix("147")))).isZero();
        assertThat(store.count(phone(PhoneMatch.contains("5550147")))).isZero();
    }

    @Test
    void query_numberChangedByComplete_indexFollows() {
        Record a = rec("a").phones("+15305550147").build();
        store.create(a);
        Lease lease = store.claim(claim("node-a", T0, 1)).get(0).lease();
        RecordPhone old = a.phones().get(0);

        store.complete(lease, a.withPhone(old.withNumber(number("+16175550100"), old.zones())), Optional.empty(),
                minutes(1));

        assertThat(store.count(phone(PhoneMatch.prefix("1530")))).isZero();
        assertThat(rows(phone(PhoneMatch.prefix("1617")), 10)).containsExactly("renewals/a#0");
    }

    @Test
    void query_twoRecordsShareANumber_deletingOneLeavesTheOther() {
        store.create(rec("a").phones("+15305550147").build());
        store.create(rec("b").phones("+16175550100", "+15305550147").build());
        assertThat(rows(phone(PhoneMatch.exact(number("+15305550147"))), 10))
                .containsExactly("renewals/a#0", "renewals/b#1");

        store.delete(RecordQuery.newBuilder().ref(key("a").ref()).build(), T0);

        assertThat(rows(phone(PhoneMatch.exact(number("+15305550147"))), 10)).containsExactly("renewals/b#1");
    }

    @Test
    void query_sameNumberOnTwoFields_twoRowsUntilOneFieldChanges() {
        Record a = rec("a").phones("+15305550147", "+15305550147").build();
        store.create(a);
        RecordQuery exact = phone(PhoneMatch.exact(number("+15305550147")));
        assertThat(rows(exact, 1)).containsExactly("renewals/a#0", "renewals/a#1");
        assertThat(store.count(exact)).isEqualTo(2);
        try (Stream<Record> s = store.stream(exact)) {
            assertThat(s.collect(Collectors.toList())).containsExactly(a);
        }

        RecordPhone first = a.phones().get(0);
        store.upsert(List.of(a.withPhone(first.withNumber(number("+16175550100"), first.zones()))),
                UpsertMode.OVERWRITE, T0);

        assertThat(rows(exact, 1)).containsExactly("renewals/a#1");
        assertThat(rows(phone(PhoneMatch.exact(number("+16175550100"))), 1)).containsExactly("renewals/a#0");
    }

    @Test
    void query_phoneAndOtherCriteria_bothApply() {
        store.create(rec("a").phones("+15305550147").build());
        store.create(rec("b").phones("+15305550148").status(RecordStatus.INACTIVE).build());
        store.create(rec(OTHER, "c").phones("+15305550149").status(RecordStatus.INACTIVE).build());

        RecordQuery inactive = RecordQuery.newBuilder().phone(PhoneMatch.prefix("1530")).status(RecordStatus.INACTIVE)
                .build();
        assertThat(rows(inactive, 1)).containsExactly("renewals/b#0", "winback/c#0");
        RecordQuery inCampaign = RecordQuery.newBuilder().campaign(OTHER).phone(PhoneMatch.prefix("1530")).build();
        assertThat(rows(inCampaign, 1)).containsExactly("winback/c#0");
        RecordQuery byRef = RecordQuery.newBuilder().ref(key("b").ref()).phone(PhoneMatch.prefix("1530")).build();
        assertThat(rows(byRef, 5)).containsExactly("renewals/b#0");
    }

    @Test
    void delete_recordWithTwoMatchingNumbers_countedOnce() {
        store.create(rec("a").phones("+15305550147", "+15305550148").build());

        BulkResult result = store.delete(phone(PhoneMatch.prefix("1530")), T0);

        assertThat(result).isEqualTo(new BulkResult(1, 1, List.of()));
    }

    @Test
    void changeStatus_byPhone_changesTheMatchingRecordsOnly() {
        store.create(rec("a").phones("+15305550147").build());
        store.create(rec("b").phones("+16175550100").build());

        BulkResult result = store.changeStatus(phone(PhoneMatch.suffix("0147")),
                StatusChange.none().withStatus(RecordStatus.INACTIVE), T0);

        assertThat(result).isEqualTo(new BulkResult(1, 1, List.of()));
        assertThat(store.get(key("a")).orElseThrow().status()).isEqualTo(RecordStatus.INACTIVE);
        assertThat(store.get(key("b")).orElseThrow().status()).isEqualTo(RecordStatus.PENDING);
        // The status change leaves numbers alone: the index still finds a.
        assertThat(rows(phone(PhoneMatch.suffix("0147")), 5)).containsExactly("renewals/a#0");
    }

    @Test
    void query_prefixMatchingMostRecords_walksInKeyOrderWithTheSameRows() {
        // 3000 records, all +1 numbers: a prefix "1" gives more candidates than the index is trusted
        // for, so pages walk the records in key order instead; the rows must not change.
        List<Record> records = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            String ref = String.format("r%04d", i);
            if (i % 3 == 0) {
                records.add(rec(ref).phones(String.format("+1617555%04d", i), String.format("+4420794%04d", i)).build());
                expected.add("renewals/" + ref + "#0");
            } else {
                records.add(rec(ref).phones(String.format("+4420794%04d", i), String.format("+1530555%04d", i)).build());
                expected.add("renewals/" + ref + "#1");
            }
        }
        store.upsert(records, UpsertMode.OVERWRITE, T0);

        RecordQuery us = phone(PhoneMatch.prefix("1"));
        assertThat(rows(us, 1000)).isEqualTo(expected);
        assertThat(rows(us, 7)).isEqualTo(expected);
        assertThat(store.count(us)).isEqualTo(3000);
        assertThat(store.delete(phone(PhoneMatch.prefix("1617")), T0).applied()).isEqualTo(1000);
        assertThat(store.count(us)).isEqualTo(2000);
    }

    @Test
    void query_pageEndsInsideARecordsRows_nextPageStartsAtItsNextNumber() {
        store.create(rec("a").phones("+15305550147", "+15305550148", "+15305550149").build());
        store.create(rec("b").phones("+15305550150").build());
        RecordQuery query = phone(PhoneMatch.prefix("1530"));

        Page<RecordMatch> first = store.query(query, PageRequest.first(2));
        assertThat(first.rows()).extracting(RecordMatch::position).containsExactly(0, 1);
        assertThat(first.next()).contains(PageRequest.after(new PageCursor(key("a"), 1), 2));
        Page<RecordMatch> second = store.query(query, first.next().get());
        assertThat(second.rows()).extracting(RecordMatch::cursor)
                .containsExactly(new PageCursor(key("a"), 2), new PageCursor(key("b"), 0));
        assertThat(second.next()).isEmpty();
    }

    @Test
    void phoneIndex_numbersReplacedAndRecordsRemoved_keepsOnlyCurrentNumbers() {
        StorePhoneIndex index = new StorePhoneIndex();
        Record a = rec("a").phones("+15305550147", "+442079460000").build();
        Record b = rec("b").phones("+15305550147").build();
        index.add("a", a);
        index.add("b", b);
        assertThat(index.numbers()).isEqualTo(2);

        Record a2 = rec("a").phones("+15305550199", "+442079460000").build();
        index.update("a", a, a2);

        // 15305550147 (b's now only), 15305550199 and 442079460000 (a's).
        assertThat(index.numbers()).isEqualTo(3);
        assertThat(candidates(index, PhoneMatch.exact(number("+15305550147")))).containsExactly("b");
        assertThat(candidates(index, PhoneMatch.suffix("0147"))).containsExactly("b");
        assertThat(candidates(index, PhoneMatch.suffix("99"))).containsExactly("a");
        index.remove("b", b);
        index.remove("a", a2);
        assertThat(index.numbers()).isZero();
        assertThat(candidates(index, PhoneMatch.suffix("0"))).isEmpty();
        assertThat(candidates(index, PhoneMatch.suffix("7"))).isEmpty();
        assertThat(candidates(index, PhoneMatch.suffix("9"))).isEmpty();
    }

    @Test
    void phoneIndex_moreCandidatesThanCap_saysSo() {
        StorePhoneIndex index = new StorePhoneIndex();
        index.add("a", rec("a").phones("+15305550147").build());
        index.add("b", rec("b").phones("+15305550148").build());
        index.add("c", rec("c").phones("+15305550148").build());

        assertThat(index.candidates(PhoneMatch.prefix("1530"), 2, new ArrayList<>())).isFalse();
        assertThat(index.candidates(PhoneMatch.prefix("1530"), 3, new ArrayList<>())).isTrue();
        assertThat(index.candidates(PhoneMatch.exact(number("+15305550148")), 1, new ArrayList<>())).isFalse();
    }

    private static List<String> candidates(StorePhoneIndex index, PhoneMatch match) {
        List<String> out = new ArrayList<>();
        assertThat(index.candidates(match, 100, out)).isTrue();
        return out;
    }

    // ------------------------------------------------------------------ property

    private static final char[] DIGITS = {'1', '2', '3'};

    /** A short random number over three digits, so that partial searches find something. */
    private static String randomNumber(SplittableRandom random) {
        StringBuilder sb = new StringBuilder("+");
        int length = 3 + random.nextInt(5);
        for (int i = 0; i < length; i++) {
            sb.append(DIGITS[random.nextInt(DIGITS.length)]);
        }
        return sb.toString();
    }

    private static Record randomRecord(SplittableRandom random, CampaignId campaign, String ref) {
        StoreFixtures.R r = rec(campaign, ref);
        int n = random.nextInt(4);
        String[] numbers = new String[n];
        for (int i = 0; i < n; i++) {
            numbers[i] = randomNumber(random);
        }
        if (random.nextInt(4) == 0) {
            r.status(RecordStatus.INACTIVE);
        }
        return r.phones(numbers).build();
    }

    /** The brute-force definition, by hand: digits compared as strings, without the store's code. */
    private static boolean matches(PhoneMatch.Kind kind, String searched, String numberDigits) {
        switch (kind) {
            case EXACT:
                return numberDigits.equals(searched);
            case PREFIX:
                return numberDigits.startsWith(searched);
            case SUFFIX:
                return numberDigits.endsWith(searched);
            default:
                return numberDigits.contains(searched);
        }
    }

    @Test
    void query_randomRecordsAndSearches_sameRowsAsAFilterOverEveryRecord() {
        CampaignId[] campaigns = {CAMPAIGN, OTHER};
        qt().withExamples(200)
                .forAll(longs().all(), integers().between(1, 40), integers().between(1, 12))
                .checkAssert((seed, size, pageSize) -> {
                    SplittableRandom random = new SplittableRandom(seed);
                    InMemoryRecordStore s = InMemoryRecordStore.create();
                    TreeMap<RecordKey, Record> model = new TreeMap<>();
                    // Writes that move numbers: creates, overwrites, deletes, in random order.
                    for (int step = 0; step < size * 2; step++) {
                        CampaignId c = campaigns[random.nextInt(2)];
                        String ref = "r" + random.nextInt(size);
                        RecordKey k = RecordKey.of(c, CustomerRef.of(ref));
                        if (random.nextInt(5) == 0) {
                            s.delete(RecordQuery.newBuilder().campaign(c).ref(k.ref()).build(), T0);
                            model.remove(k);
                        } else {
                            Record r = randomRecord(random, c, ref);
                            s.upsert(List.of(r), UpsertMode.OVERWRITE, T0);
                            model.put(k, r);
                        }
                    }
                    for (int search = 0; search < 6; search++) {
                        PhoneMatch.Kind kind = PhoneMatch.Kind.values()[random.nextInt(4)];
                        StringBuilder digits = new StringBuilder();
                        int length = 1 + random.nextInt(kind == PhoneMatch.Kind.EXACT ? 7 : 3);
                        for (int i = 0; i < length; i++) {
                            digits.append(DIGITS[random.nextInt(DIGITS.length)]);
                        }
                        boolean onlyInactive = random.nextBoolean();
                        RecordQuery.Builder b = RecordQuery.newBuilder().phone(new PhoneMatch(kind, digits.toString()));
                        if (onlyInactive) {
                            b.status(RecordStatus.INACTIVE);
                        }
                        RecordQuery query = b.build();

                        List<String> expectedRows = new ArrayList<>();
                        List<Record> expectedRecords = new ArrayList<>();
                        for (Record r : model.values()) {
                            if (onlyInactive && r.status() != RecordStatus.INACTIVE) {
                                continue;
                            }
                            boolean any = false;
                            for (int i = 0; i < r.phones().size(); i++) {
                                if (matches(kind, digits.toString(), r.phones().get(i).number().e164().substring(1))) {
                                    expectedRows.add(RecordKey.of(r) + "#" + i);
                                    any = true;
                                }
                            }
                            if (any) {
                                expectedRecords.add(r);
                            }
                        }

                        assertThat(rows(s, query, pageSize)).as("%s %s", kind, digits).isEqualTo(expectedRows);
                        assertThat(s.count(query)).isEqualTo(expectedRows.size());
                        try (Stream<Record> st = s.stream(query)) {
                            assertThat(refs(st.collect(Collectors.toList()))).isEqualTo(refs(expectedRecords));
                        }
                    }
                });
    }
}
