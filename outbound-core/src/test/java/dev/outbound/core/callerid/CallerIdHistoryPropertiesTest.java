package dev.outbound.core.callerid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.outbound.core.phone.PhoneNumber;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A restart in the middle of a run: the calls before it are given to a new selector as history.
 * Whatever the restart point, no DID is ever chosen more than its cap in any rolling hour, counting
 * the calls on both sides of the restart, and an onChoice log holds every call after it.
 */
class CallerIdHistoryPropertiesTest {
    private static final PhoneNumber DEFAULT = PhoneNumber.ofE164("+12025550100");
    private static final List<PhoneNumber> DIDS = List.of(PhoneNumber.ofE164("+19165550101"),
            PhoneNumber.ofE164("+15305550102"), PhoneNumber.ofE164("+12125550104"));
    private static final PhoneNumber CALLEE = PhoneNumber.ofE164("+13125550199");
    private static final Instant T0 = Instant.parse("2026-03-02T15:00:00Z");

    @Test
    void restartWithHistory_noDidOverItsHourlyCapInAnyRollingHour() {
        qt().withExamples(200).forAll(longs().all(), integers().between(1, 6), integers().between(0, 120))
                .checkAssert((seed, cap, restartAt) -> {
                    SplittableRandom random = new SplittableRandom(seed);
                    List<Did> dids = new ArrayList<>();
                    for (PhoneNumber n : DIDS) {
                        dids.add(Did.of(n));
                    }
                    DidPool pool = DidPool.of(DEFAULT, dids);
                    List<DidUse> all = new ArrayList<>();
                    CallerIdSelector first = CallerIdSelector.newBuilder(pool).maxPerHour(cap).onChoice(all::add)
                            .build();
                    Instant t = T0;
                    for (int i = 0; i < restartAt; i++) {
                        t = t.plusSeconds(random.nextInt(300));
                        first.select(CALLEE, t);
                    }
                    List<DidUse> before = List.copyOf(all);
                    List<DidUse> after = new ArrayList<>();
                    CallerIdSelector second = CallerIdSelector.newBuilder(pool).maxPerHour(cap).history(before)
                            .onChoice(u -> {
                                all.add(u);
                                after.add(u);
                            }).build();
                    int calls = 120 - restartAt;
                    for (int i = 0; i < calls; i++) {
                        t = t.plusSeconds(random.nextInt(300));
                        second.select(CALLEE, t);
                    }

                    assertThat(after).hasSize(calls);
                    for (PhoneNumber did : DIDS) {
                        List<Instant> times = new ArrayList<>();
                        for (DidUse u : all) {
                            if (u.number().equals(did)) {
                                times.add(u.at());
                            }
                        }
                        for (int i = 0; i < times.size(); i++) {
                            int inHour = 0;
                            for (Instant other : times) {
                                if (other.isAfter(times.get(i).minus(Duration.ofHours(1)))
                                        && !other.isAfter(times.get(i))) {
                                    inHour++;
                                }
                            }
                            assertThat(inHour).as("%s calls of %s in the hour up to %s", inHour, did, times.get(i))
                                    .isLessThanOrEqualTo(cap);
                        }
                    }
                });
    }
}
