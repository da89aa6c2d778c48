package dev.outbound.spi.memory;

import dev.outbound.core.InvalidValueException;
import dev.outbound.core.lifecycle.DialQueue;
import dev.outbound.core.lifecycle.StatusChange;
import dev.outbound.core.record.CampaignId;
import dev.outbound.core.record.Record;
import dev.outbound.spi.store.BulkResult;
import dev.outbound.spi.store.Claim;
import dev.outbound.spi.store.ClaimRequest;
import dev.outbound.spi.store.Interaction;
import dev.outbound.spi.store.Lease;
import dev.outbound.spi.store.Page;
import dev.outbound.spi.store.PageCursor;
import dev.outbound.spi.store.PageRequest;
import dev.outbound.spi.store.RecordKey;
import dev.outbound.spi.store.RecordMatch;
import dev.outbound.spi.store.RecordQuery;
import dev.outbound.spi.store.RecordStore;
import dev.outbound.spi.store.ReplaceResult;
import dev.outbound.spi.store.Replacement;
import dev.outbound.spi.store.StoreException;
import dev.outbound.spi.store.UpsertMode;
import dev.outbound.spi.store.UpsertResult;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.stream.Stream;

/**
 * A thread-safe {@link RecordStore} in memory, indexed for a single-node campaign of a few
 * million records: claims, look-ups by key and phone searches never walk the records.
 *
 * <p><b>Layout.</b> Records are kept per campaign, each campaign behind its own read-write lock:
 * work on different campaigns runs in parallel, reads of one campaign run together, and writes
 * and claims on one campaign take turns. Within a campaign, records are sorted by customer
 * reference id (key order); the records that are dialable and not under a lease wait in a
 * {@link DialQueue}, so that a claim costs O(log n) per record returned; numbers are indexed by
 * their digits in a hash map (an exact search is a look-up, a write one hash insert), and sorted,
 * with their reverse, when a prefix or suffix search first follows a change of numbers (those
 * searches are then ranges). A search for digits anywhere in a number ({@code CONTAINS}) walks
 * the campaign's distinct numbers, not its records. Leases wait in a heap by expiry.
 *
 * <p><b>Consistency.</b> An {@link #upsert} locks every campaign of its batch (in campaign id
 * order, so that two batches never deadlock) and releases them once the whole batch is written;
 * a batch that brings a new campaign also excludes multi-campaign readers while it runs, so that
 * none of them misses the new campaign's half of it;
 * a {@link #replaceIfUnchanged} locks the campaigns of its batch the same way (it never brings a
 * campaign: a key of a campaign the store does not have is simply gone), and compares and writes
 * each record under those locks;
 * a query, count or stream over several campaigns keeps each campaign locked from the moment it
 * reads it until it ends. So a reader sees none or all of a batch. A {@link #delete} or
 * {@link #changeStatus} over several campaigns applies to one campaign after another. A
 * {@link #stream} is a snapshot taken when it is called, and holds no lock afterwards.
 *
 * <p><b>Instants.</b> Leases end by themselves: every operation that takes an instant first ends,
 * in the campaign it touches, the leases that no longer hold at that instant, and their records
 * are due again unchanged. The dial queue needs instants that do not go backwards; a claim at an
 * instant before an earlier claim of the same campaign (a node whose clock is slightly behind)
 * is served at the later instant, without the records that are not its own at its instant (not
 * yet due, or still reserved for another agent by a callback): those are set aside and put back,
 * O(log n) each. Its leases still start at its own instant.
 *
 * <p><b>Claim settings.</b> The dial queue of a campaign keeps the contact timeout and lists of
 * the last claim. A claim with other lists reconfigures it (the weighted share starts over); a
 * claim with another contact timeout rebuilds it from the records not under a lease, which costs
 * O(n log n) once per change. The contact timeout is at most 7 days, the queue's bound (that of
 * {@link dev.outbound.core.lifecycle.DialingRules}).
 *
 * <p>Campaigns are created on their first record and kept (empty) when their records are
 * deleted. {@link #close()} does nothing: the store holds no resources but memory.
 */
public final class InMemoryRecordStore implements RecordStore {
    private static final Duration MAX_LEASE = Duration.ofDays(1);
    private final ConcurrentSkipListMap<String, StorePartition> partitions = new ConcurrentSkipListMap<>();
    /**
     * Guards the set of partitions for readers of several campaigns: they hold it for reading
     * while they read; a batch that creates a campaign's partition holds it for writing. Without
     * it a reader walking the campaigns could miss a campaign the batch creates and see another
     * campaign's half of that batch.
     */
    private final ReentrantReadWriteLock layout = new ReentrantReadWriteLock();
    /** One counter for the whole store, so that a token is never given twice. */
    private final AtomicLong tokens = new AtomicLong();

