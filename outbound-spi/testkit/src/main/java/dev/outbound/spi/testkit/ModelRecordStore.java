package dev.outbound.spi.testkit;

import dev.outbound.core.InvalidValueException;
import dev.outbound.core.lifecycle.CampaignLists;
import dev.outbound.core.lifecycle.ListShare;
import dev.outbound.core.lifecycle.LoadClass;
import dev.outbound.core.lifecycle.StatusChange;
import dev.outbound.core.record.AgentEmail;
import dev.outbound.core.record.CampaignId;
import dev.outbound.core.record.ListId;
import dev.outbound.core.record.Record;
import dev.outbound.core.record.RecordStatus;
import dev.outbound.spi.store.BulkResult;
import dev.outbound.spi.store.Claim;
import dev.outbound.spi.store.ClaimRequest;
import dev.outbound.spi.store.Interaction;
import dev.outbound.spi.store.Lease;
import dev.outbound.spi.store.Page;
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
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The {@link RecordStore} contract done the obvious way: one list of entries (record, lease,
 * history), every method {@code synchronized}, every operation a linear scan, sorting where order
 * matters. It has no index and no cleverness, so that it can be read against the javadoc of
 * {@link RecordStore}: it is the reference that {@link RecordStoreContract} checks other stores
 * against, and the baseline their benchmarks are measured against. Every operation scans the n
 * records held, so costs O(n) or O(n log n); a claim scans them once, and once more for each record
 * it takes from weighted lists.
 *
 * <p><b>Claims</b> follow {@link ClaimRequest}'s load order as
 * {@link dev.outbound.core.lifecycle.DialQueue} (with an open gate) applies it, one record at a
 * time: the agent's own records first ({@link LoadClass#agentFor} names the agent), best first by
 * {@link LoadClass#order}; then records no agent holds, the best of all or, with weighting on, the
 * best of the list that the campaign's {@link ListShare} chooses among the lists having such a
 * record due. Only records of enabled lists are handed out, the agent's own included, as the dial
 * queue does. Each campaign keeps one share, made at its first claim from that claim's lists; when a
 * later claim brings lists with other contents (enabled lists, weights or weighting), the share is
 * reconfigured as the dial queue reconfigures its own: lists keep their indexes, lists named for
 * the first time follow, and every credit starts at zero. A list no claim names joins the share when
 * a dialable record of it is written after the share exists, or when the share is made. Due times
 * and leases are judged at the claim's instant, and its leases start there; the load order is taken
 * at the latest instant a claim of the campaign was served at when the claim's instant is before it,
 * as a store built on the dial queue must, which refuses instants that go back.
 *
 * <p><b>Leases</b> hold before their {@code expiresAt}; an expired lease simply stops holding. A
 * renewal never shortens a lease. Tokens come from one counter, so no two claims ever get the same
 * token. <b>Status changes</b> count as applied the records that {@link StatusChange#applyTo}
 * changes.
 */
public final class ModelRecordStore implements RecordStore {
    /** One record with its lease (possibly expired) and its history in append order; the key never changes. */
    private static final class Entry {
        final RecordKey key;
        Record record;
        Lease lease;
        final List<Interaction> history = new ArrayList<>();

        Entry(Record record) {
            this.key = RecordKey.of(record);
            this.record = record;
        }

        RecordKey key() {
            return key;
        }

        boolean leasedAt(Instant at) {
            return lease != null && lease.holdsAt(at);
        }
    }

    /** What a campaign's claims remember between calls: the dial queue's share and its clock. */
    private static final class CampaignClaims {
        CampaignLists lists;
        ListShare share;
        Instant latest;

        CampaignClaims(CampaignLists lists) {
            this.lists = lists;
            this.share = ListShare.of(lists);
        }
    }

    private static final Comparator<Entry> BY_KEY = Comparator.comparing(Entry::key);

    private final List<Entry> entries = new ArrayList<>();
    private final Map<CampaignId, CampaignClaims> campaigns = new HashMap<>();
    private long nextToken = 1;

    /** An empty store. */
    public ModelRecordStore() {
    }

    /**
     * A store holding records from the start, as if each had been created in order: what a
     * benchmark loads a million records with, since creating them one by one would scan the list
     * for each key.
     *
     * @param records the records, with distinct keys
     * @return the store
     * @throws IllegalArgumentException if two records share a key
     */
    public static ModelRecordStore holding(Collection<Record> records) {
        Objects.requireNonNull(records, "records");
        Set<RecordKey> keys = new HashSet<>(records.size() * 2);
        ModelRecordStore store = new ModelRecordStore();
        for (Record r : records) {
            if (!keys.add(RecordKey.of(Objects.requireNonNull(r, "record")))) {
                throw new IllegalArgumentException("two records have the key " + RecordKey.of(r));
            }
            store.entries.add(new Entry(r));
        }
        return store;
    }

    @Override
    public synchronized void create(Record record) {
        Objects.requireNonNull(record, "record");
        if (find(RecordKey.of(record)) != null) {
            throw StoreException.duplicateKey(RecordKey.of(record));
        }
        entries.add(new Entry(record));
        written(record);
    }

    @Override
    public synchronized Optional<Record> get(RecordKey key) {
        Objects.requireNonNull(key, "key");
        Entry e = find(key);
        return e == null ? Optional.empty() : Optional.of(e.record);
    }

    @Override
    public synchronized UpsertResult upsert(List<Record> batch, UpsertMode mode, Instant at) {
        Objects.requireNonNull(batch, "batch");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(at, "at");
        if (batch.size() > MAX_BATCH) {
            throw new InvalidValueException("upsert batch", "at most " + MAX_BATCH + " records",
                    batch.size() + " records");
        }
        for (int i = 0; i < batch.size(); i++) {
            Objects.requireNonNull(batch.get(i), "batch record " + i);
        }
        List<UpsertResult.Outcome> outcomes = new ArrayList<>(batch.size());
        for (Record r : batch) {
            Entry e = find(RecordKey.of(r));
            if (e == null) {
                entries.add(new Entry(r));
                written(r);
                outcomes.add(UpsertResult.Outcome.CREATED);
            } else if (mode == UpsertMode.KEEP_EXISTING) {
                outcomes.add(UpsertResult.Outcome.KEPT_EXISTING);
            } else if (e.leasedAt(at)) {
                outcomes.add(UpsertResult.Outcome.SKIPPED_CLAIMED);
            } else {
                e.record = r;
                written(r);
                outcomes.add(UpsertResult.Outcome.REPLACED);
            }
        }
        return new UpsertResult(outcomes);
    }

    @Override
    public synchronized ReplaceResult replaceIfUnchanged(List<Replacement> batch, Instant at) {
        Objects.requireNonNull(batch, "batch");
        Objects.requireNonNull(at, "at");
        if (batch.size() > MAX_BATCH) {
            throw new InvalidValueException("replaceIfUnchanged batch", "at most " + MAX_BATCH + " replacements",
                    batch.size() + " replacements");
        }
        for (int i = 0; i < batch.size(); i++) {
            Objects.requireNonNull(batch.get(i), "batch replacement " + i);
        }
        List<ReplaceResult.Outcome> outcomes = new ArrayList<>(batch.size());
        for (Replacement r : batch) {
            Entry e = find(r.key());
            if (e != null && e.leasedAt(at)) {
                outcomes.add(ReplaceResult.Outcome.CLAIMED);
            } else if (e == null || !e.record.equals(r.expected())) {
                outcomes.add(ReplaceResult.Outcome.CHANGED);
            } else {
                e.record = r.updated();
                written(r.updated());
                outcomes.add(ReplaceResult.Outcome.REPLACED);
            }
        }
        return new ReplaceResult(outcomes);
    }

    @Override
    public synchronized Page<RecordMatch> query(RecordQuery query, PageRequest page) {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(page, "page");
        List<RecordMatch> rows = new ArrayList<>();
        for (RecordMatch row : rows(query)) {
            if (page.admits(row.cursor())) {
                rows.add(row);
            }
        }
        if (rows.size() <= page.size()) {
            return new Page<>(rows, Optional.empty());
        }
        List<RecordMatch> taken = rows.subList(0, page.size());
        PageRequest next = PageRequest.after(taken.get(taken.size() - 1).cursor(), page.size());
        return new Page<>(taken, Optional.of(next));
    }

    @Override
    public synchronized long count(RecordQuery query) {
        Objects.requireNonNull(query, "query");
        return rows(query).size();
    }

    @Override
    public synchronized Stream<Record> stream(RecordQuery query) {
        Objects.requireNonNull(query, "query");
        List<Record> out = new ArrayList<>();
        for (Entry e : matching(query)) {
            out.add(e.record);
        }
        return out.stream();
    }

    @Override
    public synchronized BulkResult delete(RecordQuery query, Instant at) {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(at, "at");
        List<Entry> matched = matching(query);
        List<BulkResult.Skipped> skipped = new ArrayList<>();
        long applied = 0;
        for (Entry e : matched) {
            if (e.leasedAt(at)) {
                skipped.add(new BulkResult.Skipped(e.key(), BulkResult.Reason.CLAIMED));
            } else {
                entries.remove(e);
                applied++;
            }
        }
        return new BulkResult(matched.size(), applied, skipped);
    }

    @Override
    public synchronized BulkResult changeStatus(RecordQuery query, StatusChange change, Instant at) {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(change, "change");
        Objects.requireNonNull(at, "at");
        List<Entry> matched = matching(query);
        List<BulkResult.Skipped> skipped = new ArrayList<>();
        long applied = 0;
        for (Entry e : matched) {
            if (e.leasedAt(at)) {
                skipped.add(new BulkResult.Skipped(e.key(), BulkResult.Reason.CLAIMED));
            } else if (e.record.status() == RecordStatus.PROCESSING && change.status().isPresent()) {
                skipped.add(new BulkResult.Skipped(e.key(), BulkResult.Reason.IN_CALL));
            } else {
                Record changed = change.applyTo(e.record, at);
                if (!changed.equals(e.record)) {
                    e.record = changed;
                    written(changed);
                    applied++;
                }
            }
        }
        return new BulkResult(matched.size(), applied, skipped);
    }

    @Override
    public synchronized boolean appendInteraction(RecordKey key, Interaction interaction) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(interaction, "interaction");
        Entry e = find(key);
        if (e == null) {
            throw StoreException.unknownKey(key);
        }
        return addOnce(e, interaction);
    }

    private static boolean addOnce(Entry e, Interaction interaction) {
        for (Interaction i : e.history) {
            if (i.id().equals(interaction.id())) {
                return false;
            }
        }
        e.history.add(interaction);
        return true;
    }

    @Override
    public synchronized List<Interaction> latestInteractions(RecordKey key, int limit) {
        Objects.requireNonNull(key, "key");
        if (limit < 1) {
            throw new InvalidValueException("history limit", "1 or more", limit);
        }
        Entry e = find(key);
        if (e == null) {
            return List.of();
        }
        // Later appends first, then a stable sort by instant: of two equal instants the later append stays first.
        List<Interaction> newest = new ArrayList<>(e.history);
        Collections.reverse(newest);
        newest.sort(Comparator.comparing(Interaction::at).reversed());
        return List.copyOf(newest.subList(0, Math.min(limit, newest.size())));
    }

    @Override
    public synchronized List<Claim> claim(ClaimRequest request) {
        Objects.requireNonNull(request, "request");
        CampaignClaims claims = claimsOf(request);
        // Due time and leases are judged at the claim's instant; the load order at the instant it is served.
        Instant at = request.at();
        Instant served = claims.latest != null && at.isBefore(claims.latest) ? claims.latest : at;
        claims.latest = served;
        Duration timeout = request.contactTimeout();
        List<Entry> mine = new ArrayList<>();
        List<Entry> shared = new ArrayList<>();
        for (Entry e : entries) {
            Record r = e.record;
            if (!r.campaign().equals(request.campaign()) || !r.status().isDialable() || r.dueAt().isAfter(at)
                    || e.leasedAt(at) || !request.lists().isEnabled(r.list())) {
                continue;
            }
            Optional<AgentEmail> holder = LoadClass.agentFor(r, served, timeout);
            if (holder.isEmpty()) {
                shared.add(e);
            } else if (holder.equals(request.agent())) {
                mine.add(e);
            }
        }
        Comparator<Entry> order = Comparator.comparing((Entry e) -> e.record, LoadClass.order(served, timeout));
        // The agent's own records, best first; then shared ones: the best of all, or one at a time from the list the share picks.
        List<Entry> taken = new ArrayList<>(best(mine, order, request.max()));
        if (!request.lists().isWeighted()) {
            taken.addAll(best(shared, order, request.max() - taken.size()));
        } else {
            while (taken.size() < request.max() && !shared.isEmpty()) {
                Entry next = Collections.min(ofChosenList(claims.share, shared), order);
                shared.remove(next);
                taken.add(next);
            }
        }
        List<Claim> out = new ArrayList<>(taken.size());
        for (Entry e : taken) {
            e.lease = new Lease(e.key(), request.owner(), nextToken++, request.leaseExpiry());
            out.add(new Claim(e.record, e.lease));
        }
        return out;
    }

    @Override
    public synchronized Lease renew(Lease lease, Instant at, Duration leaseFor) {
        Objects.requireNonNull(lease, "lease");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(leaseFor, "leaseFor");
        if (leaseFor.isNegative() || leaseFor.isZero() || leaseFor.compareTo(Duration.ofDays(1)) > 0) {
            throw new InvalidValueException("renew leaseFor", "more than 0 and at most 1 day", leaseFor);
        }
        Entry e = holding(lease, at);
        // A renewal extends: a lease already lasting longer keeps its expiry.
        if (at.plus(leaseFor).isAfter(e.lease.expiresAt())) {
            e.lease = e.lease.extendedTo(at.plus(leaseFor));
        }
        return e.lease;
    }

    @Override
    public synchronized void complete(Lease lease, Record updated, Optional<Interaction> interaction, Instant at) {
        Objects.requireNonNull(lease, "lease");
        Objects.requireNonNull(updated, "updated");
        Objects.requireNonNull(interaction, "interaction");
        Objects.requireNonNull(at, "at");
        if (!RecordKey.of(updated).equals(lease.key())) {
            throw new StoreException(StoreException.Kind.MISMATCH, lease.key(), "the record completing the lease on "
                    + lease.key() + " has another key: " + RecordKey.of(updated));
        }
        Entry e = holding(lease, at);
        e.record = updated;
        interaction.ifPresent(i -> addOnce(e, i));
        e.lease = null;
        written(updated);
    }

    @Override
    public synchronized boolean release(Lease lease, Instant at) {
        Objects.requireNonNull(lease, "lease");
        Objects.requireNonNull(at, "at");
        Entry e = find(lease.key());
        if (e == null || !isThisLease(e, lease) || !e.leasedAt(at)) {
            return false;
        }
        e.lease = null;
        return true;
    }

    @Override
    public synchronized Optional<Lease> lease(RecordKey key, Instant at) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(at, "at");
        Entry e = find(key);
        return e != null && e.leasedAt(at) ? Optional.of(e.lease) : Optional.empty();
    }

    @Override
    public synchronized String toString() {
        return "ModelRecordStore[" + entries.size() + " records]";
    }

    // ---------------------------------------------------------------- internals

    private Entry find(RecordKey key) {
        for (Entry e : entries) {
            if (e.key().equals(key)) {
                return e;
            }
        }
        return null;
    }

    /** The entries whose records match, once each, in key order. */
    private List<Entry> matching(RecordQuery query) {
        List<Entry> out = new ArrayList<>();
        for (Entry e : entries) {
            if (query.matches(e.record)) {
                out.add(e);
            }
        }
        out.sort(BY_KEY);
        return out;
    }

    /** Every row of a query, in key order then number position. */
    private List<RecordMatch> rows(RecordQuery query) {
        List<RecordMatch> out = new ArrayList<>();
        for (Entry e : matching(query)) {
            for (int position : query.matchingPhones(e.record)) {
                out.add(query.hasPhoneCriterion() ? RecordMatch.ofPhone(e.record, position) : RecordMatch.of(e.record));
            }
        }
        return out;
    }

    private static boolean isThisLease(Entry e, Lease lease) {
        return e.lease != null && e.lease.token() == lease.token() && e.lease.owner().equals(lease.owner());
    }

    /** The entry a lease holds at an instant, or the exception for a lease that no longer holds. */
    private Entry holding(Lease lease, Instant at) {
        Entry e = find(lease.key());
        if (e == null) {
            throw StoreException.leaseLost(lease, "the record was deleted");
        }
        if (!isThisLease(e, lease)) {
            throw StoreException.leaseLost(lease, "it was released, completed or taken over by another claim");
        }
        if (!e.leasedAt(at)) {
            throw StoreException.leaseLost(lease, "it expired at " + e.lease.expiresAt() + ", before " + at);
        }
        return e;
    }

    /**
     * The claim state of a request's campaign, made at its first claim (its lists join the share in
     * key order of its dialable records, as if they were offered to a new dial queue), its share
     * reconfigured when the request's lists say something else than the last ones.
     */
    private CampaignClaims claimsOf(ClaimRequest request) {
        CampaignClaims claims = campaigns.get(request.campaign());
        if (claims == null) {
            claims = new CampaignClaims(request.lists());
            campaigns.put(request.campaign(), claims);
            List<Entry> sorted = new ArrayList<>(entries);
            sorted.sort(BY_KEY);
            for (Entry e : sorted) {
                if (e.record.campaign().equals(request.campaign())) {
                    written(e.record);
                }
            }
        } else if (!claims.lists.equals(request.lists())) {
            claims.share = ListShare.of(keepingOrder(claims.share.lists(), request.lists()));
            claims.lists = request.lists();
        }
        return claims;
    }

    /** A dialable record written to a campaign that has a share: its list joins the share, as an offer to the dial queue does. */
    private void written(Record r) {
        CampaignClaims claims = campaigns.get(r.campaign());
        if (claims != null && r.status().isDialable()) {
            claims.share.add(r.list());
        }
    }

    /** The first {@code k} entries in an order, first first, found in one pass over them. */
    private static List<Entry> best(List<Entry> entries, Comparator<Entry> order, int k) {
        List<Entry> top = new ArrayList<>(k + 1);
        if (k <= 0) {
            return top;
        }
        for (Entry e : entries) {
            if (top.size() == k && order.compare(e, top.get(k - 1)) >= 0) {
                continue;
            }
            // The order is total (references are unique within a campaign), so the search finds no equal entry.
            top.add(-Collections.binarySearch(top, e, order) - 1, e);
            if (top.size() > k) {
                top.remove(k);
            }
        }
        return top;
    }

    /** The records of the list the share chooses among the lists that have one of the records (all of enabled lists). */
    private static List<Entry> ofChosenList(ListShare share, List<Entry> shared) {
        ListId chosen = share.next(list -> shared.stream().anyMatch(e -> e.record.list().equals(list)))
                .orElseThrow(() -> new IllegalStateException("the list share chose no list, but lists " + share.lists()
                        + " have records due"));
        List<Entry> out = new ArrayList<>();
        for (Entry e : shared) {
            if (e.record.list().equals(chosen)) {
                out.add(e);
            }
        }
        return out;
    }

    /**
     * New list settings, naming first the lists a share already knows, in its order, then the lists
     * the settings name for the first time: a share made from them has the indexes, weights and
     * enabled lists of the old share reconfigured to the new settings, with every credit at zero.
     */
    private static CampaignLists keepingOrder(List<ListId> known, CampaignLists newLists) {
        CampaignLists.Builder b = CampaignLists.newBuilder();
        for (ListId list : known) {
            b.list(list, newLists.isEnabled(list), newLists.weight(list));
        }
        for (ListId list : newLists.lists().keySet()) {
            if (!known.contains(list)) {
                b.list(list, newLists.isEnabled(list), newLists.weight(list));
            }
        }
        return b.weighting(newLists.isWeighted()).build();
    }
}
