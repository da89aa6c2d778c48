package dev.outbound.core.dnc;

import dev.outbound.core.InvalidValueException;
import dev.outbound.core.OutboundException;
import dev.outbound.core.phone.PhoneNumber;
import java.time.Instant;
import java.util.Collection;
import java.util.Iterator;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.StampedLock;

/**
 * A named Do-Not-Call list of numbers, number prefixes and customer references, used either as a
 * block list ({@link Mode#BLOCK}: listed numbers must not be dialled) or as an allow list
 * ({@link Mode#ALLOW}: only listed numbers may be dialled).
 *
 * <p><b>Cost.</b> A look-up probes a primitive open-addressing table keyed by
 * {@link PhoneNumber#digits()} for the exact number, one table probe for each prefix length that
 * has entries and is no longer than the number (longest first), and one probe by customer
 * reference: O(1) per table, O(digits) at most. A miss allocates nothing.
 *
 * <p><b>Memory.</b> Numbers and prefixes take 21 bytes per table slot (8 key, 8 expiry as epoch
 * second, 4 metadata id, and one byte of a membership filter that answers most misses from the
 * cache); tables stay at most 75% full and double when they would be fuller, so an entry costs 28
 * to 56 bytes (10 million numbers loaded presized: 2<sup>24</sup> slots, about 352 MB, 35 bytes
 * each). Customer references take the same plus the reference string itself.
 * Sources and reasons are interned once per distinct (source, reason) pair and shared by id.
 *
 * <p><b>Concurrency.</b> A list may be changed while other threads check it. Writers take the
 * write lock of a {@link StampedLock}; readers use its optimistic read: they read the tables
 * without any lock and without writing shared memory, then validate the stamp, and only when a
 * write overlapped do they retry under the read lock. A {@code ReentrantReadWriteLock} would make
 * every check write to the lock's shared counter, which makes cores contend on one cache line;
 * checks vastly outnumber changes here, so optimistic reads keep them cheap. Tables never change
 * size in place (growing makes a new table), so an overlapping read sees wrong values at worst,
 * never an index out of range, and the validation throws those values away. Bulk additions take
 * the write lock in chunks, so checks are never blocked for long.
 */
public final class DncList {

    /** How a list acts on the numbers it contains. */
    public enum Mode {
        /** Listed numbers must not be dialled. */
        BLOCK,
        /** Only listed numbers may be dialled (a white list). */
        ALLOW
    }

    /** How many entries a bulk addition adds per write lock, so that readers get a turn. */
    private static final int CHUNK = 4096;

    private final String name;
    private final Mode mode;
    private final StampedLock lock = new StampedLock();
    private final DncStore store;

    private DncList(String name, Mode mode, DncStore store) {
        this.name = name;
        this.mode = mode;
        this.store = store;
    }

    /**
     * Starts a list.
     *
     * @param name the list's name, non-blank ({@code "national registry"}, {@code "campaign 42"})
     * @return a builder for a {@link Mode#BLOCK} list with no entries
     */
    public static Builder newBuilder(String name) {
        return new Builder(name);
    }

    /** @return the list's name */
    public String name() {
        return name;
    }

    /** @return whether the list blocks its entries or allows only them */
    public Mode mode() {
        return mode;
    }

    /** @return how many entries the list holds, expired ones included until removed */
    public int size() {
        long stamp = lock.tryOptimisticRead();
        int size = store.size();
        if (stamp != 0L && lock.validate(stamp)) {
            return size;
        }
        stamp = lock.readLock();
        try {
            return store.size();
        } finally {
            lock.unlockRead(stamp);
        }
    }

    /**
     * Adds an entry, or replaces the entry with the same key.
     *
     * @param entry the entry
     */
    public void add(DncEntry entry) {
        Objects.requireNonNull(entry, "entry");
        long stamp = lock.writeLock();
        try {
            store.put(entry);
        } finally {
            lock.unlockWrite(stamp);
        }
    }

    /**
     * Adds many entries (replacing those with equal keys): the tables grow once for all of them,
     * and the write lock is taken in chunks so that concurrent checks go on meanwhile.
     *
     * @param entries the entries
     */
    public void addAll(Collection<DncEntry> entries) {
        Objects.requireNonNull(entries, "entries");
        int[] counts = countKinds(entries);
        long stamp = lock.writeLock();
        try {
            store.reserve(counts[DncStore.NUMBER], counts[DncStore.PREFIX], counts[DncStore.CUSTOMER]);
        } finally {
            lock.unlockWrite(stamp);
        }
        Iterator<DncEntry> it = entries.iterator();
        while (it.hasNext()) {
            stamp = lock.writeLock();
            try {
                for (int i = 0; i < CHUNK && it.hasNext(); i++) {
                    store.put(it.next());
                }
            } finally {
                lock.unlockWrite(stamp);
            }
        }
    }

