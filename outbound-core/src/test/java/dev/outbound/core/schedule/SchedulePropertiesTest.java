package dev.outbound.core.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.outbound.core.phone.PhoneNumber;
import java.io.StringReader;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Schedules, closed dates and region rules agree with trivially correct models: a table of
 * allowed minutes per day, a set of dates, and a linear scan over the rules.
 */
class SchedulePropertiesTest {

    private static final int MINUTES = 24 * 60;
    private static final DayOfWeek[] DAYS = DayOfWeek.values();

    /** A window opened on one day, as given to a builder. */
    record DayWindow(DayOfWeek day, TimeWindow window) {
    }

    // ---- schedules --------------------------------------------------------------------------

    /** Windows on whole minutes: start 00:00 to 23:59, end after it up to 24:00. */
    private static Gen<TimeWindow> minuteWindows() {
        Gen<TimeWindow> any = integers().between(0, MINUTES - 1).zip(integers().between(0, MINUTES - 1),
                (start, r) -> new TimeWindow(start * 60, (start + 1 + r % (MINUTES - start)) * 60));
        // Short windows make gaps, touching and overlapping neighbours more likely.
        Gen<TimeWindow> small = integers().between(0, 47).zip(integers().between(1, 4),
                (slot, len) -> new TimeWindow(slot * 30 * 60, Math.min(MINUTES, slot * 30 + len * 15) * 60));
        return Generate.oneOf(any, small, small);
    }

    /** Windows on any second, for the text round trip. */
    private static Gen<TimeWindow> secondWindows() {
        return integers().between(0, TimeWindow.DAY - 1).zip(integers().between(0, TimeWindow.DAY - 1),
                (start, r) -> new TimeWindow(start, start + 1 + r % (TimeWindow.DAY - start)));
    }

    private static Gen<List<DayWindow>> dayWindows(Gen<TimeWindow> windows) {
        Gen<DayWindow> one = Generate.pick(List.of(DAYS)).zip(windows, DayWindow::new);
        return lists().of(one).ofSizeBetween(0, 12);
    }

    private static WeeklySchedule build(List<DayWindow> given) {
        WeeklySchedule.Builder b = WeeklySchedule.newBuilder();
        for (DayWindow dw : given) {
            b.on(dw.window(), dw.day());
        }
        return b.build();
    }

    /** The model: which minutes of each day some given window covers. */
    private static boolean[][] minuteModel(List<DayWindow> given) {
        boolean[][] open = new boolean[7][MINUTES];
        for (DayWindow dw : given) {
            for (int m = dw.window().startSecond() / 60; m < dw.window().endSecond() / 60; m++) {
                open[dw.day().ordinal()][m] = true;
            }
        }
        return open;
    }

    /** Checks that a day's windows are sorted and separated by gaps, as merged windows must be. */
    private static void assertMerged(WeeklySchedule s) {
        for (DayOfWeek d : DAYS) {
            List<TimeWindow> ws = s.windows(d);
            for (int i = 1; i < ws.size(); i++) {
                assertThat(ws.get(i - 1).endSecond()).as("%s: %s", d, ws).isLessThan(ws.get(i).startSecond());
            }
        }
    }

    /**
     * The first minute where the schedule disagrees with the model, at the minute's first or last
     * second, or empty when they agree everywhere.
     */
    private static String firstDifference(WeeklySchedule s, boolean[][] model) {
        for (DayOfWeek d : DAYS) {
            for (int m = 0; m < MINUTES; m++) {
                boolean expected = model[d.ordinal()][m];
                if (s.allows(d, m * 60) != expected || s.allows(d, m * 60 + 59) != expected) {
                    return d + " minute " + m + ": expected allowed=" + expected + " in " + s;
                }
            }
        }
        return "";
    }

    @Test
    void build_allowsExactlyTheUnionOfTheGivenWindows() {
        qt().forAll(dayWindows(minuteWindows())).checkAssert(given -> {
            WeeklySchedule s = build(given);
            assertThat(firstDifference(s, minuteModel(given))).as("%s", given).isEmpty();
            assertMerged(s);
        });
    }

    @Test
    void build_givenOrderDoesNotMatter() {
        qt().forAll(dayWindows(minuteWindows())).checkAssert(given -> {
            List<DayWindow> reversed = new ArrayList<>(given);
            java.util.Collections.reverse(reversed);
            assertThat(build(reversed)).isEqualTo(build(given));
            assertThat(build(reversed).hashCode()).isEqualTo(build(given).hashCode());
        });
    }

