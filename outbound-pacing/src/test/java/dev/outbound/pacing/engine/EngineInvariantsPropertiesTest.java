package dev.outbound.pacing.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.outbound.core.compliance.CallingPolicy;
import dev.outbound.core.dnc.DncEntry;
import dev.outbound.core.dnc.DncList;
import dev.outbound.core.dnc.DncRegistry;
import dev.outbound.core.lifecycle.DialingRules;
import dev.outbound.core.record.Record;
import dev.outbound.core.record.RecordDraft;
import dev.outbound.spi.directory.Agent;
import dev.outbound.spi.simulation.CallProfile;
import dev.outbound.spi.simulation.Distribution;
import dev.outbound.spi.simulation.SimulatedTelephony;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Random shifts through the real engine: agents logging in, out, pausing and resuming at random
 * instants; random outcome mixes in which customers hang up while they wait; progressive,
 * predictive and power modes; records assigned to a user or not, some on the campaign's
 * Do-Not-Call list, some whose time zone is outside the calling window; a list refilled midway.
 * In every run, the invariants of {@link DialerEngine}'s class javadoc hold, as seen from outside
 * the engine (see {@link EngineHarness}).
 */
class EngineInvariantsPropertiesTest {
    private static final int EXAMPLES = 50;
    private static final DialMode[] MODES = {DialMode.PROGRESSIVE, DialMode.PREDICTIVE, DialMode.POWER};
    private static final CallProfile.Outcome[] OUTCOMES = {CallProfile.Outcome.HUMAN, CallProfile.Outcome.MACHINE,
        CallProfile.Outcome.BUSY, CallProfile.Outcome.NO_ANSWER, CallProfile.Outcome.FAILED,
        CallProfile.Outcome.INVALID_NUMBER, CallProfile.Outcome.REJECTED};

    /** A random shift, run and drained; {@code description} says what was drawn. */
    static final class Shift {
        final EngineHarness h = new EngineHarness();
        final StringBuilder description = new StringBuilder();

        @Override
        public String toString() {
            return description.toString();
        }
    }

    static Shift run(long seed) {
        Shift shift = new Shift();
        EngineHarness h = shift.h;
        SplittableRandom r = new SplittableRandom(seed);
        DialMode mode = MODES[r.nextInt(MODES.length)];
        int agents = 1 + r.nextInt(6);
        EngineSettings.Builder sb = EngineSettings.newBuilder().mode(mode).maxLines(1 + r.nextInt(20))
                .ringTimeout(Duration.ofSeconds(10 + r.nextInt(20)))
                .formLoad(r.nextBoolean() ? Duration.ZERO : Duration.ofMillis(r.nextInt(4_000)))
                .pauseAfterAnswered(Duration.ofMillis(r.nextInt(10_000)))
                .pauseAfterUnanswered(Duration.ofMillis(r.nextInt(5_000)));
        if (r.nextBoolean()) {
            sb.callsPerAgent(1 + r.nextInt(3));
        }
        if (mode == DialMode.POWER) {
            sb.powerRatio(1 + r.nextInt(3));
        }
        h.settings = sb.build();

        Map<CallProfile.Outcome, Double> weights = new EnumMap<>(CallProfile.Outcome.class);
        double total = 0;
        for (CallProfile.Outcome o : OUTCOMES) {
            double w = o == CallProfile.Outcome.HUMAN ? 1 + r.nextInt(4) : r.nextInt(4);
            weights.put(o, w);
            total += w;
        }
        for (CallProfile.Outcome o : OUTCOMES) {
            weights.put(o, weights.get(o) / total);
        }
        CallProfile profile = new CallProfile(weights, uniform(0, 1_000), uniform(1_000, 15_000),
                uniform(1_000, 5_000), uniform(5_000, 90_000), uniform(5_000, 20_000),
                // Short patience: many customers hang up before the 2 s connect limit.
                uniform(500, 5_000));
        h.telephony(SimulatedTelephony.newBuilder(h.time).seed(seed).profile(profile).build());

        int initial = 30 + r.nextInt(120);
        int refill = 10 + r.nextInt(60);
        List<Record> first = new ArrayList<>();
        List<Record> later = new ArrayList<>();
        List<DncEntry> dnc = new ArrayList<>();
        int assigned = 0;
        int blocked = 0;
        int outside = 0;
        for (int i = 0; i < initial + refill; i++) {
            RecordDraft d = h.draft(String.format("R%03d", i), 2_122_000_000L + i);
            if (r.nextInt(5) == 0) {
                // One agent more than log in: their records are never offered to anyone else.
                d.agent(EngineHarness.email("agent" + r.nextInt(agents + 1)).value());
                assigned++;
            }
            boolean outOfWindow = r.nextInt(10) == 0;
            if (outOfWindow) {
                d.timeZone("Asia/Tokyo"); // 23:00 on a Monday there: outside 08:00 - 21:00
                outside++;
            }
            Record rec = d.build();
            if (r.nextInt(10) == 0) {
                dnc.add(DncEntry.number(rec.phones().get(0).number()));
                blocked++;
            }
            (i < initial ? first : later).add(rec);
        }
        DncList list = DncList.newBuilder("campaign").addAll(dnc).build();
        h.rules = DialingRules.newBuilder()
                .policy(CallingPolicy.newBuilder().doNotCall(DncRegistry.newBuilder().campaign(list).build()).build())
                .build();
        h.add(first);
        later.forEach(h::know);

        Duration length = Duration.ofMinutes(3 + r.nextInt(5));
        long lengthMs = length.toMillis();
        Duration wrap = Duration.ofMillis(r.nextInt(15_000));
        h.wrapUp = id -> wrap;
        DialerEngine engine = h.build();
        Instant refillAt = EngineHarness.START.plusMillis(60_000 + r.nextLong(lengthMs - 60_000));
        h.time.schedule(refillAt, () -> h.add(later));

        List<String> actions = new ArrayList<>();
        for (int a = 0; a < agents; a++) {
            Agent agent = EngineHarness.agent("agent" + a);
            long in = r.nextLong(60_000);
            h.time.schedule(EngineHarness.START.plusMillis(in), () -> engine.logIn(agent));
            actions.add(agent.name() + " in@" + in / 1000 + "s");
            for (int k = r.nextInt(5); k > 0; k--) {
                long at = r.nextLong(lengthMs);
                Instant when = EngineHarness.START.plusMillis(at);
                switch (r.nextInt(4)) {
                    case 0:
                        h.time.schedule(when, () -> engine.logOut(agent.email()));
                        actions.add(agent.name() + " out@" + at / 1000 + "s");
                        break;
                    case 1:
                        h.time.schedule(when, () -> engine.pause(agent.email()));
                        actions.add(agent.name() + " pause@" + at / 1000 + "s");
                        break;
                    case 2:
                        h.time.schedule(when, () -> engine.resume(agent.email()));
                        actions.add(agent.name() + " resume@" + at / 1000 + "s");
                        break;
                    default:
                        h.time.schedule(when, () -> engine.logIn(agent));
                        actions.add(agent.name() + " in@" + at / 1000 + "s");
                }
            }
        }
        shift.description.append("seed ").append(seed).append(": ").append(h.settings).append(", ").append(agents)
                .append(" agents, ").append(initial).append(" records + ").append(refill).append(" at ")
                .append(refillAt).append(" (").append(assigned).append(" assigned, ").append(blocked)
                .append(" DNC, ").append(outside).append(" outside the window), outcomes ").append(weights)
                .append(", wrap-up ").append(wrap).append(", ").append(length).append(", ").append(actions);

        engine.start();
        h.time.advanceTo(EngineHarness.START.plus(length));
        h.drain();
        shift.description.append(" -> placed ").append(h.placed.size()).append(", counts ").append(engine.counts());
        return shift;
    }

