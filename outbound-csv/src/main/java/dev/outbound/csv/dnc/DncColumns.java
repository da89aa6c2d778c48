package dev.outbound.csv.dnc;

import dev.outbound.csv.internal.HeaderNames;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which column of a Do-Not-Call file has which {@link DncColumn} role, decided from the header:
 * the columns given by hand first, then the automatic matching of the rest, with one note a
 * column saying what was decided and why. Immutable.
 *
 * <p>Automatic matching compares the header in the normal form the lead import uses (lower case,
 * without spaces, underscores and hyphens) with these names, in this order:
 * <ul>
 * <li>customer reference: {@code customer_reference_id}, {@code customer_key},
 *     {@code customer_ref}, {@code customer_reference}, {@code customer_id}, {@code reference_id},
 *     {@code customer_number};</li>
 * <li>prefix: {@code prefix}, {@code number_prefix}, {@code phone_prefix}, {@code dial_prefix},
 *     {@code area_prefix}, {@code e164_prefix};</li>
 * <li>region: {@code region}, {@code country}, {@code country_iso}, {@code region_hint},
 *     {@code phone_region}, {@code region_code};</li>
 * <li>source: {@code source}, {@code dnc_source}, {@code origin}; reason: {@code reason},
 *     {@code dnc_reason};</li>
 * <li>expiry: {@code expires_at}, {@code expires}, {@code expires_on}, {@code expiry},
 *     {@code expiry_date}, {@code expiration}, {@code expiration_date};</li>
 * <li>number: {@code number}, {@code phone}, {@code phone_number}, {@code telephone},
 *     {@code tel}, {@code mobile}, {@code cell}, {@code home}, {@code work}, {@code primary},
 *     {@code e164}, {@code msisdn}, {@code uri} (seed 003's blacklist column), {@code dnc_number};
 *     any of these followed by digits ({@code phone2}, {@code number_3}); and any name ending in
 *     {@code phone} or {@code phone_number}, optionally followed by digits ({@code home_phone},
 *     {@code alt_phone_number_2}). Not any name ending in {@code number}: an account number is no
 *     phone number.</li>
 * </ul>
 * Several columns may be numbers. Any other role is taken by the first column that has it (one
 * given by hand before any matched); a later column that would have it is ignored, and its note
 * says why. A header repeated word for word is matched for numbers only, and not when its first
 * column's role was given by hand; any other repeat is ignored. Columns matching nothing are ignored (a {@code name} column, say).
 */
final class DncColumns {
    private static final Map<String, DncColumn> NAMES = names();

    private final List<String> header;
    private final List<DncColumn> roles;
    private final List<String> notes;

    private DncColumns(List<String> header, List<DncColumn> roles, List<String> notes) {
        this.header = List.copyOf(header);
        this.roles = List.copyOf(roles);
        this.notes = List.copyOf(notes);
    }

    private static Map<String, DncColumn> names() {
        Map<String, DncColumn> m = new HashMap<>();
        put(m, DncColumn.CUSTOMER_REF, "customerreferenceid", "customerkey", "customerref", "customerreference",
                "customerid", "referenceid", "customernumber");
        put(m, DncColumn.PREFIX, "prefix", "numberprefix", "phoneprefix", "dialprefix", "areaprefix", "e164prefix");
        put(m, DncColumn.REGION, "region", "country", "countryiso", "regionhint", "phoneregion", "regioncode");
        put(m, DncColumn.SOURCE, "source", "dncsource", "origin");
        put(m, DncColumn.REASON, "reason", "dncreason");
        put(m, DncColumn.EXPIRES_AT, "expiresat", "expires", "expireson", "expiry", "expirydate", "expiration",
                "expirationdate");
        put(m, DncColumn.NUMBER, "number", "phone", "phonenumber", "telephone", "telephonenumber", "tel", "mobile",
                "mobilephone", "mobilenumber", "cell", "cellphone", "cellnumber", "home", "work", "primary", "e164",
                "msisdn", "uri", "dncnumber");
        return Map.copyOf(m);
    }

    private static void put(Map<String, DncColumn> m, DncColumn role, String... names) {
        for (String n : names) {
            m.put(n, role);
        }
    }

    /** The automatic role of a normalised header, if it has one. */
    static Optional<DncColumn> match(String normal) {
        DncColumn role = NAMES.get(normal);
        if (role != null) {
            return Optional.of(role);
        }
        int end = normal.length();
        while (end > 0 && Character.isDigit(normal.charAt(end - 1))) {
            end--;
        }
        String stem = normal.substring(0, end);
        // Not any name ending in "number": an account or order number is no phone number.
        if (stem.endsWith("phone") || stem.endsWith("phonenumber")
                || end < normal.length() && NAMES.get(stem) == DncColumn.NUMBER) {
            return Optional.of(DncColumn.NUMBER);
        }
        return Optional.empty();
    }

    /**
     * Decides each column's role.
     *
     * @param header the file's header, each cell stripped
     * @param given roles given by hand, by header text (matched after stripping both)
     * @return the roles and notes
     * @throws IllegalArgumentException when a given header is not in the file, or no column gives
     *     entries; the message says which
     */
    static DncColumns resolve(List<String> header, Map<String, DncColumn> given) {
        int n = header.size();
        DncColumn[] roles = new DncColumn[n];
        String[] notes = new String[n];
        Map<DncColumn, Integer> taken = new EnumMap<>(DncColumn.class);
        Map<String, Integer> firstOf = new HashMap<>();
        for (int i = 0; i < n; i++) {
            firstOf.putIfAbsent(header.get(i).strip(), i);
        }
        List<String> missing = new ArrayList<>();
        for (Map.Entry<String, DncColumn> g : given.entrySet()) {
            Integer at = firstOf.get(g.getKey().strip());
            if (at == null) {
                missing.add("'" + g.getKey() + "' (given as " + g.getValue().describe() + ")");
                continue;
            }
            roles[at] = g.getValue();
            notes[at] = label(at, header) + " -> " + g.getValue().describe() + " (given)";
            if (!g.getValue().repeats()) {
                taken.put(g.getValue(), at);
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("the columns " + String.join(", ", missing) + " are not in the header "
                    + header);
        }
        for (int i = 0; i < n; i++) {
            if (roles[i] != null) {
                continue;
            }
            String text = header.get(i).strip();
            boolean repeat = firstOf.get(text) != i;
            Optional<DncColumn> m = text.isEmpty() ? Optional.empty() : match(HeaderNames.normalise(text));
            if (m.isEmpty()) {
                roles[i] = DncColumn.IGNORED;
                notes[i] = label(i, header) + " ignored (not a Do-Not-Call column)";
            } else if (repeat && (!m.get().repeats() || notes[firstOf.get(text)].endsWith("(given)"))) {
                roles[i] = DncColumn.IGNORED;
                notes[i] = label(i, header) + " ignored (repeats the header of column " + (firstOf.get(text) + 1) + ")";
            } else if (!m.get().repeats() && taken.containsKey(m.get())) {
                roles[i] = DncColumn.IGNORED;
                notes[i] = label(i, header) + " ignored (matches " + m.get().describe() + ", but "
                        + label(taken.get(m.get()), header) + " already has it)";
            } else {
                roles[i] = m.get();
                notes[i] = label(i, header) + " -> " + m.get().describe() + " (matched)";
                if (!m.get().repeats()) {
                    taken.put(m.get(), i);
                }
            }
        }
        boolean anyKey = false;
        for (DncColumn r : roles) {
            anyKey |= r.isKey();
        }
        if (!anyKey) {
            throw new IllegalArgumentException("no column of the header " + header
                    + " holds numbers, prefixes or customer references: name one phone, number, prefix or "
                    + "customer_reference_id, or give its role by hand");
        }
        return new DncColumns(header, List.of(roles), List.of(notes));
    }

    private static String label(int i, List<String> header) {
        return "column " + (i + 1) + " '" + header.get(i) + "'";
    }

    /** @return the header the roles were decided for */
    List<String> header() {
        return header;
    }

    /** @return one role a column */
    List<DncColumn> roles() {
        return roles;
    }

    /** @return one note a column, in column order */
    List<String> notes() {
        return notes;
    }

    /** @return the first column with a role that one column at most has, or -1 */
    int single(DncColumn role) {
        return roles.indexOf(role);
    }

    /** @return every column with that role, in column order */
    int[] all(DncColumn role) {
        return java.util.stream.IntStream.range(0, roles.size()).filter(i -> roles.get(i) == role).toArray();
    }
}
