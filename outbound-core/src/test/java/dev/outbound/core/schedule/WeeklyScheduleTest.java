package dev.outbound.core.schedule;

import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.SATURDAY;
import static java.time.DayOfWeek.SUNDAY;
import static java.time.DayOfWeek.THURSDAY;
import static java.time.DayOfWeek.TUESDAY;
import static java.time.DayOfWeek.WEDNESDAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outbound.core.InvalidValueException;
import java.time.DayOfWeek;
import java.util.List;
import org.junit.jupiter.api.Test;

class WeeklyScheduleTest {

    private static TimeWindow w(String s) {
        return TimeWindow.parse(s);
    }

    @Test
    void parse_weekdaysAndSaturday_leavesSundayClosed() {
        WeeklySchedule s = WeeklySchedule.parse("Mon-Fri 09:00-17:00; Sat 10:00-14:00");
        for (DayOfWeek d : List.of(MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY)) {
            assertThat(s.windows(d)).as(d.toString()).containsExactly(w("09:00-17:00"));
        }
        assertThat(s.windows(SATURDAY)).containsExactly(w("10:00-14:00"));
        assertThat(s.windows(SUNDAY)).isEmpty();
    }

    @Test
    void allows_boundaries_startInsideEndOutside() {
        WeeklySchedule s = WeeklySchedule.parse("Mon-Fri 09:00-17:00; Sat 10:00-14:00");
        assertThat(s.allows(MONDAY, 9 * 3600 - 1)).isFalse();
        assertThat(s.allows(MONDAY, 9 * 3600)).isTrue();
        assertThat(s.allows(FRIDAY, 17 * 3600 - 1)).isTrue();
        assertThat(s.allows(FRIDAY, 17 * 3600)).isFalse();
        assertThat(s.allows(SATURDAY, 9 * 3600)).isFalse();
        assertThat(s.allows(SATURDAY, 12 * 3600)).isTrue();
        assertThat(s.allows(SUNDAY, 12 * 3600)).isFalse();
    }

    @Test
    void parse_daily_opensAllSevenDays() {
        WeeklySchedule s = WeeklySchedule.parse("daily 08:00-21:00");
        for (DayOfWeek d : DayOfWeek.values()) {
            assertThat(s.windows(d)).as(d.toString()).containsExactly(w("08:00-21:00"));
        }
        assertThat(WeeklySchedule.parse("DAILY 08:00-21:00")).isEqualTo(s);
    }

    @Test
    void usFederal_is0800To2100OnAllSevenDays() {
        WeeklySchedule s = WeeklySchedule.usFederal();
        for (DayOfWeek d : DayOfWeek.values()) {
            assertThat(s.windows(d)).as(d.toString()).containsExactly(new TimeWindow(8 * 3600, 21 * 3600));
            assertThat(s.allows(d, 8 * 3600 - 1)).isFalse();
            assertThat(s.allows(d, 8 * 3600)).isTrue();
            assertThat(s.allows(d, 21 * 3600 - 1)).isTrue();
            assertThat(s.allows(d, 21 * 3600)).isFalse();
        }
        assertThat(s).isEqualTo(WeeklySchedule.parse("daily 08:00-21:00"));
    }

    @Test
    void parse_weekendClosed_withOtherDaysOpen() {
        WeeklySchedule s = WeeklySchedule.parse("Mon-Fri 08:00-20:00; Sat,Sun closed");
        assertThat(s.windows(SATURDAY)).isEmpty();
        assertThat(s.windows(SUNDAY)).isEmpty();
        assertThat(s.windows(WEDNESDAY)).containsExactly(w("08:00-20:00"));
        assertThat(WeeklySchedule.parse("Sat,Sun closed")).isEqualTo(WeeklySchedule.never());
        assertThat(WeeklySchedule.parse("Sat,Sun CLOSED").isNever()).isTrue();
    }

    @Test
    void parse_commaSeparatedDays_openEachOne() {
        WeeklySchedule s = WeeklySchedule.parse("Mon,Wed,Fri 10:00-12:00");
        assertThat(s.windows(MONDAY)).containsExactly(w("10:00-12:00"));
        assertThat(s.windows(WEDNESDAY)).containsExactly(w("10:00-12:00"));
        assertThat(s.windows(FRIDAY)).containsExactly(w("10:00-12:00"));
        assertThat(s.windows(TUESDAY)).isEmpty();
        assertThat(s.windows(THURSDAY)).isEmpty();
    }

    @Test
    void parse_rangeWrappingOverTheWeekend_coversFridayToMonday() {
        WeeklySchedule s = WeeklySchedule.parse("Fri-Mon 10:00-12:00");
        for (DayOfWeek d : List.of(FRIDAY, SATURDAY, SUNDAY, MONDAY)) {
            assertThat(s.windows(d)).as(d.toString()).containsExactly(w("10:00-12:00"));
        }
        for (DayOfWeek d : List.of(TUESDAY, WEDNESDAY, THURSDAY)) {
            assertThat(s.windows(d)).as(d.toString()).isEmpty();
        }
    }

