package dev.outbound.spi.memory;

import dev.outbound.core.lifecycle.CampaignLists;
import dev.outbound.core.lifecycle.DialGate;
import dev.outbound.core.lifecycle.DialQueue;
import dev.outbound.core.lifecycle.DialingRules;
import dev.outbound.core.lifecycle.Reservation;
import dev.outbound.core.lifecycle.StatusChange;
import dev.outbound.core.record.AgentEmail;
import dev.outbound.core.record.CampaignId;
import dev.outbound.core.record.CustomerRef;
import dev.outbound.core.record.Record;
import dev.outbound.spi.store.BulkResult;
import dev.outbound.spi.store.Claim;
import dev.outbound.spi.store.ClaimRequest;
import dev.outbound.spi.store.Interaction;
import dev.outbound.spi.store.Lease;
import dev.outbound.spi.store.PageCursor;
import dev.outbound.spi.store.RecordKey;
import dev.outbound.spi.store.RecordMatch;
import dev.outbound.spi.store.RecordQuery;
import dev.outbound.spi.store.ReplaceResult;
import dev.outbound.spi.store.Replacement;
import dev.outbound.spi.store.StoreException;
import dev.outbound.spi.store.UpsertMode;
import dev.outbound.spi.store.UpsertResult;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The records of one campaign in an {@link InMemoryRecordStore}, with their indexes: by customer
 * reference id (a hash map for look-ups, and a sorted map for key order), by number
 * ({@link StorePhoneIndex}), by
 * due time and load order (a {@link DialQueue} holding exactly the stored records that are
 * dialable and not under a lease), and the leases by expiry (a heap).
 *
 * <p>Every method expects the caller to hold {@link #lock}: the read lock for the methods that
 * only read, the write lock for the others (each says which). Methods that take an instant and
 * write begin by ending the leases that have run out by then.
 */
final class StorePartition {
    private static final Duration DEFAULT_CONTACT_TIMEOUT = DialingRules.defaults().contactTimeout();
    /** The least number of candidates from an index worth trusting over a walk in key order. */
    private static final int MIN_INDEX_CAP = 1024;

    final CampaignId campaign;
    final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();

    private final AtomicLong tokens;
    /** The entries by reference id, for look-ups: claims, leases and single records cost O(1) here. */
    private final HashMap<String, StoreEntry> entries = new HashMap<>();
    /** The same entries in key order, for queries, pages and streams. */
    private final TreeMap<String, StoreEntry> byRef = new TreeMap<>();
    private final StorePhoneIndex phones = new StorePhoneIndex();
    /** Every live lease's expiry, and stale ones (lease ended or renewed since) that are skipped. */
    private final PriorityQueue<Expiry> expiries = new PriorityQueue<>(StorePartition::byExpiry);
    private int liveLeases;

    private Duration contactTimeout = DEFAULT_CONTACT_TIMEOUT;
    private CampaignLists lists = CampaignLists.allEnabled();
    private DialQueue queue;
    /** The instant the queue was last asked at; null before the first claim. */
    private Instant latestClaim;

    /** A lease's expiry, as the heap keeps it. */
    private record Expiry(Instant at, String ref, long token) {
    }

    /** The expiry heap's order; every claim and renewal adds to the heap, so no key extractor in between. */
    private static int byExpiry(Expiry a, Expiry b) {
        return a.at.compareTo(b.at);
    }

    /** What a bulk operation did so far, over one or more partitions. */
    static final class Tally {
        long matched;
        long applied;
        final List<BulkResult.Skipped> skipped = new ArrayList<>();

        BulkResult result() {
            return new BulkResult(matched, applied, skipped);
        }
    }

    StorePartition(CampaignId campaign, AtomicLong tokens) {
        this.campaign = campaign;
        this.tokens = tokens;
        this.queue = newQueue(contactTimeout, lists);
    }

    private DialQueue newQueue(Duration timeout, CampaignLists campaignLists) {
        return DialQueue.newBuilder(campaign).contactTimeout(timeout).lists(campaignLists).gate(DialGate.open()).build();
    }

    // ------------------------------------------------------------------ leases

    /** Write lock. Ends every lease that no longer holds at {@code at}: its record is due again, unchanged. */
    void expire(Instant at) {
        while (!expiries.isEmpty() && !expiries.peek().at().isAfter(at)) {
            Expiry x = expiries.poll();
            StoreEntry e = entries.get(x.ref());
            if (e != null && e.lease != null && e.lease.token() == x.token() && !e.lease.holdsAt(at)) {
                endLease(e);
                queue.offer(e.record);
            }
        }
    }

    private void startLease(StoreEntry e, Lease lease) {
        e.lease = lease;
        liveLeases++;
        expiries.add(new Expiry(lease.expiresAt(), lease.key().ref().value(), lease.token()));
    }

    /** Drops an entry's lease; the caller puts the record back in the queue. */
    private void endLease(StoreEntry e) {
        e.lease = null;
        liveLeases--;
        // Released and completed leases leave their expiry behind; drop them before they outnumber the live ones.
        if (expiries.size() > MIN_INDEX_CAP && expiries.size() > 2 * liveLeases) {
            expiries.removeIf(this::stale);
        }
    }

    private boolean stale(Expiry x) {
        StoreEntry e = entries.get(x.ref());
        return e == null || e.lease == null || e.lease.token() != x.token() || !e.lease.expiresAt().equals(x.at());
    }

    /** @return whether a lease holds the entry at an instant */
    private static boolean held(StoreEntry e, Instant at) {
        return e.lease != null && e.lease.holdsAt(at);
    }

    /** Read lock. */
    Optional<Lease> lease(String ref, Instant at) {
        StoreEntry e = entries.get(ref);
        return e != null && held(e, at) ? Optional.of(e.lease) : Optional.empty();
    }

    /**
     * Write lock. The entry whose current lease is {@code lease} and holds at {@code at}.
     *
     * @throws StoreException of kind {@code LEASE_LOST} otherwise
     */
    private StoreEntry leased(Lease lease, Instant at) {
        expire(at);
        StoreEntry e = entries.get(lease.key().ref().value());
        if (e == null) {
            throw StoreException.leaseLost(lease, "the record was deleted");
        }
        if (e.lease == null || e.lease.token() != lease.token() || !e.lease.owner().equals(lease.owner())) {
            String why = e.lease != null ? "another claim holds the record now"
                    : !lease.holdsAt(at) ? "it expired at " + lease.expiresAt()
                    : "it has ended: released, completed, or expired";
            throw StoreException.leaseLost(lease, why);
        }
        if (!e.lease.holdsAt(at)) {
            throw StoreException.leaseLost(lease, "it expired at " + e.lease.expiresAt());
        }
        return e;
    }

    /** Write lock. See {@link InMemoryRecordStore#renew}. */
    Lease renew(Lease lease, Instant at, Duration leaseFor) {
        StoreEntry e = leased(lease, at);
        Instant wanted = at.plus(leaseFor);
        if (!wanted.isAfter(e.lease.expiresAt())) {
            return e.lease;
        }
        Lease renewed = e.lease.extendedTo(wanted);
        e.lease = renewed;
        // The old expiry stays in the heap and is skipped: it no longer matches the lease's.
        expiries.add(new Expiry(wanted, renewed.key().ref().value(), renewed.token()));
        return renewed;
    }

    /** Write lock. See {@link InMemoryRecordStore#complete}; the caller has checked the key. */
    void complete(Lease lease, Record updated, Optional<Interaction> interaction, Instant at) {
        StoreEntry e = leased(lease, at);
        Record old = e.record;
        e.record = updated;
        phones.update(e.record.ref().value(), old, updated);
        interaction.ifPresent(e::append);
        endLease(e);
        queue.offer(updated);
    }

    /** Write lock. See {@link InMemoryRecordStore#release}. */
    boolean release(Lease lease, Instant at) {
        expire(at);
        StoreEntry e = entries.get(lease.key().ref().value());
        if (e == null || !held(e, at) || e.lease.token() != lease.token() || !e.lease.owner().equals(lease.owner())) {
            return false;
        }
        endLease(e);
        queue.offer(e.record);
        return true;
    }

    // ------------------------------------------------------------------ claims

    /**
     * Write lock. Claims as {@link InMemoryRecordStore#claim} says: each record is the queue's
     * next for the request's agent, and leaves the queue under a new lease.
     */
    List<Claim> claim(ClaimRequest request) {
        Instant at = request.at();
        expire(at);
        configure(request.contactTimeout(), request.lists());
        // The queue refuses instants that go backwards; a claim from a node whose clock is a little
        // behind is served at the latest instant, without the records that are not its own at its
        // instant: not yet due, or still reserved for another agent.
        boolean behind = latestClaim != null && at.isBefore(latestClaim);
        Instant served = behind ? latestClaim : at;
        latestClaim = served;
        List<Claim> out = new ArrayList<>(Math.min(request.max(), 64));
        List<Record> setAside = null;
        while (out.size() < request.max()) {
            Optional<Record> next = queue.next(served, request.agent());
            if (next.isEmpty()) {
                break;
            }
            Record r = next.get();
            if (behind && !claimableAt(r, at, request.agent())) {
                if (setAside == null) {
                    setAside = new ArrayList<>();
                }
                setAside.add(r);
                continue;
            }
            StoreEntry e = entries.get(r.ref().value());
            Lease lease = new Lease(RecordKey.of(r), request.owner(), tokens.incrementAndGet(), request.leaseExpiry());
            startLease(e, lease);
            out.add(new Claim(r, lease));
        }
        if (setAside != null) {
            for (Record r : setAside) {
                queue.offer(r);
            }
        }
        return out;
    }

    /** @return whether a record the queue gave at a later instant is due, and not another agent's, at {@code at} */
    private boolean claimableAt(Record r, Instant at, Optional<AgentEmail> agent) {
        if (r.dueAt().isAfter(at)) {
            return false;
        }
        Optional<Reservation> reservation = Reservation.find(r, at, contactTimeout);
        return reservation.isEmpty() || agent.isPresent() && reservation.get().admits(agent.get());
    }

    /** Brings the queue to a request's contact timeout and lists. */
    private void configure(Duration timeout, CampaignLists wanted) {
        if (!timeout.equals(contactTimeout)) {
            // The queue fixes its contact timeout when built: build it again from the records not
            // under a lease. O(n log n) once per change of the campaign's timeout, which is rare.
            DialQueue rebuilt = newQueue(timeout, wanted);
            for (StoreEntry e : byRef.values()) {
                if (e.lease == null) {
                    rebuilt.offer(e.record);
                }
            }
            queue = rebuilt;
            contactTimeout = timeout;
            lists = wanted;
        } else if (!lists.equals(wanted)) {
            // Only on a real change: the queue's weighted share starts over when given lists.
            queue.lists(wanted);
            lists = wanted;
        }
    }

    // ------------------------------------------------------------------ single records

    /** Read lock. */
    Record get(String ref) {
        StoreEntry e = entries.get(ref);
        return e == null ? null : e.record;
    }

    /** Write lock. */
    void create(Record record) {
        String ref = record.ref().value();
        if (entries.containsKey(ref)) {
            throw StoreException.duplicateKey(RecordKey.of(record));
        }
        insert(ref, record);
    }

    /** Write lock, after {@link #expire}. One record of an upsert batch. */
    UpsertResult.Outcome upsert(Record record, UpsertMode mode, Instant at) {
        String ref = record.ref().value();
        StoreEntry e = entries.get(ref);
        if (e == null) {
            insert(ref, record);
            return UpsertResult.Outcome.CREATED;
        }
        if (mode == UpsertMode.KEEP_EXISTING) {
            return UpsertResult.Outcome.KEPT_EXISTING;
        }
        if (held(e, at)) {
            return UpsertResult.Outcome.SKIPPED_CLAIMED;
        }
        replace(e, record);
        return UpsertResult.Outcome.REPLACED;
    }

    /**
     * Write lock, after {@link #expire}. One replacement of {@link InMemoryRecordStore#replaceIfUnchanged}:
     * the comparison and the write are one step under the lock, and the write is an overwriting
     * upsert's, indexes and all.
     */
    ReplaceResult.Outcome replaceIfUnchanged(Replacement replacement, Instant at) {
        StoreEntry e = entries.get(replacement.expected().ref().value());
        if (e != null && held(e, at)) {
            return ReplaceResult.Outcome.CLAIMED;
        }
        if (e == null || !e.record.equals(replacement.expected())) {
            return ReplaceResult.Outcome.CHANGED;
        }
        replace(e, replacement.updated());
        return ReplaceResult.Outcome.REPLACED;
    }

    private void insert(String ref, Record record) {
        StoreEntry e = new StoreEntry(record);
        entries.put(ref, e);
        byRef.put(ref, e);
        phones.add(ref, record);
        queue.offer(record);
    }

    /** Replaces the record of an entry that no lease holds; its history stays. */
    private void replace(StoreEntry e, Record record) {
        Record old = e.record;
        e.record = record;
        phones.update(record.ref().value(), old, record);
        queue.offer(record);
    }

    /** Write lock. @return whether it was added, or null when there is no such record */
    Boolean append(String ref, Interaction interaction) {
        StoreEntry e = entries.get(ref);
        if (e == null) {
            return null;
        }
        return e.append(interaction);
    }

    /** Read lock. */
    List<Interaction> latest(String ref, int limit) {
        StoreEntry e = entries.get(ref);
        return e == null ? List.of() : e.latest(limit);
    }

    // ------------------------------------------------------------------ queries

    /**
     * Read lock. Adds to {@code out} the query's rows of this partition in query order, strictly
     * after {@code after} when it is given (a cursor in this campaign), until {@code out} holds
     * {@code want} rows.
     *
     * @return whether {@code out} is full
     */
    boolean collectRows(RecordQuery query, PageCursor after, int want, List<RecordMatch> out) {
        String from = after == null ? null : after.key().ref().value();
        // A page stops after a few rows: an index pays only when it gives few candidates; beyond
        // about sqrt(page * n) of them, walking the records in key order from the cursor is cheaper.
        int cap = (int) Math.max(MIN_INDEX_CAP, Math.sqrt((double) want * byRef.size()));
        boolean phone = query.hasPhoneCriterion();
        for (StoreEntry e : candidates(query, from, cap)) {
            Record r = e.record;
            if (!query.matchesRecord(r)) {
                continue;
            }
            boolean atCursor = from != null && r.ref().value().equals(from);
            for (int position : query.matchingPhones(r)) {
                if (atCursor && position <= after.position()) {
                    continue;
                }
                out.add(phone ? RecordMatch.ofPhone(r, position) : RecordMatch.of(r));
                if (out.size() >= want) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Read lock. @return how many rows the query has in this partition */
    long countRows(RecordQuery query) {
        long n = 0;
        boolean phone = query.hasPhoneCriterion();
        for (StoreEntry e : candidates(query, null, wholeCap())) {
            Record r = e.record;
            if (query.matchesRecord(r)) {
                n += phone ? query.matchingPhones(r).size() : 1;
            }
        }
        return n;
    }

    /** Read lock. Adds every matching record, once, in key order. */
    void collectRecords(RecordQuery query, List<Record> out) {
        for (StoreEntry e : candidates(query, null, wholeCap())) {
            if (query.matches(e.record)) {
                out.add(e.record);
            }
        }
    }

    /** Write lock. See {@link InMemoryRecordStore#delete}. */
    void delete(RecordQuery query, Instant at, Tally tally) {
        expire(at);
        for (StoreEntry e : matching(query)) {
            tally.matched++;
            if (held(e, at)) {
                tally.skipped.add(new BulkResult.Skipped(RecordKey.of(e.record), BulkResult.Reason.CLAIMED));
                continue;
            }
            CustomerRef ref = e.record.ref();
            entries.remove(ref.value());
            byRef.remove(ref.value());
            phones.remove(ref.value(), e.record);
            queue.remove(ref);
            tally.applied++;
        }
    }

    /** Write lock. See {@link InMemoryRecordStore#changeStatus}. */
    void changeStatus(RecordQuery query, StatusChange change, Instant at, Tally tally) {
        expire(at);
        for (StoreEntry e : matching(query)) {
            tally.matched++;
            if (held(e, at)) {
                tally.skipped.add(new BulkResult.Skipped(RecordKey.of(e.record), BulkResult.Reason.CLAIMED));
                continue;
            }
            Record changed;
            try {
                changed = change.applyTo(e.record, at);
            } catch (IllegalStateException inCall) {
                tally.skipped.add(new BulkResult.Skipped(RecordKey.of(e.record), BulkResult.Reason.IN_CALL));
                continue;
            }
            if (!changed.equals(e.record)) {
                replace(e, changed);
                tally.applied++;
            }
        }
    }

    /** @return the entries that match, in key order, collected first so that the caller may change the map */
    private List<StoreEntry> matching(RecordQuery query) {
        List<StoreEntry> out = new ArrayList<>();
        for (StoreEntry e : candidates(query, null, wholeCap())) {
            if (query.matches(e.record)) {
                out.add(e);
            }
        }
        return out;
    }

    /** For a whole-partition pass: an index beyond half the records costs more than walking them all. */
    private int wholeCap() {
        return Math.max(MIN_INDEX_CAP, byRef.size() / 2);
    }

    /**
     * The entries that may match a query, a superset of those that do, in key order from
     * {@code from} (inclusive; null for the first): from the reference ids the query names, else
     * from the phone index when it gives at most {@code cap} candidates, else every entry.
     */
    private Collection<StoreEntry> candidates(RecordQuery query, String from, int cap) {
        if (!query.refs().isEmpty()) {
            List<String> refs = new ArrayList<>(query.refs().size());
            for (CustomerRef ref : query.refs()) {
                refs.add(ref.value());
            }
            return entriesOf(refs, from);
        }
        if (query.phone().isPresent()) {
            List<String> refs = new ArrayList<>();
            if (phones.candidates(query.phone().get(), cap, refs)) {
                return entriesOf(refs, from);
            }
        }
        return from == null ? byRef.values() : byRef.tailMap(from, true).values();
    }

    /** @return the entries of the given reference ids (repeats and unknown ids dropped), in key order, from {@code from} */
    private List<StoreEntry> entriesOf(List<String> refs, String from) {
        Collections.sort(refs);
        List<StoreEntry> out = new ArrayList<>(refs.size());
        String previous = null;
        for (String ref : refs) {
            if (ref.equals(previous) || from != null && ref.compareTo(from) < 0) {
                continue;
            }
            previous = ref;
            StoreEntry e = entries.get(ref);
            if (e != null) {
                out.add(e);
            }
        }
        return out;
    }

    /** Read lock. @return how many records the partition holds */
    int size() {
        return byRef.size();
    }

    /** Read lock. @return how many records the dial queue holds: the stored records that are dialable and not under a lease */
    int queued() {
        return queue.size();
    }
}
