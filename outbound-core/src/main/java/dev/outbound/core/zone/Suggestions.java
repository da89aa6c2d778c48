package dev.outbound.core.zone;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the zone a refused name probably meant, for the "did you mean" hint. Only runs when a
 * name is refused, so its tables are built on the first refusal.
 */
final class Suggestions {

    /**
     * Common Windows names and abbreviations, mapped to the zone people in North America and
     * Europe usually mean. Only a hint: the name is refused all the same, since an abbreviation
     * such as CST names zones on three continents.
     */
    private static final Map<String, String> COMMON = Map.ofEntries(
            Map.entry("est", "America/New_York"), Map.entry("edt", "America/New_York"),
            Map.entry("easternstandardtime", "America/New_York"), Map.entry("eastern", "America/New_York"),
            Map.entry("cst", "America/Chicago"), Map.entry("cdt", "America/Chicago"),
            Map.entry("centralstandardtime", "America/Chicago"), Map.entry("central", "America/Chicago"),
            Map.entry("mst", "America/Denver"), Map.entry("mdt", "America/Denver"),
            Map.entry("mountainstandardtime", "America/Denver"), Map.entry("mountain", "America/Denver"),
            Map.entry("usmountainstandardtime", "America/Phoenix"),
            Map.entry("pst", "America/Los_Angeles"), Map.entry("pdt", "America/Los_Angeles"),
            Map.entry("pacificstandardtime", "America/Los_Angeles"), Map.entry("pacific", "America/Los_Angeles"),
            Map.entry("akst", "America/Anchorage"), Map.entry("alaskanstandardtime", "America/Anchorage"),
            Map.entry("hst", "Pacific/Honolulu"), Map.entry("hawaiianstandardtime", "Pacific/Honolulu"),
            Map.entry("ast", "America/Halifax"), Map.entry("atlanticstandardtime", "America/Halifax"),
            Map.entry("gmtstandardtime", "Europe/London"), Map.entry("bst", "Europe/London"),
            Map.entry("cet", "Europe/Paris"), Map.entry("centraleuropestandardtime", "Europe/Budapest"),
            Map.entry("westeuropestandardtime", "Europe/Berlin"));

    private Suggestions() {
    }

    /**
     * @param trimmed a refused, non-blank name
     * @param names the accepted names
     * @return a canonical zone name it probably meant
     */
    static Optional<String> suggest(String trimmed, TimeZones.Names names) {
        Index index = Index.INSTANCE;
        String key = squash(trimmed);
        String common = COMMON.get(key);
        if (common != null && TimeZones.isRegionId(common)) {
            return Optional.of(common);
        }
        String hit = index.squashed.get(key);
        if (hit == null) {
            hit = index.byCity.get(squash(lastSegment(trimmed)));
        }
        if (hit == null && key.length() >= 4 && key.length() <= 40) {
            hit = closest(key, index);
        }
        return Optional.ofNullable(hit).map(id -> names.exact.get(id).canonical());
    }

    /** The id within two edits of the key, when exactly one zone is that close. */
    private static String closest(String key, Index index) {
        final int max = 2;
        String best = null;
        int bestDistance = max + 1;
        boolean tie = false;
        for (Map.Entry<String, String> e : index.squashed.entrySet()) {
            String candidate = e.getKey();
            if (Math.abs(candidate.length() - key.length()) > max) {
                continue;
            }
            int d = distance(key, candidate, max);
            if (d < bestDistance) {
                best = e.getValue();
                bestDistance = d;
                tie = false;
            } else if (d == bestDistance && d <= max && !sameZone(e.getValue(), best)) {
                tie = true;
            }
        }
        return tie ? null : best;
    }

    private static boolean sameZone(String a, String b) {
        return TimeZones.canonicalIdOf(a).equals(TimeZones.canonicalIdOf(b));
    }

    /** Levenshtein distance, or {@code max + 1} as soon as it is known to exceed {@code max}. */
    private static int distance(String a, String b, int max) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            int rowMin = current[0];
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                rowMin = Math.min(rowMin, current[j]);
            }
            if (rowMin > max) {
                return max + 1;
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return Math.min(previous[b.length()], max + 1);
    }

    /** Lower case without spaces, underscores or hyphens: "America/New York" meets "America/New_York". */
    static String squash(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != ' ' && c != '_' && c != '-' && c != '\t') {
                b.append(Character.toLowerCase(c));
            }
        }
        return b.toString();
    }

    private static String lastSegment(String s) {
        int slash = s.lastIndexOf('/');
        return slash < 0 ? s : s.substring(slash + 1);
    }

    /** Squashed names and city names of the accepted ids. */
    private static final class Index {
        static final Index INSTANCE = new Index();

        final Map<String, String> squashed = new HashMap<>();
        final Map<String, String> byCity = new HashMap<>();

        private Index() {
            Set<String> ambiguousCities = new HashSet<>();
            for (String id : TimeZones.ids()) {
                squashed.putIfAbsent(squash(id), id);
                if (id.indexOf('/') > 0) {
                    String city = squash(lastSegment(id));
                    String previous = byCity.putIfAbsent(city, id);
                    if (previous != null && !TimeZones.canonicalIdOf(previous).equals(TimeZones.canonicalIdOf(id))) {
                        ambiguousCities.add(city);
                    }
                }
            }
            byCity.keySet().removeAll(ambiguousCities);
            squashed.keySet().removeIf(k -> k.length() < 2);
            byCity.keySet().removeIf(k -> k.toLowerCase(Locale.ROOT).length() < 3);
        }
    }
}
