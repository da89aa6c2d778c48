package dev.outbound.pacing.engine;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Runs tasks one at a time, in the order they were submitted, on whichever thread submits while
 * no other is running them: the engine's state needs no lock, a task may submit more (they run
 * after it), and a call made from inside a task (a telephony that reports an event at once) never
 * re-enters. Under a single-threaded virtual clock everything runs inline, so runs are
 * reproducible.
 */
final class Mailbox {
    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean running = new AtomicBoolean();
    private final Consumer<RuntimeException> onError;
    private long ran;

    Mailbox(Consumer<RuntimeException> onError) {
        this.onError = onError;
    }

    void submit(Runnable task) {
        tasks.add(task);
        while (!tasks.isEmpty() && running.compareAndSet(false, true)) {
            try {
                Runnable next;
                while ((next = tasks.poll()) != null) {
                    ran++;
                    try {
                        next.run();
                    } catch (RuntimeException e) {
                        onError.accept(e);
                    }
                }
            } finally {
                running.set(false);
            }
        }
    }

    /** @return tasks run so far; read it from a task for an exact figure */
    long ran() {
        return ran;
    }
}
