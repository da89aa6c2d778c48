package dev.outbound.core.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outbound.core.InvalidValueException;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;

class TimeWindowTest {

    private static final String HOURS_RULE = "hours 00-23 (24:00 only as an end), minutes and seconds 00-59";
    private static final String SHAPE_RULE = "HH:mm-HH:mm, e.g. 08:00-21:00";
    private static final String ORDER_RULE = "end after start; split a window that crosses midnight into two days";
    private static final String BOUNDS_RULE = "start from 00:00 to 23:59:59, end after start and at most 24:00";

    @Test
    void parse_hoursAndMinutes_givesSecondsOfDay() {
        TimeWindow w = TimeWindow.parse("08:00-21:00");
        assertThat(w.startSecond()).isEqualTo(8 * 3600);
        assertThat(w.endSecond()).isEqualTo(21 * 3600);
        assertThat(w.start()).isEqualTo(LocalTime.of(8, 0));
        assertThat(w.endsAtMidnight()).isFalse();
    }

    @Test
    void parse_withSecondsAndSpaces_isRead() {
        TimeWindow w = TimeWindow.parse("  09:15:30 - 17:45:05 ");
        assertThat(w).isEqualTo(new TimeWindow(9 * 3600 + 15 * 60 + 30, 17 * 3600 + 45 * 60 + 5));
    }

    @Test
    void parse_end2400_runsToTheEndOfTheDay() {
        TimeWindow w = TimeWindow.parse("22:00-24:00");
        assertThat(w.endSecond()).isEqualTo(86_400);
        assertThat(w.endsAtMidnight()).isTrue();
        assertThat(TimeWindow.parse("00:00-24:00")).isEqualTo(TimeWindow.ALL_DAY);
        assertThat(TimeWindow.parse("00:00-24:00:00")).isEqualTo(TimeWindow.ALL_DAY);
    }

    @Test
    void contains_startIsInside_endIsOutside() {
        TimeWindow w = TimeWindow.parse("08:00-21:00");
        assertThat(w.contains(8 * 3600 - 1)).isFalse();
        assertThat(w.contains(8 * 3600)).isTrue();
        assertThat(w.contains(21 * 3600 - 1)).isTrue();
        assertThat(w.contains(21 * 3600)).isFalse();
    }

    @Test
    void contains_windowToMidnight_includesLastSecondOfTheDay() {
        TimeWindow w = TimeWindow.parse("22:00-24:00");
        assertThat(w.contains(86_399)).isTrue();
        assertThat(w.contains(22 * 3600 - 1)).isFalse();
        assertThat(TimeWindow.ALL_DAY.contains(0)).isTrue();
        assertThat(TimeWindow.ALL_DAY.contains(86_399)).isTrue();
    }

    @Test
    void toString_writesHoursAndMinutes_andSecondsOnlyWhenPresent() {
        assertThat(TimeWindow.parse("08:00-21:00")).hasToString("08:00-21:00");
        assertThat(TimeWindow.parse("8:05-24:00")).hasToString("08:05-24:00");
        assertThat(new TimeWindow(30, 90)).hasToString("00:00:30-00:01:30");
    }

    @Test
    void toString_isReadBackByParse() {
        for (String s : new String[] {"00:00-24:00", "08:00-21:00", "12:30:15-12:30:16", "23:59:59-24:00"}) {
            assertThat(TimeWindow.parse(TimeWindow.parse(s).toString())).isEqualTo(TimeWindow.parse(s));
            assertThat(TimeWindow.parse(s)).hasToString(s);
        }
    }

    @Test
    void of_midnightEnd_means2400() {
        assertThat(TimeWindow.of(LocalTime.of(22, 0), LocalTime.MIDNIGHT)).isEqualTo(new TimeWindow(79_200, 86_400));
        assertThat(TimeWindow.of(LocalTime.of(8, 0), LocalTime.of(21, 0))).isEqualTo(TimeWindow.parse("08:00-21:00"));
    }

