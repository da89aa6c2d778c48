package dev.outbound.spi.jdbc;

import dev.outbound.core.lifecycle.StatusChange;
import dev.outbound.core.record.Record;
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
import dev.outbound.spi.store.UpsertMode;
import dev.outbound.spi.store.UpsertResult;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** A record store that hands every call to another: tests override what they observe. */
class ForwardingStore implements RecordStore {
    final RecordStore delegate;

    ForwardingStore(RecordStore delegate) {
        this.delegate = delegate;
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
