package dev.outbound.benchmarks;

import dev.outbound.core.dnc.DncDecision;
import dev.outbound.core.dnc.DncEntry;
import dev.outbound.core.dnc.DncList;
import dev.outbound.core.dnc.DncRegistry;
import dev.outbound.core.phone.LineType;
import dev.outbound.core.phone.PhoneNumber;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Do-Not-Call look-ups against a list of ten million numbers: the baseline is a
 * {@code HashSet<String>} of the same numbers in E.164 form; the measured methods ask the
 * {@link DncList} and a {@link DncRegistry} holding it. Half the queried numbers are listed.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx8g"})
public class DncBenchmark {

    private static final int QUERIES = 4096;
    private static final int PER_AREA_CODE = 8_000_000;
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    /** How many numbers the list holds. */
    @Param({"10000000"})
    public int entries;

    private Set<String> hashSet;
    private DncList list;
    private DncRegistry registry;
    private PhoneNumber[] queries;
    private String[] queryStrings;

    /** The j-th number of a run of North American numbers: area code 201 and up, NXX-XXXX lines. */
    private static String e164(int j) {
        return "+1" + (201 + j / PER_AREA_CODE) + (2_000_000 + j % PER_AREA_CODE);
    }

    private static PhoneNumber number(String e164) {
        return new PhoneNumber(e164, 1, "US", LineType.FIXED_LINE_OR_MOBILE, "");
    }

    /** Lists every other number of the run, so that random queries hit half the time. */
    @Setup(Level.Trial)
    public void setUp() {
        hashSet = new HashSet<>(entries * 4 / 3 + 1);
        DncList.Builder builder = DncList.newBuilder("national registry").expectedNumbers(entries);
        for (int i = 0; i < entries; i++) {
            String e164 = e164(2 * i);
            hashSet.add(e164);
            builder.add(DncEntry.number(number(e164)).withSource("national registry"));
        }
        list = builder.build();
        registry = DncRegistry.newBuilder().global(list).build();
        SplittableRandom random = new SplittableRandom(7);
        queries = new PhoneNumber[QUERIES];
        queryStrings = new String[QUERIES];
        for (int i = 0; i < QUERIES; i++) {
            queryStrings[i] = e164(random.nextInt(2 * entries));
            queries[i] = number(queryStrings[i]);
        }
    }

    /** The baseline: {@code HashSet.contains} on the E.164 strings. */
    @Benchmark
    @OperationsPerInvocation(QUERIES)
    public int baselineHashSetContains() {
        int hits = 0;
        for (String q : queryStrings) {
            if (hashSet.contains(q)) {
                hits++;
            }
        }
        return hits;
    }

    /** The same look-ups through {@link DncList#find}. */
    @Benchmark
    @OperationsPerInvocation(QUERIES)
    public int dncListFind() {
        int hits = 0;
        for (PhoneNumber q : queries) {
            if (list.find(q, "", NOW).isPresent()) {
                hits++;
            }
        }
        return hits;
    }

    /** The same look-ups as a whole registry decision. */
    @Benchmark
    @OperationsPerInvocation(QUERIES)
    public int dncRegistryCheck() {
        int hits = 0;
        for (PhoneNumber q : queries) {
            DncDecision decision = registry.check(q, "", NOW);
            if (!decision.mayDial()) {
                hits++;
            }
        }
        return hits;
    }
}
