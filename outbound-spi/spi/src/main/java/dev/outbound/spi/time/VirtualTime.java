package dev.outbound.spi.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

/**
 * A {@link Scheduler} on a clock that only moves when told to: the simulator and the tests run
 * hours of dialling in milliseconds, and the same run twice gives the same instants.
 *
 * <p>Tasks run in the order of their instants, and in the order they were scheduled for equal
 * instants. Before a task runs, {@link #now()} is set to its instant; a task scheduled for an
 * instant already past is due at the current instant, so time never goes back. Tasks may
 * schedule further tasks; those due within an advance run in that same advance.
 *
 * <p>Scheduling, cancelling and reading the clock are safe from any thread. Tasks run only on
 * the thread that advances time ({@link #advanceTo}, {@link #advanceBy}, {@link #advanceUntil},
 * {@link #runNext}), one at a time; advancing from two threads at once is serialised, and
 * advancing from inside a task is refused. A task that throws ends the advance with its
 * exception, time standing at the task's instant and later tasks still waiting.
 */
public final class VirtualTime implements Scheduler {
    /** Rebuild the queue once this many cancelled tasks are in it and they are most of it. */
    private static final int PURGE_THRESHOLD = 64;

    private final ReentrantLock queueLock = new ReentrantLock();
    // Held by the thread running tasks; its reentrancy tells a task advancing time from inside.
    private final ReentrantLock runLock = new ReentrantLock();
    // A binary min-heap of tasks ordered by (instant, sequence), compared on primitives: the
    // order is total, so tasks come out in exactly the order a general priority queue gives.
    // The keys are kept beside the tasks, in arrays of primitives, so that sifting reads no task.
    private Task[] heap = new Task[64];
    private long[] heapSeconds = new long[64];
    private int[] heapNanos = new int[64];
    private long[] heapSequences = new long[64];
    private int size;
    private final Clock clock;
    private volatile Instant now;
    private long sequence;
    private int waiting;
    private int cancelledInQueue;

    private VirtualTime(Instant start) {
        this.now = start;
        this.clock = new VirtualClock(this, ZoneOffset.UTC);
    }

    /**
     * @param start the instant virtual time starts at
     * @return a virtual time standing at {@code start}, with no task
     */
    public static VirtualTime startingAt(Instant start) {
        return new VirtualTime(Objects.requireNonNull(start, "start"));
    }

    /**
     * @return a clock in UTC whose {@link Clock#instant()} is the virtual {@link #now()}; safe to
     *     read from any thread
     */
    @Override
    public Clock clock() {
        return clock;
    }

    /** @return the current virtual instant */
    public Instant now() {
        return now;
    }

    @Override
    public Scheduled schedule(Instant at, Runnable task) {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(task, "task");
        queueLock.lock();
        try {
            Instant current = now;
            Task t = new Task(at.isBefore(current) ? current : at, sequence++, task);
            push(t);
            waiting++;
            return t;
        } finally {
            queueLock.unlock();
        }
    }

    /**
     * Runs every task due up to {@code target}, in order, then sets the clock to {@code target}.
     *
     * @param target the instant to move to; not before {@link #now()}
     * @return how many tasks ran
     * @throws IllegalArgumentException if {@code target} is before now
     * @throws IllegalStateException if called from inside a task
     */
    public int advanceTo(Instant target) {
        Objects.requireNonNull(target, "target");
        enterRunning();
        try {
            checkNotBefore("target", target);
            int ran = 0;
            Task next;
            while ((next = takeDue(target)) != null) {
                next.runnable.run();
                ran++;
            }
            setNowAtLeast(target);
            return ran;
        } finally {
            runLock.unlock();
        }
    }

    /**
     * Moves the clock forward by {@code amount}, running the tasks due on the way.
     *
     * @param amount how far to move; zero runs only the tasks already due
     * @return how many tasks ran
     * @throws IllegalArgumentException if {@code amount} is negative
     * @throws IllegalStateException if called from inside a task
     */
    public int advanceBy(Duration amount) {
        Objects.requireNonNull(amount, "amount");
        if (amount.isNegative()) {
            throw new IllegalArgumentException("advanceBy amount must not be negative, found " + amount);
        }
        return advanceTo(now.plus(amount));
    }

