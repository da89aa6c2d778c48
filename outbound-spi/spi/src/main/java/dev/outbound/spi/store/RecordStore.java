package dev.outbound.spi.store;

import dev.outbound.core.lifecycle.StatusChange;
import dev.outbound.core.record.Record;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where a host keeps its records: what the SDK reads, writes, searches and claims for dialing.
 * Implementations are thread-safe; {@code outbound-spi-testkit}'s {@code RecordStoreContract}
 * checks every rule stated here.
 *
 * <p><b>Keys and order.</b> A record is identified by its {@link RecordKey} (campaign and customer
 * reference id). Queries, pages and streams return rows in key order, then by the matching
 * number's position.
 *
 * <p><b>Claims and leases.</b> {@link #claim} hands a dialer the records due now, in load order,
 * each under a {@link Lease}. While a lease holds, no other claim returns the record, and bulk
 * writes ({@link #upsert} in {@code OVERWRITE}, {@link #replaceIfUnchanged}, {@link #delete},
 * {@link #changeStatus}) leave it alone and report it. The holder ends the lease with {@link #complete} (writing the call's
 * outcome) or {@link #release} (leaving the record as it was); a lease that expires ends by
 * itself and the record is due again. Instants are the caller's: each operation that depends on
 * leases says at which instant it happens, so that a simulator can run in virtual time.
 *
 * <p><b>Read, then write.</b> A writer that builds a record from the stored one (an import merging
 * a file's data into it) writes it back with {@link #replaceIfUnchanged}, which writes only if the
 * store still holds the record as it was read: a dialer's call completed in between is never
 * overwritten by a record built before it.
 *
 * <p><b>History.</b> Each record has a history of {@link Interaction}s; deleting the record
 * deletes it, replacing the record keeps it.
 */
public interface RecordStore extends AutoCloseable {

    /**
     * Writes a new record.
     *
     * @param record the record
     * @throws StoreException of kind {@code DUPLICATE_KEY} if the store holds its key
     */
    void create(Record record);

    /**
     * @param key a key
     * @return the record with that key, or empty
     */
    Optional<Record> get(RecordKey key);

    /**
     * Writes a batch of records as an import does: the records are applied in batch order, as if
     * one by one, so a key that appears twice in a batch is handled the second time as an
     * existing key. Other threads see none or all of the batch.
     *
     * @param batch the records, at most {@value #MAX_BATCH}
     * @param mode what happens to a key the store holds
     * @param at the instant of the write, against which leases are judged
     * @return one outcome per record, at the same index
     */
    UpsertResult upsert(List<Record> batch, UpsertMode mode, Instant at);

    /** The most records one {@link #upsert} or {@link #replaceIfUnchanged} takes. */
    int MAX_BATCH = 100_000;

    /**
     * Writes a batch of records built from stored ones, each only if the store still holds the
     * record it was built from: a compare and set per record, so that a write that came between
     * the writer's read and this one (a dialer's {@link #complete}) is never lost. For each
     * {@link Replacement}, in one atomic step: if a lease holds the record at {@code at}, nothing
     * is written ({@code CLAIMED}); else if the store holds no record with its key, or one not
     * {@linkplain Record#equals(Object) equal} to {@code expected}, nothing is written
     * ({@code CHANGED}); else {@code updated} replaces it ({@code REPLACED}) and the record's
     * history stays, as with {@link #upsert} in {@code OVERWRITE}.
     *
     * <p>The records are compared by value, not by when they were written: a record written again
     * with an equal value still counts as unchanged. (A SQL store can read the row and its version,
     * compare the row with {@code expected}, and write with {@code UPDATE ... WHERE version = ?},
     * reading again if that updates nothing.) The replacements are applied in batch order, as if
     * one by one, so a key that appears twice is compared the second time with what the first
     * wrote. Other threads see none or all of the batch. There is no default implementation: a
     * store that cannot compare and write in one step cannot offer this correctly.
     *
     * @param batch the replacements, at most {@value #MAX_BATCH}
     * @param at the instant of the write, against which leases are judged
     * @return one outcome per replacement, at the same index
     */
    ReplaceResult replaceIfUnchanged(List<Replacement> batch, Instant at);

    /**
     * Searches the store: one row per record matching the query, or, when it has a phone
     * criterion, one row per matching number (seed 003), in key order then number position.
     *
     * @param query the criteria
     * @param page which page
     * @return the page; {@code next} is present exactly when more rows follow
     */
    Page<RecordMatch> query(RecordQuery query, PageRequest page);

    /**
     * @param query the criteria
     * @return how many rows {@link #query} would return over all pages
     */
    long count(RecordQuery query);

    /**
     * Every record that matches, once each, in key order: what an export reads. The stream may
     * hold resources (a database cursor): close it, with try-with-resources.
     *
     * @param query the criteria
     * @return the records
     */
    Stream<Record> stream(RecordQuery query);

    /**
     * Deletes every record that matches, with its history; records under a lease are left and
     * reported.
     *
     * @param query the criteria
     * @param at the instant of the delete
     * @return what was deleted and what was left
     */
    BulkResult delete(RecordQuery query, Instant at);

    /**
     * Seed 003's bulk Status Change: {@link StatusChange#applyTo} for every record that matches.
     * Records under a lease are left and reported; so are records in a call ({@code PROCESSING})
     * when the change sets a status.
     *
     * @param query the criteria
     * @param change what changes
     * @param at the instant of the change
     * @return what changed and what was left
     */
    BulkResult changeStatus(RecordQuery query, StatusChange change, Instant at);

    /**
     * Adds an interaction to a record's history, once: an interaction whose {@linkplain
     * Interaction#id() id} the history already holds is not added again, so that a write retried
     * after a lost reply leaves one entry per call.
     *
     * @param key the record's key
     * @param interaction the interaction
     * @return whether it was added; false when the history already held its id
     * @throws StoreException of kind {@code UNKNOWN_KEY} if there is no such record
     */
    boolean appendInteraction(RecordKey key, Interaction interaction);

    /**
     * The latest interactions of a record, newest first: by {@link Interaction#at()} descending,
     * and of two with the same instant the one appended later first (seed 003 shows the latest
     * 50).
     *
     * @param key the record's key
     * @param limit the most interactions, 1 or more
     * @return the interactions; empty when there are none or no such record
     */
    List<Interaction> latestInteractions(RecordKey key, int limit);

    /**
     * Claims the next records due in a campaign, in load order, each under a new lease (see
     * {@link ClaimRequest}). A record is due when its status is dialable and its
     * {@linkplain Record#dueAt() due time} is at or before the request's instant, and no lease
     * holds it at that instant. Two claims never return the same record while a lease from the
     * first holds, whatever threads or processes make them.
     *
     * @param request the request
     * @return the claims, in load order; fewer than asked when fewer are due
     */
    List<Claim> claim(ClaimRequest request);

    /**
     * Extends a lease that still holds: it keeps its token and now ends at {@code at + leaseFor},
     * or at its old expiry if that is later (a renewal never shortens a lease).
     *
     * @param lease the lease
     * @param at the instant of the renewal; the lease must hold then
     * @param leaseFor how long from {@code at} the lease lasts now, more than zero and at most a day
     * @return the lease with its new expiry
     * @throws StoreException of kind {@code LEASE_LOST} if it no longer holds
     */
    Lease renew(Lease lease, Instant at, Duration leaseFor);

    /**
     * Ends a lease by writing the call's result in one step: the record as it is after the call
     * replaces the stored one, the interaction (if any) joins its history as
     * {@link #appendInteraction} adds it, and the lease ends.
     * Nothing is written when the lease no longer holds.
     *
     * @param lease the lease
     * @param updated the record after the call; the lease's key
     * @param interaction the call's entry for the history, if any
     * @param at the instant of the write; the lease must hold then
     * @throws StoreException of kind {@code LEASE_LOST} if the lease no longer holds (expired,
     *     released, or the record was deleted), of kind {@code MISMATCH} if the record has another key
     */
    void complete(Lease lease, Record updated, Optional<Interaction> interaction, Instant at);

    /**
     * Ends a lease without writing: the record is due again as it was.
     *
     * @param lease the lease
     * @param at the instant of the release
     * @return whether the lease held and has ended; false when it had already ended
     */
    boolean release(Lease lease, Instant at);

    /**
     * @param key a record's key
     * @param at an instant
     * @return the lease that holds the record at that instant, or empty
     */
    Optional<Lease> lease(RecordKey key, Instant at);

    /** Releases what the store holds (connections, threads); the in-memory store holds nothing. */
    @Override
    default void close() {
    }
}
