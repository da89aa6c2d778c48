package dev.outbound.spi.memory;

import dev.outbound.core.record.Record;
import dev.outbound.core.record.RecordPhone;
import dev.outbound.spi.store.PhoneMatch;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A campaign's numbers, indexed for {@link PhoneMatch}: every stored number's E.164 string (the
 * record's own instance, so the index adds no string per number; a search's digits get the
 * {@code +} in front) leads to the customer reference ids of the records that have it, in a hash map, so that writing a number is one hash insert and an exact search is one
 * look-up. For prefix and suffix searches the distinct digits, and the same digits reversed, are
 * sorted into arrays when such a search first needs them after the set of numbers changed: a
 * prefix or a suffix is then a binary search and a range. An import, which writes numbers by the
 * million, pays no ordered insert per number (profiling showed two tree inserts per number taking
 * 84% of an upsert); a campaign being dialled, whose numbers rarely change, keeps its arrays. A
 * search for digits anywhere in the number walks the distinct numbers of the campaign (not its
 * records): the one search that costs time in proportion to the numbers.
 *
 * <p>A value is a single reference id (the usual case: one record per number) or a set of them,
 * to keep the index small. Guarded by the partition's lock; the arrays are built under the read
 * lock by whichever reader needs them first, so building is synchronized on the index.
 */
final class StorePhoneIndex {
    private static final String[] NONE = new String[0];

    private final HashMap<String, Object> byDigits = new HashMap<>();
    /** The distinct digits, sorted; stale when {@link #stale} is set. */
    private volatile String[] sorted = NONE;
    /** The distinct digits reversed, sorted; stale when {@link #stale} is set. */
    private volatile String[] sortedReversed = NONE;
    /** Whether numbers came or went since the arrays were built. Written under the write lock. */
    private volatile boolean stale;

    /** Indexes a new record's numbers. */
    void add(String ref, Record record) {
        for (String d : distinctDigits(record)) {
            put(d, ref);
        }
    }

    /** Drops a record's numbers. */
    void remove(String ref, Record record) {
        for (String d : distinctDigits(record)) {
            take(d, ref);
        }
    }

    /** Moves a record from its old numbers to its new ones, touching only the numbers that differ. */
    void update(String ref, Record old, Record now) {
        if (sameNumbers(old.phones(), now.phones())) {
            // Every call's outcome lands here with the same numbers in new states: nothing to index.
            return;
        }
        List<String> before = distinctDigits(old);
        List<String> after = distinctDigits(now);
        for (String d : before) {
            if (!after.contains(d)) {
                take(d, ref);
            }
        }
        for (String d : after) {
            if (!before.contains(d)) {
                put(d, ref);
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
                Object v = byDigits.get("+" + digits);
                return v == null || addAll(v, cap, out);
            }
            case PREFIX:
                ensureSorted();
                return addRange(sorted, "+" + digits, false, cap, out);
            case SUFFIX:
                ensureSorted();
                return addRange(sortedReversed, reverse(digits), true, cap, out);
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

    /** Sorts the distinct digits again if numbers came or went since the last sort. */
    private synchronized void ensureSorted() {
        if (!stale) {
            return;
        }
        String[] digits = byDigits.keySet().toArray(NONE);
        String[] reversed = new String[digits.length];
        for (int i = 0; i < digits.length; i++) {
            reversed[i] = reverse(digits[i]);
        }
        Arrays.sort(digits);
        Arrays.sort(reversed);
        sorted = digits;
        sortedReversed = reversed;
        stale = false;
    }

    private boolean addRange(String[] keys, String prefix, boolean reversed, int cap, Collection<String> out) {
        int i = Arrays.binarySearch(keys, prefix);
        for (i = i < 0 ? -i - 1 : i; i < keys.length && keys[i].startsWith(prefix); i++) {
            if (!addAll(byDigits.get(reversed ? reverse(keys[i]) : keys[i]), cap, out)) {
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

    /** Adds a reference id to a number; a number new to the index makes the sorted arrays stale. */
    private void put(String key, String ref) {
        Object before = byDigits.putIfAbsent(key, ref);
        if (before == null) {
            stale = true;
        } else {
            Object after = plus(before, ref);
            if (after != before) {
                byDigits.put(key, after);
            }
        }
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
    private void take(String key, String ref) {
        byDigits.computeIfPresent(key, (k, refs) -> {
            if (refs instanceof String) {
                return refs.equals(ref) ? null : refs;
            }
            Set<String> set = (Set<String>) refs;
            set.remove(ref);
            return set.size() == 1 ? set.iterator().next() : set;
        });
        if (!byDigits.containsKey(key)) {
            stale = true;
        }
    }

    /** @return whether two lists of numbers hold the same numbers in the same order, whatever their states */
    private static boolean sameNumbers(List<RecordPhone> a, List<RecordPhone> b) {
        if (a == b) {
            return true;
        }
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!a.get(i).number().e164().equals(b.get(i).number().e164())) {
                return false;
            }
        }
        return true;
    }

    /** @return the E.164 forms of a record's numbers, each once (two fields may hold the same number) */
    private static List<String> distinctDigits(Record record) {
        List<RecordPhone> phones = record.phones();
        List<String> out = new ArrayList<>(phones.size());
        for (RecordPhone p : phones) {
            String d = p.number().e164();
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
