package dev.outbound.pacing.abandon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The ledger against a brute-force count over the raw events, for random rules and random event
 * sequences: exact for the bucket-aligned window the ledger documents, and within one resolution
 * of the exact window {@code (at - window, at]}.
 */
class AbandonLedgerPropertiesTest {
    private static final int CONNECTED = 0;
    private static final int ABANDONED = 1;
    private static final int MACHINE = 2;

    /** One recorded call. */
    record Event(Instant at, int kind) {
    }

    /** A random rule: plain windows of odd lengths, whole minutes, FCC or Ofcom; sometimes a finer resolution. */
    private static AbandonRule randomRule(SplittableRandom random) {
        AbandonRule rule;
        switch (random.nextInt(4)) {
            case 0:
                rule = AbandonRule.rolling(Duration.ofSeconds(1 + random.nextInt(99_999)));
                break;
            case 1:
                rule = AbandonRule.rolling(Duration.ofMinutes(1 + random.nextInt(3 * 1440)));
                break;
            case 2:
                rule = AbandonRule.fcc();
                break;
            default:
                rule = AbandonRule.ofcom(random.nextDouble());
                break;
        }
        if (random.nextInt(3) == 0) {
            long w = rule.window().getSeconds();
            List<Long> divisors = new ArrayList<>();
            for (long d = 1; d <= w && divisors.size() < 50; d++) {
                if (w % d == 0 && w / d <= AbandonRule.MAX_BUCKETS) {
                    divisors.add(d);
                }
            }
            rule = rule.withResolution(Duration.ofSeconds(divisors.get(random.nextInt(divisors.size()))));
        }
        return rule;
    }

    /** A gap between events: often none, mostly short against the window, sometimes longer than it. */
    private static long gapNanos(SplittableRandom random, long windowSeconds) {
        long window = windowSeconds * 1_000_000_000L;
        int kind = random.nextInt(20);
        if (kind < 4) {
            return 0;
        } else if (kind < 16) {
            return random.nextLong(window / 50 + 1);
        } else if (kind < 19) {
            return random.nextLong(window / 2 + 1);
        }
        return random.nextLong(2 * window + 1);
    }

    private static void record(AbandonLedger ledger, Event e) {
        switch (e.kind()) {
            case CONNECTED:
                ledger.connected(e.at());
                break;
            case ABANDONED:
                ledger.abandoned(e.at());
                break;
            default:
                ledger.machineDetected(e.at());
                break;
        }
    }

    /** Counts (live, abandoned, machine) of the events with {@code from <= at < to} (either bound null for none). */
    private static long[] count(List<Event> events, Instant from, Instant to) {
        long[] c = new long[3];
        for (Event e : events) {
            if ((from == null || !e.at().isBefore(from)) && (to == null || e.at().isBefore(to))) {
                if (e.kind() != MACHINE) {
                    c[0]++;
                }
                if (e.kind() == ABANDONED) {
                    c[1]++;
                }
                if (e.kind() == MACHINE) {
                    c[2]++;
                }
            }
        }
        return c;
    }

    private static double formula(long[] c, double p) {
        double f = c[2] * p;
        double den = c[0] + f;
        return den == 0 ? 0.0 : (c[1] + f) / den;
    }

    private static long[] array(AbandonCounts c) {
        return new long[] {c.liveAnswers(), c.abandoned(), c.machineDetected()};
    }

    @Test
    void inOrderEvents_ledgerCountsEqualTheBucketAlignedWindow_andLieWithinOneResolutionOfTheExactWindow() {
        long[] nonEmptyChecks = {0};
        qt().withExamples(300).forAll(longs().all()).checkAssert(seed -> {
            SplittableRandom random = new SplittableRandom(seed);
            AbandonRule rule = randomRule(random);
            long w = rule.window().getSeconds();
            long r = rule.resolution().getSeconds();
            AbandonLedger ledger = AbandonLedger.of(rule);
            List<Event> events = new ArrayList<>();
            Instant t = Instant.ofEpochSecond(random.nextLong(-2_000_000_000L, 2_000_000_000L), random.nextInt(1_000_000_000));
            for (int i = 0; i < 600; i++) {
                t = t.plusNanos(gapNanos(random, w));
                Event e = new Event(t, random.nextInt(3));
                events.add(e);
                record(ledger, e);
                if (random.nextInt(8) != 0) {
                    continue;
                }
                // A query at the last event or a little later; later events do not go back before it.
                Instant q = t.plusNanos(random.nextInt(3) == 0 ? 0 : random.nextLong(2 * r * 1_000_000_000L));
                t = q;
                long bucket = Math.floorDiv(q.getEpochSecond(), r);
                Instant end = Instant.ofEpochSecond((bucket + 1) * r);
                long[] aligned = count(events, end.minusSeconds(w), end);
                long[] got = array(ledger.counts(q));
                assertThat(got).as("%s at %s", rule, q).containsExactly(aligned);
                assertThat(ledger.rate(q)).isEqualTo(formula(aligned, rule.amdFalsePositiveRate()));
                // Exact windows (q - w + r, q] inside, (q - w, q] outside; "after x" is "from x + 1 ns".
                long[] inner = count(events, q.minusSeconds(w - r).plusNanos(1), q.plusNanos(1));
                long[] outer = count(events, q.minusSeconds(w).plusNanos(1), q.plusNanos(1));
                for (int k = 0; k < 3; k++) {
                    assertThat(got[k]).as("count %d of %s at %s", k, rule, q).isBetween(inner[k], outer[k]);
                }
                if (got[0] + got[2] > 0) {
                    nonEmptyChecks[0]++;
                }
            }
            assertThat(ledger.dropped()).isZero();
        });
        assertThat(nonEmptyChecks[0]).as("queries of non-empty windows").isGreaterThan(5_000);
    }

