package dev.outbound.core.dnc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outbound.core.phone.LineType;
import dev.outbound.core.phone.PhoneNumber;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Readers check a list while a writer adds, replaces, removes, bulk-adds and purges entries (which
 * grows and rebuilds the tables). A reader must never see an exception, miss an entry that is
 * there all along, or see an entry whose parts come from different writes.
 */
class DncListConcurrencyTest {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final int STABLE = 2_000;
    private static final int CHURN = 20_000;

    private static PhoneNumber stable(int i) {
        return TestNumbers.nanp201(2_000_000 + i);
    }

    private static PhoneNumber churn(int i) {
        return TestNumbers.nanp201(3_000_000 + i);
    }

    /** +1 202 9dd dddd numbers, covered by churned seven-digit prefixes +1202 9dd. */
    private static PhoneNumber underChurnPrefix(int twoDigits, int fourDigits) {
        String e164 = String.format("+12029%02d%04d", twoDigits, fourDigits);
        return new PhoneNumber(e164, 1, "US", LineType.FIXED_LINE_OR_MOBILE, "");
    }

    /** Version v of an entry: source, reason and expiry all say v, so a mixed entry shows. */
    private static DncEntry versioned(DncEntry entry, int v) {
        return entry.withSource("v" + v).withReason("v" + v).withExpiry(NOW.plusSeconds(1_000 + v));
    }

    private static Optional<String> inconsistency(DncEntry entry, DncEntry.Key expectedKey) {
        if (!entry.key().equals(expectedKey)) {
            return Optional.of("wrong key " + entry.key() + ", expected " + expectedKey);
        }
        String source = entry.source().orElse("none");
        String reason = entry.reason().orElse("none");
        String expiry = entry.expiresAt().map(e -> "v" + (e.getEpochSecond() - NOW.getEpochSecond() - 1_000))
                .orElse("none");
        if (!source.equals(reason) || !source.equals(expiry)) {
            return Optional.of("torn entry " + entry);
        }
        return Optional.empty();
    }

    @Test
    void readersDuringWrites_seeNoExceptionNoMissNoTornEntry() throws InterruptedException {
        DncList.Builder builder = DncList.newBuilder("live");
        for (int i = 0; i < STABLE; i++) {
            builder.add(DncEntry.number(stable(i)).withSource("stable"));
        }
        DncList list = builder.build();
        DncRegistry registry = DncRegistry.newBuilder().global(list).build();
        Queue<String> problems = new ConcurrentLinkedQueue<>();
        AtomicBoolean done = new AtomicBoolean();
        AtomicLong reads = new AtomicLong();

        Runnable reader = () -> {
            SplittableRandom random = new SplittableRandom();
            long n = 0;
            try {
                while (!done.get()) {
                    int i = random.nextInt(STABLE);
                    Optional<DncEntry> s = list.find(stable(i), "", NOW);
                    if (s.isEmpty() || !s.get().source().equals(Optional.of("stable"))
                            || !s.get().key().equals(new DncEntry.NumberKey(stable(i)))) {
                        problems.add("stable number " + stable(i) + " gave " + s);
                    }
                    if (!(registry.check(stable(i), "", NOW) instanceof DncDecision.Listed)) {
                        problems.add("registry cleared stable number " + stable(i));
                    }
                    int c = random.nextInt(CHURN);
                    list.find(churn(c), "", NOW)
                            .flatMap(e -> inconsistency(e, new DncEntry.NumberKey(churn(c))))
                            .ifPresent(problems::add);
                    int p = random.nextInt(100);
                    list.find(underChurnPrefix(p, random.nextInt(10_000)), "", NOW)
                            .flatMap(e -> inconsistency(e, new DncEntry.PrefixKey(String.format("12029%02d", p))))
                            .ifPresent(problems::add);
                    int k = random.nextInt(1_000);
                    list.find(TestNumbers.nanp201(8_000_000), "CUST-" + k, NOW)
                            .flatMap(e -> inconsistency(e, new DncEntry.CustomerKey("CUST-" + k)))
                            .ifPresent(problems::add);
                    n++;
                }
            } catch (Throwable t) {
                problems.add("reader threw " + t);
            }
            reads.addAndGet(n);
        };
        List<Thread> readers = new ArrayList<>();
        for (int t = 0; t < 2; t++) {
            Thread thread = new Thread(reader, "dnc-reader-" + t);
            readers.add(thread);
            thread.start();
        }

        SplittableRandom random = new SplittableRandom(42);
        try {
            for (int round = 0; round < 10; round++) {
                for (int step = 0; step < 2_000; step++) {
                    int v = random.nextInt(1_000);
                    int c = random.nextInt(CHURN);
                    switch (random.nextInt(6)) {
                        case 0, 1 -> list.add(versioned(DncEntry.number(churn(c)), v));
                        case 2 -> list.remove(new DncEntry.NumberKey(churn(c)));
                        case 3 -> list.add(versioned(DncEntry.prefix(String.format("12029%02d", c % 100)), v));
                        case 4 -> list.remove(new DncEntry.PrefixKey(String.format("12029%02d", c % 100)));
                        default -> {
                            if (random.nextBoolean()) {
                                list.add(versioned(DncEntry.customer("CUST-" + c % 1_000), v));
                            } else {
                                list.remove(new DncEntry.CustomerKey("CUST-" + c % 1_000));
                            }
                        }
                    }
                }
                List<DncEntry> batch = new ArrayList<>();
                for (int i = 0; i < 5_000; i++) {
                    batch.add(versioned(DncEntry.number(churn(random.nextInt(CHURN))), round));
                }
                list.addAll(batch);
                // Nothing has expired at NOW, but the purge rebuilds every table under the readers.
                list.removeExpired(NOW);
            }
        } finally {
            done.set(true);
            for (Thread thread : readers) {
                thread.join();
            }
        }

        assertThat(problems).isEmpty();
        assertThat(reads.get()).isPositive();
        assertThat(list.find(stable(0), "", NOW)).isPresent();
    }