    /**
     * Removes the entry with the given key.
     *
     * @param key the key of the entry
     * @return {@code true} when there was such an entry
     */
    public boolean remove(DncEntry.Key key) {
        Objects.requireNonNull(key, "key");
        long stamp = lock.writeLock();
        try {
            return store.remove(key);
        } finally {
            lock.unlockWrite(stamp);
        }
    }

    /**
     * Replaces every entry of the list with the entries of a builder, at once: a concurrent check
     * sees either the old entries or the new ones, never a mix or an empty list in between. This
     * is how a list is reloaded (a registry's nightly file, say) while calls are being checked:
     * fill a builder off to the side, then swap it in. The list keeps its name and mode (the
     * builder's play no part) and its place in every {@link DncRegistry} that holds it.
     *
     * <p>The list takes over the builder's tables, as {@link Builder#build()} would: the builder is
     * used up. Only the swap itself takes the write lock; the old tables become garbage.
     *
     * @param replacement the builder holding the new entries; used up by this call
     * @return how many entries the list held just before the swap
     * @throws OutboundException when the builder already built a list or replaced one's entries
     */
    public int replaceContents(Builder replacement) {
        Objects.requireNonNull(replacement, "replacement");
        DncStore fresh = replacement.take();
        long stamp = lock.writeLock();
        try {
            int before = store.size();
            store.takeOver(fresh);
            return before;
        } finally {
            lock.unlockWrite(stamp);
        }
    }

    /**
     * The entry stored under exactly this key, whether or not it has expired: unlike
     * {@link #find}, a prefix entry never answers for a number key, nor a number entry for a
     * prefix key. Importers use it to tell a new entry from one already listed.
     *
     * @param key the key
     * @return the entry with its source, reason and expiry, or empty when the list has none under
     *     that key
     */
    public Optional<DncEntry> entry(DncEntry.Key key) {
        Objects.requireNonNull(key, "key");
        // Under the read lock, not optimistically: this builds an entry, and values read during a
        // write could make it throw before the stamp was validated.
        long stamp = lock.readLock();
        try {
            return store.get(key);
        } finally {
            lock.unlockRead(stamp);
        }
    }

    /**
     * Removes every entry that no longer applies at an instant, to reclaim its memory (expired
     * entries never match, removed or not).
     *
     * @param at the instant; entries expiring at or before it go
     * @return how many entries were removed
     */
    public int removeExpired(Instant at) {
        Objects.requireNonNull(at, "at");
        long stamp = lock.writeLock();
        try {
            return store.removeExpired(at.getEpochSecond());
        } finally {
            lock.unlockWrite(stamp);
        }
    }

    /**
     * Finds the entry that matches a number or customer and applies at an instant. When several
     * do, the exact number comes first, then the longest prefix, then the customer reference.
     * The mode plays no part here: see {@link DncRegistry} for what a match means.
     *
     * @param number the number to check
     * @param customerRefOrEmpty the customer's reference, or {@code ""} when there is none
     * @param at the instant of the check; entries expiring at or before it do not match
     * @return the matching entry, or empty
     */
    public Optional<DncEntry> find(PhoneNumber number, String customerRefOrEmpty, Instant at) {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(customerRefOrEmpty, "customerRefOrEmpty");
        Objects.requireNonNull(at, "at");
        DncStore.Hit hit = lookup(number.digits(), number.e164().length() - 1, customerRefOrEmpty,
                at.getEpochSecond());
        return hit == DncStore.Hit.MISS ? Optional.empty() : Optional.of(hit.toEntry(number));
    }

    /** The hot path: no allocation on a miss, no shared write unless a writer overlaps. */
    DncStore.Hit lookup(long digits, int length, String customerRef, long atSecond) {
        long stamp = lock.tryOptimisticRead();
        if (stamp != 0L) {
            DncStore.Hit hit = store.lookup(digits, length, customerRef, atSecond);
            if (lock.validate(stamp)) {
                return hit;
            }
        }
        stamp = lock.readLock();
        try {
            return store.lookup(digits, length, customerRef, atSecond);
        } finally {
            lock.unlockRead(stamp);
        }
    }

