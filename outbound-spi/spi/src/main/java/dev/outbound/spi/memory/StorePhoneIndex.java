package dev.outbound.spi.memory;

import dev.outbound.core.record.Record;
import dev.outbound.core.record.RecordPhone;
import dev.outbound.spi.store.PhoneMatch;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;

/**
 * A campaign's numbers, indexed for {@link PhoneMatch}: the digits of every stored number (as
 * {@link PhoneMatch#digitsOf} gives them) lead to the customer reference ids of the records that
 * have it. Digits are kept in a sorted map, so that the numbers with a given prefix are one range;
 * the same digits reversed are kept in a second map, so that a suffix is a range too. An exact
 * search is one look-up; a search for digits anywhere in the number walks the distinct numbers of
 * the campaign (not its records): the one search that costs time in proportion to the numbers.
 *
 * <p>A value is a single reference id (the usual case: one record per number) or a set of them,
 * to keep the index small. Guarded by the partition's lock.
 */
final class StorePhoneIndex {
    private final TreeMap<String, Object> byDigits = new TreeMap<>();
    private final TreeMap<String, Object> byReversed = new TreeMap<>();

    /** Indexes a new record's numbers. */
    void add(String ref, Record record) {
        for (String d : distinctDigits(record)) {
            put(byDigits, d, ref);
            put(byReversed, reverse(d), ref);
        }
    }

    /** Drops a record's numbers. */
    void remove(String ref, Record record) {
        for (String d : distinctDigits(record)) {
            take(byDigits, d, ref);
            take(byReversed, reverse(d), ref);
        }
    }

    /** Moves a record from its old numbers to its new ones, touching only the numbers that differ. */
    void update(String ref, Record old, Record now) {
        if (old.phones() == now.phones() || old.phones().equals(now.phones())) {
            return;
        }
        List<String> before = distinctDigits(old);
        List<String> after = distinctDigits(now);
        for (String d : before) {
            if (!after.contains(d)) {
                take(byDigits, d, ref);
                take(byReversed, reverse(d), ref);
            }
        }
        for (String d : after) {
            if (!before.contains(d)) {
                put(byDigits, d, ref);
                put(byReversed, reverse(d), ref);
            }
        }
    }

    /**
     * Adds to {@code out} the reference id of every record with a number that matches, a record
     * with several matching numbers possibly more than once; stops early once more than
     * {@code cap} ids have been added.
     *
     * @return whether every candidate was added (false: more than {@code cap})
     */
    boolean candidates(PhoneMatch match, int cap, Collection<String> out) {
        String digits = match.digits();
        switch (match.kind()) {
            case EXACT: {
                Object v = byDigits.get(digits);
                return v == null || addAll(v, cap, out);
            }
            case PREFIX:
                return addRange(byDigits, digits, cap, out);
            case SUFFIX:
                return addRange(byReversed, reverse(digits), cap, out);
            case CONTAINS:
                for (Map.Entry<String, Object> e : byDigits.entrySet()) {
                    if (e.getKey().contains(digits) && !addAll(e.getValue(), cap, out)) {
                        return false;
                    }
                }
                return true;
            default:
                throw new AssertionError(match.kind());
        }
    }

    /** @return how many distinct numbers the index holds */
    int numbers() {
        return byDigits.size();
    }

    private static boolean addRange(NavigableMap<String, Object> map, String prefix, int cap, Collection<String> out) {
        for (Map.Entry<String, Object> e : map.tailMap(prefix, true).entrySet()) {
            if (!e.getKey().startsWith(prefix)) {
                break;
            }
            if (!addAll(e.getValue(), cap, out)) {
                return false;
            }
        }
        return true;
    }

    @SuppressWarnings("unchecked")
    private static boolean addAll(Object v, int cap, Collection<String> out) {
        if (v instanceof String) {
            out.add((String) v);
        } else {
            out.addAll((Set<String>) v);
        }
        return out.size() <= cap;
    }

    /** Adds a reference id to a number: one walk down the map (merge), as the index is written on every import. */
    private static void put(Map<String, Object> map, String key, String ref) {
        map.merge(key, ref, StorePhoneIndex::plus);
    }

    @SuppressWarnings("unchecked")
    private static Object plus(Object refs, Object ref) {
        if (refs instanceof String) {
            if (refs.equals(ref)) {
                return refs;
            }
            Set<String> both = new HashSet<>(4);
            both.add((String) refs);
            both.add((String) ref);
            return both;
        }
        ((Set<String>) refs).add((String) ref);
        return refs;
    }

    /** Takes a reference id from a number, and the number from the map when no record has it any more. */
    @SuppressWarnings("unchecked")
    private static void take(Map<String, Object> map, String key, String ref) {
        map.computeIfPresent(key, (k, refs) -> {
            if (refs instanceof String) {
                return refs.equals(ref) ? null : refs;
            }
            Set<String> set = (Set<String>) refs;
            set.remove(ref);
            return set.size() == 1 ? set.iterator().next() : set;
        });
    }

    /** @return the digits of a record's numbers, each once (two fields may hold the same number) */
    private static List<String> distinctDigits(Record record) {
        List<RecordPhone> phones = record.phones();
        List<String> out = new ArrayList<>(phones.size());
        for (RecordPhone p : phones) {
            String d = PhoneMatch.digitsOf(p.number());
            if (!out.contains(d)) {
                out.add(d);
            }
        }
        return out;
    }

    private static String reverse(String s) {
        return new StringBuilder(s).reverse().toString();
    }
}