    @Test
    void parse_fullDayNamesAndAnyCase_areRead() {
        assertThat(WeeklySchedule.parse("monday-FRIDAY 09:00-17:00"))
                .isEqualTo(WeeklySchedule.parse("Mon-Fri 09:00-17:00"));
        assertThat(WeeklySchedule.parse("Tu 09:00-17:00; th 09:00-17:00"))
                .isEqualTo(WeeklySchedule.parse("Tue,Thu 09:00-17:00"));
    }

    @Test
    void parse_severalWindowsOnADay_keepsThemApartInOrder() {
        WeeklySchedule s = WeeklySchedule.parse("Mon-Fri 13:00-17:00, 09:00-12:00; Sat 10:00-14:00");
        assertThat(s.windows(TUESDAY)).containsExactly(w("09:00-12:00"), w("13:00-17:00"));
        assertThat(s.allows(TUESDAY, 12 * 3600)).isFalse();
        assertThat(s.allows(TUESDAY, 12 * 3600 + 59 * 60)).isFalse();
        assertThat(s.allows(TUESDAY, 13 * 3600)).isTrue();
    }

    @Test
    void parse_entriesOnNewLines_areRead() {
        assertThat(WeeklySchedule.parse("Mon-Fri 09:00-17:00\r\nSat 10:00-14:00\n"))
                .isEqualTo(WeeklySchedule.parse("Mon-Fri 09:00-17:00; Sat 10:00-14:00"));
    }

    @Test
    void parse_sameDayInTwoEntries_addsTheWindows() {
        WeeklySchedule s = WeeklySchedule.parse("Mon-Fri 09:00-12:00; Wed 18:00-20:00");
        assertThat(s.windows(WEDNESDAY)).containsExactly(w("09:00-12:00"), w("18:00-20:00"));
        assertThat(s.windows(THURSDAY)).containsExactly(w("09:00-12:00"));
    }

    @Test
    void build_overlappingWindows_areMerged() {
        WeeklySchedule s = WeeklySchedule.newBuilder()
                .on(w("09:00-12:00"), MONDAY)
                .on(w("11:00-14:00"), MONDAY)
                .on(w("10:00-10:30"), MONDAY)
                .build();
        assertThat(s.windows(MONDAY)).containsExactly(w("09:00-14:00"));
    }

    @Test
    void build_touchingWindows_areMerged() {
        WeeklySchedule s = WeeklySchedule.newBuilder()
                .on(w("13:00-17:00"), TUESDAY)
                .on(w("09:00-13:00"), TUESDAY)
                .on(w("17:00-24:00"), TUESDAY)
                .build();
        assertThat(s.windows(TUESDAY)).containsExactly(w("09:00-24:00"));
        assertThat(s).isEqualTo(WeeklySchedule.parse("Tue 09:00-24:00"));
        assertThat(s.hashCode()).isEqualTo(WeeklySchedule.parse("Tue 09:00-24:00").hashCode());
    }

    @Test
    void build_windowsOneSecondApart_stayApart() {
        WeeklySchedule s = WeeklySchedule.newBuilder()
                .on(new TimeWindow(100, 200), MONDAY)
                .on(new TimeWindow(201, 300), MONDAY)
                .build();
        assertThat(s.windows(MONDAY)).containsExactly(new TimeWindow(100, 200), new TimeWindow(201, 300));
        assertThat(s.allows(MONDAY, 200)).isFalse();
    }

    @Test
    void build_noDaysGiven_isRefused() {
        assertThatThrownBy(() -> WeeklySchedule.newBuilder().on(w("09:00-10:00")))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("Invalid value for days (at least one day): none");
    }

    @Test
    void toString_joinsRunsOfEqualDaysInOrder() {
        assertThat(WeeklySchedule.parse("Mon-Fri 09:00-12:00, 13:00-17:00; Sat 10:00-14:00"))
                .hasToString("Mon-Fri 09:00-12:00, 13:00-17:00; Sat 10:00-14:00; Sun closed");
        assertThat(WeeklySchedule.parse("Mon 08:00-20:00; Tue-Sat 09:00-21:00; Sun 08:00-20:00"))
                .hasToString("Mon 08:00-20:00; Tue-Sat 09:00-21:00; Sun 08:00-20:00");
        assertThat(WeeklySchedule.usFederal()).hasToString("daily 08:00-21:00");
        assertThat(WeeklySchedule.never()).hasToString("daily closed");
    }

    @Test
    void toString_isReadBackByParse() {
        for (WeeklySchedule s : List.of(WeeklySchedule.usFederal(), WeeklySchedule.always(), WeeklySchedule.never(),
                WeeklySchedule.parse("Mon-Fri 09:00-12:00, 13:00-17:00; Sat 10:00-14:00"),
                WeeklySchedule.parse("Sun 00:00:01-00:00:02, 23:00-24:00"))) {
            assertThat(WeeklySchedule.parse(s.toString())).as(s.toString()).isEqualTo(s);
        }
    }

