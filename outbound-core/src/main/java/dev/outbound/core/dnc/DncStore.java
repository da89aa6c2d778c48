package dev.outbound.core.dnc;

import dev.outbound.core.phone.PhoneNumber;
import java.time.Instant;
import java.util.Optional;

/**
 * The tables of one list: exact numbers, prefixes and customer references, each a primitive
 * open-addressing table, plus the interned metadata. Not thread-safe by itself: {@link DncList}
 * serialises writers and validates lock-free readers. Every read path here is written so that
 * racing with a writer yields at worst a wrong answer (which the caller throws away), never an
 * exception or an endless loop.
 */
final class DncStore {
    /** Expiry of a permanent entry. */
    static final long NO_EXPIRY = Long.MAX_VALUE;

    static final int NUMBER = 0;
    static final int PREFIX = 1;
    static final int CUSTOMER = 2;

    private static final long[] POW10 = new long[16];

    static {
        POW10[0] = 1;
        for (int i = 1; i < POW10.length; i++) {
            POW10[i] = POW10[i - 1] * 10;
        }
    }

    /** The result of a look-up, read in one go so that it can be validated as a whole. */
    record Hit(int kind, long value, String customerRef, long expiry, MetaPool.Meta meta) {
        static final Hit MISS = new Hit(-1, 0L, "", 0L, MetaPool.Meta.NONE);

        DncEntry toEntry(PhoneNumber query) {
            DncEntry.Key key;
            if (kind == NUMBER) {
                key = new DncEntry.NumberKey(query);
            } else if (kind == PREFIX) {
                // Prefixes never start with 0, so the value prints back to exactly its digits.
                key = new DncEntry.PrefixKey(Long.toString(value >>> 4));
            } else {
                key = new DncEntry.CustomerKey(customerRef);
            }
            Optional<Instant> expiresAt = expiry == NO_EXPIRY
                    ? Optional.empty()
                    : Optional.of(Instant.ofEpochSecond(expiry));
            return new DncEntry(key, meta.source(), meta.reason(), expiresAt);
        }
    }

    private LongTable numbers;
    private LongTable prefixes;
    private RefTable customers;
    /** Bit {@code n} is set when some prefix has {@code n} digits; a look-up probes only those. */
    private int prefixLengths;
    private final int[] prefixesPerLength = new int[16];
    private MetaPool metas = new MetaPool();

    DncStore(int expectedNumbers, int expectedPrefixes, int expectedCustomers) {
        numbers = new LongTable(expectedNumbers);
        prefixes = new LongTable(expectedPrefixes);
        customers = new RefTable(expectedCustomers);
    }

    int size() {
        return numbers.size() + prefixes.size() + customers.size();
    }

    /** @return the bytes the three tables' arrays take (not the customer strings or metadata) */
    long tableBytes() {
        return 21L * (numbers.keys.length + prefixes.keys.length) + 20L * customers.keys.length;
    }

    /** Grows the tables once so that the given numbers of new keys fit. */
    void reserve(int moreNumbers, int morePrefixes, int moreCustomers) {
        if (!numbers.hasRoomFor(moreNumbers)) {
            numbers = numbers.grownFor(moreNumbers);
        }
        if (!prefixes.hasRoomFor(morePrefixes)) {
            prefixes = prefixes.grownFor(morePrefixes);
        }
        if (!customers.hasRoomFor(moreCustomers)) {
            customers = customers.grownFor(moreCustomers);
        }
    }


    static long expiryOf(DncEntry entry) {
        return entry.expiresAt().map(Instant::getEpochSecond).orElse(NO_EXPIRY);
    }

    static long prefixKey(DncEntry.PrefixKey key) {
        return (Long.parseLong(key.digits()) << 4) | key.digits().length();
    }

    void put(DncEntry entry) {
        long expiry = expiryOf(entry);
        int meta = metas.intern(entry.source(), entry.reason());
        DncEntry.Key key = entry.key();
        if (key instanceof DncEntry.NumberKey n) {
            reserve(1, 0, 0);
            numbers.put(n.number().digits(), expiry, meta);
        } else if (key instanceof DncEntry.PrefixKey p) {
            reserve(0, 1, 0);
            if (prefixes.put(prefixKey(p), expiry, meta)) {
                int length = p.digits().length();
                prefixesPerLength[length]++;
                prefixLengths |= 1 << length;
            }
        } else {
            reserve(0, 0, 1);
            customers.put(((DncEntry.CustomerKey) key).customerRef(), expiry, meta);
        }
    }