    @Test
    void outOfOrderEvents_countInTheirBucketWhileItIsInThePresentWindow_andAreDroppedOtherwise() {
        long[] droppedSeen = {0};
        qt().withExamples(200).forAll(longs().all()).checkAssert(seed -> {
            SplittableRandom random = new SplittableRandom(seed);
            AbandonRule rule = randomRule(random);
            long w = rule.window().getSeconds();
            long r = rule.resolution().getSeconds();
            long n = rule.buckets();
            AbandonLedger ledger = AbandonLedger.of(rule);
            List<Event> kept = new ArrayList<>();
            long dropped = 0;
            Long present = null;
            Instant latest = Instant.ofEpochSecond(random.nextLong(-2_000_000_000L, 2_000_000_000L));
            for (int i = 0; i < 400; i++) {
                latest = latest.plusNanos(gapNanos(random, w));
                // Up to one and a half windows late.
                Instant at = random.nextBoolean() ? latest : latest.minusNanos(random.nextLong(w * 1_500_000_000L + 1));
                Event e = new Event(at, random.nextInt(3));
                long bucket = Math.floorDiv(at.getEpochSecond(), r);
                if (present == null || bucket > present) {
                    present = bucket;
                }
                if (bucket <= present - n) {
                    dropped++;
                } else {
                    kept.add(e);
                }
                record(ledger, e);
                if (random.nextInt(10) == 0) {
                    long qBucket = Math.floorDiv(latest.getEpochSecond(), r);
                    present = Math.max(present, qBucket);
                    Instant end = Instant.ofEpochSecond((present + 1) * r);
                    assertThat(array(ledger.counts(latest))).as("%s at %s", rule, latest)
                            .containsExactly(count(kept, end.minusSeconds(w), end));
                }
            }
            assertThat(ledger.dropped()).isEqualTo(dropped);
            droppedSeen[0] += dropped;
        });
        assertThat(droppedSeen[0]).as("events dropped over all examples").isGreaterThan(1_000);
    }

    @Test
    void headroom_isTheLargestNumberOfAbandonsAmongTheExpectedAnswersThatKeepsTheRateAtMostTheTarget() {
        qt().withExamples(2_000)
                .forAll(longs().all(), integers().between(0, 400), integers().between(0, 400),
                        doubles().between(0.001, 0.5))
                .checkAssert((seed, live, expected, anyTarget) -> {
                    SplittableRandom random = new SplittableRandom(seed);
                    // Half the time a target that some whole number of abandons meets exactly.
                    int n = live + expected;
                    double target = n > 2 && random.nextBoolean()
                            ? (double) (1 + random.nextInt(n / 2)) / n : anyTarget;
                    int abandoned = live == 0 ? 0 : random.nextInt(Math.min(live, 40) + 1);
                    int machines = random.nextInt(3) == 0 ? 0 : random.nextInt(300);
                    double p = random.nextBoolean() ? 0 : random.nextDouble();
                    AbandonRule rule = new AbandonRule("test", Duration.ofHours(1), Duration.ofSeconds(1), target,
                            Duration.ofSeconds(2), p);
                    AbandonLedger ledger = AbandonLedger.of(rule);
                    Instant at = Instant.parse("2024-03-01T10:00:00Z");
                    for (int i = 0; i < live; i++) {
                        if (i < abandoned) {
                            ledger.abandoned(at);
                        } else {
                            ledger.connected(at);
                        }
                    }
                    for (int i = 0; i < machines; i++) {
                        ledger.machineDetected(at.plusMillis(random.nextInt(1000)));
                    }
                    long h = ledger.headroom(at, expected);
                    // The brute force: the largest h' from 0 to expected whose rate is at most the target.
                    long best = 0;
                    for (long k = expected; k >= 0; k--) {
                        long[] c = {live + expected, abandoned + k, machines};
                        if (formula(c, p) <= target) {
                            best = k;
                            break;
                        }
                    }
                    assertThat(h).as("live %d, abandoned %d, machines %d, p %s, expected %d, target %s",
                            live, abandoned, machines, p, expected, target).isEqualTo(best);
                    assertThat(rule.rate(AbandonCounts.of(live + expected, abandoned + h, machines)) <= target
                            || h == 0).isTrue();
                });
    }

