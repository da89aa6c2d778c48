package dev.outbound.spi.store;

import dev.outbound.core.lifecycle.StatusChange;
import dev.outbound.core.record.Record;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A record store that hands every call to another: the base of decorators that add to one or two
 * methods (metrics, logging, a cache, a test double that watches claims) and leave the rest as
 * they are. Override the methods to change; each forwards to {@link #delegate()} otherwise,
 * {@link #close()} included.
 *
 * <pre>{@code
 * RecordStore counted = new ForwardingRecordStore(store) {
 *     @Override
 *     public List<Claim> claim(ClaimRequest request) {
 *         List<Claim> claims = super.claim(request);
 *         metrics.claimed(claims.size());
 *         return claims;
 *     }
 * };
 * }</pre>
 *
 * Thread-safe when the delegate is and the overrides are.
 */
public abstract class ForwardingRecordStore implements RecordStore {
    private final RecordStore delegate;

    /**
     * @param delegate the store every call goes to
     */
    protected ForwardingRecordStore(RecordStore delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    /** @return the store every call goes to */
    protected final RecordStore delegate() {
        return delegate;
    }

    @Override
    public void create(Record record) {
        delegate.create(record);
    }

    @Override
    public Optional<Record> get(RecordKey key) {
        return delegate.get(key);
    }

    @Override
    public UpsertResult upsert(List<Record> batch, UpsertMode mode, Instant at) {
        return delegate.upsert(batch, mode, at);
    }

    @Override
    public ReplaceResult replaceIfUnchanged(List<Replacement> batch, Instant at) {
        return delegate.replaceIfUnchanged(batch, at);
    }

    @Override
    public Page<RecordMatch> query(RecordQuery query, PageRequest page) {
        return delegate.query(query, page);
    }

    @Override
    public long count(RecordQuery query) {
        return delegate.count(query);
    }

    @Override
    public Stream<Record> stream(RecordQuery query) {
        return delegate.stream(query);
    }

    @Override
    public BulkResult delete(RecordQuery query, Instant at) {
        return delegate.delete(query, at);
    }

    @Override
    public BulkResult changeStatus(RecordQuery query, StatusChange change, Instant at) {
        return delegate.changeStatus(query, change, at);
    }

    @Override
    public boolean appendInteraction(RecordKey key, Interaction interaction) {
        return delegate.appendInteraction(key, interaction);
    }

    @Override
    public List<Interaction> latestInteractions(RecordKey key, int limit) {
        return delegate.latestInteractions(key, limit);
    }

    @Override
    public List<Claim> claim(ClaimRequest request) {
        return delegate.claim(request);
    }

    @Override
    public Lease renew(Lease lease, Instant at, Duration leaseFor) {
        return delegate.renew(lease, at, leaseFor);
    }

    @Override
    public void complete(Lease lease, Record updated, Optional<Interaction> interaction, Instant at) {
        delegate.complete(lease, updated, interaction, at);
    }

    @Override
    public boolean release(Lease lease, Instant at) {
        return delegate.release(lease, at);
    }

    @Override
    public Optional<Lease> lease(RecordKey key, Instant at) {
        return delegate.lease(key, at);
    }

    @Override
    public void close() {
        delegate.close();
    }
}
