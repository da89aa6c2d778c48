package dev.outbound.benchmarks;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import de.siegmar.fastcsv.reader.CsvReader;
import dev.outbound.core.record.CampaignId;
import dev.outbound.core.record.RecordFactory;
import dev.outbound.csv.imports.ImportResult;
import dev.outbound.csv.imports.LeadImport;
import dev.outbound.spi.memory.InMemoryRecordStore;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Importing a lead list with two numbers a row ({@link LeadListFile}: 100,000 or 1,000,000 rows,
 * about 10 or 100 MB).
 * <ul>
 * <li>{@code baselineFloor}: FastCSV reads the file and libphonenumber parses both numbers of every
 *     row, nothing else, one thread: the least any import of this file must do.
 * <li>{@code importInMemory}: {@link LeadImport} into an empty {@link InMemoryRecordStore}: encoding and
 *     separator detection, automatic mapping, records made and checked (numbers, zones, fields),
 *     duplicates, batched upserts; no result files.
 * <li>{@code importInMemoryTwoThreads}: the same with {@code threads(2)}: rows mapped on two worker
 *     threads, everything order-dependent on the run's thread.
 * <li>{@code importWithResultFiles}: the same, writing the success, error and duplicate files, the
 *     copy of the original and the summary, as the command line does.
 * </ul>
 * Each measurement reads the whole file once (single-shot time, seconds).
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
@Warmup(iterations = 2)
@Measurement(iterations = 5)
public class ImportBenchmark {

    /** The file, written once per fork into a temporary directory. */
    @State(Scope.Benchmark)
    public static class LeadList {
        /** Data rows in the file. */
        @Param({"100000", "1000000"})
        public int rows;

        /**
         * How the numbers are written: {@code NORTH_AMERICAN} (the default) and
         * {@code INTERNATIONAL} are plain forms the import reads without libphonenumber's parser;
         * {@code NATIONAL_PREFIX} ({@code +44 (0)20 ...}) goes through it.
         */
        @Param({"NORTH_AMERICAN"})
        public String numbers;

        Path file;
        Path results;

        /** @throws IOException if the file cannot be written */
        @Setup(Level.Trial)
        public void write() throws IOException {
            file = LeadListFile.write(Files.createTempFile("outbound-leads-", ".csv"), rows, 7,
                    LeadListFile.Numbers.valueOf(numbers));
            results = Files.createTempDirectory("outbound-import-results-");
        }

        /** @throws IOException if the files cannot be deleted */
        @TearDown(Level.Trial)
        public void delete() throws IOException {
            Files.deleteIfExists(file);
            try (var files = Files.list(results)) {
                for (Path p : (Iterable<Path>) files::iterator) {
                    Files.delete(p);
                }
            }
            Files.delete(results);
        }
    }

    private static ImportResult importFile(LeadList list, Optional<Path> results) {
        return importFile(list, results, 1);
    }

    private static ImportResult importFile(LeadList list, Optional<Path> results, int threads) {
        RecordFactory factory = RecordFactory.newBuilder(CampaignId.of("bench")).defaultRegion("US").build();
        LeadImport.Builder b = LeadImport.newBuilder(factory, InMemoryRecordStore.create()).threads(threads);
        results.ifPresent(b::resultDirectory);
        ImportResult r = b.build().newJob(list.file).run();
        if (r.counts().imported() != list.rows) {
            throw new IllegalStateException("expected " + list.rows + " records imported: " + r.counts()
                    + r.failure().map(f -> ", " + f).orElse(""));
        }
        return r;
    }

    /**
     * @param list the file
     * @return the import's result
     */
    @Benchmark
    public ImportResult importInMemory(LeadList list) {
        return importFile(list, Optional.empty());
    }

    /**
     * @param list the file
     * @return the import's result
     */
    @Benchmark
    public ImportResult importInMemoryTwoThreads(LeadList list) {
        return importFile(list, Optional.empty(), 2);
    }

    /**
     * @param list the file
     * @return the import's result
     * @throws IOException if the result directory cannot be made
     */
    @Benchmark
    public ImportResult importWithResultFiles(LeadList list) throws IOException {
        return importFile(list, Optional.of(list.results));
    }

    /**
     * @param list the file
     * @return how many numbers parsed
     */
    @Benchmark
    public long baselineFloor(LeadList list) {
        PhoneNumberUtil util = PhoneNumberUtil.getInstance();
        long parsed = 0;
        try (CsvReader<CsvRecord> reader = CsvReader.builder().ofCsvRecord(list.file)) {
            boolean header = true;
            for (CsvRecord r : reader) {
                if (header) {
                    header = false;
                    continue;
                }
                for (int column = 3; column <= 4; column++) {
                    try {
                        Phonenumber.PhoneNumber n = util.parse(r.getField(column), "US");
                        parsed += n.getNationalNumber() > 0 ? 1 : 0;
                    } catch (NumberParseException e) {
                        // counted as not parsed: the floor does no more than try
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (parsed != 2L * list.rows) {
            throw new IllegalStateException("expected " + 2L * list.rows + " numbers, parsed " + parsed);
        }
        return parsed;
    }
}
