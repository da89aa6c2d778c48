package dev.outbound.core.phone;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonemetadata.PhoneMetadata;
import com.google.i18n.phonenumbers.Phonemetadata.PhoneNumberDesc;
import com.google.i18n.phonenumbers.metadata.DefaultMetadataDependenciesProvider;
import com.google.i18n.phonenumbers.metadata.source.MetadataSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * libphonenumber's decision of a parsed number's region and line type
 * ({@code getRegionCodeForNumber}, {@code getNumberType}), taken from the same metadata but with
 * each region's patterns compiled into one deterministic automaton over the digits.
 *
 * <p>libphonenumber answers by trying up to eleven regular expressions per region, in order, and
 * for a country code shared by several regions (+1: 25 of them) by trying regions in turn; an
 * import profile put two thirds of its time there. Here the eleven patterns of a region run
 * together: one pass over the national significant number ends in a state that says which of them
 * match, and the rules of {@code getNumberTypeHelper} (possible lengths first, then the types in
 * libphonenumber's order, fixed line and mobile last) are applied to that answer. The region
 * search keeps libphonenumber's order: leading-digits patterns are matched as prefixes,
 * regions without them by their types.
 *
 * <p>The patterns use a small part of regular-expression syntax (digits, {@code \d}, classes,
 * {@code (?:...)}, {@code |}, {@code ?}, {@code {n}}, {@code {n,m}}); a region whose patterns use
 * anything else, or whose automaton would exceed {@value #MAX_STATES} states, is not compiled and
 * {@link #classify} answers {@code null}, so that the caller asks libphonenumber itself. Regions
 * are compiled on first use and kept. Thread-safe.
 *
 * <p>That the answers equal libphonenumber's is checked by tests over every region's example
 * numbers, their neighbours and random digit strings.
 */
final class NumberPlans {
    /** Automata larger than this are not built; the region is left to libphonenumber. */
    static final int MAX_STATES = 200_000;

    private static final int GENERAL = 0;
    private static final int FIXED_LINE = 9;
    private static final int MOBILE = 10;
    /** The types tried between the general description and fixed line, in libphonenumber's order. */
    private static final PhoneNumberType[] ORDERED_TYPES = {
        null, PhoneNumberType.PREMIUM_RATE, PhoneNumberType.TOLL_FREE, PhoneNumberType.SHARED_COST,
        PhoneNumberType.VOIP, PhoneNumberType.PERSONAL_NUMBER, PhoneNumberType.PAGER, PhoneNumberType.UAN,
        PhoneNumberType.VOICEMAIL,
    };

    private static final NumberPlans INSTANCE = new NumberPlans(PhoneNumberUtil.getInstance(),
            DefaultMetadataDependenciesProvider.getInstance().getPhoneNumberMetadataSource());

    /** A region and a type; {@code region} is {@code null} where libphonenumber gives none. */
    record Classification(String region, PhoneNumberType type) {
    }

    private final PhoneNumberUtil util;
    private final MetadataSource source;
    private final Map<Integer, CountryPlan> countries = new ConcurrentHashMap<>();

    NumberPlans(PhoneNumberUtil util, MetadataSource source) {
        this.util = util;
        this.source = source;
    }

    /** @return the plans of libphonenumber's default metadata */
    static NumberPlans standard() {
        return INSTANCE;
    }

    /**
     * @param countryCode the number's country calling code
     * @param nsn its national significant number (with any Italian leading zeros)
     * @return the region libphonenumber gives the number and its type, or {@code null} when a
     *     region concerned could not be compiled
     */
    Classification classify(int countryCode, String nsn) {
        CountryPlan country = countries.computeIfAbsent(countryCode, this::countryPlan);
        return country.classify(nsn);
    }

    private CountryPlan countryPlan(int countryCode) {
        List<String> regionCodes = util.getRegionCodesForCountryCode(countryCode);
        List<RegionPlan> regions = new ArrayList<>(regionCodes.size());
        for (String code : regionCodes) {
            PhoneMetadata metadata = "001".equals(code)
                    ? source.getMetadataForNonGeographicalRegion(countryCode)
                    : source.getMetadataForRegion(code);
            if (metadata != null) {
                regions.add(new RegionPlan(code, metadata));
            }
        }
        return new CountryPlan(regionCodes.isEmpty(), regions);
    }

    private static final class CountryPlan {
        private final boolean unknown;
        private final List<RegionPlan> regions;

        CountryPlan(boolean unknown, List<RegionPlan> regions) {
            this.unknown = unknown;
            this.regions = regions;
        }

        Classification classify(String nsn) {
            if (unknown || regions.isEmpty()) {
                return new Classification(null, PhoneNumberType.UNKNOWN);
            }
            RegionPlan found = null;
            if (regions.size() == 1) {
                found = regions.get(0);
            } else {
                for (RegionPlan region : regions) {
                    Automata automata = region.automata();
                    if (automata == null) {
                        return null;
                    }
                    if (automata.leadingDigits != null) {
                        if (automata.leadingDigits.matchesPrefixOf(nsn)) {
                            found = region;
                            break;
                        }
                    } else if (automata.type(nsn) != PhoneNumberType.UNKNOWN) {
                        found = region;
                        break;
                    }
                }
                if (found == null) {
                    return new Classification(null, PhoneNumberType.UNKNOWN);
                }
            }
            Automata automata = found.automata();
            if (automata == null) {
                return null;
            }
            return new Classification(found.code, automata.type(nsn));
        }
    }

    /** A region's metadata and, once compiled, its automata. */
    private static final class RegionPlan {
        private final String code;
        private final PhoneMetadata metadata;
        private volatile Automata automata;
        private volatile boolean failed;

        RegionPlan(String code, PhoneMetadata metadata) {
            this.code = code;
            this.metadata = metadata;
        }

        /** @return the automata, or {@code null} when the region's patterns could not be compiled */
        Automata automata() {
            Automata a = automata;
            if (a != null || failed) {
                return a;
            }
            synchronized (this) {
                if (automata == null && !failed) {
                    try {
                        automata = Automata.of(metadata);
                    } catch (UnsupportedPatternException e) {
                        failed = true;
                    }
                }
                return automata;
            }
        }
    }

    /** The compiled form of one region: its type automaton and, if it has one, its leading digits. */
    private static final class Automata {
        private final Dfa types;
        private final int[] lengthMasks;
        private final boolean sameMobileAndFixedLine;
        private final Dfa leadingDigits;

        private Automata(Dfa types, int[] lengthMasks, boolean sameMobileAndFixedLine, Dfa leadingDigits) {
            this.types = types;
            this.lengthMasks = lengthMasks;
            this.sameMobileAndFixedLine = sameMobileAndFixedLine;
            this.leadingDigits = leadingDigits;
        }

        static Automata of(PhoneMetadata m) {
            PhoneNumberDesc[] descs = {
                m.getGeneralDesc(), m.getPremiumRate(), m.getTollFree(), m.getSharedCost(), m.getVoip(),
                m.getPersonalNumber(), m.getPager(), m.getUan(), m.getVoicemail(), m.getFixedLine(), m.getMobile(),
            };
            String[] patterns = new String[descs.length];
            int[] lengthMasks = new int[descs.length];
            for (int i = 0; i < descs.length; i++) {
                patterns[i] = descs[i].getNationalNumberPattern();
                lengthMasks[i] = lengthMask(descs[i].getPossibleLengthList());
            }
            Dfa leading = m.hasLeadingDigits() ? Dfa.compile(new String[] {m.getLeadingDigits()}) : null;
            return new Automata(Dfa.compile(patterns), lengthMasks, m.getSameMobileAndFixedLinePattern(), leading);
        }

        /** libphonenumber's {@code isNumberMatchingDesc}: no list means any length. */
        private static int lengthMask(List<Integer> lengths) {
            if (lengths.isEmpty()) {
                return -1;
            }
            int mask = 0;
            for (int length : lengths) {
                if (length >= 0 && length < 32) {
                    mask |= 1 << length;
                }
            }
            return mask;
        }

        /** libphonenumber's {@code getNumberTypeHelper}, on the set of patterns that match. */
        PhoneNumberType type(String nsn) {
            int length = nsn.length();
            int matched = types.run(nsn);
            if (length >= 32) {
                return PhoneNumberType.UNKNOWN;
            }
            for (int i = 0; i < lengthMasks.length; i++) {
                if ((lengthMasks[i] & (1 << length)) == 0) {
                    matched &= ~(1 << i);
                }
            }
            if ((matched & (1 << GENERAL)) == 0) {
                return PhoneNumberType.UNKNOWN;
            }
            for (int i = 1; i < ORDERED_TYPES.length; i++) {
                if ((matched & (1 << i)) != 0) {
                    return ORDERED_TYPES[i];
                }
            }
            boolean mobile = (matched & (1 << MOBILE)) != 0;
            if ((matched & (1 << FIXED_LINE)) != 0) {
                return sameMobileAndFixedLine || mobile ? PhoneNumberType.FIXED_LINE_OR_MOBILE : PhoneNumberType.FIXED_LINE;
            }
            return !sameMobileAndFixedLine && mobile ? PhoneNumberType.MOBILE : PhoneNumberType.UNKNOWN;
        }
    }

    /** Thrown while compiling a pattern that uses syntax the compiler does not know. */
    static final class UnsupportedPatternException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UnsupportedPatternException(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * A deterministic automaton over the ten digits, built by subset construction from several
     * patterns at once; each state knows which patterns accept there (bit i for pattern i).
     */
    static final class Dfa {
        private final int[] next;
        private final int[] accepts;

        private Dfa(int[] next, int[] accepts) {
            this.next = next;
            this.accepts = accepts;
        }

        /**
         * @param patterns up to 31 patterns; an empty pattern never matches (as in libphonenumber)
         * @return the automaton
         * @throws UnsupportedPatternException when a pattern uses unknown syntax or the automaton
         *     grows too large
         */
        static Dfa compile(String[] patterns) {
            Nfa nfa = new Nfa();
            int start = nfa.newState();
            for (int i = 0; i < patterns.length; i++) {
                if (patterns[i].isEmpty()) {
                    continue;
                }
                Node node = new Parser(patterns[i]).parse();
                int[] fragment = nfa.build(node);
                nfa.epsilon(start, fragment[0]);
                nfa.accept(fragment[1], i);
            }
            return nfa.determinise(start);
        }

        /** @return the bits of the patterns that match the whole of {@code digits}; 0 on any non-digit */
        int run(CharSequence digits) {
            int state = 0;
            for (int i = 0, n = digits.length(); i < n; i++) {
                int d = digits.charAt(i) - '0';
                if (d < 0 || d > 9) {
                    return 0;
                }
                state = next[state * 10 + d];
                if (state < 0) {
                    return 0;
                }
            }
            return accepts[state];
        }

        /** @return whether some prefix of {@code digits} (the empty one included) matches: {@code lookingAt} */
        boolean matchesPrefixOf(CharSequence digits) {
            int state = 0;
            if (accepts[state] != 0) {
                return true;
            }
            for (int i = 0, n = digits.length(); i < n; i++) {
                int d = digits.charAt(i) - '0';
                if (d < 0 || d > 9) {
                    return false;
                }
                state = next[state * 10 + d];
                if (state < 0) {
                    return false;
                }
                if (accepts[state] != 0) {
                    return true;
                }
            }
            return false;
        }

        int states() {
            return accepts.length;
        }
    }

    /** A parsed pattern: a digit set, a sequence, an alternation or a bounded repetition. */
    private abstract static class Node {
    }

    private static final class Digits extends Node {
        final int mask;

        Digits(int mask) {
            this.mask = mask;
        }
    }

    private static final class Sequence extends Node {
        final List<Node> items;

        Sequence(List<Node> items) {
            this.items = items;
        }
    }

    private static final class Alternation extends Node {
        final List<Node> options;

        Alternation(List<Node> options) {
            this.options = options;
        }
    }

    private static final class Repeat extends Node {
        final Node node;
        final int min;
        final int max;

        Repeat(Node node, int min, int max) {
            this.node = node;
            this.min = min;
            this.max = max;
        }
    }

    /** Recursive descent over the syntax the metadata uses. */
    private static final class Parser {
        private static final int ALL_DIGITS = (1 << 10) - 1;
        private static final int MAX_REPEAT = 64;
        private final String p;
        private int i;

        Parser(String pattern) {
            this.p = pattern;
        }

        Node parse() {
            Node node = alternation();
            if (i != p.length()) {
                throw unsupported("unexpected '" + p.charAt(i) + "'");
            }
            return node;
        }

        private Node alternation() {
            List<Node> options = new ArrayList<>();
            options.add(sequence());
            while (i < p.length() && p.charAt(i) == '|') {
                i++;
                options.add(sequence());
            }
            return options.size() == 1 ? options.get(0) : new Alternation(options);
        }

        private Node sequence() {
            List<Node> items = new ArrayList<>();
            while (i < p.length() && p.charAt(i) != '|' && p.charAt(i) != ')') {
                items.add(quantified(atom()));
            }
            return items.size() == 1 ? items.get(0) : new Sequence(items);
        }

        private Node atom() {
            char c = p.charAt(i);
            if (c >= '0' && c <= '9') {
                i++;
                return new Digits(1 << (c - '0'));
            }
            if (c == '\\') {
                if (p.startsWith("\\d", i)) {
                    i += 2;
                    return new Digits(ALL_DIGITS);
                }
                throw unsupported("escape");
            }
            if (c == '[') {
                return characterClass();
            }
            if (c == '(') {
                if (!p.startsWith("(?:", i)) {
                    throw unsupported("capturing or special group");
                }
                i += 3;
                Node inner = alternation();
                if (i >= p.length() || p.charAt(i) != ')') {
                    throw unsupported("unclosed group");
                }
                i++;
                return inner;
            }
            throw unsupported("'" + c + "'");
        }

        private Node characterClass() {
            i++;
            if (i < p.length() && p.charAt(i) == '^') {
                throw unsupported("negated class");
            }
            int mask = 0;
            while (i < p.length() && p.charAt(i) != ']') {
                if (p.startsWith("\\d", i)) {
                    mask |= ALL_DIGITS;
                    i += 2;
                    continue;
                }
                int from = digit(p.charAt(i++));
                int to = from;
                if (i + 1 < p.length() && p.charAt(i) == '-' && p.charAt(i + 1) != ']') {
                    to = digit(p.charAt(i + 1));
                    i += 2;
                }
                if (to < from) {
                    throw unsupported("reversed range");
                }
                for (int d = from; d <= to; d++) {
                    mask |= 1 << d;
                }
            }
            if (i >= p.length()) {
                throw unsupported("unclosed class");
            }
            i++;
            return new Digits(mask);
        }

        private int digit(char c) {
            if (c < '0' || c > '9') {
                throw unsupported("'" + c + "' in a class");
            }
            return c - '0';
        }

        private Node quantified(Node atom) {
            if (i >= p.length()) {
                return atom;
            }
            char c = p.charAt(i);
            Node result = atom;
            if (c == '?') {
                i++;
                result = new Repeat(atom, 0, 1);
            } else if (c == '{') {
                int close = p.indexOf('}', i);
                if (close < 0) {
                    throw unsupported("unclosed repetition");
                }
                String body = p.substring(i + 1, close);
                int comma = body.indexOf(',');
                int min;
                int max;
                try {
                    min = Integer.parseInt(comma < 0 ? body : body.substring(0, comma));
                    max = comma < 0 ? min : Integer.parseInt(body.substring(comma + 1));
                } catch (NumberFormatException e) {
                    throw unsupported("repetition {" + body + "}");
                }
                if (min < 0 || max < min || max > MAX_REPEAT) {
                    throw unsupported("repetition {" + body + "}");
                }
                i = close + 1;
                result = new Repeat(atom, min, max);
            }
            if (i < p.length() && (p.charAt(i) == '?' || p.charAt(i) == '{' || p.charAt(i) == '*' || p.charAt(i) == '+')) {
                throw unsupported("stacked or unbounded quantifier");
            }
            return result;
        }

        private UnsupportedPatternException unsupported(String what) {
            return new UnsupportedPatternException(what + " at " + i + " in " + p);
        }
    }

    /** A Thompson automaton: digit-set edges and empty edges; accepting states carry pattern bits. */
    private static final class Nfa {
        private int count;
        private int[] edgeMask = new int[256];
        private int[] edgeTarget = new int[256];
        private int[][] epsilons = new int[256][];
        private int[] epsilonCounts = new int[256];
        private int[] acceptBits = new int[256];

        int newState() {
            if (count == edgeMask.length) {
                int size = count * 2;
                edgeMask = Arrays.copyOf(edgeMask, size);
                edgeTarget = Arrays.copyOf(edgeTarget, size);
                epsilons = Arrays.copyOf(epsilons, size);
                epsilonCounts = Arrays.copyOf(epsilonCounts, size);
                acceptBits = Arrays.copyOf(acceptBits, size);
            }
            edgeTarget[count] = -1;
            return count++;
        }

        void epsilon(int from, int to) {
            int[] list = epsilons[from];
            if (list == null) {
                list = new int[2];
                epsilons[from] = list;
            } else if (epsilonCounts[from] == list.length) {
                list = Arrays.copyOf(list, list.length * 2);
                epsilons[from] = list;
            }
            list[epsilonCounts[from]++] = to;
        }

        void accept(int state, int pattern) {
            acceptBits[state] |= 1 << pattern;
        }

        /** @return {start, end} of the fragment that matches {@code node} */
        int[] build(Node node) {
            if (node instanceof Digits) {
                int s = newState();
                int e = newState();
                edgeMask[s] = ((Digits) node).mask;
                edgeTarget[s] = e;
                return new int[] {s, e};
            }
            if (node instanceof Sequence) {
                int s = newState();
                int current = s;
                for (Node item : ((Sequence) node).items) {
                    int[] f = build(item);
                    epsilon(current, f[0]);
                    current = f[1];
                }
                return new int[] {s, current};
            }
            if (node instanceof Alternation) {
                int s = newState();
                int e = newState();
                for (Node option : ((Alternation) node).options) {
                    int[] f = build(option);
                    epsilon(s, f[0]);
                    epsilon(f[1], e);
                }
                return new int[] {s, e};
            }
            Repeat r = (Repeat) node;
            int s = newState();
            int current = s;
            for (int k = 0; k < r.min; k++) {
                int[] f = build(r.node);
                epsilon(current, f[0]);
                current = f[1];
            }
            int e = newState();
            for (int k = r.min; k < r.max; k++) {
                epsilon(current, e);
                int[] f = build(r.node);
                epsilon(current, f[0]);
                current = f[1];
            }
            epsilon(current, e);
            return new int[] {s, e};
        }

        /** Subset construction from {@code start}; state 0 of the result is the start. */
        Dfa determinise(int start) {
            Map<Key, Integer> index = new HashMap<>();
            List<int[]> sets = new ArrayList<>();
            int[] marks = new int[count];
            int[] stack = new int[count];
            int[] first = closure(new int[] {start}, 1, marks, 1, stack);
            index.put(new Key(first), 0);
            sets.add(first);
            int[] next = new int[64 * 10];
            int[] accepts = new int[64];
            int[] targets = new int[count];
            int stamp = 1;
            for (int state = 0; state < sets.size(); state++) {
                int[] set = sets.get(state);
                int bits = 0;
                for (int s : set) {
                    bits |= acceptBits[s];
                }
                if (state >= accepts.length) {
                    accepts = Arrays.copyOf(accepts, accepts.length * 2);
                    next = Arrays.copyOf(next, accepts.length * 10);
                }
                accepts[state] = bits;
                for (int d = 0; d < 10; d++) {
                    int n = 0;
                    for (int s : set) {
                        if (edgeTarget[s] >= 0 && (edgeMask[s] & (1 << d)) != 0) {
                            targets[n++] = edgeTarget[s];
                        }
                    }
                    if (n == 0) {
                        next[state * 10 + d] = -1;
                        continue;
                    }
                    int[] closed = closure(targets, n, marks, ++stamp, stack);
                    Key key = new Key(closed);
                    Integer known = index.get(key);
                    if (known == null) {
                        known = sets.size();
                        if (known >= MAX_STATES) {
                            throw new UnsupportedPatternException("more than " + MAX_STATES + " states");
                        }
                        index.put(key, known);
                        sets.add(closed);
                    }
                    next[state * 10 + d] = known;
                }
            }
            int states = sets.size();
            return new Dfa(Arrays.copyOf(next, states * 10), Arrays.copyOf(accepts, states));
        }

        /**
         * @return the sorted states reachable by empty edges from the first {@code n} of
         *     {@code seeds}, keeping only those that matter (a digit edge or an accept bit)
         */
        private int[] closure(int[] seeds, int n, int[] marks, int stamp, int[] stack) {
            int top = 0;
            int[] kept = new int[8];
            int keptCount = 0;
            for (int k = 0; k < n; k++) {
                if (marks[seeds[k]] != stamp) {
                    marks[seeds[k]] = stamp;
                    stack[top++] = seeds[k];
                }
            }
            while (top > 0) {
                int s = stack[--top];
                if (edgeTarget[s] >= 0 || acceptBits[s] != 0) {
                    if (keptCount == kept.length) {
                        kept = Arrays.copyOf(kept, keptCount * 2);
                    }
                    kept[keptCount++] = s;
                }
                int[] list = epsilons[s];
                for (int k = 0, m = epsilonCounts[s]; k < m; k++) {
                    int t = list[k];
                    if (marks[t] != stamp) {
                        marks[t] = stamp;
                        stack[top++] = t;
                    }
                }
            }
            int[] result = Arrays.copyOf(kept, keptCount);
            Arrays.sort(result);
            return result;
        }
    }

    /** A set of automaton states as a hash key. */
    private static final class Key {
        private final int[] states;
        private final int hash;

        Key(int[] states) {
            this.states = states;
            this.hash = Arrays.hashCode(states);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key && Arrays.equals(states, ((Key) o).states);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }
}
