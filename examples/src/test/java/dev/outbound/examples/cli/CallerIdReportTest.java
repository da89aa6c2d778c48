package dev.outbound.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The busiest rolling window of caller_ids.csv, on instants worked out by hand. */
class CallerIdReportTest {
    private static final Instant T0 = Instant.parse("2026-03-02T15:00:00Z");

    @Test
    void busiest_noCalls_zero() {
        assertThat(CallerIdReport.busiest(List.of(), Duration.ofHours(1))).isZero();
    }

    @Test
    void busiest_callExactlyAnHourEarlier_notInTheSameWindow() {
        // 15:00, 15:30, 16:00: the window (15:00, 16:00] holds 15:30 and 16:00 only.
        List<Instant> times = List.of(T0, T0.plusSeconds(1800), T0.plusSeconds(3600));
        assertThat(CallerIdReport.busiest(times, Duration.ofHours(1))).isEqualTo(2);
    }

    @Test
    void busiest_denseBurstLater_counted() {
        // 15:00, 16:30, 16:40, 16:50, 17:29: the hour up to 17:29 holds 16:30 .. 17:29, four calls.
        List<Instant> times = List.of(T0, T0.plusSeconds(5400), T0.plusSeconds(6000), T0.plusSeconds(6600),
                T0.plusSeconds(8940));
        assertThat(CallerIdReport.busiest(times, Duration.ofHours(1))).isEqualTo(4);
        assertThat(CallerIdReport.busiest(times, Duration.ofDays(1))).isEqualTo(5);
    }
}
