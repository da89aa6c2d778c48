package dev.outbound.core.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.outbound.core.dnc.DncEntry;
import dev.outbound.core.dnc.DncList;
import dev.outbound.core.dnc.DncRegistry;
import dev.outbound.core.phone.PhoneField;
import dev.outbound.core.record.Record;
import dev.outbound.core.schedule.ClosedDates;
import dev.outbound.core.schedule.RegionMatch;
import dev.outbound.core.schedule.RegionRule;
import dev.outbound.core.schedule.RegionRuleSet;
import dev.outbound.core.schedule.TimeWindow;
import dev.outbound.core.schedule.WeeklySchedule;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The verdict against a model that knows nothing of the policy's internals: raw windows in
 * minutes, checked through {@link ZonedDateTime} in every candidate zone.
 */
class CallingPolicyPropertiesTest {
    private static final List<ZoneId> ZONES = Fixtures.zones("America/New_York", "America/Los_Angeles",
            "America/Denver", "America/Phoenix", "America/St_Johns", "Europe/London", "Europe/Berlin",
            "Australia/Lord_Howe", "Asia/Kolkata", "Pacific/Chatham", "Pacific/Auckland", "America/Sao_Paulo");
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    private static final int HORIZON_DAYS = 10;

    /** A random scenario: zones, raw windows, closed dates, DNC, and an instant. */
    private record Scenario(List<ZoneId> zones, int[][][] campaign, int[][][] field, Set<LocalDate> closed,
            boolean listed, Instant dncExpiry, Instant at, int[][][] region, boolean inRegion) {

        /**
     * The model: allowed iff every zone's wall clock is inside every applicable window (campaign,
     * phone field, and the region rule when the record is in its region) on an open date, and no
     * DNC entry applies.
     */
        boolean allows(Instant t) {
            if (listed && (dncExpiry == null || t.isBefore(dncExpiry))) {
                return false;
            }
            for (ZoneId z : zones) {
                ZonedDateTime local = t.atZone(z);
                if (closed.contains(local.toLocalDate())) {
                    return false;
                }
                int day = local.getDayOfWeek().ordinal();
                int minute = local.getHour() * 60 + local.getMinute();
                if (!inside(campaign[day], minute) || (field != null && !inside(field[day], minute))
                        || (inRegion && !inside(region[day], minute))) {
                    return false;
                }
            }
            return true;
        }

        private static boolean inside(int[][] windows, int minute) {
            for (int[] w : windows) {
                if (minute >= w[0] && minute < w[1]) {
                    return true;
                }
            }
            return false;
        }
    }

    private static int[][][] randomWindows(SplittableRandom r) {
        int[][][] days = new int[7][][];
        for (int d = 0; d < 7; d++) {
            int n = r.nextInt(10) == 0 ? 0 : 1 + r.nextInt(2);
            days[d] = new int[n][];
            for (int i = 0; i < n; i++) {
                int a = r.nextInt(24 * 60);
                int b = r.nextInt(24 * 60 + 1);
                if (a == b) {
                    b = Math.min(24 * 60, a + 30);
                }
                days[d][i] = new int[] {Math.min(a, b), Math.max(a, b)};
            }
        }
        return days;
    }

    private static WeeklySchedule schedule(int[][][] days) {
        WeeklySchedule.Builder b = WeeklySchedule.newBuilder();
        for (int d = 0; d < 7; d++) {
            for (int[] w : days[d]) {
                if (w[1] > w[0]) {
                    b.on(new TimeWindow(w[0] * 60, w[1] * 60), DayOfWeek.of(d + 1));
                }
            }
        }
        return b.build();
    }

    /** Instants within four hours before a daylight-saving change, windows with an edge in the changed hours. */
    private static Scenario aroundTransition(long seed, int minuteOfRange) {
        SplittableRandom r = new SplittableRandom(seed);
        List<ZoneId> dst = Fixtures.zones("America/New_York", "Europe/London", "Australia/Lord_Howe",
                "America/St_Johns", "Pacific/Chatham", "Europe/Berlin");
        ZoneId zone = dst.get(r.nextInt(dst.size()));
        ZoneOffsetTransition tr = zone.getRules().nextTransition(START.plus(Duration.ofMinutes(minuteOfRange)));
        Instant at = tr.getInstant().minus(Duration.ofMinutes(r.nextInt(240)));
        int[][][] campaign = new int[7][][];
        for (int d = 0; d < 7; d++) {
            int edge = r.nextInt(24 * 60 - 1) + 1;
            int local = tr.getDateTimeBefore().getHour() * 60 + tr.getDateTimeBefore().getMinute();
            if (r.nextInt(3) > 0) {
                edge = Math.max(1, Math.min(24 * 60 - 1, local - 60 + r.nextInt(120)));
            }
            campaign[d] = r.nextBoolean() ? new int[][] {{0, edge}} : new int[][] {{edge, 24 * 60}};
        }
        return new Scenario(List.of(zone), campaign, null, Set.of(), false, null, at, null, false);
    }

    @Test
    void earliest_aroundDaylightSavingChanges_isAllowedAndNoEarlierMinuteIs() {
        qt().withExamples(600).forAll(longs().all(), integers().between(0, 2 * 365 * 24 * 60))
                .checkAssert((seed, minute) -> assertEarliest(aroundTransition(seed, minute)));
    }

