package dev.outbound.examples.cli;

import dev.outbound.core.InvalidValueException;
import dev.outbound.core.compliance.CallingPolicy;
import dev.outbound.core.dnc.DncList;
import dev.outbound.core.dnc.DncRegistry;
import dev.outbound.core.internal.Json;
import dev.outbound.core.lifecycle.CampaignLists;
import dev.outbound.core.lifecycle.DialingRules;
import dev.outbound.core.lifecycle.Treatment;
import dev.outbound.core.phone.PhoneField;
import dev.outbound.core.record.CallResult;
import dev.outbound.core.record.CampaignId;
import dev.outbound.core.record.DoneReason;
import dev.outbound.core.record.ListId;
import dev.outbound.core.schedule.ClosedDates;
import dev.outbound.core.schedule.RegionRule;
import dev.outbound.core.schedule.RegionRuleSet;
import dev.outbound.core.schedule.TimeWindow;
import dev.outbound.core.schedule.WeeklySchedule;
import dev.outbound.core.zone.TimeZones;
import dev.outbound.csv.dnc.DncImport;
import dev.outbound.csv.dnc.DncImportResult;
import dev.outbound.csv.imports.ImportStatus;
import dev.outbound.csv.read.ReadOptions;
import dev.outbound.pacing.engine.DialMode;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * All of a campaign's settings, read from one JSON file ({@code --campaign FILE.json}), so that
 * {@code explain}, {@code plan} and the dialing commands see the same campaign: its id, the
 * region national numbers are read in, the default zone, the {@link DialingRules} (calling hours
 * per weekday and per phone field, closed dates, region rules, Do-Not-Call lists loaded from the
 * files it names, lists and weights, attempts, treatments, caps and timeouts) and the
 * {@link PacingSettings}. {@code docs/campaign.md} lists every setting with its default.
 *
 * <p>Every setting is optional. A key the file does not know, or a value of the wrong form or out
 * of range, is refused with a {@link CampaignFileException} naming the file, the setting's path
 * and what was expected. Immutable once read.
 */
public final class CampaignFile {
    private static final Pattern DURATION = Pattern.compile("(\\d{1,9})(ms|s|m|h|d)");
    private static final List<String> DAYS = List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun");

    private final Optional<Path> source;
    private final CampaignId id;
    private final String region;
    private final Optional<ZoneId> defaultZone;
    private final DialingRules rules;
    private final PacingSettings pacing;
    /** Set once by the reader, before the campaign is handed out. */
    private Optional<CampaignCallerIds> callerIds = Optional.empty();

    private CampaignFile(Optional<Path> source, CampaignId id, String region, Optional<ZoneId> defaultZone,
            DialingRules rules, PacingSettings pacing) {
        this.source = source;
        this.id = id;
        this.region = region;
        this.defaultZone = defaultZone;
        this.rules = rules;
        this.pacing = pacing;
    }

    /**
     * @return the campaign with every default: id {@code default}, region {@code US}, no default
     *     zone, {@link DialingRules#defaults()} and {@link PacingSettings#defaults()}
     */
    public static CampaignFile defaults() {
        return new CampaignFile(Optional.empty(), CampaignId.of("default"), "US", Optional.empty(),
                DialingRules.defaults(), PacingSettings.defaults());
    }

