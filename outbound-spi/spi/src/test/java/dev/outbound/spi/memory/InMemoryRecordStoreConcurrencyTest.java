package dev.outbound.spi.memory;

import static dev.outbound.spi.memory.StoreFixtures.CAMPAIGN;
import static dev.outbound.spi.memory.StoreFixtures.T0;
import static dev.outbound.spi.memory.StoreFixtures.claim;
import static dev.outbound.spi.memory.StoreFixtures.rec;
import static org.assertj.core.api.Assertions.assertThat;

import dev.outbound.core.record.CampaignId;
import dev.outbound.core.record.Record;
import dev.outbound.core.record.RecordStatus;
import dev.outbound.spi.store.Claim;
import dev.outbound.spi.store.PageRequest;
import dev.outbound.spi.store.RecordKey;
import dev.outbound.spi.store.RecordQuery;
import dev.outbound.spi.store.UpsertMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Many threads on one store: claims never hand a record out twice, batches appear whole. */
class InMemoryRecordStoreConcurrencyTest {
    private static final int THREADS = 8;

    @Test
    void claim_eightThreadsUntilEmpty_everyRecordExactlyOnce() throws Exception {
        InMemoryRecordStore store = InMemoryRecordStore.create();
        List<Record> records = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            records.add(rec(String.format("r%05d", i)).build());
        }
        store.upsert(records, UpsertMode.OVERWRITE, T0);

        ConcurrentLinkedQueue<Claim> claims = new ConcurrentLinkedQueue<>();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                String owner = "node-" + t;
                SplittableRandom random = new SplittableRandom(t);
                done.add(pool.submit(() -> {
                    start.await();
                    while (true) {
                        List<Claim> got = store.claim(claim(owner, T0, 1 + random.nextInt(16)));
                        if (got.isEmpty()) {
                            return null;
                        }
                        claims.addAll(got);
                    }
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
            assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        }

        Set<RecordKey> keys = new HashSet<>();
        Set<Long> tokens = new HashSet<>();
        for (Claim c : claims) {
            keys.add(c.lease().key());
            tokens.add(c.lease().token());
        }
        assertThat(claims).hasSize(20_000);
        assertThat(keys).hasSize(20_000);
        assertThat(tokens).hasSize(20_000);
        assertThat(store.claim(claim("late", T0, 10))).isEmpty();
    }

    @Test
    void upsert_batchOverTwoCampaigns_readersSeeNoneOrAllOfIt() throws Exception {
        // Each batch writes one inactive record to each of two campaigns, "alpha" and "omega"; between
        // them sits "middle", with 20,000 pending records that a reader must walk past; every tenth
        // batch writes to two campaigns it creates on either side of "middle". Readers over every
        // campaign must always see an even number of inactive records.
        InMemoryRecordStore store = InMemoryRecordStore.create();
        CampaignId alpha = CampaignId.of("alpha");
        CampaignId middle = CampaignId.of("middle");
        CampaignId omega = CampaignId.of("omega");
        List<Record> filler = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            filler.add(rec(middle, String.format("m%05d", i)).build());
        }
        store.upsert(filler, UpsertMode.OVERWRITE, T0);
        RecordQuery inactive = RecordQuery.newBuilder().status(RecordStatus.INACTIVE).build();
        int batches = 2_000;
        AtomicBoolean writing = new AtomicBoolean(true);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        ConcurrentLinkedQueue<Long> odd = new ConcurrentLinkedQueue<>();
        AtomicLong reads = new AtomicLong();
        try {
            Future<?> writer = pool.submit(() -> {
                start.await();
                for (int i = 0; i < batches; i++) {
                    String ref = String.format("r%05d", i);
                    // Omega first in the batch: the store locks in campaign order whatever the batch order.
                    // Every tenth batch brings two new campaigns around "middle" instead, which a reader
                    // walking the campaigns must not see half of either.
                    CampaignId first = i % 10 == 0 ? CampaignId.of(String.format("a%05d", i)) : alpha;
                    CampaignId last = i % 10 == 0 ? CampaignId.of(String.format("z%05d", i)) : omega;
                    store.upsert(List.of(rec(last, ref).status(RecordStatus.INACTIVE).build(),
                            rec(first, ref).status(RecordStatus.INACTIVE).build()), UpsertMode.OVERWRITE, T0);
                }
                writing.set(false);
                return null;
            });
            Future<?> counter = pool.submit(() -> {
                start.await();
                while (writing.get()) {
                    long n = store.count(inactive);
                    try (Stream<Record> s = store.stream(inactive)) {
                        long m = s.count();
                        if (n % 2 != 0 || m % 2 != 0) {
                            odd.add(n % 2 != 0 ? n : m);
                        }
                    }
                    reads.incrementAndGet();
                }
                return null;
            });
            Future<?> pager = pool.submit(() -> {
                start.await();
                while (writing.get()) {
                    long n = store.query(inactive, PageRequest.first(PageRequest.MAX_SIZE)).rows().size();
                    if (n % 2 != 0) {
                        odd.add(n);
                    }
                    reads.incrementAndGet();
                }
                return null;
            });
            start.countDown();
            writer.get(30, TimeUnit.SECONDS);
            counter.get(30, TimeUnit.SECONDS);
            pager.get(30, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
            assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        }

        assertThat(odd).isEmpty();
        assertThat(reads.get()).isPositive();
        assertThat(store.count(inactive)).isEqualTo(2L * batches);
        assertThat(store.count(RecordQuery.campaign(CAMPAIGN))).isZero();
    }
}
