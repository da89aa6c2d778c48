package dev.outbound.core.compliance;

import dev.outbound.core.InvalidValueException;
import dev.outbound.core.dnc.DncDecision;
import dev.outbound.core.dnc.DncRegistry;
import dev.outbound.core.phone.PhoneField;
import dev.outbound.core.record.Record;
import dev.outbound.core.record.RecordPhone;
import dev.outbound.core.schedule.ClosedDates;
import dev.outbound.core.schedule.RegionRule;
import dev.outbound.core.schedule.RegionRuleSet;
import dev.outbound.core.schedule.TimeWindow;
import dev.outbound.core.schedule.WeeklySchedule;
import dev.outbound.core.zone.ZoneResolution;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A campaign's compliance rules for placing a call, and the one question they answer:
 * <em>may this number of this record be called at instant t, and if not, what is the earliest
 * instant at which it may?</em> ({@link #check}).
 *
 * <p>A number may be called at {@code t} when no Do-Not-Call list bars it, it is active, its
 * customer's time zone is known, and in <em>every</em> candidate zone the local time at {@code t}
 * lies inside the campaign's hours, the hours of the number's phone field and the hours of every
 * region rule that applies, on a local date that is not closed; and no applicable cap on calls per
 * 24 hours is reached. Local time is always the called party's: a window of 08:00-21:00 means
 * 08:00 to 21:00 on the wall clock where the customer is, including across daylight-saving
 * changes (a window starting at 02:30 on a spring-forward day opens when the clocks jump past it).
 *
 * <p>Immutable and thread-safe. A check allocates little and never parses: the numbers, zones and
 * field texts were prepared when the record was made.
 */
public final class CallingPolicy {
    private static final long DAY = TimeWindow.DAY;

    private final WeeklySchedule hours;
    private final Map<PhoneField, WeeklySchedule> fieldHours;
    private final ClosedDates closedDates;
    private final RegionRuleSet regionRules;
    private final DncRegistry dnc;
    private final Duration horizon;
    private final HoursSource.Campaign campaignSource;
    private final Map<PhoneField, HoursSource.FieldHours> fieldSources;
    private final OffsetCache offsets = new OffsetCache();
    private final boolean hasAllowLists;

    private CallingPolicy(Builder b) {
        this.hours = b.hours != null ? b.hours : WeeklySchedule.usFederal();
        this.fieldHours = Map.copyOf(b.fieldHours);
        this.closedDates = b.closedDates != null ? b.closedDates : ClosedDates.none();
        this.regionRules = b.regionRules != null ? b.regionRules : RegionRuleSet.empty();
        this.dnc = b.dnc != null ? b.dnc : DncRegistry.newBuilder().build();
        this.horizon = b.horizon != null ? b.horizon : Duration.ofDays(366);
        this.campaignSource = new HoursSource.Campaign(hours);
        Map<PhoneField, HoursSource.FieldHours> fs = new HashMap<>();
        fieldHours.forEach((f, h) -> fs.put(f, new HoursSource.FieldHours(f, h)));
        this.fieldSources = Map.copyOf(fs);
        this.hasAllowLists = dnc.hasAllowLists();
    }

    /** @return a builder whose defaults are the US federal hours, every day, and no lists or rules */
    public static Builder newBuilder() {
        return new Builder();
    }

    /** @return the campaign's hours */
    public WeeklySchedule hours() {
        return hours;
    }

    /** @return the hours per phone field, narrowing the campaign's */
    public Map<PhoneField, WeeklySchedule> fieldHours() {
        return fieldHours;
    }

    /** @return the closed dates */
    public ClosedDates closedDates() {
        return closedDates;
    }

    /** @return the region rules */
    public RegionRuleSet regionRules() {
        return regionRules;
    }

    /** @return the Do-Not-Call lists */
    public DncRegistry doNotCall() {
        return dnc;
    }

    /** @return how far ahead {@link CallVerdict.Refused#earliest()} is searched */
    public Duration searchHorizon() {
        return horizon;
    }

    /**
     * Decides whether a number of a record may be called at an instant, for a campaign whose
     * region rules have no call caps or whose records have no call history.
     *
     * @param record the record
     * @param phone one of the record's numbers
     * @param at the instant
     * @return the verdict with its evidence
     */
    public CallVerdict check(Record record, RecordPhone phone, Instant at) {
        return check(record, phone, at, CallHistory.none());
    }

    /**
     * Decides whether a number of a record may be called at an instant, and if not, every reason
     * and the earliest instant at which it may.
     *
     * @param record the record
     * @param phone one of the record's numbers
     * @param at the instant
     * @param history the calls already placed to the record, for call caps
     * @return the verdict with its evidence
     */
    public CallVerdict check(Record record, RecordPhone phone, Instant at, CallHistory history) {
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(phone, "phone");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(history, "history");
        List<RegionRule> rules = regionRules.matching(record.fieldText(), phone.number());
        List<Refusal> reasons = null;

        DncDecision decision = dnc.check(phone.number(), record.ref().value(), at);
        if (!(decision instanceof DncDecision.Clear)) {
            reasons = add(reasons, new Refusal.DoNotCall(decision));
        }
        if (!phone.state().isDialable()) {
            reasons = add(reasons, new Refusal.NumberNotActive(phone.state()));
        }
        List<ZoneId> zones = List.of();
        if (phone.zones() instanceof ZoneResolution.Resolved resolved) {
            zones = resolved.zones();
            WeeklySchedule field = fieldHours.get(phone.field());
            long epochSecond = at.getEpochSecond();
            for (int i = 0, n = zones.size(); i < n; i++) {
                ZoneId zone = zones.get(i);
                long local = epochSecond + offsets.offsetSeconds(zone, epochSecond);
                long epochDay = Math.floorDiv(local, DAY);
                int second = (int) Math.floorMod(local, DAY);
                int day = (int) Math.floorMod(epochDay + 3, 7);
                if (!closedDates.isEmpty() && closedDates.isClosedOnEpochDay(epochDay)) {
                    LocalDate date = LocalDate.ofEpochDay(epochDay);
                    reasons = add(reasons, new Refusal.ClosedDate(zone, date, closedDates.name(date).orElse("")));
                }
                DayOfWeek dow = DayOfWeek.of(day + 1);
                if (!hours.allows(dow, second)) {
                    reasons = add(reasons, outside(zone, local, campaignSource));
                }
                if (field != null && !field.allows(dow, second)) {
                    reasons = add(reasons, outside(zone, local, fieldSources.get(phone.field())));
                }
                for (int r = 0, m = rules.size(); r < m; r++) {
                    RegionRule rule = rules.get(r);
                    if (!rule.hours().allows(dow, second)) {
                        reasons = add(reasons, outside(zone, local, new HoursSource.Region(rule)));
                    }
                }
            }
        } else {
            reasons = add(reasons, new Refusal.ZoneUnknown(((ZoneResolution.Unresolved) phone.zones()).tried()));
        }
        List<Instant> calls = null;
        Instant since = null;
        for (RegionRule rule : rules) {
            if (rule.maxCallsPer24Hours() > 0) {
                if (calls == null) {
                    since = at.minus(Duration.ofDays(1));
                    calls = recentCalls(history, record, since, at);
                }
                if (calls.size() >= rule.maxCallsPer24Hours()) {
                    reasons = add(reasons, new Refusal.CallCapReached(rule, calls.size(), since));
                }
            }
        }
        if (reasons == null) {
            return new CallVerdict.Allowed(at, phone, rules);
        }
        return new CallVerdict.Refused(at, phone, reasons,
                earliest(record, phone, at, history, rules, zones, reasons, decision));
    }

    private static List<Instant> recentCalls(CallHistory history, Record record, Instant since, Instant at) {
        List<Instant> all = history.callsSince(record, since);
        List<Instant> in = new ArrayList<>(all.size());
        for (Instant c : all) {
            // A call exactly 24 h ago has left the rolling window; calls after the instant checked do not count.
            if (c.isAfter(since) && !c.isAfter(at)) {
                in.add(c);
            }
        }
        return in;
    }

    private static Refusal outside(ZoneId zone, long local, HoursSource source) {
        LocalDateTime time = LocalDateTime.ofEpochSecond(local, 0, ZoneOffset.UTC);
        return new Refusal.OutsideHours(zone, time, source);
    }

    private static List<Refusal> add(List<Refusal> list, Refusal r) {
        List<Refusal> out = list == null ? new ArrayList<>(2) : list;
        out.add(r);
        return out;
    }

    // ---------------------------------------------------------------------------------------
    // The earliest allowed instant.

    private Optional<Instant> earliest(Record record, RecordPhone phone, Instant at, CallHistory history,
            List<RegionRule> rules, List<ZoneId> zones, List<Refusal> reasons, DncDecision atDecision) {
        for (Refusal r : reasons) {
            if (r instanceof Refusal.NumberNotActive || r instanceof Refusal.ZoneUnknown) {
                return Optional.empty();
            }
        }
        Instant limit = at.plus(horizon);
        Instant from = at;
        // Each pass moves 'from' to the earliest instant that the hours, then the lists, then the
        // caps allow; DNC expiry and caps only relax as time passes, so the passes converge.
        for (int pass = 0; pass < 64 && !from.isAfter(limit); pass++) {
            Optional<Instant> open = nextOpen(phone, rules, zones, from, limit);
            if (open.isEmpty()) {
                return Optional.empty();
            }
            Instant t = open.get();
            // Block entries only ever stop applying as time passes, so without allow lists (whose
            // entries can expire too) a number clear at 'at' stays clear and need not be looked up again.
            DncDecision decision = atDecision instanceof DncDecision.Clear && !hasAllowLists ? atDecision
                    : dnc.check(phone.number(), record.ref().value(), t);
            if (decision instanceof DncDecision.Listed listed) {
                Optional<Instant> expiry = listed.entry().expiresAt();
                if (expiry.isEmpty()) {
                    return Optional.empty();
                }
                from = expiry.get().isAfter(t) ? expiry.get() : t.plusSeconds(1);
                continue;
            }
            if (!(decision instanceof DncDecision.Clear)) {
                return Optional.empty();
            }
            Instant release = capRelease(record, history, rules, t);
            if (release.isAfter(t)) {
                from = release;
                continue;
            }
            return t.isAfter(limit) ? Optional.empty() : Optional.of(t);
        }
        return Optional.empty();
    }

    /** The first instant at or after {@code t} at which no cap of the rules is reached. */
    private static Instant capRelease(Record record, CallHistory history, List<RegionRule> rules, Instant t) {
        Instant release = t;
        List<Instant> calls = null;
        for (RegionRule rule : rules) {
            int max = rule.maxCallsPer24Hours();
            if (max == 0) {
                continue;
            }
            if (calls == null) {
                calls = recentCalls(history, record, t.minus(Duration.ofDays(1)), t);
            }
            if (calls.size() >= max) {
                // The oldest calls must leave the window until fewer than max remain.
                Instant leaves = calls.get(calls.size() - max).plus(Duration.ofDays(1));
                if (leaves.isAfter(release)) {
                    release = leaves;
                }
            }
        }
        return release;
    }

    /**
     * The first instant in [from, limit] at which the hours allow a call in every zone. The
     * allowed set only begins (turns from false to true) where, in some zone, the wall clock
     * reaches the start of a window (each occurrence, so both passes of a repeated hour) or
     * jumps at a transition; so only those instants, and {@code from} itself, need testing.
     */
    private Optional<Instant> nextOpen(RecordPhone phone, List<RegionRule> rules, List<ZoneId> zones,
            Instant from, Instant limit) {
        WeeklySchedule field = fieldHours.get(phone.field());
        List<WeeklySchedule> sources = new ArrayList<>();
        sources.add(hours);
        if (field != null) {
            sources.add(field);
        }
        for (RegionRule rule : rules) {
            sources.add(rule.hours());
        }
        if (allowsAt(zones, null, sources, from.getEpochSecond())) {
            return Optional.of(from);
        }
        long start = from.getEpochSecond() + 1;
        long end = limit.getEpochSecond();
        long fastEnd = Math.min(end, start + FAST_SPAN);
        long fast = fixedOffsetSearch(zones, sources, start, fastEnd);
        if (fast >= 0) {
            return Optional.of(Instant.ofEpochSecond(fast));
        }
        if (fast == NOT_IN_SPAN) {
            start = fastEnd + 1;
        }
        long chunk = 8 * DAY;
        for (long lo = start; lo <= end; lo += chunk) {
            long hi = Math.min(end, lo + chunk - 1);
            long[] candidates = candidates(zones, sources, lo, hi);
            for (long c : candidates) {
                if (allowsAt(zones, null, sources, c)) {
                    return Optional.of(Instant.ofEpochSecond(c));
                }
            }
        }
        return Optional.empty();
    }

    private static final long FAST_SPAN = 3 * DAY;
    private static final long NOT_IN_SPAN = -1;
    private static final long NOT_FIXED = -2;

    /**
     * The common case, done with arithmetic only: when no zone changes its offset in [lo, hi], the
     * wall clock in each zone is the instant plus a constant, so the rising edges are the window
     * starts (and midnights) of the few local days the span covers.
     *
     * @return the first open instant in [lo, hi], {@link #NOT_IN_SPAN} when there is none, or
     *     {@link #NOT_FIXED} when some zone's offset changes within the span
     */
    private long fixedOffsetSearch(List<ZoneId> zones, List<WeeklySchedule> sources, long lo, long hi) {
        int n = zones.size();
        int[] offs = new int[n];
        for (int i = 0; i < n; i++) {
            ZoneId zone = zones.get(i);
            offs[i] = offsets.offsetSeconds(zone, lo);
            if (offsets.offsetValidUntil(zone, lo) <= hi) {
                return NOT_FIXED;
            }
        }
        long[] cand = new long[64];
        int count = 0;
        for (int i = 0; i < n; i++) {
            long firstDay = Math.floorDiv(lo + offs[i], DAY);
            long lastDay = Math.floorDiv(hi + offs[i], DAY);
            for (long day = firstDay; day <= lastDay; day++) {
                int dow = (int) Math.floorMod(day + 3, 7);
                long base = day * DAY - offs[i];
                count = addCandidate(cand, count, base, lo, hi);
                DayOfWeek weekday = DayOfWeek.of(dow + 1);
                for (int s = 0, m = sources.size(); s < m; s++) {
                    WeeklySchedule source = sources.get(s);
                    for (int k = 0, windows = source.windowCount(weekday); k < windows; k++) {
                        cand = grow(cand, count);
                        count = addCandidate(cand, count, base + source.windowStartSecond(weekday, k), lo, hi);
                    }
                }
                cand = grow(cand, count);
            }
        }
        Arrays.sort(cand, 0, count);
        for (int c = 0; c < count; c++) {
            if (allowsAt(zones, offs, sources, cand[c])) {
                return cand[c];
            }
        }
        return NOT_IN_SPAN;
    }

    private static long[] grow(long[] a, int count) {
        return count + 8 >= a.length ? Arrays.copyOf(a, a.length * 2) : a;
    }

    private static int addCandidate(long[] cand, int count, long v, long lo, long hi) {
        if (v >= lo && v <= hi) {
            cand[count++] = v;
        }
        return count;
    }

    /**
     * Whether, at {@code epochSecond}, every zone's wall clock is on an open date and inside every
     * source's hours. {@code fixedOffsets} gives each zone's offset when the caller knows it holds;
     * otherwise the offsets come from the cache.
     */
    private boolean allowsAt(List<ZoneId> zones, int[] fixedOffsets, List<WeeklySchedule> sources, long epochSecond) {
        for (int i = 0, n = zones.size(); i < n; i++) {
            int offset = fixedOffsets != null ? fixedOffsets[i] : offsets.offsetSeconds(zones.get(i), epochSecond);
            long local = epochSecond + offset;
            long epochDay = Math.floorDiv(local, DAY);
            int second = (int) Math.floorMod(local, DAY);
            if (!closedDates.isEmpty() && closedDates.isClosedOnEpochDay(epochDay)) {
                return false;
            }
            DayOfWeek dow = DayOfWeek.of((int) Math.floorMod(epochDay + 3, 7) + 1);
            for (int s = 0, m = sources.size(); s < m; s++) {
                if (!sources.get(s).allows(dow, second)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Sorted, distinct instants in [lo, hi] where the hours may turn from closed to open (the rare, general path). */
    private static long[] candidates(List<ZoneId> zones, List<WeeklySchedule> sources, long lo, long hi) {
        TreeSet<Long> out = new TreeSet<>();
        for (ZoneId zone : zones) {
            ZoneRules zr = zone.getRules();
            LocalDate first = LocalDateTime.ofInstant(Instant.ofEpochSecond(lo), zone).toLocalDate().minusDays(1);
            LocalDate last = LocalDateTime.ofInstant(Instant.ofEpochSecond(hi), zone).toLocalDate().plusDays(1);
            for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
                Set<Integer> starts = new HashSet<>();
                starts.add(0);
                for (WeeklySchedule s : sources) {
                    for (int k = 0, windows = s.windowCount(d.getDayOfWeek()); k < windows; k++) {
                        starts.add(s.windowStartSecond(d.getDayOfWeek(), k));
                    }
                }
                for (int startSecond : starts) {
                    LocalDateTime ldt = LocalDateTime.of(d, LocalTime.ofSecondOfDay(startSecond));
                    List<ZoneOffset> valid = zr.getValidOffsets(ldt);
                    if (valid.isEmpty()) {
                        // In a gap the wall clock never shows this time; it jumps past it at the transition.
                        ZoneOffsetTransition gap = zr.getTransition(ldt);
                        addIfIn(out, gap.getInstant().getEpochSecond(), lo, hi);
                    } else {
                        for (ZoneOffset offset : valid) {
                            addIfIn(out, ldt.toEpochSecond(offset), lo, hi);
                        }
                    }
                }
            }
            ZoneOffsetTransition t = zr.nextTransition(Instant.ofEpochSecond(lo - 1));
            while (t != null && t.getInstant().getEpochSecond() <= hi) {
                addIfIn(out, t.getInstant().getEpochSecond(), lo, hi);
                t = zr.nextTransition(t.getInstant());
            }
        }
        return out.stream().mapToLong(Long::longValue).toArray();
    }

    private static void addIfIn(Set<Long> out, long v, long lo, long hi) {
        if (v >= lo && v <= hi) {
            out.add(v);
        }
    }

    /**
     * Builds a {@link CallingPolicy}. Each option may be set once; setting one twice fails at
     * {@link #build()} with a message naming it. Not thread-safe.
     */
    public static final class Builder {
        private WeeklySchedule hours;
        private final Map<PhoneField, WeeklySchedule> fieldHours = new HashMap<>();
        private ClosedDates closedDates;
        private RegionRuleSet regionRules;
        private DncRegistry dnc;
        private Duration horizon;
        private final List<String> conflicts = new ArrayList<>();

        private Builder() {}

        private void once(Object previous, String option) {
            if (previous != null) {
                conflicts.add(option + " was set twice");
            }
        }

        /**
         * @param campaignHours the campaign's calling hours in the called party's local time
         *     (default: {@link WeeklySchedule#usFederal()})
         * @return this builder
         */
        public Builder hours(WeeklySchedule campaignHours) {
            once(hours, "hours");
            hours = Objects.requireNonNull(campaignHours, "campaignHours");
            return this;
        }

        /**
         * Narrows the hours for numbers of one phone field (seed 000: calling times per phone
         * type, e.g. work numbers 09:00-17:00 on weekdays).
         *
         * @param field the phone field
         * @param fieldSchedule its hours
         * @return this builder
         */
        public Builder fieldHours(PhoneField field, WeeklySchedule fieldSchedule) {
            Objects.requireNonNull(field, "field");
            once(fieldHours.put(field, Objects.requireNonNull(fieldSchedule, "fieldSchedule")),
                    "fieldHours(" + field + ")");
            return this;
        }

        /**
         * @param dates dates on which no call is placed, in the called party's calendar
         * @return this builder
         */
        public Builder closedDates(ClosedDates dates) {
            once(closedDates, "closedDates");
            closedDates = Objects.requireNonNull(dates, "dates");
            return this;
        }

        /**
         * @param rules region rules with stricter hours and call caps
         * @return this builder
         */
        public Builder regionRules(RegionRuleSet rules) {
            once(regionRules, "regionRules");
            regionRules = Objects.requireNonNull(rules, "rules");
            return this;
        }

        /**
         * @param registry the Do-Not-Call lists that apply to the campaign
         * @return this builder
         */
        public Builder doNotCall(DncRegistry registry) {
            once(dnc, "doNotCall");
            dnc = Objects.requireNonNull(registry, "registry");
            return this;
        }

        /**
         * @param ahead how far ahead to look for the earliest allowed instant (default 366 days;
         *     1 day to 3 years)
         * @return this builder
         */
        public Builder searchHorizon(Duration ahead) {
            once(horizon, "searchHorizon");
            horizon = Objects.requireNonNull(ahead, "ahead");
            return this;
        }

        /**
         * @return the policy
         * @throws InvalidValueException when an option was set twice or is out of range
         */
        public CallingPolicy build() {
            if (!conflicts.isEmpty()) {
                throw new InvalidValueException("calling policy", "each option set once", String.join("; ", conflicts));
            }
            if (horizon != null && (horizon.compareTo(Duration.ofDays(1)) < 0 || horizon.compareTo(Duration.ofDays(3 * 366)) > 0)) {
                throw new InvalidValueException("searchHorizon", "1 day to 3 years", horizon);
            }
            return new CallingPolicy(this);
        }
    }
}