    private static Scenario scenario(long seed, int minuteOfRange) {
        SplittableRandom r = new SplittableRandom(seed);
        List<ZoneId> zones = new ArrayList<>();
        int count = 1 + r.nextInt(3);
        while (zones.size() < count) {
            ZoneId z = ZONES.get(r.nextInt(ZONES.size()));
            if (!zones.contains(z)) {
                zones.add(z);
            }
        }
        Instant at = START.plus(Duration.ofMinutes(minuteOfRange));
        if (r.nextBoolean()) {
            // Half the instants fall within two days of one of the zones' daylight-saving changes.
            ZoneOffsetTransition tr = zones.get(0).getRules().nextTransition(at);
            if (tr != null) {
                int before = r.nextBoolean() ? r.nextInt(48 * 60) : r.nextInt(180);
                at = tr.getInstant().minus(Duration.ofMinutes(before)).plus(Duration.ofMinutes(r.nextInt(60)));
            }
        }
        Set<LocalDate> closed = new HashSet<>();
        for (int i = r.nextInt(4); i > 0; i--) {
            closed.add(LocalDate.ofInstant(at, zones.get(0)).plusDays(r.nextInt(7) - 1));
        }
        boolean listed = r.nextInt(6) == 0;
        Instant expiry = listed && r.nextBoolean() ? at.plus(Duration.ofMinutes(r.nextInt(3 * 24 * 60))) : null;
        int[][][] campaign = randomWindows(r);
        if (r.nextInt(3) == 0) {
            // Windows that begin or end inside the hours daylight-saving changes skip or repeat (01:00-03:00).
            for (int d = 0; d < 7; d++) {
                int edge = 60 + r.nextInt(120);
                campaign[d] = r.nextBoolean() ? new int[][] {{0, edge}} : new int[][] {{edge, 24 * 60}};
            }
        }
        int[][][] region = r.nextBoolean() ? randomWindows(r) : null;
        boolean inRegion = region != null && r.nextBoolean();
        return new Scenario(zones, campaign, r.nextBoolean() ? randomWindows(r) : null, closed, listed, expiry, at,
                region, inRegion);
    }

    private static CallVerdict verdict(Scenario s) {
        CallingPolicy.Builder b = CallingPolicy.newBuilder()
                .hours(schedule(s.campaign()))
                .closedDates(ClosedDates.of(s.closed().toArray(new LocalDate[0])))
                .searchHorizon(Duration.ofDays(HORIZON_DAYS));
        if (s.field() != null) {
            b.fieldHours(PhoneField.WORK, schedule(s.field()));
        }
        if (s.listed()) {
            DncEntry entry = DncEntry.number(Fixtures.NUMBER);
            DncList list = DncList.newBuilder("dnc").add(s.dncExpiry() == null ? entry : entry.withExpiry(s.dncExpiry())).build();
            b.doNotCall(DncRegistry.newBuilder().global(list).build());
        }
        if (s.region() != null) {
            // A region rule over the record field 'state'; the record is in the region or not.
            b.regionRules(RegionRuleSet.of(List.of(new RegionRule("XX", List.of(RegionMatch.parse("state=XX")),
                    schedule(s.region()), 0, ""))));
        }
        Record record = Fixtures.record(PhoneField.WORK, s.zones(), "state", s.inRegion() ? "XX" : "YY");
        return b.build().check(record, record.phones().get(0), s.at());
    }

    @Test
    void mayCall_holdsExactlyWhenEveryZoneIsInsideEveryWindowAndNoListMatches() {
        qt().withExamples(1500).forAll(longs().all(), integers().between(0, 2 * 365 * 24 * 60))
                .checkAssert((seed, minute) -> {
                    Scenario s = scenario(seed, minute);
                    CallVerdict v = verdict(s);
                    assertThat(v.isAllowed()).as("%s", s).isEqualTo(s.allows(s.at()));
                    if (v instanceof CallVerdict.Refused refused) {
                        assertThat(refused.reasons()).isNotEmpty();
                        boolean dncReason = refused.reasons().stream().anyMatch(x -> x instanceof Refusal.DoNotCall);
                        assertThat(dncReason).isEqualTo(s.listed() && (s.dncExpiry() == null || s.at().isBefore(s.dncExpiry())));
                    }
                });
    }

    @Test
    void earliest_isAllowed_andNoEarlierMinuteIs() {
        qt().withExamples(300).forAll(longs().all(), integers().between(0, 2 * 365 * 24 * 60))
                .checkAssert((seed, minute) -> assertEarliest(scenario(seed, minute)));
    }

    private static void assertEarliest(Scenario s) {
                    CallVerdict v = verdict(s);
                    assertThat(v.isAllowed()).as("%s", s).isEqualTo(s.allows(s.at()));
                    if (!(v instanceof CallVerdict.Refused refused)) {
                        return;
                    }
                    Optional<Instant> earliest = refused.earliest();
                    Instant end = earliest.orElse(s.at().plus(Duration.ofDays(HORIZON_DAYS)));
                    if (earliest.isPresent()) {
                        assertThat(s.allows(end)).as("earliest %s allowed in %s", end, s).isTrue();
                        assertThat(s.allows(end.minusSeconds(1))).as("second before %s in %s", end, s).isFalse();
                        assertThat(end).isAfterOrEqualTo(s.at());
                        if (s.dncExpiry() != null) {
                            assertThat(end).isAfterOrEqualTo(s.dncExpiry());
                        }
                    }
                    if (s.listed() && s.dncExpiry() == null) {
                        assertThat(earliest).isEmpty();
                        return;
                    }
                    for (Instant t = s.at(); t.isBefore(end); t = t.plusSeconds(60)) {
                        assertThat(s.allows(t)).as("minute %s before earliest %s in %s", t, earliest, s).isFalse();
                    }
    }
}