    @Test
    void intersect_allowsExactlyTheMinutesBothAllow() {
        qt().forAll(dayWindows(minuteWindows()), dayWindows(minuteWindows())).checkAssert((a, b) -> {
            WeeklySchedule both = build(a).intersect(build(b));
            boolean[][] ma = minuteModel(a);
            boolean[][] mb = minuteModel(b);
            boolean[][] model = new boolean[7][MINUTES];
            List<DayWindow> expectedWindows = new ArrayList<>();
            for (DayOfWeek d : DAYS) {
                for (int m = 0; m < MINUTES; m++) {
                    model[d.ordinal()][m] = ma[d.ordinal()][m] && mb[d.ordinal()][m];
                    if (model[d.ordinal()][m]) {
                        expectedWindows.add(new DayWindow(d, new TimeWindow(m * 60, m * 60 + 60)));
                    }
                }
            }
            assertThat(firstDifference(both, model)).as("%s and %s", a, b).isEmpty();
            assertMerged(both);
            // Built from single minutes, so equality also checks that the result is merged like any schedule.
            assertThat(both).isEqualTo(build(expectedWindows));
            assertThat(build(b).intersect(build(a))).isEqualTo(both);
        });
    }

    @Test
    void parse_readsBackWhatToStringWrites() {
        Gen<TimeWindow> windows = Generate.oneOf(minuteWindows(), secondWindows());
        qt().forAll(dayWindows(windows)).checkAssert(given -> {
            WeeklySchedule s = build(given);
            assertThat(WeeklySchedule.parse(s.toString())).as(s.toString()).isEqualTo(s);
        });
    }

    @Test
    void timeWindow_parseReadsBackToString() {
        qt().forAll(Generate.oneOf(minuteWindows(), secondWindows())).checkAssert(w ->
                assertThat(TimeWindow.parse(w.toString())).isEqualTo(w));
    }

    // ---- closed dates -----------------------------------------------------------------------

    private static Gen<List<LocalDate>> dateLists() {
        LocalDate base = LocalDate.of(2026, 1, 1);
        return lists().of(integers().between(0, 60).map(base::plusDays)).ofSizeBetween(0, 15);
    }

    @Test
    void closedDates_isClosedAndUnion_agreeWithASetOfDates() {
        LocalDate base = LocalDate.of(2026, 1, 1);
        qt().forAll(dateLists(), dateLists()).checkAssert((a, b) -> {
            ClosedDates ca = ClosedDates.of(a.toArray(new LocalDate[0]));
            ClosedDates cb = ClosedDates.of(b.toArray(new LocalDate[0]));
            ClosedDates union = ca.union(cb);
            Set<LocalDate> sa = new HashSet<>(a);
            Set<LocalDate> su = new HashSet<>(a);
            su.addAll(b);
            for (int i = -1; i <= 61; i++) {
                LocalDate d = base.plusDays(i);
                assertThat(ca.isClosed(d)).as("%s in %s", d, a).isEqualTo(sa.contains(d));
                assertThat(ca.isClosedOnEpochDay(d.toEpochDay())).isEqualTo(sa.contains(d));
                assertThat(union.isClosed(d)).as("%s in %s or %s", d, a, b).isEqualTo(su.contains(d));
            }
            assertThat(ca.isEmpty()).isEqualTo(a.isEmpty());
            String text = a.stream().map(d -> d + " day " + d.getDayOfMonth()).collect(Collectors.joining("\n"));
            assertThat(ClosedDates.parse(new StringReader(text)).asMap().keySet()).isEqualTo(new java.util.TreeSet<>(a));
        });
    }

    // ---- region rules -----------------------------------------------------------------------

    private static final List<String> AREA_CODES = List.of("201", "212", "415", "530", "617");
    private static final List<String> FIELDS = List.of("state", "county", "city");
    /** Values differing only by case, spaces or letters whose case folding is not one to one. */
    private static final List<String> VALUES =
            List.of("FL", "fl", " Fl ", "TX", "tx", "ß", "SS", "ss", "İ", "I", "i", "ı", "Dade", "DADE");

    /**
     * Valid US numbers: +1, an area code from the list, then 7 digits, the first 2-9. Parsed once,
     * as parsing dominates the property's time otherwise. Most use only a few digits, so that numbers
     * share long prefixes with each other and with the rules' prefixes; the rest are random.
     */
    private static final List<PhoneNumber> NUMBER_POOL = numberPool();