    /**
     * Runs tasks one at a time, in order, until {@code condition} holds or the next task is after
     * {@code limit}; in the second case the clock then moves to {@code limit}. When the condition
     * holds the clock stays at the instant of the task that made it true, so a test sees the
     * state exactly as that task left it.
     *
     * @param condition checked before the first task and after each task
     * @param limit the instant not to go beyond; not before {@link #now()}
     * @return whether the condition holds
     * @throws IllegalArgumentException if {@code limit} is before now
     * @throws IllegalStateException if called from inside a task
     */
    public boolean advanceUntil(BooleanSupplier condition, Instant limit) {
        Objects.requireNonNull(condition, "condition");
        Objects.requireNonNull(limit, "limit");
        enterRunning();
        try {
            checkNotBefore("limit", limit);
            while (!condition.getAsBoolean()) {
                Task next = takeDue(limit);
                if (next == null) {
                    setNowAtLeast(limit);
                    return condition.getAsBoolean();
                }
                next.runnable.run();
            }
            return true;
        } finally {
            runLock.unlock();
        }
    }

    /**
     * Runs the next task whatever its instant, moving the clock to that instant if it is later
     * than now.
     *
     * @return whether there was a task to run
     * @throws IllegalStateException if called from inside a task
     */
    public boolean runNext() {
        enterRunning();
        try {
            Task next = takeDue(Instant.MAX);
            if (next == null) {
                return false;
            }
            next.runnable.run();
            return true;
        } finally {
            runLock.unlock();
        }
    }

    /** @return how many tasks are waiting to run (scheduled, neither run nor cancelled) */
    public int pending() {
        queueLock.lock();
        try {
            return waiting;
        } finally {
            queueLock.unlock();
        }
    }

    @Override
    public String toString() {
        return "VirtualTime[now=" + now + ", pending=" + pending() + "]";
    }

    private void enterRunning() {
        if (runLock.isHeldByCurrentThread()) {
            throw new IllegalStateException("virtual time cannot be advanced from inside one of its tasks");
        }
        runLock.lock();
    }

    private void checkNotBefore(String name, Instant instant) {
        Instant current = now;
        if (instant.isBefore(current)) {
            throw new IllegalArgumentException(
                    "virtual time never goes back: " + name + " " + instant + " is before now " + current);
        }
    }

    /** Removes the first live task due at or before {@code limit} and moves now to it; null if none. */
    private Task takeDue(Instant limit) {
        queueLock.lock();
        try {
            Task head;
            while ((head = size > 0 ? heap[0] : null) != null && head.cancelled) {
                pop();
                cancelledInQueue--;
            }
            if (head == null || head.at.isAfter(limit)) {
                return null;
            }
            pop();
            head.taken = true;
            waiting--;
            // Set here, under the lock already held, before the task runs: one lock for both.
            if (head.at.isAfter(now)) {
                now = head.at;
            }
            return head;
        } finally {
            queueLock.unlock();
        }
    }

    private void setNowAtLeast(Instant instant) {
        // Only the running thread writes now, but schedule() reads it under the queue lock: writing
        // under the same lock means a task scheduled concurrently is never put before now.
        queueLock.lock();
        try {
            if (instant.isAfter(now)) {
                now = instant;
            }
        } finally {
            queueLock.unlock();
        }
    }

    private boolean cancel(Task task) {
        queueLock.lock();
        try {
            if (task.taken || task.cancelled) {
                return false;
            }
            task.cancelled = true;
            waiting--;
            cancelledInQueue++;
            if (cancelledInQueue > PURGE_THRESHOLD && cancelledInQueue > size / 2) {
                // Cancelled tasks are dropped lazily when they reach the head; when they pile up
                // (timers cancelled long before they are due) the queue is rebuilt without them.
                purgeCancelled();
                cancelledInQueue = 0;
            }
            return true;
        } finally {
            queueLock.unlock();
        }
    }