    private InMemoryRecordStore() {
    }

    /** @return a new, empty store */
    public static InMemoryRecordStore create() {
        return new InMemoryRecordStore();
    }

    private StorePartition partitionFor(CampaignId campaign) {
        StorePartition p = partitions.get(campaign.value());
        return p != null ? p : partitions.computeIfAbsent(campaign.value(), c -> new StorePartition(campaign, tokens));
    }

    private StorePartition existing(CampaignId campaign) {
        return partitions.get(campaign.value());
    }

    @Override
    public void create(Record record) {
        Objects.requireNonNull(record, "record");
        StorePartition p = partitionFor(record.campaign());
        p.lock.writeLock().lock();
        try {
            p.create(record);
        } finally {
            p.lock.writeLock().unlock();
        }
    }

    @Override
    public Optional<Record> get(RecordKey key) {
        Objects.requireNonNull(key, "key");
        StorePartition p = existing(key.campaign());
        if (p == null) {
            return Optional.empty();
        }
        p.lock.readLock().lock();
        try {
            return Optional.ofNullable(p.get(key.ref().value()));
        } finally {
            p.lock.readLock().unlock();
        }
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException if the batch holds more than {@value RecordStore#MAX_BATCH}
     *     records
     */
    @Override
    public UpsertResult upsert(List<Record> batch, UpsertMode mode, Instant at) {
        Objects.requireNonNull(batch, "batch");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(at, "at");
        if (batch.size() > MAX_BATCH) {
            throw new IllegalArgumentException("an upsert batch holds at most " + MAX_BATCH + " records, not "
                    + batch.size());
        }
        Record[] records = batch.toArray(new Record[0]);
        boolean creates = false;
        for (int i = 0; i < records.length; i++) {
            creates |= existing(Objects.requireNonNull(records[i], "batch[" + i + "]").campaign()) == null;
        }
        if (!creates) {
            return upsertLocked(records, mode, at);
        }
        layout.writeLock().lock();
        try {
            return upsertLocked(records, mode, at);
        } finally {
            layout.writeLock().unlock();
        }
    }

    private UpsertResult upsertLocked(Record[] records, UpsertMode mode, Instant at) {
        TreeMap<String, StorePartition> touched = new TreeMap<>();
        for (Record r : records) {
            touched.computeIfAbsent(r.campaign().value(), c -> partitionFor(r.campaign()));
        }
        UpsertResult.Outcome[] outcomes = new UpsertResult.Outcome[records.length];
        underWriteLocks(touched, at, () -> {
            StorePartition p = null;
            for (int i = 0; i < records.length; i++) {
                Record r = records[i];
                if (p == null || !p.campaign.equals(r.campaign())) {
                    p = touched.get(r.campaign().value());
                }
                outcomes[i] = p.upsert(r, mode, at);
            }
        });
        return new UpsertResult(Arrays.asList(outcomes));
    }

    /**
     * Write-locks a batch's partitions in campaign id order, the one order every multi-campaign
     * write locks in (so two batches never deadlock), ends their leases that no longer hold at
     * {@code at}, does the work and unlocks.
     */
    private static void underWriteLocks(TreeMap<String, StorePartition> touched, Instant at, Runnable work) {
        List<StorePartition> locked = new ArrayList<>(touched.size());
        try {
            for (StorePartition p : touched.values()) {
                p.lock.writeLock().lock();
                locked.add(p);
            }
            for (StorePartition p : locked) {
                p.expire(at);
            }
            work.run();
        } finally {
            for (int i = locked.size() - 1; i >= 0; i--) {
                locked.get(i).lock.writeLock().unlock();
            }
        }
    }

    /**
     * {@inheritDoc} A replacement costs what an overwriting upsert of its record costs, plus one
     * comparison of records.
     *
     * @throws IllegalArgumentException if the batch holds more than {@value RecordStore#MAX_BATCH}
     *     replacements
     */
    @Override
    public ReplaceResult replaceIfUnchanged(List<Replacement> batch, Instant at) {
        Objects.requireNonNull(batch, "batch");
        Objects.requireNonNull(at, "at");
        if (batch.size() > MAX_BATCH) {
            throw new IllegalArgumentException("a replaceIfUnchanged batch holds at most " + MAX_BATCH
                    + " replacements, not " + batch.size());
        }
        Replacement[] replacements = batch.toArray(new Replacement[0]);
        TreeMap<String, StorePartition> touched = new TreeMap<>();
        for (int i = 0; i < replacements.length; i++) {
            CampaignId campaign = Objects.requireNonNull(replacements[i], "batch[" + i + "]").key().campaign();
            StorePartition p = existing(campaign);
            if (p != null) {
                touched.put(campaign.value(), p);
            }
        }
        ReplaceResult.Outcome[] outcomes = new ReplaceResult.Outcome[replacements.length];
        underWriteLocks(touched, at, () -> {
            for (int i = 0; i < replacements.length; i++) {
                StorePartition p = touched.get(replacements[i].key().campaign().value());
                outcomes[i] = p == null ? ReplaceResult.Outcome.CHANGED : p.replaceIfUnchanged(replacements[i], at);
            }
        });
        return new ReplaceResult(Arrays.asList(outcomes));
    }

    @Override
    public Page<RecordMatch> query(RecordQuery query, PageRequest page) {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(page, "page");
        PageCursor after = page.after().orElse(null);
        int want = page.size() + 1; // one row more than the page tells whether another page follows
        List<RecordMatch> rows = new ArrayList<>(Math.min(want, 1024));
        List<StorePartition> locked = new ArrayList<>();
        layout.readLock().lock();
        try {
            for (StorePartition p : partitionsOf(query, after)) {
                p.lock.readLock().lock();
                locked.add(p);
                PageCursor cursorHere = after != null && after.key().campaign().equals(p.campaign) ? after : null;
                if (p.collectRows(query, cursorHere, want, rows)) {
                    break;
                }
            }
        } finally {
            unlockReads(locked);
        }
        if (rows.size() < want) {
            return new Page<>(rows, Optional.empty());
        }
        List<RecordMatch> shown = rows.subList(0, page.size());
        return new Page<>(shown, Optional.of(PageRequest.after(shown.get(shown.size() - 1).cursor(), page.size())));
    }

    @Override
    public long count(RecordQuery query) {
        Objects.requireNonNull(query, "query");
        long n = 0;
        List<StorePartition> locked = new ArrayList<>();
        layout.readLock().lock();
        try {
            for (StorePartition p : partitionsOf(query, null)) {
                p.lock.readLock().lock();
                locked.add(p);
                n += p.countRows(query);
            }
        } finally {
            unlockReads(locked);
        }
        return n;
    }

    /**
     * {@inheritDoc} The stream is a snapshot of the records when it is called; it holds no lock
     * and closing it frees nothing.
     */
    @Override
    public Stream<Record> stream(RecordQuery query) {
        Objects.requireNonNull(query, "query");
        List<Record> out = new ArrayList<>();
        List<StorePartition> locked = new ArrayList<>();
        layout.readLock().lock();
        try {
            for (StorePartition p : partitionsOf(query, null)) {
                p.lock.readLock().lock();
                locked.add(p);
                p.collectRecords(query, out);
            }
        } finally {
            unlockReads(locked);
        }
        return out.stream();
    }

    @Override
    public BulkResult delete(RecordQuery query, Instant at) {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(at, "at");
        StorePartition.Tally tally = new StorePartition.Tally();
        for (StorePartition p : partitionsOf(query, null)) {
            p.lock.writeLock().lock();
            try {
                p.delete(query, at, tally);
            } finally {
                p.lock.writeLock().unlock();
            }
        }
        return tally.result();
    }

    /**
     * {@inheritDoc} A record counts as changed when {@link StatusChange#applyTo} gives a record
     * that differs from the stored one; only those are written.
     */
    @Override
    public BulkResult changeStatus(RecordQuery query, StatusChange change, Instant at) {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(change, "change");
        Objects.requireNonNull(at, "at");
        StorePartition.Tally tally = new StorePartition.Tally();
        for (StorePartition p : partitionsOf(query, null)) {
            p.lock.writeLock().lock();
            try {
                p.changeStatus(query, change, at, tally);
            } finally {
                p.lock.writeLock().unlock();
            }
        }
        return tally.result();
    }

    @Override
    public boolean appendInteraction(RecordKey key, Interaction interaction) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(interaction, "interaction");
        StorePartition p = existing(key.campaign());
        if (p == null) {
            throw StoreException.unknownKey(key);
        }
        Boolean added;
        p.lock.writeLock().lock();
        try {
            added = p.append(key.ref().value(), interaction);
        } finally {
            p.lock.writeLock().unlock();
        }
        if (added == null) {
            throw StoreException.unknownKey(key);
        }
        return added;
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException if {@code limit} is less than 1
     */
    @Override
    public List<Interaction> latestInteractions(RecordKey key, int limit) {
        Objects.requireNonNull(key, "key");
        if (limit < 1) {
            throw new IllegalArgumentException("limit of latest interactions must be 1 or more, not " + limit);
        }
        StorePartition p = existing(key.campaign());
        if (p == null) {
            return List.of();
        }
        p.lock.readLock().lock();
        try {
            return p.latest(key.ref().value(), limit);
        } finally {
            p.lock.readLock().unlock();
        }
    }

    /**
     * {@inheritDoc} Each record costs O(log n): it is the campaign's {@link DialQueue}'s next
     * record for the request's agent.
     *
     */
    @Override
    public List<Claim> claim(ClaimRequest request) {
        Objects.requireNonNull(request, "request");
        StorePartition p = existing(request.campaign());
        if (p == null) {
            return List.of();
        }
        p.lock.writeLock().lock();
        try {
            return p.claim(request);
        } finally {
            p.lock.writeLock().unlock();
        }
    }

    /**
     * {@inheritDoc} A renewal never shortens a lease: when {@code at + leaseFor} is not after the
     * lease's expiry, the lease is returned as it is. The token stays the same.
     *
     * @throws InvalidValueException if {@code leaseFor} is not more than zero and at most a day,
     *     as for {@link ClaimRequest#leaseFor()}
     */
    @Override
    public Lease renew(Lease lease, Instant at, Duration leaseFor) {
        Objects.requireNonNull(lease, "lease");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(leaseFor, "leaseFor");
        if (leaseFor.isNegative() || leaseFor.isZero() || leaseFor.compareTo(MAX_LEASE) > 0) {
            throw new InvalidValueException("renew leaseFor", "more than 0 and at most 1 day", leaseFor);
        }
        StorePartition p = existing(lease.key().campaign());
        if (p == null) {
            throw StoreException.leaseLost(lease, "the record was deleted");
        }
        p.lock.writeLock().lock();
        try {
            return p.renew(lease, at, leaseFor);
        } finally {
            p.lock.writeLock().unlock();
        }
    }

    @Override
    public void complete(Lease lease, Record updated, Optional<Interaction> interaction, Instant at) {
        Objects.requireNonNull(lease, "lease");
        Objects.requireNonNull(updated, "updated");
        Objects.requireNonNull(interaction, "interaction");
        Objects.requireNonNull(at, "at");
        RecordKey key = RecordKey.of(updated);
        if (!key.equals(lease.key())) {
            throw new StoreException(StoreException.Kind.MISMATCH, lease.key(), "lease " + lease.token() + " is on record "
                    + lease.key() + ", but the record given to complete it is " + key);
        }
        StorePartition p = existing(key.campaign());
        if (p == null) {
            throw StoreException.leaseLost(lease, "the record was deleted");
        }
        p.lock.writeLock().lock();
        try {
            p.complete(lease, updated, interaction, at);
        } finally {
            p.lock.writeLock().unlock();
        }
    }

    @Override
    public boolean release(Lease lease, Instant at) {
        Objects.requireNonNull(lease, "lease");
        Objects.requireNonNull(at, "at");
        StorePartition p = existing(lease.key().campaign());
        if (p == null) {
            return false;
        }
        p.lock.writeLock().lock();
        try {
            return p.release(lease, at);
        } finally {
            p.lock.writeLock().unlock();
        }
    }

    @Override
    public Optional<Lease> lease(RecordKey key, Instant at) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(at, "at");
        StorePartition p = existing(key.campaign());
        if (p == null) {
            return Optional.empty();
        }
        p.lock.readLock().lock();
        try {
            return p.lease(key.ref().value(), at);
        } finally {
            p.lock.readLock().unlock();
        }
    }

    /**
     * The campaigns a query may have rows in, in campaign id order, from the cursor's campaign on
     * when there is a cursor.
     */
    private Collection<StorePartition> partitionsOf(RecordQuery query, PageCursor after) {
        String from = after == null ? null : after.key().campaign().value();
        if (query.campaign().isPresent()) {
            String c = query.campaign().get().value();
            StorePartition p = partitions.get(c);
            return p == null || from != null && c.compareTo(from) < 0 ? List.of() : List.of(p);
        }
        return from == null ? partitions.values() : partitions.tailMap(from, true).values();
    }

    /** Releases a multi-campaign read: the partitions' read locks, then the layout's. */
    private void unlockReads(List<StorePartition> locked) {
        for (int i = locked.size() - 1; i >= 0; i--) {
            locked.get(i).lock.readLock().unlock();
        }
        layout.readLock().unlock();
    }

    @Override
    public String toString() {
        return "InMemoryRecordStore[" + partitions.size() + " campaigns]";
    }
}
