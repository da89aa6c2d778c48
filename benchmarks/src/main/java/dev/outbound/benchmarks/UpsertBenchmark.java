package dev.outbound.benchmarks;

import dev.outbound.core.record.Record;
import dev.outbound.spi.memory.InMemoryRecordStore;
import dev.outbound.spi.store.RecordKey;
import dev.outbound.spi.store.RecordStore;
import dev.outbound.spi.store.UpsertMode;
import dev.outbound.spi.store.UpsertResult;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Loading one million records into an empty in-memory store, in batches of 10,000 as an import
 * writes them: the records of {@link ClaimBenchmark} (built once per fork, outside the measured
 * time), each with one number.
 * <ul>
 * <li>{@code baselineHashMap}: the same records put into a {@code HashMap} by key, the least a
 *     store that finds records by key must do;
 * <li>{@code inMemoryStore}: {@link InMemoryRecordStore#upsert}, which also keeps the key order,
 *     the phone index and the due index.
 * </ul>
 * Each measurement is one load of the million (single-shot time, in seconds).
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
@Warmup(iterations = 2)
@Measurement(iterations = 5)
public class UpsertBenchmark {
    static final int BATCH = 10_000;
    static final Instant AT = ClaimBenchmark.START;

    /**
     * @param c the records
     * @return the map
     */
    @Benchmark
    public Map<RecordKey, Record> baselineHashMap(ClaimBenchmark.Campaign c) {
        Map<RecordKey, Record> map = new HashMap<>();
        for (Record r : c.records) {
            map.put(RecordKey.of(r), r);
        }
        return map;
    }

    /**
     * @param c the records
     * @return the store
     */
    @Benchmark
    public RecordStore inMemoryStore(ClaimBenchmark.Campaign c) {
        RecordStore store = InMemoryRecordStore.create();
        List<Record> records = c.records;
        for (int from = 0; from < records.size(); from += BATCH) {
            UpsertResult r = store.upsert(records.subList(from, Math.min(records.size(), from + BATCH)),
                    UpsertMode.KEEP_EXISTING, AT);
            if (r.count(UpsertResult.Outcome.CREATED) != r.outcomes().size()) {
                throw new IllegalStateException("records were not all new: " + r.outcomes().size() + " given, "
                        + r.count(UpsertResult.Outcome.CREATED) + " created");
            }
        }
        return store;
    }
}
