package dev.outbound.spi.store;

import dev.outbound.core.OutboundException;
import java.util.Objects;

/**
 * A record store refused an operation on one record; the message says which and why.
 */
public class StoreException extends OutboundException {
    private static final long serialVersionUID = 1L;

    /** What went wrong. */
    public enum Kind {
        /** {@link RecordStore#create} was given a key the store already holds. */
        DUPLICATE_KEY,
        /** The key is not in the store. */
        UNKNOWN_KEY,
        /** The lease has expired, or another claim has taken the record since. */
        LEASE_LOST,
        /** The record given does not fit the operation (another key than the lease's, for example). */
        MISMATCH
    }

    /** The key of the record concerned; not serialised, the message names it. */
    private final transient RecordKey key;
    /** What went wrong. */
    private final Kind kind;

    /**
     * @param kind what went wrong
     * @param key the record's key
     * @param message what went wrong, naming the record
     */
    public StoreException(Kind kind, RecordKey key, String message) {
        super(message);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.key = Objects.requireNonNull(key, "key");
    }

    /** @return what went wrong */
    public Kind kind() {
        return kind;
    }

    /** @return the key of the record concerned */
    public RecordKey key() {
        return key;
    }

    /**
     * @param key a key the store holds
     * @return the exception for creating it again
     */
    public static StoreException duplicateKey(RecordKey key) {
        return new StoreException(Kind.DUPLICATE_KEY, key, "record " + key + " already exists");
    }

    /**
     * @param key a key the store does not hold
     * @return the exception for using it
     */
    public static StoreException unknownKey(RecordKey key) {
        return new StoreException(Kind.UNKNOWN_KEY, key, "no record " + key + " in the store");
    }

    /**
     * @param lease a lease that no longer holds
     * @param why what happened to it
     * @return the exception for using it
     */
    public static StoreException leaseLost(Lease lease, String why) {
        return new StoreException(Kind.LEASE_LOST, lease.key(), "lease " + lease.token() + " of " + lease.owner()
                + " on record " + lease.key() + " no longer holds: " + why);
    }
}
