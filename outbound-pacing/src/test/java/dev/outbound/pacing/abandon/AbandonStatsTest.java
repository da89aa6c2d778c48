package dev.outbound.pacing.abandon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.outbound.core.InvalidValueException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class AbandonStatsTest {
    private static final AbandonRule HOUR = AbandonRule.rolling(Duration.ofHours(1));

    private static Instant t(String iso) {
        return Instant.parse(iso);
    }

    private static void times(int n, Runnable r) {
        for (int i = 0; i < n; i++) {
            r.run();
        }
    }

    @Test
    void worstClockHour_isTheHourWithTheHighestRate_withItsStart() {
        AbandonStats stats = AbandonStats.of(HOUR);
        // 10:00 hour: 1 of 10 abandoned.
        stats.abandoned(t("2024-03-01T10:15:00Z"));
        times(8, () -> stats.connected(t("2024-03-01T10:20:00Z")));
        stats.connected(t("2024-03-01T10:59:59.999Z"));
        // 11:00 hour, from 11:00:00 on: 1 of 4.
        stats.abandoned(t("2024-03-01T11:00:00Z"));
        times(3, () -> stats.connected(t("2024-03-01T11:30:00Z")));
        // 12:00 hour: none of 20.
        times(20, () -> stats.connected(t("2024-03-01T12:40:00Z")));

        AbandonStats.Hour worst = stats.worstHour().orElseThrow();
        assertThat(worst.start()).isEqualTo(ZonedDateTime.parse("2024-03-01T11:00:00Z"));
        assertThat(worst.counts()).isEqualTo(AbandonCounts.of(4, 1, 0));
        assertThat(worst.rate()).isEqualTo(0.25);
        // The run: 2 of 34.
        assertThat(stats.total()).isEqualTo(AbandonCounts.of(34, 2, 0));
        assertThat(stats.rate()).isCloseTo(2.0 / 34, within(1e-15));
        assertThat(stats.hours()).extracting(AbandonStats.Hour::rate).containsExactly(0.1, 0.25, 0.0);
    }

    @Test
    void worstClockHour_ofEqualRates_isTheEarliest_andEventsMayComeInAnyOrder() {
        AbandonStats stats = AbandonStats.of(HOUR);
        stats.abandoned(t("2024-03-01T14:10:00Z"));
        stats.connected(t("2024-03-01T14:10:00Z"));
        stats.abandoned(t("2024-03-01T09:10:00Z"));
        stats.connected(t("2024-03-01T09:50:00Z"));
        assertThat(stats.worstHour().orElseThrow().start().toInstant()).isEqualTo(t("2024-03-01T09:00:00Z"));
        assertThat(stats.worstHour().orElseThrow().rate()).isEqualTo(0.5);
    }

    @Test
    void noEvents_noWorstHour_andRateZero() {
        AbandonStats stats = AbandonStats.of(AbandonRule.fcc());
        assertThat(stats.worstHour()).isEmpty();
        assertThat(stats.rate()).isZero();
        assertThat(stats.hours()).isEmpty();
        assertThat(stats.total()).isEqualTo(AbandonCounts.NONE);
    }

    @Test
    void clockHours_followTheZonesClock_evenOnHalfHourOffsets() {
        ZoneId kolkata = ZoneId.of("Asia/Kolkata");
        AbandonStats local = AbandonStats.of(HOUR, kolkata);
        AbandonStats utc = AbandonStats.of(HOUR);
        // 10:15 and 10:45 in Kolkata (+05:30): one local hour, two UTC hours.
        for (AbandonStats s : List.of(local, utc)) {
            s.abandoned(t("2024-03-01T04:45:00Z"));
            s.connected(t("2024-03-01T05:15:00Z"));
        }
        assertThat(local.hours()).hasSize(1);
        Instant localStart = local.hours().get(0).start().toInstant();
        assertThat(localStart).isEqualTo(t("2024-03-01T04:30:00Z"));
        assertThat(local.hours().get(0).start().getZone()).isEqualTo(kolkata);
        assertThat(local.worstHour().orElseThrow().rate()).isEqualTo(0.5);
        assertThat(utc.hours()).extracting(h -> h.start().toInstant())
                .containsExactly(t("2024-03-01T04:00:00Z"), t("2024-03-01T05:00:00Z"));
        assertThat(utc.worstHour().orElseThrow().rate()).isEqualTo(1.0);
    }

    @Test
    void theRepeatedHourWhenClocksGoBack_isTwoClockHours() {
        ZoneId newYork = ZoneId.of("America/New_York");
        AbandonStats stats = AbandonStats.of(HOUR, newYork);
        // 2024-11-03 01:30 EDT (-04:00) and 01:30 EST (-05:00).
        stats.abandoned(t("2024-11-03T05:30:00Z"));
        stats.connected(t("2024-11-03T06:30:00Z"));
        assertThat(stats.hours()).extracting(h -> h.start().toOffsetDateTime().toString())
                .containsExactly("2024-11-03T01:00-04:00", "2024-11-03T01:00-05:00");
    }

    @Test
    void ofcomStats_addTheFalsePositiveEstimateToEveryRate() {
        AbandonStats stats = AbandonStats.of(AbandonRule.ofcom(0.5));
        times(9, () -> stats.connected(t("2024-03-01T10:00:00Z")));
        times(2, () -> stats.machineDetected(t("2024-03-01T10:00:00Z")));
        // F = 1: (0 + 1) / (9 + 1).
        assertThat(stats.rate()).isEqualTo(0.1);
        assertThat(stats.worstHour().orElseThrow().rate()).isEqualTo(0.1);
        assertThat(stats.total()).isEqualTo(AbandonCounts.of(9, 0, 2));
    }

    @Test
    void hour_refusesARateOutsideZeroToOne() {
        assertThatThrownBy(() -> new AbandonStats.Hour(ZonedDateTime.parse("2024-03-01T10:00:00Z"),
                AbandonCounts.NONE, 1.5))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("Invalid value for rate (a fraction from 0 to 1): 1.5");
    }
}