    /** @return the bytes the list's tables take, for memory tests and sizing */
    long tableBytes() {
        long stamp = lock.readLock();
        try {
            return store.tableBytes();
        } finally {
            lock.unlockRead(stamp);
        }
    }

    private static int[] countKinds(Collection<DncEntry> entries) {
        int[] counts = new int[3];
        for (DncEntry entry : entries) {
            Objects.requireNonNull(entry, "entry");
            DncEntry.Key key = entry.key();
            if (key instanceof DncEntry.NumberKey) {
                counts[DncStore.NUMBER]++;
            } else if (key instanceof DncEntry.PrefixKey) {
                counts[DncStore.PREFIX]++;
            } else {
                counts[DncStore.CUSTOMER]++;
            }
        }
        return counts;
    }

    /** @return the name, mode and size, for logs */
    @Override
    public String toString() {
        return "DncList[" + name + ", " + mode + ", " + size() + " entries]";
    }

    /**
     * Builds a list. Give {@link #expectedNumbers} (and the like) before adding millions of
     * entries so that the tables are sized once; given later, they make room for that many more.
     */
    public static final class Builder {
        private final String name;
        private Mode mode = Mode.BLOCK;
        private int expectedNumbers;
        private int expectedPrefixes;
        private int expectedCustomers;
        private DncStore store;
        private boolean built;

        private Builder(String name) {
            Objects.requireNonNull(name, "name");
            if (name.isBlank()) {
                throw new InvalidValueException("name", "non-blank text", "'" + name + "'");
            }
            this.name = name;
        }

        /**
         * @param listMode block the entries (the default) or allow only them
         * @return this builder
         */
        public Builder mode(Mode listMode) {
            this.mode = Objects.requireNonNull(listMode, "mode");
            return this;
        }

        /**
         * Sizes the number table for a bulk load.
         *
         * @param count how many number entries are coming, 0 or more
         * @return this builder
         */
        public Builder expectedNumbers(int count) {
            expectedNumbers = requireCount("expectedNumbers", count);
            if (store != null) {
                store.reserve(count, 0, 0);
            }
            return this;
        }

        /**
         * Sizes the prefix table for a bulk load.
         *
         * @param count how many prefix entries are coming, 0 or more
         * @return this builder
         */
        public Builder expectedPrefixes(int count) {
            expectedPrefixes = requireCount("expectedPrefixes", count);
            if (store != null) {
                store.reserve(0, count, 0);
            }
            return this;
        }

        /**
         * Sizes the customer table for a bulk load.
         *
         * @param count how many customer entries are coming, 0 or more
         * @return this builder
         */
        public Builder expectedCustomers(int count) {
            expectedCustomers = requireCount("expectedCustomers", count);
            if (store != null) {
                store.reserve(0, 0, count);
            }
            return this;
        }

        /**
         * Adds an entry, replacing an earlier one with the same key.
         *
         * @param entry the entry
         * @return this builder
         */
        public Builder add(DncEntry entry) {
            Objects.requireNonNull(entry, "entry");
            store().put(entry);
            return this;
        }

        /**
         * Adds entries, replacing earlier ones with the same keys.
         *
         * @param entries the entries
         * @return this builder
         */
        public Builder addAll(Collection<DncEntry> entries) {
            Objects.requireNonNull(entries, "entries");
            int[] counts = countKinds(entries);
            DncStore s = store();
            s.reserve(counts[DncStore.NUMBER], counts[DncStore.PREFIX], counts[DncStore.CUSTOMER]);
            for (DncEntry entry : entries) {
                s.put(entry);
            }
            return this;
        }

        /**
         * Makes the list. A builder makes one list: the list takes over its tables.
         *
         * @return the list
         * @throws OutboundException when this builder already built a list or replaced one's entries
         */
        public DncList build() {
            return new DncList(name, mode, take());
        }

        /** Hands the tables over to a list, once: the builder is used up. */
        DncStore take() {
            DncStore s = store();
            built = true;
            store = null;
            return s;
        }

        private DncStore store() {
            if (built) {
                throw new OutboundException("The builder of Do-Not-Call list '" + name
                        + "' already built its list or replaced a list's entries; start a new builder");
            }
            if (store == null) {
                store = new DncStore(expectedNumbers, expectedPrefixes, expectedCustomers);
            }
            return store;
        }

        private static int requireCount(String field, int count) {
            if (count < 0) {
                throw new InvalidValueException(field, "0 or more", count);
            }
            return count;
        }
    }
}
