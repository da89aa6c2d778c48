package dev.outbound.benchmarks;

import dev.outbound.core.lifecycle.CampaignLists;
import dev.outbound.core.phone.PhoneField;
import dev.outbound.core.record.CampaignId;
import dev.outbound.core.record.ListId;
import dev.outbound.core.record.Record;
import dev.outbound.core.record.RecordFactory;
import dev.outbound.core.zone.ZoneResolver;
import dev.outbound.spi.memory.InMemoryRecordStore;
import dev.outbound.spi.store.Claim;
import dev.outbound.spi.store.ClaimRequest;
import dev.outbound.spi.store.RecordStore;
import dev.outbound.spi.store.UpsertMode;
import dev.outbound.spi.testkit.ModelRecordStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Claiming the next record from a store of one million, then completing its call: the store's
 * side of a dialer's loop.
 *
 * <p>One campaign of 1,000,000 records on three lists weighted 70, 30 and 100, priorities 0 to 3;
 * 85% were due over the past three days, 15% come due over the next six hours. Each operation
 * claims one record for any agent at a virtual instant that advances 1 ms per operation, and
 * completes it with the record rescheduled an hour later (a no-answer retry), so the store keeps
 * its million records and the due set turns over as the clock moves.
 * <ul>
 * <li>{@code baselineModel}: the test kit's {@link ModelRecordStore}, the trivially correct store
 *     (one list, linear scans) that the in-memory store is checked against;
 * <li>{@code inMemory}: {@link InMemoryRecordStore}, with its due index.
 * </ul>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 4, time = 3)
public class ClaimBenchmark {
    static final int RECORDS = 1_000_000;
    static final CampaignId CAMPAIGN = CampaignId.of("bench");
    static final Instant START = Instant.parse("2026-11-24T15:00:00Z");
    static final ListId[] LISTS = {ListId.of("spring"), ListId.of("summer"), ListId.of("autumn")};

    /** The records, built once per fork. */
    @State(Scope.Benchmark)
    public static class Campaign {
        List<Record> records;
        CampaignLists lists;

        /** Builds the records. */
        @Setup(Level.Trial)
        public void setUp() {
            SplittableRandom random = new SplittableRandom(42);
            lists = CampaignLists.newBuilder().weighted(LISTS[0], 70).weighted(LISTS[1], 30).weighted(LISTS[2], 100)
                    .build();
            RecordFactory factory = RecordFactory.newBuilder(CAMPAIGN)
                    .defaultRegion("US")
                    .zoneResolver(ZoneResolver.newBuilder().defaultZone(ZoneId.of("America/New_York")).build())
                    .clock(Clock.fixed(START.minus(Duration.ofDays(10)), ZoneOffset.UTC))
                    .build();
            records = new ArrayList<>(RECORDS);
            for (int i = 0; i < RECORDS; i++) {
                String number = "212" + (200 + random.nextInt(800)) + String.format("%04d", random.nextInt(10_000));
                Record r = factory.newRecord("C-" + i).phone(PhoneField.MOBILE, number)
                        .list(LISTS[random.nextInt(LISTS.length)]).priority(random.nextInt(4)).build();
                Instant due = random.nextInt(100) < 85
                        ? START.minusSeconds(random.nextInt(3 * 24 * 3600))
                        : START.plusSeconds(random.nextInt(6 * 3600));
                records.add(r.withNextDialableAt(due));
            }
        }
    }

    /** A store loaded with the campaign, and the loop's clock. */
    public abstract static class Loop {
        RecordStore store;
        ClaimRequest request;
        Instant now = START;

        abstract RecordStore load(List<Record> records);

        /** @param c the campaign */
        @Setup(Level.Trial)
        public void setUp(Campaign c) {
            store = load(c.records);
            request = ClaimRequest.of(CAMPAIGN, "node-1", START).withRules(
                    dev.outbound.core.lifecycle.DialingRules.newBuilder().lists(c.lists).build());
        }

        /** @return the record claimed, or null when none was due */
        final Record cycle() {
            now = now.plusMillis(1);
            List<Claim> claims = store.claim(request.withAt(now));
            if (claims.isEmpty()) {
                return null;
            }
            Claim claim = claims.get(0);
            Record after = claim.record().withNextDialableAt(now.plus(Duration.ofHours(1)));
            store.complete(claim.lease(), after, Optional.empty(), now);
            return after;
        }
    }

    /** The trivially correct store. */
    @State(Scope.Benchmark)
    public static class Model extends Loop {
        @Override
        RecordStore load(List<Record> records) {
            // Upserting one by one would scan the list for every key: a million squared.
            return ModelRecordStore.holding(records);
        }
    }

    /** The in-memory store. */
    @State(Scope.Benchmark)
    public static class Memory extends Loop {
        @Override
        RecordStore load(List<Record> records) {
            RecordStore store = InMemoryRecordStore.create();
            for (int from = 0; from < records.size(); from += 100_000) {
                store.upsert(records.subList(from, Math.min(records.size(), from + 100_000)), UpsertMode.OVERWRITE,
                        START);
            }
            return store;
        }
    }

    /**
     * @param m the model store
     * @return the record claimed
     */
    @Benchmark
    public Record baselineModel(Model m) {
        return m.cycle();
    }

    /**
     * @param m the in-memory store
     * @return the record claimed
     */
    @Benchmark
    public Record inMemory(Memory m) {
        return m.cycle();
    }
}