    private static Distribution uniform(long minMs, long maxMs) {
        return Distribution.uniform(Duration.ofMillis(minMs), Duration.ofMillis(maxMs));
    }

    @Test
    void everyPlacedCall_isAllowed_withinTheCaps_withAnAgent_andNoAnswerWaiting() {
        qt().withExamples(EXAMPLES).forAll(longs().all()).checkAssert(seed -> {
            Shift s = run(seed);
            assertThat(s.h.violations).as("%s", s).isEmpty();
        });
    }

    @Test
    void everyPlacedCall_endsInExactlyOneOutcome_writtenOnceToItsRecordsHistory() {
        qt().withExamples(EXAMPLES).forAll(longs().all()).checkAssert(seed -> {
            Shift s = run(seed);
            assertThat(s.h.accountingProblems()).as("%s", s).isEmpty();
            assertThat(s.h.engine.counts().placed()).as("%s", s).isEqualTo(s.h.placed.size());
            assertThat(s.h.engine.counts().outcomes()).as("%s", s).isEqualTo(s.h.outcomeList.size());
        });
    }

    @Test
    void everyLiveAnswer_isConnectedOrAbandoned_withinTheConnectLimit() {
        qt().withExamples(EXAMPLES).forAll(longs().all()).checkAssert(seed -> {
            Shift s = run(seed);
            assertThat(s.h.abandonProblems()).as("%s", s).isEmpty();
        });
    }

    @Test
    void randomShifts_placeCalls_andAbandonSome() {
        // The properties above hold vacuously if nothing happens: the scenarios must place calls,
        // connect some and abandon some.
        long placed = 0;
        long connected = 0;
        long abandoned = 0;
        for (long seed = 1; seed <= 20; seed++) {
            DialerEngine.Counts c = run(seed).h.engine.counts();
            placed += c.placed();
            connected += c.connected();
            abandoned += c.abandoned();
        }
        assertThat(placed).isGreaterThan(200);
        assertThat(connected).isGreaterThan(20);
        assertThat(abandoned).isGreaterThan(0);
    }
}
