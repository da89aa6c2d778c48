package dev.outbound.core.callerid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.outbound.core.phone.PhoneNumber;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Local presence under caps and retirements, for random pools, callees and call times. The test
 * keeps its own log of every choice and works out from it, independently of the selector, which
 * DIDs were usable at each call.
 */
class CallerIdPropertiesTest {
    private static final String[] AREA_CODES = {"530", "916", "213", "212", "718", "312"};
    private static final PhoneNumber DEFAULT = PhoneNumber.ofE164("+12025550100");
    private static final Instant T0 = Instant.parse("2026-03-02T15:00:00Z");
    private static final int CALLS = 400;

    /** One run's settings, drawn from a seed. */
    record Run(DidPool pool, int perHour, Optional<Integer> perDay, List<PhoneNumber> callees, List<Instant> times,
            Map<Integer, PhoneNumber> retireBeforeCall) {
    }

    /** One call: the callee, its instant, the choice, and the DIDs retired by then. */
    record Call(PhoneNumber callee, Instant at, CallerIdChoice choice, Set<PhoneNumber> retired) {
    }

    private static Run draw(long seed, int didCount, int perHour) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Did> dids = new ArrayList<>();
        Set<String> used = new HashSet<>();
        while (dids.size() < didCount) {
            String e164 = "+1" + AREA_CODES[random.nextInt(AREA_CODES.length)] + "55501" + (10 + random.nextInt(90));
            if (used.add(e164)) {
                Did d = Did.of(PhoneNumber.ofE164(e164));
                dids.add(random.nextInt(6) == 0 ? d.retire() : d);
            }
        }
        DidPool pool = DidPool.of(DEFAULT, dids);
        Optional<Integer> perDay = random.nextBoolean() ? Optional.of(perHour + random.nextInt(8)) : Optional.empty();
        List<PhoneNumber> callees = new ArrayList<>();
        List<Instant> times = new ArrayList<>();
        Instant t = T0;
        long maxGap = 1 + random.nextInt(1800); // seconds: dense runs hit the caps, sparse ones roll the windows
        for (int i = 0; i < CALLS; i++) {
            t = t.plusSeconds(random.nextLong(maxGap));
            times.add(t);
            callees.add(PhoneNumber.ofE164("+1" + AREA_CODES[random.nextInt(AREA_CODES.length)] + "55501"
                    + (10 + random.nextInt(90))));
        }
        Map<Integer, PhoneNumber> retire = new HashMap<>();
        if (random.nextBoolean()) {
            retire.put(random.nextInt(CALLS), dids.get(random.nextInt(dids.size())).number());
        }
        return new Run(pool, perHour, perDay, callees, times, retire);
    }

    private static List<Call> play(Run run) {
        CallerIdSelector.Builder b = CallerIdSelector.newBuilder(run.pool())
                .strategy(CallerIdStrategy.localPresence()).maxPerHour(run.perHour());
        run.perDay().ifPresent(b::maxPerDay);
        CallerIdSelector selector = b.build();
        Set<PhoneNumber> retired = new HashSet<>();
        for (Did d : run.pool().dids()) {
            if (d.retired()) {
                retired.add(d.number());
            }
        }
        List<Call> calls = new ArrayList<>();
        for (int i = 0; i < CALLS; i++) {
            PhoneNumber toRetire = run.retireBeforeCall().get(i);
            if (toRetire != null) {
                selector.retire(toRetire);
                retired.add(toRetire);
            }
            CallerIdChoice choice = selector.select(run.callees().get(i), run.times().get(i));
            calls.add(new Call(run.callees().get(i), run.times().get(i), choice, Set.copyOf(retired)));
        }
        return calls;
    }

    /** The calls before index i that presented the number within the window before {@code at}. */
    private static int countWithin(List<Call> calls, int i, PhoneNumber number, Instant at, Duration window) {
        int n = 0;
        for (int k = 0; k < i; k++) {
            Call c = calls.get(k);
            if (c.choice().number().equals(number) && c.at().isAfter(at.minus(window))) {
                n++;
            }
        }
        return n;
    }

    @Test
    void localPresence_aUsableDidWithTheCalleesAreaCode_isAlwaysChosen() {
        qt().withExamples(60).forAll(longs().all(), integers().between(1, 10), integers().between(1, 4))
                .checkAssert((seed, didCount, perHour) -> {
                    Run run = draw(seed, didCount, perHour);
                    List<Call> calls = play(run);
                    for (int i = 0; i < calls.size(); i++) {
                        Call c = calls.get(i);
                        String npa = c.callee().e164().substring(2, 5);
                        boolean usableLocal = false;
                        for (Did d : run.pool().dids()) {
                            if (d.number().e164().substring(2, 5).equals(npa) && !c.retired().contains(d.number())
                                    && countWithin(calls, i, d.number(), c.at(), Duration.ofHours(1)) < run.perHour()
                                    && (run.perDay().isEmpty() || countWithin(calls, i, d.number(), c.at(),
                                            Duration.ofDays(1)) < run.perDay().get())) {
                                usableLocal = true;
                            }
                        }
                        if (usableLocal) {
                            assertThat(c.choice().reason()).as("call %d to %s", i, c.callee())
                                    .isEqualTo(CallerIdReason.LOCAL_AREA_CODE);
                            assertThat(c.choice().number().e164().substring(2, 5)).isEqualTo(npa);
                        } else {
                            assertThat(c.choice().reason()).as("call %d to %s", i, c.callee())
                                    .isNotEqualTo(CallerIdReason.LOCAL_AREA_CODE);
                        }
                    }
                });
    }

    @Test
    void anyDid_neverChosenOverItsCapWithinARollingHourOrDay_norAfterRetirement() {
        qt().withExamples(60).forAll(longs().all(), integers().between(1, 10), integers().between(1, 4))
                .checkAssert((seed, didCount, perHour) -> {
                    Run run = draw(seed, didCount, perHour);
                    List<Call> calls = play(run);
                    Map<PhoneNumber, List<Instant>> byDid = new HashMap<>();
                    for (Call c : calls) {
                        assertThat(c.retired()).as("a retired DID was chosen").doesNotContain(c.choice().number());
                        if (!c.choice().number().equals(DEFAULT)) {
                            byDid.computeIfAbsent(c.choice().number(), n -> new ArrayList<>()).add(c.at());
                        }
                    }
                    byDid.forEach((did, times) -> {
                        // cap + 1 choices always span at least the window.
                        for (int k = 0; k + run.perHour() < times.size(); k++) {
                            assertThat(Duration.between(times.get(k), times.get(k + run.perHour())))
                                    .as("%s chosen %d+1 times", did, run.perHour())
                                    .isGreaterThanOrEqualTo(Duration.ofHours(1));
                        }
                        run.perDay().ifPresent(cap -> {
                            for (int k = 0; k + cap < times.size(); k++) {
                                assertThat(Duration.between(times.get(k), times.get(k + cap)))
                                        .isGreaterThanOrEqualTo(Duration.ofDays(1));
                            }
                        });
                    });
                });
    }
}
