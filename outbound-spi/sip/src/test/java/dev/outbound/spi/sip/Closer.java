package dev.outbound.spi.sip;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Closes telephonies off the test thread: JAIN-SIP's stop() sleeps a second, which over some
 * forty tests would double the module's test time. Tests that check closing close synchronously.
 */
final class Closer {
    private static final List<CompletableFuture<Void>> PENDING = new ArrayList<>();

    private Closer() {
    }

    static synchronized void later(AutoCloseable c) {
        PENDING.add(CompletableFuture.runAsync(() -> {
            try {
                c.close();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }));
    }

    /** Waits for every close begun so far; a failed close fails the caller. */
    static void awaitAll() {
        List<CompletableFuture<Void>> all;
        synchronized (Closer.class) {
            all = new ArrayList<>(PENDING);
            PENDING.clear();
        }
        CompletableFuture.allOf(all.toArray(new CompletableFuture<?>[0])).join();
    }
}