    @Test
    void always_allowsEverySecond_neverAllowsNone() {
        for (DayOfWeek d : DayOfWeek.values()) {
            assertThat(WeeklySchedule.always().allows(d, 0)).isTrue();
            assertThat(WeeklySchedule.always().allows(d, 86_399)).isTrue();
            assertThat(WeeklySchedule.never().allows(d, 43_200)).isFalse();
        }
        assertThat(WeeklySchedule.never().isNever()).isTrue();
        assertThat(WeeklySchedule.always().isNever()).isFalse();
        assertThat(WeeklySchedule.parse("")).isEqualTo(WeeklySchedule.never());
    }

    @Test
    void intersect_narrowsTheFederalRuleByAFieldWindow() {
        WeeklySchedule field = WeeklySchedule.parse("Mon-Fri 07:00-09:00, 17:00-22:00; Sat 10:00-12:00");
        WeeklySchedule both = WeeklySchedule.usFederal().intersect(field);
        assertThat(both).isEqualTo(WeeklySchedule.parse("Mon-Fri 08:00-09:00, 17:00-21:00; Sat 10:00-12:00"));
        assertThat(field.intersect(WeeklySchedule.usFederal())).isEqualTo(both);
        assertThat(both.windows(SUNDAY)).isEmpty();
    }

    @Test
    void intersect_withAlwaysOrNever_givesTheOtherOrNothing() {
        WeeklySchedule s = WeeklySchedule.parse("Mon-Fri 09:00-17:00; Sat 10:00-14:00");
        assertThat(s.intersect(WeeklySchedule.always())).isEqualTo(s);
        assertThat(s.intersect(WeeklySchedule.never()).isNever()).isTrue();
    }

    @Test
    void intersect_windowsThatOnlyTouch_shareNothing() {
        WeeklySchedule a = WeeklySchedule.parse("Mon 08:00-12:00");
        WeeklySchedule b = WeeklySchedule.parse("Mon 12:00-16:00");
        assertThat(a.intersect(b).isNever()).isTrue();
    }

    @Test
    void windows_listCannotBeModified() {
        List<TimeWindow> list = WeeklySchedule.usFederal().windows(MONDAY);
        assertThatThrownBy(() -> list.add(TimeWindow.ALL_DAY)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void parse_entryWithoutWindows_isRefusedNamingTheEntry() {
        assertThatThrownBy(() -> WeeklySchedule.parse("Mon-Fri"))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("Invalid value for weekly schedule (days then windows, e.g. 'Mon-Fri 09:00-17:00'): 'Mon-Fri'");
    }

    @Test
    void parse_unknownDay_isRefusedNamingDayAndEntry() {
        assertThatThrownBy(() -> WeeklySchedule.parse("Mon-Fry 09:00-17:00"))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("Invalid value for weekly schedule (a day such as Mon, Tue, ... Sun, or a range Mon-Fri): "
                        + "'Fry' in 'Mon-Fry 09:00-17:00'");
        assertThatThrownBy(() -> WeeklySchedule.parse("S 09:00-17:00"))
                .hasMessageContaining("'S' in 'S 09:00-17:00'");
        assertThatThrownBy(() -> WeeklySchedule.parse("Mon,,Tue 09:00-17:00"))
                .hasMessageContaining("'' in 'Mon,,Tue 09:00-17:00'");
    }

    @Test
    void parse_badWindow_isRefusedNamingWindowAndEntry() {
        assertThatThrownBy(() -> WeeklySchedule.parse("Mon-Fri 09:00-17:00; Sat 10:00-12:00, 22:00-02:00"))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("Invalid value for weekly schedule "
                        + "(end after start; split a window that crosses midnight into two days): "
                        + "'22:00-02:00' in 'Sat 10:00-12:00, 22:00-02:00'");
        assertThatThrownBy(() -> WeeklySchedule.parse("Sat 10:00"))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("Invalid value for weekly schedule (HH:mm-HH:mm, e.g. 08:00-21:00): '10:00' in 'Sat 10:00'");
        assertThatThrownBy(() -> WeeklySchedule.parse("Sun 25:00-26:00"))
                .hasMessage("Invalid value for weekly schedule "
                        + "(hours 00-23 (24:00 only as an end), minutes and seconds 00-59): '25:00-26:00' in 'Sun 25:00-26:00'");
    }

    @Test
    void parse_emptyWindowInAList_isRefused() {
        assertThatThrownBy(() -> WeeklySchedule.parse("Mon 09:00-12:00,, 13:00-17:00"))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("Invalid value for weekly schedule (HH:mm-HH:mm, e.g. 08:00-21:00): "
                        + "'' in 'Mon 09:00-12:00,, 13:00-17:00'");
        assertThatThrownBy(() -> WeeklySchedule.parse("Mon 09:00-12:00,"))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("Invalid value for weekly schedule (HH:mm-HH:mm, e.g. 08:00-21:00): '' in 'Mon 09:00-12:00,'");
        assertThatThrownBy(() -> WeeklySchedule.parse("Sat, Sun closed"))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("'' in 'Sat, Sun closed'");
    }
}
