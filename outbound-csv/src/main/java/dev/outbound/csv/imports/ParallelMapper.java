package dev.outbound.csv.imports;

import dev.outbound.csv.mapping.RowOutcome;
import dev.outbound.csv.read.SourceRow;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * One run's mapping workers: maps a chunk of rows on its own daemon threads, each thread a
 * contiguous slice, and gives each row's outcome at the row's index. Used by the run's thread
 * only; {@link #close()} stops the threads and waits for them to end.
 */
final class ParallelMapper implements AutoCloseable {
    /** How long {@link #close()} waits for idle workers to end; they end at once in practice. */
    private static final long JOIN_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final Function<SourceRow, RowOutcome> map;
    private final int threads;
    private final ExecutorService executor;
    /** Every worker made; the pool makes them on the submitting thread, but a lock costs nothing here. */
    private final List<Thread> started = Collections.synchronizedList(new ArrayList<>());

    /**
     * @param map the thread-safe row function
     * @param threads how many workers, 2 or more
     * @param name the job's id, in the workers' names {@code outbound-import-<name>-<i>}
     */
    ParallelMapper(Function<SourceRow, RowOutcome> map, int threads, String name) {
        this.map = Objects.requireNonNull(map, "map");
        this.threads = threads;
        AtomicInteger next = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(threads, task -> {
            Thread t = new Thread(task, "outbound-import-" + name + "-" + next.incrementAndGet());
            t.setDaemon(true);
            started.add(t);
            return t;
        });
    }

    /**
     * Maps every row, waiting for all slices even when one fails, so that no worker still maps
     * when this returns or throws.
     *
     * @param rows the chunk, in file order
     * @return the outcomes, at the rows' indexes
     * @throws RuntimeException (or Error) the exception the mapper threw for the first failing
     *     row, itself, as mapping on one thread would have thrown it
     */
    List<RowOutcome> map(List<SourceRow> rows) {
        RowOutcome[] outcomes = new RowOutcome[rows.size()];
        int slices = Math.min(threads, rows.size());
        List<Future<?>> futures = new ArrayList<>(slices);
        for (int s = 0; s < slices; s++) {
            int from = (int) ((long) rows.size() * s / slices);
            int to = (int) ((long) rows.size() * (s + 1) / slices);
            // A slice stops at its first failure: on one thread, no row after it would be mapped.
            futures.add(executor.submit(() -> {
                for (int i = from; i < to; i++) {
                    outcomes[i] = map.apply(rows.get(i));
                }
            }));
        }
        // Slices are in row order, so the first failing slice holds the first failing row.
        Throwable first = null;
        for (Future<?> f : futures) {
            Throwable t = await(f);
            if (first == null) {
                first = t;
            }
        }
        if (first != null) {
            throw ParallelMapper.<RuntimeException>sneaky(first);
        }
        // Future.get happened after each slice's writes, so the array is seen whole.
        return Arrays.asList(outcomes);
    }

    /**
     * Waits for a slice, not giving up on an interrupt (one thread would not have noticed it
     * either); the interrupt is kept for the caller.
     *
     * @return what the slice threw, or null
     */
    private static Throwable await(Future<?> f) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    f.get();
                    return null;
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    return e.getCause();
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Rethrows any throwable unwrapped: the mapper is a {@link Function}, so only a sneaky throw
     * gives a checked exception, and one thread would have passed it on as it is.
     */
    @SuppressWarnings("unchecked")
    private static <T extends Throwable> T sneaky(Throwable t) throws T {
        throw (T) t;
    }

    /** Stops the workers and waits, a bounded time, until every one has ended. */
    @Override
    public void close() {
        executor.shutdownNow();
        long deadline = System.nanoTime() + JOIN_NANOS;
        boolean interrupted = false;
        List<Thread> workers;
        synchronized (started) {
            workers = new ArrayList<>(started);
        }
        for (Thread t : workers) {
            while (t.isAlive()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                try {
                    t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
