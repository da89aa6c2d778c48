package dev.outbound.pacing.report;

import dev.outbound.pacing.abandon.AbandonCounts;
import dev.outbound.pacing.abandon.AbandonRule;
import dev.outbound.spi.agent.AgentState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

/**
 * Random runs (agents logging in and out and changing state, calls recorded in time order or a
 * little late) against invariants and against counts kept by the test itself.
 */
class RunRecorderPropertiesTest {
    private static final AgentState[] STATES = AgentState.values();

    /** A random run and the test's own tally of it. */
    static final class Run {
        RunReport report;
        long dials;
        long connected;
        long abandoned;
        long machine;
        long loggedInNanos;
        AbandonRule rule;
    }

    static Run randomRun(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Run run = new Run();
        run.rule = random.nextBoolean() ? AbandonRule.rolling(Duration.ofHours(1)) : AbandonRule.ofcom(random.nextDouble());
        Instant start = Instant.parse("2024-03-01T08:00:00Z").plusNanos(random.nextLong(3_600_000_000_000L));
        RunRecorder recorder = RunRecorder.start(run.rule, start);
        int agents = 1 + random.nextInt(5);
        Map<String, Instant> loggedInSince = new HashMap<>();
        Instant now = start;
        int events = random.nextInt(400);
        for (int i = 0; i < events; i++) {
            now = now.plusNanos(gap(random));
            String agent = "agent-" + random.nextInt(agents);
            switch (random.nextInt(8)) {
                case 0 -> {
                    if (loggedInSince.containsKey(agent)) {
                        recorder.agentLoggedOut(agent, now);
                        run.loggedInNanos += Duration.between(loggedInSince.remove(agent), now).toNanos();
                    } else {
                        recorder.agentLoggedIn(agent, now);
                        loggedInSince.put(agent, now);
                    }
                }
                case 1, 2 -> {
                    if (loggedInSince.containsKey(agent)) {
                        recorder.agentState(agent, STATES[random.nextInt(STATES.length)], now);
                    }
                }
                default -> {
                    // A call event, sometimes recorded late with an earlier instant, never before the start.
                    Instant at = now.minusNanos(random.nextInt(4) == 0 ? random.nextLong(5_000_000_000L) : 0);
                    if (at.isBefore(start)) {
                        at = start;
                    }
                    switch (random.nextInt(4)) {
                        case 0 -> {
                            recorder.dialed(at);
                            run.dials++;
                        }
                        case 1 -> {
                            recorder.connected(at);
                            run.connected++;
                        }
                        case 2 -> {
                            recorder.abandoned(at);
                            run.abandoned++;
                        }
                        default -> {
                            recorder.machineDetected(at);
                            run.machine++;
                        }
                    }
                }
            }
        }
        Instant end = now.plusNanos(1 + gap(random));
        for (Instant since : loggedInSince.values()) {
            run.loggedInNanos += Duration.between(since, end).toNanos();
        }
        run.report = recorder.finish(end);
        return run;
    }

    /** Often none, mostly seconds, sometimes minutes, now and then more than an hour. */
    private static long gap(SplittableRandom random) {
        int kind = random.nextInt(20);
        if (kind < 3) {
            return 0;
        } else if (kind < 16) {
            return random.nextLong(30_000_000_000L);
        } else if (kind < 19) {
            return random.nextLong(600_000_000_000L);
        }
        return random.nextLong(7_200_000_000_000L);
    }

    @Test
    void occupancy_isAFraction_overTheRunAndEveryMinute() {
        qt().withExamples(300).forAll(longs().all()).checkAssert(seed -> {
            RunReport report = randomRun(seed).report;
            assertThat(report.occupancy()).isBetween(0.0, 1.0);
            for (RunReport.Minute m : report.minutes()) {
                assertThat(m.occupancy()).isBetween(0.0, 1.0);
            }
        });
    }

