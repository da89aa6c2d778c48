package dev.outbound.spi.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class VirtualTimePropertiesTest {
    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    /** A task as the test scheduled it: its instant and its place in the scheduling order. */
    private static final class Planned {
        final int index;
        final Instant at;
        Scheduler.Scheduled handle;
        boolean cancelled;

        Planned(int index, Instant at) {
            this.index = index;
            this.at = at;
        }
    }

    @Test
    void tasks_runInInstantThenSchedulingOrder_cancelledNever() {
        // Few distinct instants (some a nanosecond apart) so that ties are common; up to 600
        // tasks and most of them cancelled at times, so that the queue is rebuilt on the way.
        qt().withExamples(200).forAll(longs().all(), integers().between(1, 600), integers().between(0, 100))
                .checkAssert((seed, count, cancelPercent) -> {
                    Random random = new Random(seed);
                    VirtualTime time = VirtualTime.startingAt(T0);
                    List<Planned> planned = new ArrayList<>();
                    List<Integer> ran = new ArrayList<>();
                    for (int i = 0; i < count; i++) {
                        Planned p = new Planned(i, T0.plusSeconds(random.nextInt(40)).plusNanos(random.nextInt(3)));
                        p.handle = time.schedule(p.at, () -> ran.add(p.index));
                        planned.add(p);
                        if (random.nextInt(100) < cancelPercent) {
                            Planned victim = planned.get(random.nextInt(planned.size()));
                            if (!victim.cancelled) {
                                assertThat(victim.handle.cancel()).isTrue();
                                victim.cancelled = true;
                            }
                        }
                    }
                    List<Integer> expected = new ArrayList<>();
                    planned.stream().filter(p -> !p.cancelled)
                            .sorted(Comparator.comparing((Planned p) -> p.at).thenComparingInt(p -> p.index))
                            .forEach(p -> expected.add(p.index));
                    assertThat(time.pending()).isEqualTo(expected.size());
                    // Two advances: the first stops half way, the second takes the rest.
                    time.advanceTo(T0.plusSeconds(20));
                    time.advanceTo(T0.plusSeconds(40));
                    assertThat(ran).isEqualTo(expected);
                    assertThat(time.pending()).isZero();
                });
    }
}