    /**
     * Reads a campaign file; the Do-Not-Call files it names are read too, relative to its folder.
     *
     * @param file the JSON file
     * @return the campaign
     * @throws CampaignFileException naming the file, the setting and the problem, when the file
     *     cannot be read, is not JSON, or a setting is unknown or has a bad value
     */
    public static CampaignFile read(Path file) {
        Objects.requireNonNull(file, "file");
        String name = file.toString();
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException | UncheckedIOException e) {
            throw new CampaignFileException(name, "(file)", "cannot read it (" + e.getMessage() + ")");
        }
        Object root;
        try {
            root = Json.parse(text);
        } catch (Json.JsonException e) {
            throw new CampaignFileException(name, position(text, e.offset()), "not JSON: " + e.getMessage());
        }
        Path folder = file.toAbsolutePath().getParent();
        return new Reader(name, folder).campaign(new Node(name, "(top level)", root), file);
    }

    /** @return the file the campaign was read from; empty for {@link #defaults()} */
    public Optional<Path> source() {
        return source;
    }

    /** @return the campaign's id (setting {@code id}, default {@code default}) */
    public CampaignId id() {
        return id;
    }

    /** @return the ISO 3166 region national numbers are read in (setting {@code region}, default {@code US}) */
    public String region() {
        return region;
    }

    /**
     * @return the zone of records whose zone nothing else gives, and of local date-times on the
     *     command line (setting {@code defaultZone}; default none: such records are not dialled)
     */
    public Optional<ZoneId> defaultZone() {
        return defaultZone;
    }

    /** @return how calls get their caller id (setting {@code callerIds}); empty: the trunk's default */
    Optional<CampaignCallerIds> callerIds() {
        return callerIds;
    }

    /** @return the lifecycle settings, with the calling policy and its Do-Not-Call lists */
    public DialingRules rules() {
        return rules;
    }

    /** @return the pacing settings (setting {@code pacing}) */
    public PacingSettings pacing() {
        return pacing;
    }

    @Override
    public String toString() {
        return "CampaignFile[" + source.map(Path::toString).orElse("defaults") + ", id=" + id + ", region=" + region
                + ", defaultZone=" + defaultZone.map(ZoneId::getId).orElse("none") + ", " + rules + ", " + pacing + "]";
    }

    /**
     * Reads a duration as the campaign file writes them: a whole number and a unit ({@code 500ms},
     * {@code 2s}, {@code 15m}, {@code 1h}, {@code 30d}), or ISO-8601 ({@code PT2S}).
     *
     * @param text the text
     * @return the duration, or empty when the text is neither form
     */
    static Optional<Duration> parseDuration(String text) {
        String t = text.strip();
        Matcher m = DURATION.matcher(t);
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            switch (m.group(2)) {
                case "ms":
                    return Optional.of(Duration.ofMillis(n));
                case "s":
                    return Optional.of(Duration.ofSeconds(n));
                case "m":
                    return Optional.of(Duration.ofMinutes(n));
                case "h":
                    return Optional.of(Duration.ofHours(n));
                default:
                    return Optional.of(Duration.ofDays(n));
            }
        }
        if (t.startsWith("P") || t.startsWith("p")) {
            try {
                return Optional.of(Duration.parse(t));
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /**
     * @param d a duration
     * @return it in the file's short form, in the largest unit that divides it ({@code 30d}, {@code 90s})
     */
    static String format(Duration d) {
        if (d.isZero()) {
            return "0s";
        }
        long ms = d.toMillis();
        if (ms % 86_400_000L == 0) {
            return ms / 86_400_000L + "d";
        }
        if (ms % 3_600_000L == 0) {
            return ms / 3_600_000L + "h";
        }
        if (ms % 60_000L == 0) {
            return ms / 60_000L + "m";
        }
        if (ms % 1000L == 0) {
            return ms / 1000L + "s";
        }
        return ms + "ms";
    }

    /** The line and column of an offset, for messages about text that is not JSON. */
    private static String position(String text, int offset) {
        int line = 1;
        int column = 1;
        for (int i = 0; i < Math.min(offset, text.length()); i++) {
            if (text.charAt(i) == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return "line " + line + ", column " + column;
    }

    /** A value in the file and its path there, with typed reads that name the path when they refuse. */
    static final class Node {
        final String file;
        final String path;
        final Object value;

        Node(String file, String path, Object value) {
            this.file = file;
            this.path = path;
            this.value = value;
        }

        CampaignFileException error(String problem) {
            return new CampaignFileException(file, path, problem);
        }

        /** The value as JSON text, for messages. */
        String shown() {
            return value instanceof Map || value instanceof List ? (value instanceof Map ? "an object" : "an array")
                    : Json.write(value);
        }

        /** The members of an object, refusing any key that is not known. */
        Map<String, Node> object(List<String> known) {
            if (!(value instanceof Map<?, ?> map)) {
                throw error(shown() + " is not an object (expected { ... } with " + String.join(", ", known) + ")");
            }
            Map<String, Node> out = new java.util.LinkedHashMap<>();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                String key = (String) e.getKey();
                Node child = new Node(file, child(key), e.getValue());
                if (known != null && !known.contains(key)) {
                    throw child.error("unknown setting (known: " + String.join(", ", known) + ")");
                }
                out.put(key, child);
            }
            return out;
        }

        List<Node> array(String expected) {
            if (!(value instanceof List<?> list)) {
                throw error(shown() + " is not an array (expected " + expected + ")");
            }
            List<Node> out = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                out.add(new Node(file, path + "[" + i + "]", list.get(i)));
            }
            return out;
        }

        String child(String key) {
            return path.equals("(top level)") ? key : path + "." + key;
        }

        String string(String expected) {
            if (!(value instanceof String s)) {
                throw error(shown() + " is not a string (expected " + expected + ")");
            }
            return s;
        }

        boolean bool() {
            if (!(value instanceof Boolean b)) {
                throw error(shown() + " is not true or false");
            }
            return b;
        }

        BigDecimal number(String expected) {
            if (!(value instanceof BigDecimal d)) {
                throw error(shown() + " is not a number (expected " + expected + ")");
            }
            return d;
        }

        int integer(int min, int max) {
            BigDecimal d = number("a whole number from " + min + " to " + max);
            if (d.stripTrailingZeros().scale() > 0 || d.compareTo(BigDecimal.valueOf(min)) < 0
                    || d.compareTo(BigDecimal.valueOf(max)) > 0) {
                throw error(d.toPlainString() + " is out of range (expected a whole number from " + min + " to "
                        + max + ")");
            }
            return d.intValueExact();
        }

        double decimal(double min, double max) {
            BigDecimal d = number("a number from " + min + " to " + max);
            double v = d.doubleValue();
            if (v < min || v > max) {
                throw error(d.toPlainString() + " is out of range (expected a number from " + min + " to " + max + ")");
            }
            return v;
        }

        Duration duration() {
            String t = string("a duration such as \"2s\", \"15m\", \"1h\", \"30d\" or \"PT2S\"");
            return parseDuration(t).orElseThrow(() -> error("\"" + t + "\" is not a duration (expected a whole "
                    + "number and a unit, ms, s, m, h or d, such as \"2s\", \"15m\", \"1h\", \"30d\", or ISO-8601 "
                    + "such as \"PT2S\")"));
        }

        LocalTime time() {
            String t = string("a time of day such as \"18:00\"");
            try {
                return LocalTime.parse(t.strip());
            } catch (DateTimeParseException e) {
                throw error("\"" + t + "\" is not a time of day (expected HH:mm, such as \"18:00\")");
            }
        }

        <E extends Enum<E>> E choice(Class<E> type) {
            List<String> names = new ArrayList<>();
            for (E e : type.getEnumConstants()) {
                names.add(e.name().toLowerCase(Locale.ROOT));
            }
            String t = string("one of " + String.join(", ", names));
            for (E e : type.getEnumConstants()) {
                if (e.name().toLowerCase(Locale.ROOT).equals(t.strip().toLowerCase(Locale.ROOT))) {
                    return e;
                }
            }
            throw error("\"" + t + "\" is not known (expected one of " + String.join(", ", names) + ")");
        }

        /** Runs a core check, turning its refusal into one that names this setting. */
        <T> T checked(java.util.function.Supplier<T> make) {
            try {
                return make.get();
            } catch (InvalidValueException e) {
                throw error(e.value() + " is not allowed (expected " + e.rule() + ")");
            } catch (IllegalArgumentException | IllegalStateException e) {
                throw error(e.getMessage());
            }
        }
    }

    /** Reads one file's settings, in the order the file's reference documents them. */
    private static final class Reader {
        private static final List<String> TOP = List.of("id", "region", "defaultZone", "hours", "fieldHours",
                "closedDates", "regionRules", "dnc", "lists", "weightedLists", "maxRepeatAttempts", "attemptDelays",
                "treatments", "numberFailureLimit", "maxCallsPerRecordPerDay", "maxCallsPerNumberPerDay",
                "abandonQuietPeriod", "contactTimeout", "callbackDelayedAfter", "searchHorizon", "pacing",
                "dispositions", "callerIds");
        private static final List<String> PACING = List.of("mode", "ratio", "formLoad", "pauseAfterAnswered",
                "pauseAfterUnanswered", "ringTimeout", "maxLines", "maxCallsPerAgent", "abandonRule", "abandonTarget",
                "abandonWindow", "connectLimit", "amdFalsePositiveRate");
        private static final List<String> HOURS_KEYS = List.of("daily", "mon", "tue", "wed", "thu", "fri", "sat",
                "sun");

        private final String file;
        private final Path folder;

        Reader(String file, Path folder) {
            this.file = file;
            this.folder = folder;
        }

        CampaignFile campaign(Node root, Path path) {
            Map<String, Node> s = root.object(TOP);
            CampaignId id = s.containsKey("id") ? s.get("id").checked(() -> CampaignId.of(s.get("id")
                    .string("the campaign's id"))) : CampaignId.of("default");
            String region = "US";
            if (s.containsKey("region")) {
                Node n = s.get("region");
                String r = n.string("an ISO 3166 region such as \"US\"").strip().toUpperCase(Locale.ROOT);
                if (!Set.of(Locale.getISOCountries()).contains(r)) {
                    throw n.error("\"" + n.value + "\" is not a region (expected an ISO 3166 code such as \"US\")");
                }
                region = r;
            }
            Optional<ZoneId> zone = Optional.empty();
            if (s.containsKey("defaultZone")) {
                Node n = s.get("defaultZone");
                zone = Optional.of(n.checked(() -> TimeZones.parse("defaultZone", n.string("an IANA zone such as "
                        + "\"America/New_York\"")).zone()));
            }

            CallingPolicy.Builder policy = CallingPolicy.newBuilder();
            if (s.containsKey("hours")) {
                policy.hours(schedule(s.get("hours")));
            }
            if (s.containsKey("fieldHours")) {
                for (Map.Entry<String, Node> e : s.get("fieldHours").object(null).entrySet()) {
                    PhoneField field = e.getValue().checked(() -> PhoneField.of(e.getKey()));
                    policy.fieldHours(field, schedule(e.getValue()));
                }
            }
            if (s.containsKey("closedDates")) {
                policy.closedDates(closedDates(s.get("closedDates")));
            }
            if (s.containsKey("regionRules")) {
                policy.regionRules(regionRules(s.get("regionRules")));
            }
            if (s.containsKey("dnc")) {
                policy.doNotCall(dnc(s.get("dnc"), region));
            }
            if (s.containsKey("searchHorizon")) {
                Duration h = s.get("searchHorizon").duration();
                policy.searchHorizon(h);
                s.get("searchHorizon").checked(() -> CallingPolicy.newBuilder().searchHorizon(h).build());
            }

            DialingRules.Builder rules = DialingRules.newBuilder().policy(policy.build());
            if (s.containsKey("lists") || s.containsKey("weightedLists")) {
                rules.lists(lists(s.get("lists"), s.get("weightedLists")));
            }
            if (s.containsKey("maxRepeatAttempts")) {
                rules.maxRepeatAttempts(s.get("maxRepeatAttempts").integer(0, 1000));
            }
            if (s.containsKey("attemptDelays")) {
                List<Duration> delays = durations(s.get("attemptDelays"));
                s.get("attemptDelays").checked(() -> rules.attemptDelays(delays.get(0),
                        delays.subList(1, delays.size()).toArray(new Duration[0])));
            }
            if (s.containsKey("treatments")) {
                treatments(s.get("treatments"), rules);
            }
            if (s.containsKey("numberFailureLimit")) {
                rules.numberFailureLimit(s.get("numberFailureLimit").integer(1, 1000));
            }
            if (s.containsKey("maxCallsPerRecordPerDay")) {
                rules.maxCallsPerRecordPerDay(s.get("maxCallsPerRecordPerDay").integer(1, 1000));
            }
            if (s.containsKey("maxCallsPerNumberPerDay")) {
                rules.maxCallsPerNumberPerDay(s.get("maxCallsPerNumberPerDay").integer(1, 1000));
            }
            if (s.containsKey("abandonQuietPeriod")) {
                Node n = s.get("abandonQuietPeriod");
                n.checked(() -> rules.abandonQuietPeriod(n.duration()));
            }
            if (s.containsKey("contactTimeout")) {
                Node n = s.get("contactTimeout");
                n.checked(() -> rules.contactTimeout(n.duration()));
            }
            if (s.containsKey("callbackDelayedAfter")) {
                Node n = s.get("callbackDelayedAfter");
                n.checked(() -> rules.callbackDelayedAfter(n.duration()));
            }
            if (s.containsKey("dispositions")) {
                rules.dispositions(CampaignDispositions.read(file, "dispositions", s.get("dispositions").value));
            }
            PacingSettings pacing = s.containsKey("pacing") ? pacing(s.get("pacing")) : PacingSettings.defaults();
            CampaignFile read = new CampaignFile(Optional.of(path), id, region, zone, rules.build(), pacing);
            read.callerIds = s.containsKey("callerIds")
                    ? Optional.of(CampaignCallerIds.read(s.get("callerIds"), folder, region)) : Optional.empty();
            return read;
        }

        /** An object of weekdays (or {@code daily}) to arrays of windows; a named day replaces {@code daily}. */
        WeeklySchedule schedule(Node node) {
            Map<String, Node> days = node.object(HOURS_KEYS);
            Map<DayOfWeek, List<TimeWindow>> byDay = new EnumMap<>(DayOfWeek.class);
            if (days.containsKey("daily")) {
                List<TimeWindow> w = windows(days.get("daily"));
                for (DayOfWeek d : DayOfWeek.values()) {
                    byDay.put(d, w);
                }
            }
            for (int i = 0; i < DAYS.size(); i++) {
                if (days.containsKey(DAYS.get(i))) {
                    byDay.put(DayOfWeek.of(i + 1), windows(days.get(DAYS.get(i))));
                }
            }
            WeeklySchedule.Builder b = WeeklySchedule.newBuilder();
            byDay.forEach((day, windows) -> windows.forEach(w -> b.on(w, day)));
            return b.build();
        }

        List<TimeWindow> windows(Node node) {
            List<TimeWindow> out = new ArrayList<>();
            for (Node w : node.array("windows such as [\"09:00-12:00\", \"13:00-17:00\"], or [] for closed")) {
                String t = w.string("a window such as \"09:00-17:00\"");
                try {
                    out.add(TimeWindow.parse(t));
                } catch (InvalidValueException e) {
                    throw w.error("\"" + t + "\" is not a window (expected HH:mm-HH:mm, start before end, such as "
                            + "\"09:00-17:00\")");
                }
            }
            return out;
        }

        ClosedDates closedDates(Node node) {
            StringBuilder text = new StringBuilder();
            for (Node d : node.array("dates such as [\"2026-12-25 Christmas Day\"]")) {
                String t = d.string("a date such as \"2026-12-25\", then an optional name");
                String date = t.strip().split("\\s+", 2)[0];
                try {
                    java.time.LocalDate.parse(date);
                } catch (DateTimeParseException e) {
                    throw d.error("\"" + t + "\" is not a date (expected an ISO date such as \"2026-12-25\", then "
                            + "an optional name)");
                }
                text.append(t.strip()).append('\n');
            }
            return ClosedDates.parse(new StringReader(text.toString()));
        }

        RegionRuleSet regionRules(Node node) {
            Map<String, Node> s = node.object(List.of("usStateExamples", "rules"));
            List<RegionRule> rules = new ArrayList<>();
            if (s.containsKey("usStateExamples") && s.get("usStateExamples").bool()) {
                rules.addAll(RegionRuleSet.usStateExamples().rules());
            }
            if (s.containsKey("rules")) {
                for (Node line : s.get("rules").array("rules such as [\"US-FL | state=FL | daily 08:00-20:00 | 3 "
                        + "| note\"]")) {
                    String t = line.string("a rule: name | applies to | hours | max calls per 24 h | note");
                    rules.addAll(line.checked(() -> RegionRuleSet.parse(new StringReader(t)).rules()));
                }
            }
            return node.checked(() -> RegionRuleSet.of(rules));
        }

        DncRegistry dnc(Node node, String region) {
            DncRegistry.Builder registry = DncRegistry.newBuilder();
            Map<String, String> names = new HashMap<>();
            for (Node entry : node.array("lists such as [{\"file\": \"dnc.csv\"}]")) {
                Map<String, Node> s = entry.object(List.of("file", "list", "mode", "scope", "region"));
                if (!s.containsKey("file")) {
                    throw entry.error("no file (expected {\"file\": \"dnc.csv\", ...}, the path relative to the "
                            + "campaign file)");
                }
                Node fileNode = s.get("file");
                Path csv = folder.resolve(fileNode.string("a path relative to the campaign file"));
                if (!Files.isReadable(csv)) {
                    throw fileNode.error("cannot read " + csv);
                }
                String fileName = csv.getFileName().toString();
                String name = s.containsKey("list") ? s.get("list").string("the list's name")
                        : fileName.replaceFirst("\\.[^.]*$", "");
                String before = names.putIfAbsent(name, entry.path);
                if (before != null) {
                    throw (s.containsKey("list") ? s.get("list") : entry).error("the list '" + name
                            + "' is already read by " + before + "; give each file its own \"list\" name");
                }
                DncList.Mode mode = DncList.Mode.BLOCK;
                if (s.containsKey("mode")) {
                    String m = s.get("mode").string("block or allow").strip().toLowerCase(Locale.ROOT);
                    if (!m.equals("block") && !m.equals("allow")) {
                        throw s.get("mode").error("\"" + m + "\" is not known (expected block or allow)");
                    }
                    mode = m.equals("allow") ? DncList.Mode.ALLOW : DncList.Mode.BLOCK;
                }
                boolean campaign = false;
                if (s.containsKey("scope")) {
                    String m = s.get("scope").string("global or campaign").strip().toLowerCase(Locale.ROOT);
                    if (!m.equals("global") && !m.equals("campaign")) {
                        throw s.get("scope").error("\"" + m + "\" is not known (expected global or campaign)");
                    }
                    campaign = m.equals("campaign");
                }
                String listRegion = s.containsKey("region")
                        ? s.get("region").string("an ISO 3166 region such as \"US\"").strip() : region;
                DncList list = DncList.newBuilder(name).mode(mode).build();
                DncImportResult result = fileNode.checked(() -> DncImport.newBuilder(list)
                        .readOptions(ReadOptions.detect()).defaultRegion(listRegion).build().newJob(csv).run());
                if (result.status() != ImportStatus.FINISHED) {
                    throw fileNode.error("the list " + csv + " could not be read: "
                            + result.failure().orElse("the import did not finish"));
                }
                if (campaign) {
                    registry.campaign(list);
                } else {
                    registry.global(list);
                }
            }
            return node.checked(registry::build);
        }

        CampaignLists lists(Node listsNode, Node weightedNode) {
            CampaignLists.Builder b = CampaignLists.newBuilder();
            if (listsNode != null) {
                for (Node l : listsNode.array("lists such as [{\"name\": \"spring\", \"weight\": 70}]")) {
                    Map<String, Node> s = l.object(List.of("name", "enabled", "weight"));
                    if (!s.containsKey("name")) {
                        throw l.error("no name (expected {\"name\": \"spring\", \"enabled\": true, \"weight\": 70})");
                    }
                    ListId list = s.get("name").checked(() -> ListId.of(s.get("name").string("the list's name")));
                    boolean enabled = !s.containsKey("enabled") || s.get("enabled").bool();
                    int weight = s.containsKey("weight") ? s.get("weight").integer(1, CampaignLists.MAX_WEIGHT)
                            : CampaignLists.DEFAULT_WEIGHT;
                    l.checked(() -> b.list(list, enabled, weight));
                }
            }
            if (weightedNode != null) {
                b.weighting(weightedNode.bool());
            }
            return b.build();
        }

        List<Duration> durations(Node node) {
            List<Duration> out = new ArrayList<>();
            for (Node d : node.array("durations such as [\"30m\", \"2h\"]")) {
                Duration v = d.duration();
                if (v.isNegative()) {
                    throw d.error("\"" + d.value + "\" is negative");
                }
                out.add(v);
            }
            if (out.isEmpty()) {
                throw node.error("no duration (expected one or more, such as [\"30m\", \"2h\"])");
            }
            return out;
        }

        void treatments(Node node, DialingRules.Builder rules) {
            List<String> results = new ArrayList<>();
            for (CallResult r : CallResult.values()) {
                results.add(r.name().toLowerCase(Locale.ROOT));
            }
            for (Map.Entry<String, Node> e : node.object(results).entrySet()) {
                CallResult result = CallResult.valueOf(e.getKey().toUpperCase(Locale.ROOT));
                Treatment t = treatment(e.getValue());
                e.getValue().checked(() -> rules.treat(result, t));
            }
        }

        Treatment treatment(Node node) {
            Map<String, Node> s = node.object(List.of("action", "delays", "time", "reason"));
            List<String> actions = List.of("next_number", "retry", "exclude_number", "add_to_dnc", "finish",
                    "reschedule_at", "await_agent");
            if (!s.containsKey("action")) {
                throw node.error("no action (expected one of " + String.join(", ", actions) + ")");
            }
            Node a = s.get("action");
            String action = a.string("one of " + String.join(", ", actions)).strip().toLowerCase(Locale.ROOT);
            List<String> keys = new ArrayList<>(List.of("action"));
            Treatment t;
            switch (action) {
                case "next_number":
                    t = new Treatment.NextNumber();
                    break;
                case "retry":
                    keys.add("delays");
                    if (!s.containsKey("delays")) {
                        throw node.error("the retry action needs \"delays\", such as [\"5m\", \"15m\"]");
                    }
                    t = new Treatment.Retry(durations(s.get("delays")));
                    break;
                case "exclude_number":
                    t = new Treatment.ExcludeNumber();
                    break;
                case "add_to_dnc":
                    t = new Treatment.AddToDoNotCall();
                    break;
                case "finish":
                    keys.add("reason");
                    if (!s.containsKey("reason")) {
                        throw node.error("the finish action needs \"reason\", such as \"objective_reached\"");
                    }
                    t = new Treatment.Finish(s.get("reason").choice(DoneReason.class));
                    break;
                case "reschedule_at":
                    keys.add("time");
                    if (!s.containsKey("time")) {
                        throw node.error("the reschedule_at action needs \"time\", such as \"18:00\"");
                    }
                    t = new Treatment.RescheduleAt(s.get("time").time());
                    break;
                case "await_agent":
                    t = new Treatment.AwaitAgent();
                    break;
                default:
                    throw a.error("\"" + action + "\" is not known (expected one of " + String.join(", ", actions)
                            + ")");
            }
            for (Node n : s.values()) {
                String key = n.path.substring(n.path.lastIndexOf('.') + 1);
                if (!keys.contains(key)) {
                    throw n.error("not a setting of the " + action + " action (known: " + String.join(", ", keys) + ")");
                }
            }
            return t;
        }

        PacingSettings pacing(Node node) {
            Map<String, Node> s = node.object(PACING);
            PacingSettings d = PacingSettings.defaults();
            DialMode mode = s.containsKey("mode") ? s.get("mode").choice(DialMode.class)
                    : d.mode();
            double ratio = s.containsKey("ratio") ? s.get("ratio").decimal(1.0, 100.0) : d.ratio();
            Duration formLoad = s.containsKey("formLoad") ? s.get("formLoad").duration() : d.formLoad();
            Duration answered = s.containsKey("pauseAfterAnswered") ? s.get("pauseAfterAnswered").duration()
                    : d.pauseAfterAnswered();
            Duration unanswered = s.containsKey("pauseAfterUnanswered") ? s.get("pauseAfterUnanswered").duration()
                    : d.pauseAfterUnanswered();
            Duration ring = s.containsKey("ringTimeout") ? s.get("ringTimeout").duration() : d.ringTimeout();
            int maxLines = s.containsKey("maxLines") ? s.get("maxLines").integer(1, 100_000) : d.maxLines();
            OptionalInt perAgent = s.containsKey("maxCallsPerAgent")
                    ? OptionalInt.of(s.get("maxCallsPerAgent").integer(1, 1000)) : d.maxCallsPerAgent();
            PacingSettings.AbandonRule rule = s.containsKey("abandonRule")
                    ? s.get("abandonRule").choice(PacingSettings.AbandonRule.class) : d.abandonRule();
            double target = s.containsKey("abandonTarget") ? s.get("abandonTarget").decimal(0.0, 1.0)
                    : d.abandonTarget();
            Duration window = s.containsKey("abandonWindow") ? s.get("abandonWindow").duration() : rule.defaultWindow();
            Duration connect = s.containsKey("connectLimit") ? s.get("connectLimit").duration() : d.connectLimit();
            double amd = s.containsKey("amdFalsePositiveRate") ? s.get("amdFalsePositiveRate").decimal(0.0, 1.0)
                    : d.amdFalsePositiveRate();
            try {
                return new PacingSettings(mode, ratio, formLoad, answered, unanswered, ring, maxLines, perAgent, rule,
                        target, window, connect, amd);
            } catch (InvalidValueException e) {
                // The record names the setting; the message names its path in the file.
                Node n = s.getOrDefault(e.field(), new Node(file, node.child(e.field()), "(default)"));
                throw n.error(e.value() + " is not allowed (expected " + e.rule() + ")");
            }
        }
    }
}
