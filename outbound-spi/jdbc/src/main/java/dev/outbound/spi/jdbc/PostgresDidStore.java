package dev.outbound.spi.jdbc;

import dev.outbound.core.callerid.Did;
import dev.outbound.core.callerid.DidPool;
import dev.outbound.core.callerid.DidUse;
import dev.outbound.core.phone.PhoneNumber;
import dev.outbound.core.record.CampaignId;
import dev.outbound.spi.callerid.DidStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@link DidStore} on PostgreSQL, in the tables of a {@link PostgresRecordStore}'s schema
 * (migration version 3): {@code outbound_did_pool} holds each campaign's default,
 * {@code outbound_did} its DIDs in pool order, {@code outbound_did_use} one row per call that
 * presented a number. Every method is one transaction; a pool's writes lock its pool row, so that
 * two nodes upserting or retiring at once take turns and neither loses the other's change. Any
 * number of nodes may share the tables: each records its uses, and a selector made from
 * {@link #uses} counts them all.
 *
 * <p>Instants are kept as epoch nanoseconds; instants outside the years 1677 to 2262 saturate there.
 */
public final class PostgresDidStore implements DidStore {
    private final PostgresRecordStore store;
    private final boolean owned;
    private final String pools;
    private final String dids;
    private final String uses;

    private PostgresDidStore(PostgresRecordStore store, boolean owned) {
        this.store = store;
        this.owned = owned;
        this.pools = store.table("outbound_did_pool");
        this.dids = store.table("outbound_did");
        this.uses = store.table("outbound_did_use");
    }

    /**
     * A DID store on a record store's database and schema, which it shares and never closes.
     *
     * @param store the record store (its migrations made the tables)
     * @return the DID store
     */
    public static PostgresDidStore of(PostgresRecordStore store) {
        return new PostgresDidStore(Objects.requireNonNull(store, "store"), false);
    }

    /**
     * A DID store that owns the record store it is on, closing it on {@link #close()}: what the
     * provider hands the command line.
     *
     * @param store the record store, now owned by the DID store
     * @return the DID store
     */
    static PostgresDidStore owning(PostgresRecordStore store) {
        return new PostgresDidStore(Objects.requireNonNull(store, "store"), true);
    }

    @Override
    public Optional<DidPool> pool(CampaignId campaign) {
        Objects.requireNonNull(campaign, "campaign");
        return store.inWriteTransaction(c -> read(c, campaign, false));
    }

    /** The pool as stored, its pool row locked when asked. */
    private Optional<DidPool> read(Connection c, CampaignId campaign, boolean lock) throws SQLException {
        PhoneNumber campaignDefault;
        try (PreparedStatement ps = c.prepareStatement("SELECT default_number FROM " + pools + " WHERE campaign = ?"
                + (lock ? " FOR UPDATE" : ""))) {
            ps.setString(1, campaign.value());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                campaignDefault = PhoneNumber.ofE164(rs.getString(1));
            }
        }
        List<Did> list = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT number, label, retired FROM " + dids
                + " WHERE campaign = ? ORDER BY position")) {
            ps.setString(1, campaign.value());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    list.add(new Did(PhoneNumber.ofE164(rs.getString(1)), Optional.ofNullable(rs.getString(2)),
                            rs.getBoolean(3)));
                }
            }
        }
        return Optional.of(DidPool.of(campaignDefault, list));
    }

    private DidPool locked(Connection c, CampaignId campaign) throws SQLException {
        return read(c, campaign, true).orElseThrow(() -> new IllegalStateException("campaign " + campaign.value()
                + " has no DID pool in " + pools + ": put one first, with its default number"));
    }

    @Override
    public void putPool(CampaignId campaign, DidPool pool) {
        Objects.requireNonNull(campaign, "campaign");
        Objects.requireNonNull(pool, "pool");
        store.inWriteTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + pools + " (campaign, default_number)"
                    + " VALUES (?, ?) ON CONFLICT (campaign) DO UPDATE SET default_number = excluded.default_number")) {
                ps.setString(1, campaign.value());
                ps.setString(2, pool.campaignDefault().e164());
                ps.executeUpdate();
            }
            // The upsert above locked the pool row: the rewrite below is this transaction's alone.
            write(c, campaign, pool);
            return null;
        });
    }

    /** Rewrites a pool's DIDs; the caller holds its pool row. */
    private void write(Connection c, CampaignId campaign, DidPool pool) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + dids + " WHERE campaign = ?")) {
            ps.setString(1, campaign.value());
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + dids
                + " (campaign, number, position, label, retired) VALUES (?, ?, ?, ?, ?)")) {
            int position = 0;
            for (Did d : pool.dids()) {
                ps.setString(1, campaign.value());
                ps.setString(2, d.number().e164());
                ps.setInt(3, position++);
                ps.setString(4, d.label().orElse(null));
                ps.setBoolean(5, d.retired());
                ps.addBatch();
            }
            if (position > 0) {
                ps.executeBatch();
            }
        }
    }

    @Override
    public DidPool upsert(CampaignId campaign, List<Did> upserts) {
        Objects.requireNonNull(campaign, "campaign");
        List<Did> given = List.copyOf(Objects.requireNonNull(upserts, "upserts"));
        return store.inWriteTransaction(c -> {
            DidPool merged = locked(c, campaign).merge(given);
            write(c, campaign, merged);
            return merged;
        });
    }

    @Override
    public boolean retire(CampaignId campaign, PhoneNumber number) {
        Objects.requireNonNull(campaign, "campaign");
        Objects.requireNonNull(number, "number");
        return store.inWriteTransaction(c -> {
            DidPool pool = locked(c, campaign);
            boolean wasActive = pool.find(number).map(Did::isActive).orElse(true);
            pool.retire(number); // refuses a number the pool lacks
            try (PreparedStatement ps = c.prepareStatement("UPDATE " + dids
                    + " SET retired = true WHERE campaign = ? AND number = ?")) {
                ps.setString(1, campaign.value());
                ps.setString(2, number.e164());
                ps.executeUpdate();
            }
            return wasActive;
        });
    }

    @Override
    public void recordUse(CampaignId campaign, DidUse use) {
        Objects.requireNonNull(campaign, "campaign");
        Objects.requireNonNull(use, "use");
        store.inWriteTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + uses + " (campaign, number, at)"
                    + " VALUES (?, ?, ?)")) {
                ps.setString(1, campaign.value());
                ps.setString(2, use.number().e164());
                ps.setLong(3, RecordCodec.nanos(use.at()));
                ps.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public List<DidUse> uses(CampaignId campaign, Instant after, Instant upTo) {
        Objects.requireNonNull(campaign, "campaign");
        Objects.requireNonNull(after, "after");
        Objects.requireNonNull(upTo, "upTo");
        if (upTo.isBefore(after)) {
            throw new IllegalArgumentException("a span of uses ending at " + upTo + " before its start " + after);
        }
        return store.inWriteTransaction(c -> {
            List<DidUse> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT number, at FROM " + uses
                    + " WHERE campaign = ? AND at > ? AND at <= ? ORDER BY at, seq")) {
                ps.setString(1, campaign.value());
                ps.setLong(2, RecordCodec.nanos(after));
                ps.setLong(3, RecordCodec.nanos(upTo));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(DidUse.of(PhoneNumber.ofE164(rs.getString(1)), Instant.ofEpochSecond(0, rs.getLong(2))));
                    }
                }
            }
            return List.copyOf(out);
        });
    }

    @Override
    public long countUses(CampaignId campaign, PhoneNumber number, Instant after, Instant upTo) {
        Objects.requireNonNull(campaign, "campaign");
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(after, "after");
        Objects.requireNonNull(upTo, "upTo");
        if (upTo.isBefore(after)) {
            throw new IllegalArgumentException("a span of uses ending at " + upTo + " before its start " + after);
        }
        return store.inWriteTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM " + uses
                    + " WHERE campaign = ? AND number = ? AND at > ? AND at <= ?")) {
                ps.setString(1, campaign.value());
                ps.setString(2, number.e164());
                ps.setLong(3, RecordCodec.nanos(after));
                ps.setLong(4, RecordCodec.nanos(upTo));
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    @Override
    public long deleteUsesBefore(CampaignId campaign, Instant before) {
        Objects.requireNonNull(campaign, "campaign");
        Objects.requireNonNull(before, "before");
        return store.inWriteTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + uses + " WHERE campaign = ? AND at < ?")) {
                ps.setString(1, campaign.value());
                ps.setLong(2, RecordCodec.nanos(before));
                return (long) ps.executeUpdate();
            }
        });
    }

    /** Closes the record store when this DID store owns it ({@link PostgresProvider}'s); otherwise nothing. */
    @Override
    public void close() {
        if (owned) {
            store.close();
        }
    }

    @Override
    public String toString() {
        return "PostgresDidStore[" + store.schema() + "]";
    }
}
