package dev.outbound.core.zone;

import dev.outbound.core.InvalidValueException;
import dev.outbound.core.phone.PhoneNumber;
import dev.outbound.core.internal.DataLines;
import java.io.Reader;
import java.io.StringReader;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Time zones by telephone-number prefix: E.164 digits ({@code 1208} for +1 208) to the zones the
 * numbers under that prefix are in. The longest prefix of a number wins, so a table can say
 * {@code 1208|America/Boise} and refine it with {@code 1208201|America/Denver}.
 *
 * <p>A campaign supplies its own table with {@link #parse(Reader)}; {@link #libphonenumber()} is
 * the built-in one, from libphonenumber's time-zone data. A prefix that the data marks as having
 * no known zone ({@code Etc/Unknown}) stops the search there and yields nothing. Look-ups do not
 * allocate beyond the returned {@link Optional}: keys are a sorted {@code long[]} and zone lists
 * are shared between prefixes.
 */
public final class AreaCodeTable {

    /** The zone libphonenumber writes when it knows none; never a candidate. */
    static final String UNKNOWN_ZONE = "Etc/Unknown";

    private static final String LINE_SYNTAX = "prefix,Zone[&Zone...] or prefix|Zone[&Zone...], e.g. 1208,America/Boise";

    private static final AreaCodeTable EMPTY = new AreaCodeTable(new long[0], new Entry[0]);

    /**
     * One prefix and its zones.
     *
     * @param prefix E.164 digits without {@code +}: 1 to 15 digits, not starting with 0
     * @param zones the zones of the numbers under the prefix: not empty, no repeats, canonical
     */
    public record Entry(String prefix, List<ZoneId> zones) {

        /**
         * Validates the prefix and makes the zones canonical and distinct.
         *
         * @param prefix E.164 digits without {@code +}: 1 to 15 digits, not starting with 0
         * @param zones the zones of the numbers under the prefix: not empty; made canonical and
         *     distinct, in their order
         */
        public Entry {
            Objects.requireNonNull(prefix, "prefix");
            Objects.requireNonNull(zones, "zones");
            if (!isPrefix(prefix)) {
                throw new InvalidValueException("prefix", "1 to 15 digits, not starting with 0", prefix);
            }
            if (zones.isEmpty()) {
                throw new InvalidValueException("zones", "at least one zone for prefix " + prefix, zones);
            }
            zones = TimeZones.canonicalZones("zones", zones);
        }

        /** @return {@code +1208 -> America/Boise, America/Denver} */
        @Override
        public String toString() {
            return "+" + prefix + " -> " + zones.stream().map(ZoneId::getId).collect(Collectors.joining(", "));
        }
    }

    /** Sorted prefixes as numbers; no prefix starts with 0, so a number fixes its length too. */
    private final long[] keys;
    /** The entry of each key, or an entry with {@code known == false} where the zone is unknown. */
    private final Entry[] entries;
    private final boolean[] known;
    /** Bit n set when some prefix has n digits: look-ups skip the other lengths. */
    private final int lengths;

    private AreaCodeTable(long[] keys, Entry[] entries) {
        this(keys, entries, filled(entries.length));
    }

    private AreaCodeTable(long[] keys, Entry[] entries, boolean[] known) {
        this.keys = keys;
        this.entries = entries;
        this.known = known;
        int bits = 0;
        for (Entry e : entries) {
            bits |= 1 << e.prefix().length();
        }
        this.lengths = bits;
    }

    private static boolean[] filled(int n) {
        boolean[] all = new boolean[n];
        Arrays.fill(all, true);
        return all;
    }

    /** @return a table without prefixes: every look-up is empty */
    public static AreaCodeTable empty() {
        return EMPTY;
    }

    /**
     * Makes a table from entries.
     *
     * @param entries the prefixes and their zones
     * @return the table
     * @throws InvalidValueException when a prefix appears twice
     */
    public static AreaCodeTable of(Collection<Entry> entries) {
        Objects.requireNonNull(entries, "entries");
        Builder b = new Builder();
        for (Entry e : entries) {
            b.add("entries", Objects.requireNonNull(e, "entry"), true);
        }
        return b.build();
    }

    /**
     * Reads a table, one prefix a line: {@code prefix,Zone1&Zone2} (CSV; a first line that is a
     * header such as {@code prefix,zones} is skipped) or libphonenumber's
     * {@code prefix|Zone1&Zone2}. A prefix may be written with a leading {@code +}; blank lines
     * and lines starting with {@code #} are ignored.
     *
     * @param reader the lines; read to the end, not closed
     * @return the table
     * @throws InvalidValueException naming {@code area codes line N} and the bad value
     */
    public static AreaCodeTable parse(Reader reader) {
        Objects.requireNonNull(reader, "reader");
        return read(reader, "area codes");
    }

    /**
     * Reads a table from a text, as {@link #parse(Reader)} does.
     *
     * @param text the lines
     * @return the table
     */
    public static AreaCodeTable parse(String text) {
        Objects.requireNonNull(text, "text");
        return parse(new StringReader(text));
    }

    /**
     * The built-in table: libphonenumber's prefix to time-zone data (Apache-2.0, see
     * {@code META-INF/NOTICE-libphonenumber.txt}), read once on first use.
     *
     * @return the table of the phone numbers' own zones
     */
    public static AreaCodeTable libphonenumber() {
        return BuiltIn.TABLE;
    }

    /**
     * The zones of a number: the entry of its longest prefix in this table.
     *
     * @param number the number
     * @return the entry of the longest matching prefix, or empty when no prefix matches or the
     *     longest one has no known zone
     */
    public Optional<Entry> lookup(PhoneNumber number) {
        Objects.requireNonNull(number, "number");
        String e164 = number.e164();
        int i = indexOf(number.digits(), e164.length() - 1);
        return i < 0 ? Optional.empty() : Optional.of(entries[i]);
    }

    /** Index of the longest known prefix of the digits, or -1. */
    private int indexOf(long digits, int digitCount) {
        long value = digits;
        for (int n = digitCount; n >= 1; n--) {
            if ((lengths & (1 << n)) != 0) {
                int i = Arrays.binarySearch(keys, value);
                if (i >= 0) {
                    return known[i] ? i : -1;
                }
            }
            value /= 10;
        }
        return -1;
    }

    /** @return the number of prefixes, including those with no known zone */
    public int size() {
        return keys.length;
    }

    /** @return the entries with known zones, by prefix value */
    public List<Entry> entries() {
        List<Entry> list = new ArrayList<>(entries.length);
        for (int i = 0; i < entries.length; i++) {
            if (known[i]) {
                list.add(entries[i]);
            }
        }
        return List.copyOf(list);
    }

    @Override
    public String toString() {
        return "AreaCodeTable[" + keys.length + " prefixes]";
    }

    static boolean isPrefix(String s) {
        int n = s.length();
        if (n < 1 || n > 15 || s.charAt(0) == '0') {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static AreaCodeTable read(Reader reader, String source) {
        Builder builder = new Builder();
        boolean[] first = {true};
        DataLines.read(reader, source, (number, trimmed, line) -> {
            String where = source + " line " + number;
            boolean wasFirst = first[0];
            first[0] = false;
            int sep = trimmed.indexOf('|');
            if (sep < 0) {
                sep = trimmed.indexOf(',');
            }
            if (sep < 0) {
                throw new InvalidValueException(where, LINE_SYNTAX, trimmed);
            }
            String prefix = unquote(trimmed.substring(0, sep));
            if (prefix.startsWith("+")) {
                prefix = prefix.substring(1);
            }
            if (!isPrefix(prefix)) {
                if (wasFirst && !prefix.isEmpty() && !Character.isDigit(prefix.charAt(0))) {
                    return; // a header line
                }
                throw new InvalidValueException(where, "a prefix of 1 to 15 digits, not starting with 0", prefix);
            }
            String zonesText = unquote(trimmed.substring(sep + 1));
            if (zonesText.isEmpty()) {
                throw new InvalidValueException(where, "zones after the prefix: " + LINE_SYNTAX, trimmed);
            }
            List<ZoneId> zones = new ArrayList<>();
            boolean unknown = false;
            for (String part : zonesText.split("&", -1)) {
                String name = part.trim();
                if (name.equalsIgnoreCase(UNKNOWN_ZONE)) {
                    unknown = true;
                } else {
                    zones.add(builder.zone(where, name));
                }
            }
            if (zones.isEmpty() && unknown) {
                builder.addUnknown(where, prefix);
            } else {
                builder.add(where, new Entry(prefix, zones), true);
            }
        });
        return builder.build();
    }

    private static String unquote(String s) {
        String t = s.trim();
        if (t.length() >= 2 && t.charAt(0) == '"' && t.charAt(t.length() - 1) == '"') {
            return t.substring(1, t.length() - 1).trim();
        }
        return t;
    }

    /** Collects entries, refuses repeated prefixes, shares equal zone lists. */
    private static final class Builder {
        private final Map<String, String> lineOf = new HashMap<>();
        private final Map<String, ZoneId> zoneCache = new HashMap<>();
        private final Map<List<ZoneId>, List<ZoneId>> lists = new HashMap<>();
        private final List<Entry> all = new ArrayList<>();
        private final List<Boolean> knownFlags = new ArrayList<>();

        ZoneId zone(String where, String name) {
            ZoneId zone = zoneCache.get(name);
            if (zone == null) {
                zone = TimeZones.parse(where, name).zone();
                zoneCache.put(name, zone);
            }
            return zone;
        }

        void add(String where, Entry entry, boolean isKnown) {
            String previous = lineOf.putIfAbsent(entry.prefix(), where);
            if (previous != null) {
                throw new InvalidValueException(where, "each prefix once; " + previous + " has it already",
                        entry.prefix());
            }
            List<ZoneId> shared = lists.computeIfAbsent(entry.zones(), z -> z);
            all.add(shared == entry.zones() ? entry : new Entry(entry.prefix(), shared));
            knownFlags.add(isKnown);
        }

        void addUnknown(String where, String prefix) {
            // The entry is a placeholder: known[i] == false makes look-ups stop here with nothing.
            add(where, new Entry(prefix, List.of(ZoneId.of("Etc/UTC"))), false);
        }

        AreaCodeTable build() {
            int n = all.size();
            Integer[] order = new Integer[n];
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (a, b) -> Long.compare(Long.parseLong(all.get(a).prefix()),
                    Long.parseLong(all.get(b).prefix())));
            long[] keys = new long[n];
            Entry[] entries = new Entry[n];
            boolean[] known = new boolean[n];
            for (int i = 0; i < n; i++) {
                Entry e = all.get(order[i]);
                keys[i] = Long.parseLong(e.prefix());
                entries[i] = e;
                known[i] = knownFlags.get(order[i]);
            }
            return new AreaCodeTable(keys, entries, known);
        }
    }

    /** The built-in table, read from the module's resource on first use. */
    private static final class BuiltIn {
        static final AreaCodeTable TABLE = load();

        private static AreaCodeTable load() {
            String resource = "number-zones.txt";
            return DataLines.resource(AreaCodeTable.class, resource, reader -> read(reader, resource));
        }
    }
}
