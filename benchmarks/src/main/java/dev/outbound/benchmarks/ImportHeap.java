package dev.outbound.benchmarks;

import com.sun.management.GarbageCollectionNotificationInfo;
import dev.outbound.core.record.CampaignId;
import dev.outbound.core.record.RecordFactory;
import dev.outbound.csv.imports.ImportJob;
import dev.outbound.csv.imports.ImportListener;
import dev.outbound.csv.imports.ImportProgress;
import dev.outbound.csv.imports.ImportResult;
import dev.outbound.csv.imports.LeadImport;
import dev.outbound.spi.memory.InMemoryRecordStore;
import dev.outbound.spi.store.RecordQuery;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * How much heap an import needs beyond what the records it made keep. For each file size it
 * imports the file (with result files, as the command line does) into an in-memory store and:
 * <ul>
 * <li>measures the store's footprint: heap in use after full collections once the import is done,
 *     less the heap in use before, and so the bytes a record keeps;
 * <li>about ten times during the import (from the progress listener, between batches), forces
 *     full collections and takes the live heap less what the rows imported so far keep at that
 *     rate: the import's own live memory at that moment. The largest sample is reported.
 * </ul>
 * If the import streams, its own memory stays flat as the file grows while the store grows with
 * it. (The heap in use after ordinary young collections is also printed; it includes garbage
 * promoted and not yet collected, which grows with the number of collections, so it is not the
 * measure.)
 *
 * <pre>
 * java -Xmx3g -cp benchmarks/target/benchmarks.jar dev.outbound.benchmarks.ImportHeap 100000 1000000
 * </pre>
 */
public final class ImportHeap {
    private ImportHeap() {
    }

    /**
     * @param args the row counts to import, one run each, smallest first
     * @throws IOException if a file cannot be written
     */
    public static void main(String[] args) throws IOException {
        List<Integer> sizes = new ArrayList<>();
        for (String a : args.length == 0 ? new String[] {"100000", "1000000"} : args) {
            sizes.add(Integer.parseInt(a));
        }
        AtomicLong peakAfterGc = new AtomicLong();
        NotificationListener listener = (notification, handback) -> {
            if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                GarbageCollectionNotificationInfo info =
                        GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
                long used = 0;
                for (Map.Entry<String, MemoryUsage> pool : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
                    used += pool.getValue().getUsed();
                }
                peakAfterGc.accumulateAndGet(used, Math::max);
            }
        };
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) gc).addNotificationListener(listener, null, null);
        }
        System.out.printf("%10s %8s %12s %10s %22s %26s%n", "rows", "dedupe", "store (MB)", "bytes/row",
                "import's own peak (MB)", "peak after young GCs (MB)");
        for (int rows : sizes) {
            for (boolean dedupe : new boolean[] {true, false}) {
                run(rows, dedupe, peakAfterGc);
            }
        }
    }

    private static void run(int rows, boolean dedupe, AtomicLong peakAfterGc) throws IOException {
        {
            Path file = LeadListFile.write(Files.createTempFile("outbound-leads-", ".csv"), rows, 7);
            Path results = Files.createTempDirectory("outbound-import-results-");
            try {
                long before = usedAfterFullGc();
                peakAfterGc.set(0);
                List<long[]> samples = new ArrayList<>();
                long step = Math.max(1, rows / 10);
                ImportListener sampler = new ImportListener() {
                    private long next = step;

                    @Override
                    public void progress(ImportJob job, ImportProgress progress) {
                        if (progress.rows() >= next && progress.rows() < rows) {
                            samples.add(new long[] {progress.rows(), usedAfterFullGc() - before});
                            next = progress.rows() + step;
                        }
                    }
                };
                RecordFactory factory = RecordFactory.newBuilder(CampaignId.of("bench")).defaultRegion("US").build();
                InMemoryRecordStore store = InMemoryRecordStore.create();
                ImportResult result = LeadImport.newBuilder(factory, store).resultDirectory(results).listener(sampler).dedupe(dedupe)
                        .build().newJob(file).run();
                if (result.counts().imported() != rows) {
                    throw new IllegalStateException("expected " + rows + " imported rows, got " + result.counts());
                }
                long storeBytes = usedAfterFullGc() - before;
                double perRow = (double) storeBytes / rows;
                long own = 0;
                for (long[] sample : samples) {
                    // Rows read but not yet written are at most one batch; they count as the import's.
                    own = Math.max(own, sample[1] - (long) (perRow * Math.max(0, sample[0] - LeadImport.DEFAULT_BATCH_SIZE)));
                }
                System.out.printf("%,10d %8s %,12.1f %,10.0f %,22.1f %,26.1f%n", rows, dedupe ? "on" : "off",
                        storeBytes / 1e6, perRow, own / 1e6,
                        (peakAfterGc.get() - before) / 1e6);
                if (store.count(RecordQuery.campaign(CampaignId.of("bench"))) != rows) {
                    throw new IllegalStateException("store lost records");
                }
            } finally {
                Files.deleteIfExists(file);
                try (var files = Files.list(results)) {
                    for (Path p : (Iterable<Path>) files::iterator) {
                        Files.delete(p);
                    }
                }
                Files.delete(results);
            }
        }
    }

    private static long usedAfterFullGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }
}