    @Test
    void compareTo_ordersByStartThenEnd() {
        TimeWindow a = TimeWindow.parse("08:00-09:00");
        TimeWindow b = TimeWindow.parse("08:00-10:00");
        TimeWindow c = TimeWindow.parse("07:00-23:00");
        assertThat(a).isLessThan(b);
        assertThat(c).isLessThan(a);
        assertThat(a.compareTo(TimeWindow.parse("08:00-09:00"))).isZero();
    }

    @Test
    void parse_noDash_isRefusedNamingFieldRuleAndValue() {
        assertThatThrownBy(() -> TimeWindow.parse("0800"))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("Invalid value for time window (" + SHAPE_RULE + "): '0800'")
                .satisfies(e -> {
                    InvalidValueException ive = (InvalidValueException) e;
                    assertThat(ive.field()).isEqualTo("time window");
                    assertThat(ive.rule()).isEqualTo(SHAPE_RULE);
                    assertThat(ive.value()).isEqualTo("'0800'");
                });
    }

    @Test
    void parse_timeWithoutMinutes_isRefused() {
        assertThatThrownBy(() -> TimeWindow.parse("08-21"))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("Invalid value for time window (" + SHAPE_RULE + "): '08-21'");
        assertThatThrownBy(() -> TimeWindow.parse("08:00:00:00-21:00"))
                .hasMessage("Invalid value for time window (" + SHAPE_RULE + "): '08:00:00:00-21:00'");
    }

    @Test
    void parse_outOfRangeFields_areRefused() {
        for (String bad : new String[] {"25:00-26:00", "08:60-09:00", "08:00:60-09:00", "24:00-24:00",
                "08:00-24:01", "08:00-24:00:01", "aa:00-09:00", "08:-09:00"}) {
            assertThatThrownBy(() -> TimeWindow.parse(bad))
                    .as(bad)
                    .isInstanceOf(InvalidValueException.class)
                    .hasMessage("Invalid value for time window (" + HOURS_RULE + "): '" + bad + "'");
        }
    }

    @Test
    void parse_2400AsStart_isRefused() {
        assertThatThrownBy(() -> TimeWindow.parse("24:00-24:00"))
                .hasMessage("Invalid value for time window (" + HOURS_RULE + "): '24:00-24:00'");
    }

    @Test
    void parse_crossingMidnightOrEmpty_isRefused() {
        assertThatThrownBy(() -> TimeWindow.parse("22:00-02:00"))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("Invalid value for time window (" + ORDER_RULE + "): '22:00-02:00'");
        assertThatThrownBy(() -> TimeWindow.parse("08:00-08:00"))
                .hasMessage("Invalid value for time window (" + ORDER_RULE + "): '08:00-08:00'");
    }

    @Test
    void constructor_badBounds_areRefusedNamingTheWindow() {
        assertThatThrownBy(() -> new TimeWindow(3600, 3600))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("Invalid value for time window (" + BOUNDS_RULE + "): 01:00-01:00");
        assertThatThrownBy(() -> new TimeWindow(7200, 3600))
                .hasMessage("Invalid value for time window (" + BOUNDS_RULE + "): 02:00-01:00");
        assertThatThrownBy(() -> new TimeWindow(0, 86_401))
                .hasMessage("Invalid value for time window (" + BOUNDS_RULE + "): start 0 s, end 86401 s");
        assertThatThrownBy(() -> new TimeWindow(86_400, 86_400))
                .isInstanceOf(InvalidValueException.class);
    }

    @Test
    void constructor_secondsOutsideTheDay_areShownAsGiven() {
        assertThatThrownBy(() -> new TimeWindow(-1, 5))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("Invalid value for time window (" + BOUNDS_RULE + "): start -1 s, end 5 s");
    }

    @Test
    void of_endBeforeStart_isRefused() {
        assertThatThrownBy(() -> TimeWindow.of(LocalTime.of(9, 0), LocalTime.of(8, 0)))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("Invalid value for time window (" + BOUNDS_RULE + "): 09:00-08:00");
    }
}