    private static List<PhoneNumber> numberPool() {
        List<PhoneNumber> pool = new ArrayList<>();
        java.util.Random random = new java.util.Random(20_260_301L);
        for (String area : AREA_CODES) {
            for (int bits = 0; bits < 128; bits++) {
                StringBuilder rest = new StringBuilder(bits % 2 == 0 ? "5" : "2");
                for (int i = 1; i < 7; i++) {
                    rest.append((bits >> i) % 2 == 0 ? '5' : '0');
                }
                pool.add(PhoneNumber.ofE164("+1" + area + rest));
            }
            for (int i = 0; i < 32; i++) {
                pool.add(PhoneNumber.ofE164("+1" + area + (2_000_000 + random.nextInt(8_000_000))));
            }
        }
        return List.copyOf(pool);
    }

    private static Gen<PhoneNumber> numbers() {
        return Generate.pick(NUMBER_POOL);
    }

    private static Gen<RegionMatch> conditions() {
        Gen<RegionMatch> field = Generate.pick(FIELDS).zip(Generate.pick(VALUES),
                (f, v) -> RegionMatch.parse((f.equals("state") ? "State" : f) + "=" + v));
        Gen<RegionMatch> prefix = numbers().zip(integers().between(1, 11),
                (n, len) -> new RegionMatch.NumberPrefix(n.e164().substring(1, 1 + len)));
        Gen<RegionMatch> foreign = Generate.pick(List.of("44", "4420", "33")).map(RegionMatch.NumberPrefix::new);
        return Generate.oneOf(field, field, prefix, prefix, foreign);
    }

    private static Gen<RegionRuleSet> ruleSets() {
        Gen<List<RegionMatch>> appliesTo = lists().of(conditions()).ofSizeBetween(1, 3);
        Gen<WeeklySchedule> hours = Generate.pick(List.of(WeeklySchedule.usFederal(), WeeklySchedule.always(),
                WeeklySchedule.parse("Mon-Sat 08:00-20:00")));
        return lists().of(appliesTo.zip(hours, integers().between(0, 4),
                        (conds, h, cap) -> new RegionRule("R", conds, h, cap, "")))
                .ofSizeBetween(0, 12)
                .map(raw -> {
                    List<RegionRule> named = new ArrayList<>();
                    for (int i = 0; i < raw.size(); i++) {
                        RegionRule r = raw.get(i);
                        named.add(new RegionRule("R" + i, r.appliesTo(), r.hours(), r.maxCallsPer24Hours(), r.note()));
                    }
                    return RegionRuleSet.of(named);
                });
    }

    private static Gen<Map<String, String>> fieldMaps() {
        Gen<Map.Entry<String, String>> entry = Generate.pick(FIELDS).zip(Generate.pick(VALUES), Map::entry);
        return lists().of(entry).ofSizeBetween(0, 3).map(entries -> {
            Map<String, String> m = new HashMap<>();
            entries.forEach(e -> m.put(e.getKey(), e.getValue()));
            return m;
        });
    }

    record Query(Map<String, String> fields, PhoneNumber number) {
    }

    @Test
    void matching_agreesWithALinearScanOfTheRules() {
        Gen<List<Query>> queries = lists().of(fieldMaps().zip(numbers(), Query::new)).ofSize(20);
        qt().forAll(ruleSets(), queries).checkAssert((set, qs) -> {
            for (Query q : qs) {
                List<RegionRule> expected = new ArrayList<>();
                for (RegionRule r : set.rules()) {
                    if (r.appliesTo(q.fields(), q.number())) {
                        expected.add(r);
                    }
                }
                List<RegionRule> found = set.matching(q.fields(), q.number());
                assertThat(found).as("%s on %s with %s", q.fields(), q.number().e164(), set.rules())
                        .containsExactlyInAnyOrderElementsOf(expected);
                assertThat(new LinkedHashSet<>(found)).as("each rule once").hasSameSizeAs(found);
            }
        });
    }

    @Test
    void ruleSet_parseReadsBackTheRulesWrittenAsText() {
        qt().forAll(ruleSets()).checkAssert(set -> {
            StringBuilder text = new StringBuilder("# name | applies to | hours | cap | note\n");
            for (RegionRule r : set.rules()) {
                text.append(r.name()).append(" | ")
                        .append(r.appliesTo().stream().map(RegionMatch::toString).collect(Collectors.joining(", ")))
                        .append(" | ").append(r.hours())
                        .append(" | ").append(r.callCap().isPresent() ? String.valueOf(r.maxCallsPer24Hours()) : "-")
                        .append(" | ").append(r.note()).append('\n');
            }
            assertThat(RegionRuleSet.parse(new StringReader(text.toString())).rules()).isEqualTo(set.rules());
        });
    }
}
