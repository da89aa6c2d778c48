package dev.outbound.spi.store;

import dev.outbound.core.InvalidValueException;
import java.time.Instant;
import java.util.Objects;

/**
 * A dialer's hold on a record it claimed: until the lease ends, no other claim returns the record
 * and bulk writes leave it alone. The holder {@linkplain RecordStore#complete completes} or
 * {@linkplain RecordStore#release releases} it; if the holder dies, the lease runs out at
 * {@code expiresAt} and the record can be claimed again.
 *
 * @param key the record's key
 * @param owner who holds it (a dialer node's name)
 * @param token what tells this claim apart from any other claim of the same record, by the same
 *     owner or another: a store never gives two claims the same token for one key
 * @param expiresAt the first instant at which the lease no longer holds
 */
public record Lease(RecordKey key, String owner, long token, Instant expiresAt) {
    /**
     * Checks the components.
     *
     * @param key the record's key
     * @param owner the holder
     * @param token the claim's token
     * @param expiresAt when it ends
     */
    public Lease {
        Objects.requireNonNull(key, "key");
        ClaimRequest.checkOwner(owner);
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    /**
     * @param at an instant
     * @return whether the lease still holds at that instant (before {@code expiresAt})
     */
    public boolean holdsAt(Instant at) {
        return at.isBefore(expiresAt);
    }

    /**
     * @param newExpiry a later expiry
     * @return the same lease, ending later
     */
    public Lease extendedTo(Instant newExpiry) {
        if (newExpiry.isBefore(expiresAt)) {
            throw new InvalidValueException("lease expiry", "not before " + expiresAt, newExpiry);
        }
        return new Lease(key, owner, token, newExpiry);
    }
}
