package dev.outbound.pacing.abandon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.outbound.core.InvalidValueException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AbandonLedgerTest {
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
    void fcc_countsThirtyDays_andAnAbandonThirtyOneDaysAgoNoLongerCounts() {
        AbandonLedger ledger = AbandonLedger.of(AbandonRule.fcc());
        Instant day0 = t("2024-03-01T10:00:00Z");
        Instant day1 = t("2024-03-02T12:00:00Z");
        ledger.abandoned(day0);
        times(3, () -> ledger.connected(day0));
        ledger.abandoned(day1);
        times(49, () -> ledger.connected(day1));

        // 2 abandoned of 4 + 50 live answers.
        assertThat(ledger.counts(t("2024-03-02T13:00:00Z"))).isEqualTo(AbandonCounts.of(54, 2, 0));
        assertThat(ledger.rate(t("2024-03-02T13:00:00Z"))).isCloseTo(2.0 / 54, within(1e-15));
        // 29 days 23 hours 59 minutes after day 0, it still counts.
        assertThat(ledger.rate(t("2024-03-31T09:59:00Z"))).isCloseTo(2.0 / 54, within(1e-15));
        // Exactly 30 days after it, it does not: the window excludes its start.
        assertThat(ledger.counts(t("2024-03-31T10:00:00Z"))).isEqualTo(AbandonCounts.of(50, 1, 0));
        // 31 days after day 0: only day 1's calls, 1 of 50.
        assertThat(ledger.rate(t("2024-04-01T10:00:00Z"))).isEqualTo(0.02);
    }

    @Test
    void fccWindow_startsUpToOneTwelveMinuteBucketLate() {
        AbandonLedger ledger = AbandonLedger.of(AbandonRule.fcc());
        ledger.abandoned(t("2024-03-01T09:50:00Z"));
        ledger.connected(t("2024-03-01T10:00:00Z"));
        // The exact window (03-01 09:49, 03-31 09:49] holds both; the ledger's window is the 3 600
        // buckets ending with [09:48, 10:00) on 03-31, so it starts at 03-01 10:00 and holds one.
        assertThat(ledger.counts(t("2024-03-31T09:49:00Z"))).isEqualTo(AbandonCounts.of(1, 0, 0));
    }

    @Test
    void ofcom_countsTwentyFourHours_withTheFalsePositiveEstimate() {
        AbandonLedger ledger = AbandonLedger.of(AbandonRule.ofcom(0.2));
        Instant at = t("2024-03-01T08:00:00Z");
        times(97, () -> ledger.connected(at));
        times(3, () -> ledger.abandoned(at));
        times(40, () -> ledger.machineDetected(at));

        // F = 40 * 0.2 = 8; (3 + 8) / (100 + 8) = 11 / 108 = 0.10185...
        assertThat(ledger.rate(t("2024-03-02T07:59:59Z"))).isCloseTo(0.10185185185185185, within(1e-15));
        assertThat(ledger.counts(t("2024-03-02T07:59:59Z"))).isEqualTo(AbandonCounts.of(100, 3, 40));
        // 24 hours later they have left the window.
        assertThat(ledger.counts(t("2024-03-02T08:00:00Z"))).isEqualTo(AbandonCounts.NONE);
        assertThat(ledger.rate(t("2024-03-02T08:00:00Z"))).isZero();
    }

    @Test
    void rollingHour_countsTheLastHourToTheSecond() {
        AbandonLedger ledger = AbandonLedger.of(HOUR);
        ledger.abandoned(t("2024-03-01T10:00:00Z"));
        times(9, () -> ledger.connected(t("2024-03-01T10:30:00Z")));

        assertThat(ledger.rate(t("2024-03-01T10:59:59Z"))).isEqualTo(0.1);
        assertThat(ledger.counts(t("2024-03-01T11:00:00Z"))).isEqualTo(AbandonCounts.of(9, 0, 0));
        assertThat(ledger.rate(t("2024-03-01T11:00:00Z"))).isZero();
        assertThat(ledger.counts(t("2024-03-01T11:30:00Z"))).isEqualTo(AbandonCounts.NONE);
    }

    @Test
    void emptyLedger_hasRateZero_andHeadroomOfThreePercentOfTheExpectedAnswers() {
        AbandonLedger ledger = AbandonLedger.of(HOUR);
        assertThat(ledger.rate(t("2024-03-01T10:00:00Z"))).isZero();
        assertThat(ledger.counts(t("2024-03-01T10:00:00Z"))).isEqualTo(AbandonCounts.NONE);
        // 3 of 100 is exactly 3%, allowed; 4 is not.
        assertThat(ledger.headroom(t("2024-03-01T10:00:00Z"), 100)).isEqualTo(3);
        assertThat(ledger.headroom(t("2024-03-01T10:00:00Z"), 0)).isZero();
    }

    @Test
    void headroom_isTheLargestNumberOfAbandonsThatKeepsTheRateAtTheTarget() {
        AbandonLedger ledger = AbandonLedger.of(HOUR);
        Instant at = t("2024-03-01T10:00:00Z");
        times(97, () -> ledger.connected(at));
        // Abandons are among the coming answers: with none coming, none can be abandoned.
        assertThat(ledger.headroom(at, 0)).isZero();
        // One more: 1 of 98 is 1.02%.
        assertThat(ledger.headroom(at, 1)).isEqualTo(1);
        // Three more answers: 3 of 100 is 3%.
        assertThat(ledger.headroom(at, 3)).isEqualTo(3);
        // 33 more: 3.9 of 130 -> 3 (3/130 = 2.3%, 4/130 = 3.08%).
        assertThat(ledger.headroom(at, 33)).isEqualTo(3);
    }

    @Test
    void headroom_isZeroWhenTheWindowIsAlreadyOverTheTarget() {
        AbandonLedger ledger = AbandonLedger.of(HOUR);
        Instant at = t("2024-03-01T10:00:00Z");
        times(90, () -> ledger.connected(at));
        times(10, () -> ledger.abandoned(at));
        // 10 of 150 is 6.7% even with none of the 50 abandoned.
        assertThat(ledger.headroom(at, 50)).isZero();
        // 10 of 334 is 2.99%: none more may be abandoned; 10 of 333 would be 3.003%.
        assertThat(ledger.headroom(at, 234)).isZero();
        // 10 of 367 is 2.72%, 11 of 367 is 2.997%, 12 of 367 is 3.27%.
        assertThat(ledger.headroom(at, 267)).isEqualTo(1);
    }

    @Test
    void budget_isTheHeadroomBeforeRounding_negativeWhenOverTheTarget() {
        AbandonLedger ledger = AbandonLedger.of(HOUR);
        Instant at = t("2024-03-01T10:00:00Z");
        times(90, () -> ledger.connected(at));
        times(10, () -> ledger.abandoned(at));
        // 0.03 * 150 - 10 = -5.5: even none of the 50 abandoned leaves the window over 3%.
        assertThat(ledger.budget(at, 50)).isCloseTo(-5.5, within(1e-9));
        // 0.03 * 367 - 10 = 1.01, which the headroom rounds down to 1.
        assertThat(ledger.budget(at, 267)).isCloseTo(1.01, within(1e-9));
        assertThat(ledger.headroom(at, 267)).isEqualTo(1);
    }

    @Test
    void budget_countsTheAnsweringMachineFalsePositivesOfTheRule() {
        // Ofcom with 10% of machine detections taken to be live people: 20 machines count 2 live
        // answers, both abandoned. 0.03 * (98 + 2 + 2) - 1 - 2 = 0.06.
        AbandonLedger ledger = AbandonLedger.of(AbandonRule.ofcom(0.1));
        Instant at = t("2024-03-01T10:00:00Z");
        times(97, () -> ledger.connected(at));
        ledger.abandoned(at);
        times(20, () -> ledger.machineDetected(at));
        assertThat(ledger.budget(at, 2)).isCloseTo(0.06, within(1e-9));
    }

    @Test
    void headroom_atARateExactlyOnTheTarget_isAllowedEvenWhereTheProductRoundsDown() {
        AbandonLedger ledger = AbandonLedger.of(HOUR.withTarget(0.036));
        Instant at = t("2024-03-01T10:00:00Z");
        times(700, () -> ledger.connected(at));
        // 27 of 750 is exactly 3.6%, though 0.036 * 750 is 26.999... in floating point.
        assertThat(ledger.headroom(at, 50)).isEqualTo(27);
    }

    @Test
    void headroom_neverExceedsTheExpectedAnswers() {
        AbandonLedger ledger = AbandonLedger.of(HOUR);
        Instant at = t("2024-03-01T10:00:00Z");
        times(1000, () -> ledger.connected(at));
        // The window could take 30 abandons, but only 2 more answers are coming.
        assertThat(ledger.headroom(at, 2)).isEqualTo(2);
    }

    @Test
    void ofcomHeadroom_countsTheEstimatedFalsePositivesAsAbandons() {
        AbandonLedger ledger = AbandonLedger.of(AbandonRule.ofcom(0.5));
        Instant at = t("2024-03-01T10:00:00Z");
        times(100, () -> ledger.connected(at));
        times(4, () -> ledger.machineDetected(at));
        // 10 more answers, F = 2: (1 + 2) / 112 = 2.68% is allowed, (2 + 2) / 112 = 3.57% is not.
        assertThat(ledger.headroom(at, 10)).isEqualTo(1);
        // Without the machines it would be 3 of 110 (2.73%; 4 of 110 is 3.64%).
        AbandonLedger noMachines = AbandonLedger.of(AbandonRule.ofcom(0.5));
        times(100, () -> noMachines.connected(at));
        assertThat(noMachines.headroom(at, 10)).isEqualTo(3);
    }

    @Test
    void headroom_refusesNegativeExpectedAnswers() {
        AbandonLedger ledger = AbandonLedger.of(HOUR);
        assertThatThrownBy(() -> ledger.headroom(t("2024-03-01T10:00:00Z"), -1))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("Invalid value for expectedLiveAnswers (valid values 0 - 2147483647): -1");
    }

    @Test
    void lateEvents_countInTheirBucket_whileItIsInTheWindow_andNowhereAfter() {
        AbandonLedger ledger = AbandonLedger.of(HOUR);
        ledger.connected(t("2024-03-01T12:00:00Z"));
        ledger.abandoned(t("2024-03-01T11:30:00Z"));
        ledger.abandoned(t("2024-03-01T11:00:01Z"));
        // The present window is [11:00:01, 12:00:01): these two are older.
        ledger.abandoned(t("2024-03-01T11:00:00Z"));
        ledger.machineDetected(t("2024-03-01T10:59:59Z"));

        assertThat(ledger.counts(t("2024-03-01T12:00:00Z"))).isEqualTo(AbandonCounts.of(3, 2, 0));
        assertThat(ledger.dropped()).isEqualTo(2);
        // The late abandon at 11:30 leaves the window at 12:30.
        assertThat(ledger.counts(t("2024-03-01T12:30:00Z"))).isEqualTo(AbandonCounts.of(1, 0, 0));
    }

    @Test
    void aQuery_movesThePresent_soOlderEventsAfterItAreDropped() {
        AbandonLedger ledger = AbandonLedger.of(HOUR);
        ledger.connected(t("2024-03-01T11:00:00Z"));
        assertThat(ledger.counts(t("2024-03-01T12:00:00Z"))).isEqualTo(AbandonCounts.NONE);
        ledger.connected(t("2024-03-01T11:30:00Z"));
        ledger.connected(t("2024-03-01T10:59:00Z"));
        assertThat(ledger.counts(t("2024-03-01T12:00:00Z"))).isEqualTo(AbandonCounts.of(1, 0, 0));
        assertThat(ledger.dropped()).isEqualTo(1);
    }

    @Test
    void aQueryBeforeThePresentBucket_isRefused_butTheSameBucketIsFine() {
        AbandonLedger ledger = AbandonLedger.of(HOUR);
        ledger.abandoned(t("2024-03-01T12:00:00.700Z"));
        assertThat(ledger.rate(t("2024-03-01T12:00:00.200Z"))).isEqualTo(1.0);
        assertThatThrownBy(() -> ledger.rate(t("2024-03-01T11:59:59Z")))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("Invalid value for at (not before the ledger's present bucket, which starts at"
                        + " 2024-03-01T12:00:00Z (1s buckets)): 2024-03-01T11:59:59Z");
    }

    @Test
    void aJumpLongerThanTheWindow_emptiesTheLedger() {
        AbandonLedger ledger = AbandonLedger.of(HOUR);
        ledger.abandoned(t("2024-03-01T12:00:00Z"));
        ledger.connected(t("2024-03-05T12:00:00Z"));
        assertThat(ledger.counts(t("2024-03-05T12:00:00Z"))).isEqualTo(AbandonCounts.of(1, 0, 0));
    }

    @Test
    void instantsBeforeTheEpoch_fallInTheirOwnBuckets() {
        AbandonLedger ledger = AbandonLedger.of(HOUR);
        ledger.abandoned(t("1969-12-31T23:00:00Z"));
        ledger.connected(t("1969-12-31T23:59:59.999Z"));
        assertThat(ledger.counts(t("1970-01-01T00:00:00Z"))).isEqualTo(AbandonCounts.of(1, 0, 0));
    }
}