    @Test
    void readersOfAFewHotKeys_whileTheyAreReplacedAndRemoved_seeNoTornEntryAndNoMiss() throws InterruptedException {
        // A small table where a few keys change all the time: readers keep landing inside a write.
        int keys = 8;
        DncList.Builder builder = DncList.newBuilder("hot");
        for (int i = 0; i < keys; i++) {
            builder.add(DncEntry.number(stable(i)).withSource("stable"));
        }
        DncList list = builder.build();
        Queue<String> problems = new ConcurrentLinkedQueue<>();
        AtomicBoolean done = new AtomicBoolean();
        AtomicLong reads = new AtomicLong();
        Runnable reader = () -> {
            long n = 0;
            try {
                while (!done.get()) {
                    int i = (int) (n % keys);
                    Optional<DncEntry> s = list.find(stable(i), "", NOW);
                    if (s.isEmpty() || !s.get().source().equals(Optional.of("stable"))) {
                        problems.add("stable number " + stable(i) + " gave " + s);
                    }
                    list.find(churn(i), "", NOW)
                            .flatMap(e -> inconsistency(e, new DncEntry.NumberKey(churn(i))))
                            .ifPresent(problems::add);
                    n++;
                }
            } catch (Throwable t) {
                problems.add("reader threw " + t);
            }
            reads.addAndGet(n);
        };
        List<Thread> readers = new ArrayList<>();
        for (int t = 0; t < 2; t++) {
            Thread thread = new Thread(reader, "dnc-hot-reader-" + t);
            readers.add(thread);
            thread.start();
        }
        try {
            for (int v = 0; v < 200_000; v++) {
                int i = v % keys;
                if (v % 3 == 2) {
                    list.remove(new DncEntry.NumberKey(churn(i)));
                } else {
                    list.add(versioned(DncEntry.number(churn(i)), v % 1_000));
                }
            }
        } finally {
            done.set(true);
            for (Thread thread : readers) {
                thread.join();
            }
        }

        assertThat(problems).isEmpty();
        assertThat(reads.get()).isPositive();
    }
}