    /** Adds a task to the heap; the queue lock is held. */
    private void push(Task t) {
        if (size == heap.length) {
            int capacity = size * 2;
            heap = Arrays.copyOf(heap, capacity);
            heapSeconds = Arrays.copyOf(heapSeconds, capacity);
            heapNanos = Arrays.copyOf(heapNanos, capacity);
            heapSequences = Arrays.copyOf(heapSequences, capacity);
        }
        long sec = t.seconds;
        int nano = t.nanos;
        long seq = t.sequence;
        int i = size++;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (!before(sec, nano, seq, parent)) {
                break;
            }
            move(parent, i);
            i = parent;
        }
        put(i, t);
    }

    /** Removes the heap's first task; the heap is not empty and the queue lock is held. */
    private void pop() {
        int last = --size;
        Task moved = heap[last];
        heap[last] = null;
        if (last > 0) {
            siftDown(0, moved, last);
        }
    }

    /** Puts {@code t} at {@code i} or below, keeping the order of the first {@code n} slots. */
    private void siftDown(int i, Task t, int n) {
        long sec = t.seconds;
        int nano = t.nanos;
        long seq = t.sequence;
        int half = n >>> 1;
        while (i < half) {
            int child = 2 * i + 1;
            int right = child + 1;
            if (right < n && before(heapSeconds[right], heapNanos[right], heapSequences[right], child)) {
                child = right;
            }
            if (!before(heapSeconds[child], heapNanos[child], heapSequences[child], sec, nano, seq)) {
                break;
            }
            move(child, i);
            i = child;
        }
        put(i, t);
    }

    /** Whether a task at (sec, nano) scheduled as {@code seq} runs before the one in slot {@code j}. */
    private boolean before(long sec, int nano, long seq, int j) {
        return before(sec, nano, seq, heapSeconds[j], heapNanos[j], heapSequences[j]);
    }

    /** Earlier instant first; for equal instants, the one scheduled first. */
    private static boolean before(long sec, int nano, long seq, long otherSec, int otherNano, long otherSeq) {
        if (sec != otherSec) {
            return sec < otherSec;
        }
        if (nano != otherNano) {
            return nano < otherNano;
        }
        return seq < otherSeq;
    }

    private void move(int from, int to) {
        heap[to] = heap[from];
        heapSeconds[to] = heapSeconds[from];
        heapNanos[to] = heapNanos[from];
        heapSequences[to] = heapSequences[from];
    }

    private void put(int i, Task t) {
        heap[i] = t;
        heapSeconds[i] = t.seconds;
        heapNanos[i] = t.nanos;
        heapSequences[i] = t.sequence;
    }

    /** Drops the cancelled tasks and restores the heap order; the queue lock is held. */
    private void purgeCancelled() {
        int n = 0;
        for (int i = 0; i < size; i++) {
            if (!heap[i].cancelled) {
                move(i, n++);
            }
        }
        Arrays.fill(heap, n, size, null);
        size = n;
        for (int i = (n >>> 1) - 1; i >= 0; i--) {
            siftDown(i, heap[i], n);
        }
    }

    /** A scheduled task; its flags are guarded by the queue lock. */
    private final class Task implements Scheduled {
        final Instant at;
        final long seconds;
        final int nanos;
        final long sequence;
        final Runnable runnable;
        boolean taken;
        boolean cancelled;

        Task(Instant at, long sequence, Runnable runnable) {
            this.at = at;
            this.seconds = at.getEpochSecond();
            this.nanos = at.getNano();
            this.sequence = sequence;
            this.runnable = runnable;
        }

        @Override
        public boolean cancel() {
            return VirtualTime.this.cancel(this);
        }

        @Override
        public String toString() {
            return "task #" + sequence + " at " + at;
        }
    }

    /** The clock view of a virtual time, in a given zone. */
    private static final class VirtualClock extends Clock {
        private final VirtualTime time;
        private final ZoneId zone;

        VirtualClock(VirtualTime time, ZoneId zone) {
            this.time = time;
            this.zone = zone;
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId other) {
            return other.equals(zone) ? this : new VirtualClock(time, other);
        }

        @Override
        public Instant instant() {
            return time.now;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof VirtualClock && ((VirtualClock) o).time == time && ((VirtualClock) o).zone.equals(zone);
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(time) * 31 + zone.hashCode();
        }

        @Override
        public String toString() {
            return "VirtualClock[" + time.now + ", " + zone + "]";
        }
    }
}