    @Test
    void memory_isTheRulesFixedBucketCount_whateverTheNumberOfEventsOrTheLengthOfTheRun() {
        qt().withExamples(40).forAll(longs().all()).checkAssert(seed -> {
            SplittableRandom random = new SplittableRandom(seed);
            AbandonRule rule = randomRule(random);
            long w = rule.window().getSeconds();
            AbandonLedger ledger = AbandonLedger.of(rule);
            int before = ledger.bucketCount();
            assertThat((long) before).isEqualTo(w / rule.resolution().getSeconds()).isLessThanOrEqualTo(AbandonRule.MAX_BUCKETS);
            Instant t = Instant.ofEpochSecond(random.nextLong(0, 2_000_000_000L));
            // 50 000 events spread over about 25 windows.
            for (int i = 0; i < 50_000; i++) {
                t = t.plusNanos(random.nextLong(w * 1_000_000_000L / 1000 + 1));
                record(ledger, new Event(t, random.nextInt(3)));
            }
            assertThat(ledger.bucketCount()).isEqualTo(before);
        });
    }

    @Test
    void defaultResolution_dividesTheWindow_intoAboutThirtySixHundredBuckets() {
        qt().withExamples(3_000).forAll(integers().between(1, 99_999)).checkAssert(seconds -> {
            AbandonRule rule = AbandonRule.rolling(Duration.ofSeconds(seconds));
            long r = rule.resolution().getSeconds();
            assertThat(seconds % r).isZero();
            assertThat(rule.buckets()).isBetween(Math.min(seconds, AbandonRule.AIMED_BUCKETS), AbandonRule.MAX_BUCKETS);
            // No larger divisor would still give at least 3 600 buckets.
            for (long d = r + 1; d <= seconds / AbandonRule.AIMED_BUCKETS; d++) {
                assertThat(seconds % d).as("divisor %d of %d", d, seconds).isNotZero();
            }
        });
    }

    @Test
    void stats_perHourCountsEqualABruteForceByClockHour_andTheWorstHourHasTheHighestRate() {
        qt().withExamples(200).forAll(longs().all()).checkAssert(seed -> {
            SplittableRandom random = new SplittableRandom(seed);
            double p = random.nextBoolean() ? 0 : random.nextDouble();
            AbandonRule rule = new AbandonRule("test", Duration.ofHours(1), Duration.ofSeconds(1), 0.03,
                    Duration.ofSeconds(2), p);
            AbandonStats stats = AbandonStats.of(rule);
            Map<Long, long[]> byHour = new HashMap<>();
            List<Event> events = new ArrayList<>();
            Instant start = Instant.ofEpochSecond(random.nextLong(-2_000_000_000L, 2_000_000_000L));
            for (int i = 0; i < 500; i++) {
                Event e = new Event(start.plusSeconds(random.nextLong(20 * 3600)), random.nextInt(3));
                events.add(e);
                switch (e.kind()) {
                    case CONNECTED:
                        stats.connected(e.at());
                        break;
                    case ABANDONED:
                        stats.abandoned(e.at());
                        break;
                    default:
                        stats.machineDetected(e.at());
                        break;
                }
                long hour = Math.floorDiv(e.at().getEpochSecond(), 3600);
                long[] c = byHour.computeIfAbsent(hour, k -> new long[3]);
                c[0] += e.kind() == MACHINE ? 0 : 1;
                c[1] += e.kind() == ABANDONED ? 1 : 0;
                c[2] += e.kind() == MACHINE ? 1 : 0;
            }
            assertThat(stats.hours()).hasSize(byHour.size());
            double worst = -1;
            for (AbandonStats.Hour h : stats.hours()) {
                long[] expected = byHour.get(Math.floorDiv(h.start().toEpochSecond(), 3600));
                assertThat(h.start().toEpochSecond() % 3600).isZero();
                assertThat(array(h.counts())).containsExactly(expected);
                assertThat(h.rate()).isEqualTo(formula(expected, p));
                worst = Math.max(worst, h.rate());
            }
            assertThat(stats.worstHour().orElseThrow().rate()).isEqualTo(worst);
            assertThat(array(stats.total())).containsExactly(count(events, null, null));
        });
    }
}