    @Test
    void minuteSums_equalTheRunTotals() {
        qt().withExamples(300).forAll(longs().all()).checkAssert(seed -> {
            Run run = randomRun(seed);
            RunReport report = run.report;
            long dials = 0;
            long live = 0;
            long abandoned = 0;
            long machine = 0;
            long connected = 0;
            Duration talk = Duration.ZERO;
            Duration wrapUp = Duration.ZERO;
            Duration available = Duration.ZERO;
            Duration paused = Duration.ZERO;
            for (RunReport.Minute m : report.minutes()) {
                dials += m.dials();
                live += m.liveAnswers();
                abandoned += m.abandoned();
                machine += m.machineDetected();
                connected += m.connected();
                talk = talk.plus(m.talk());
                wrapUp = wrapUp.plus(m.wrapUp());
                available = available.plus(m.available());
                paused = paused.plus(m.paused());
            }
            assertThat(List.of(dials, live, abandoned, machine, connected)).containsExactly(run.dials,
                    run.connected + run.abandoned, run.abandoned, run.machine, run.connected);
            assertThat(List.of(report.dials(), report.counts().liveAnswers(), report.counts().abandoned(),
                    report.counts().machineDetected(), report.connected()))
                    .containsExactly(dials, live, abandoned, machine, connected);
            assertThat(List.of(talk, wrapUp, available, paused))
                    .containsExactly(report.talk(), report.wrapUp(), report.available(), report.paused());
            assertThat(report.loggedIn()).isEqualTo(Duration.ofNanos(run.loggedInNanos));
        });
    }

    @Test
    void minutes_coverTheRun_oneAMinuteInOrder() {
        qt().withExamples(200).forAll(longs().all()).checkAssert(seed -> {
            RunReport report = randomRun(seed).report;
            List<Instant> starts = new ArrayList<>();
            report.minutes().forEach(m -> starts.add(m.start()));
            assertThat(starts.get(0)).isBeforeOrEqualTo(report.start())
                    .isAfter(report.start().minusSeconds(60));
            for (int i = 1; i < starts.size(); i++) {
                assertThat(starts.get(i)).isEqualTo(starts.get(i - 1).plusSeconds(60));
            }
            assertThat(starts.get(starts.size() - 1).plusSeconds(60)).isAfterOrEqualTo(report.end());
        });
    }

    @Test
    void runAbandonRate_isAbandonedOverLiveAnswers_byTheRulesFormula() {
        qt().withExamples(300).forAll(longs().all()).checkAssert(seed -> {
            Run run = randomRun(seed);
            RunReport report = run.report;
            long live = run.connected + run.abandoned;
            double estimate = run.machine * run.rule.amdFalsePositiveRate();
            double expected = live + estimate == 0 ? 0 : (run.abandoned + estimate) / (live + estimate);
            assertThat(report.abandonRate()).isCloseTo(expected, org.assertj.core.api.Assertions.within(1e-12));
            if (run.rule.amdFalsePositiveRate() == 0 && live > 0) {
                assertThat(report.abandonRate()).isEqualTo((double) run.abandoned / live);
            }
            // The last minute's cumulative rate is the run's.
            List<RunReport.Minute> minutes = report.minutes();
            assertThat(minutes.get(minutes.size() - 1).cumulativeAbandonRate()).isEqualTo(report.abandonRate());
        });
    }

    @Test
    void rollingHourRate_isTheRateOfTheSixtyMinutesEndingWithTheRow() {
        qt().withExamples(200).forAll(longs().all()).checkAssert(seed -> {
            Run run = randomRun(seed);
            List<RunReport.Minute> minutes = run.report.minutes();
            for (int i = 0; i < minutes.size(); i++) {
                long live = 0;
                long abandoned = 0;
                long machine = 0;
                for (int j = Math.max(0, i - 59); j <= i; j++) {
                    live += minutes.get(j).liveAnswers();
                    abandoned += minutes.get(j).abandoned();
                    machine += minutes.get(j).machineDetected();
                }
                assertThat(minutes.get(i).rollingHourAbandonRate())
                        .isEqualTo(run.rule.rate(AbandonCounts.of(live, abandoned, machine)));
            }
        });
    }
}