    /**
     * The entry stored under exactly this key, expired or not: no prefix stands in for a number,
     * and a number never answers for a prefix.
     */
    Optional<DncEntry> get(DncEntry.Key key) {
        int slot;
        long expiry;
        int meta;
        if (key instanceof DncEntry.NumberKey n) {
            slot = numbers.indexOf(n.number().digits());
            expiry = slot < 0 ? 0 : numbers.expiries[slot];
            meta = slot < 0 ? 0 : numbers.metas[slot];
        } else if (key instanceof DncEntry.PrefixKey p) {
            slot = prefixes.indexOf(prefixKey(p));
            expiry = slot < 0 ? 0 : prefixes.expiries[slot];
            meta = slot < 0 ? 0 : prefixes.metas[slot];
        } else {
            slot = customers.indexOf(((DncEntry.CustomerKey) key).customerRef());
            expiry = slot < 0 ? 0 : customers.expiries[slot];
            meta = slot < 0 ? 0 : customers.metas[slot];
        }
        if (slot < 0) {
            return Optional.empty();
        }
        MetaPool.Meta m = metas.get(meta);
        return Optional.of(new DncEntry(key, m.source(), m.reason(),
                expiry == NO_EXPIRY ? Optional.empty() : Optional.of(Instant.ofEpochSecond(expiry))));
    }

    /**
     * Takes over another store's tables and metadata, dropping this store's; the other store must
     * not be used afterwards. Fields are replaced one by one, as growing replaces a table: a
     * reader racing with this sees a mix at worst, which its lock validation throws away, and every
     * table it reads stays in bounds (each table instance has fixed arrays, and {@link MetaPool#get}
     * answers any id).
     */
    void takeOver(DncStore other) {
        numbers = other.numbers;
        prefixes = other.prefixes;
        customers = other.customers;
        metas = other.metas;
        System.arraycopy(other.prefixesPerLength, 0, prefixesPerLength, 0, prefixesPerLength.length);
        prefixLengths = other.prefixLengths;
    }

    boolean remove(DncEntry.Key key) {
        if (key instanceof DncEntry.NumberKey n) {
            return numbers.remove(n.number().digits());
        } else if (key instanceof DncEntry.PrefixKey p) {
            if (!prefixes.remove(prefixKey(p))) {
                return false;
            }
            int length = p.digits().length();
            if (--prefixesPerLength[length] == 0) {
                prefixLengths &= ~(1 << length);
            }
            return true;
        } else {
            return customers.remove(((DncEntry.CustomerKey) key).customerRef());
        }
    }

    /** Drops every entry that has expired at the given epoch second; @return how many went. */
    int removeExpired(long atSecond) {
        int before = size();
        numbers = numbers.retaining(expiry -> atSecond < expiry);
        customers = customers.retaining(expiry -> atSecond < expiry);
        LongTable keptPrefixes = prefixes.retaining(expiry -> atSecond < expiry);
        java.util.Arrays.fill(prefixesPerLength, 0);
        int lengths = 0;
        for (long key : keptPrefixes.keys) {
            if (key != LongTable.EMPTY) {
                int length = (int) (key & 0xF);
                prefixesPerLength[length]++;
                lengths |= 1 << length;
            }
        }
        prefixes = keptPrefixes;
        prefixLengths = lengths;
        return before - size();
    }

    /**
     * Finds the entry that applies: exact number first, then the longest prefix, then the
     * customer; an entry applies while {@code atSecond < expiry}.
     *
     * @param digits the number's E.164 digits
     * @param length how many digits that is (2..15)
     * @param customerRef the customer reference, or empty for none
     * @param atSecond the epoch second of the check
     */
    Hit lookup(long digits, int length, String customerRef, long atSecond) {
        LongTable n = numbers;
        int slot = n.indexOf(digits);
        if (slot >= 0) {
            long expiry = n.expiries[slot];
            if (atSecond < expiry) {
                return new Hit(NUMBER, digits, "", expiry, metas.get(n.metas[slot]));
            }
        }
        // Only lengths that have prefixes and are no longer than the number; longest first.
        int lengths = prefixLengths & ((2 << length) - 1);
        if (lengths != 0) {
            LongTable p = prefixes;
            while (lengths != 0) {
                int prefixLength = 31 - Integer.numberOfLeadingZeros(lengths);
                lengths &= ~(1 << prefixLength);
                long key = ((digits / POW10[length - prefixLength]) << 4) | prefixLength;
                slot = p.indexOf(key);
                if (slot >= 0) {
                    long expiry = p.expiries[slot];
                    if (atSecond < expiry) {
                        return new Hit(PREFIX, key, "", expiry, metas.get(p.metas[slot]));
                    }
                }
            }
        }
        if (!customerRef.isEmpty()) {
            RefTable c = customers;
            slot = c.indexOf(customerRef);
            if (slot >= 0) {
                long expiry = c.expiries[slot];
                String ref = c.keys[slot];
                if (atSecond < expiry && ref != null) {
                    return new Hit(CUSTOMER, 0L, ref, expiry, metas.get(c.metas[slot]));
                }
            }
        }
        return Hit.MISS;
    }
}
