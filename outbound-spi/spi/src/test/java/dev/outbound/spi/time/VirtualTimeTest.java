package dev.outbound.spi.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class VirtualTimeTest {
    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    private final VirtualTime time = VirtualTime.startingAt(T0);
    private final List<String> log = Collections.synchronizedList(new ArrayList<>());

    private Scheduler.Scheduled logAt(long second, String name) {
        return time.schedule(T0.plusSeconds(second), () -> log.add(name + "@" + (time.now().getEpochSecond() - T0.getEpochSecond())));
    }

    @Test
    void startingAt_clockInUtcReadsStart() {
        assertThat(time.now()).isEqualTo(T0);
        assertThat(time.clock().instant()).isEqualTo(T0);
        assertThat(time.clock().getZone()).isEqualTo(ZoneOffset.UTC);
        assertThat(time.pending()).isZero();
    }

    @Test
    void clock_followsAdvancesInEveryZone() {
        var paris = time.clock().withZone(ZoneId.of("Europe/Paris"));
        time.advanceBy(Duration.ofMinutes(5));
        assertThat(time.clock().instant()).isEqualTo(T0.plusSeconds(300));
        assertThat(paris.instant()).isEqualTo(T0.plusSeconds(300));
        assertThat(paris.millis()).isEqualTo(T0.plusSeconds(300).toEpochMilli());
        assertThat(paris.getZone()).isEqualTo(ZoneId.of("Europe/Paris"));
    }

    @Test
    void advanceTo_tasksRunInInstantOrderWithNowAtTheirInstant() {
        logAt(30, "c");
        logAt(10, "a");
        logAt(20, "b");
        int ran = time.advanceTo(T0.plusSeconds(60));
        assertThat(ran).isEqualTo(3);
        assertThat(log).containsExactly("a@10", "b@20", "c@30");
        assertThat(time.now()).isEqualTo(T0.plusSeconds(60));
    }

    @Test
    void advanceTo_equalInstants_runInSchedulingOrder() {
        for (int i = 0; i < 5; i++) {
            logAt(10, "t" + i);
        }
        time.advanceTo(T0.plusSeconds(10));
        assertThat(log).containsExactly("t0@10", "t1@10", "t2@10", "t3@10", "t4@10");
    }

    @Test
    void advanceTo_stopsAtTarget_laterTasksWait() {
        logAt(10, "a");
        logAt(11, "b");
        time.advanceTo(T0.plusSeconds(10));
        assertThat(log).containsExactly("a@10");
        assertThat(time.pending()).isEqualTo(1);
        assertThat(time.now()).isEqualTo(T0.plusSeconds(10));
    }

    @Test
    void schedule_pastInstant_runsAtCurrentInstantAfterTasksAlreadyDue() {
        time.advanceTo(T0.plusSeconds(100));
        logAt(100, "due");
        logAt(40, "past");
        time.advanceBy(Duration.ZERO);
        // "past" is due now, not at 40 s: time does not go back, and it queues behind "due".
        assertThat(log).containsExactly("due@100", "past@100");
        assertThat(time.now()).isEqualTo(T0.plusSeconds(100));
    }

    @Test
    void advanceTo_tasksSchedulingTasks_thoseWithinTheAdvanceRunInIt() {
        time.schedule(T0.plusSeconds(10), () -> {
            log.add("first@10");
            logAt(10, "sameInstant");
            logAt(15, "later");
            logAt(5, "past");
            logAt(25, "beyond");
        });
        logAt(10, "second");
        time.advanceTo(T0.plusSeconds(20));
        assertThat(log).containsExactly("first@10", "second@10", "sameInstant@10", "past@10", "later@15");
        assertThat(time.pending()).isEqualTo(1);
        time.advanceTo(T0.plusSeconds(25));
        assertThat(log).endsWith("beyond@25");
    }

    @Test
    void advanceTo_beforeNow_refusedNamingBoth() {
        time.advanceTo(T0.plusSeconds(10));
        assertThatThrownBy(() -> time.advanceTo(T0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(T0.toString())
                .hasMessageContaining(T0.plusSeconds(10).toString());
        assertThat(time.now()).isEqualTo(T0.plusSeconds(10));
    }

    @Test
    void advanceBy_negative_refused() {
        assertThatThrownBy(() -> time.advanceBy(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("PT-1S");
    }

    @Test
    void advanceTo_fromInsideTask_refused() {
        List<Throwable> caught = new ArrayList<>();
        time.schedule(T0.plusSeconds(1), () -> {
            try {
                time.advanceBy(Duration.ofSeconds(1));
            } catch (IllegalStateException e) {
                caught.add(e);
            }
        });
        time.advanceBy(Duration.ofSeconds(5));
        assertThat(caught).hasSize(1);
        assertThat(caught.get(0)).hasMessageContaining("inside");
    }

    @Test
    void cancel_beforeRun_taskNeverRuns() {
        Scheduler.Scheduled a = logAt(10, "a");
        logAt(20, "b");
        assertThat(time.pending()).isEqualTo(2);
        assertThat(a.cancel()).isTrue();
        assertThat(a.cancel()).as("second cancel").isFalse();
        assertThat(time.pending()).isEqualTo(1);
        time.advanceTo(T0.plusSeconds(30));
        assertThat(log).containsExactly("b@20");
    }

    @Test
    void cancel_afterRun_returnsFalse() {
        Scheduler.Scheduled a = logAt(10, "a");
        time.advanceTo(T0.plusSeconds(10));
        assertThat(a.cancel()).isFalse();
        assertThat(log).containsExactly("a@10");
    }

    @Test
    void cancel_mostOfManyTasks_remainingRunInOrder() {
        List<Scheduler.Scheduled> handles = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            handles.add(logAt(1000 - i, "t" + (1000 - i)));
        }
        for (int i = 0; i < 1000; i++) {
            if ((1000 - i) % 10 != 0) {
                assertThat(handles.get(i).cancel()).isTrue();
            }
        }
        assertThat(time.pending()).isEqualTo(100);
        time.advanceTo(T0.plusSeconds(1000));
        assertThat(log).hasSize(100);
        assertThat(log.get(0)).isEqualTo("t10@10");
        assertThat(log.get(99)).isEqualTo("t1000@1000");
        assertThat(time.pending()).isZero();
    }

    @Test
    void runNext_runsNextTaskWhateverItsInstant() {
        logAt(3600, "far");
        logAt(7200, "farther");
        assertThat(time.runNext()).isTrue();
        assertThat(log).containsExactly("far@3600");
        assertThat(time.now()).isEqualTo(T0.plusSeconds(3600));
        assertThat(time.runNext()).isTrue();
        assertThat(time.runNext()).isFalse();
        assertThat(time.now()).isEqualTo(T0.plusSeconds(7200));
    }

    @Test
    void advanceUntil_conditionMet_stopsAtTheTaskThatMetIt() {
        logAt(10, "a");
        logAt(20, "b");
        logAt(30, "c");
        boolean met = time.advanceUntil(() -> log.size() == 2, T0.plusSeconds(100));
        assertThat(met).isTrue();
        assertThat(time.now()).isEqualTo(T0.plusSeconds(20));
        assertThat(time.pending()).isEqualTo(1);
    }

    @Test
    void advanceUntil_limitReached_clockAtLimitAndFalse() {
        logAt(10, "a");
        logAt(200, "b");
        boolean met = time.advanceUntil(() -> log.size() == 2, T0.plusSeconds(100));
        assertThat(met).isFalse();
        assertThat(time.now()).isEqualTo(T0.plusSeconds(100));
        assertThat(log).containsExactly("a@10");
    }

    @Test
    void advanceUntil_alreadyTrue_runsNothing() {
        logAt(0, "due");
        assertThat(time.advanceUntil(() -> true, T0.plusSeconds(100))).isTrue();
        assertThat(log).isEmpty();
        assertThat(time.now()).isEqualTo(T0);
    }

    @Test
    void advanceTo_taskThrows_advanceStopsThereLaterTasksWait() {
        logAt(10, "a");
        time.schedule(T0.plusSeconds(20), () -> {
            throw new IllegalStateException("boom");
        });
        logAt(30, "c");
        assertThatThrownBy(() -> time.advanceTo(T0.plusSeconds(60))).hasMessage("boom");
        assertThat(time.now()).isEqualTo(T0.plusSeconds(20));
        assertThat(time.pending()).isEqualTo(1);
        time.advanceTo(T0.plusSeconds(60));
        assertThat(log).containsExactly("a@10", "c@30");
    }

    @Test
    void schedule_fromSeveralThreads_everyTaskRunsInOrder() throws Exception {
        int threads = 4;
        int perThread = 2000;
        List<long[]> ran = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            futures.add(pool.submit(() -> {
                start.await();
                Random random = new Random(thread);
                for (int i = 0; i < perThread; i++) {
                    long second = random.nextInt(50);
                    long index = i;
                    time.schedule(T0.plusSeconds(second),
                            () -> ran.add(new long[] {time.now().getEpochSecond() - T0.getEpochSecond(), thread, index}));
                }
                return null;
            }));
        }
        start.countDown();
        // Advancing while the others schedule: tasks for instants already passed run at now.
        while (!futures.stream().allMatch(Future::isDone)) {
            time.advanceBy(Duration.ofMillis(1));
        }
        for (Future<?> f : futures) {
            f.get(10, TimeUnit.SECONDS);
        }
        pool.shutdown();
        time.advanceBy(Duration.ofMinutes(1));
        assertThat(ran).hasSize(threads * perThread);
        long[] lastIndex = {-1, -1, -1, -1};
        long lastSecond = -1;
        for (long[] r : ran) {
            assertThat(r[0]).as("instants never go back").isGreaterThanOrEqualTo(lastSecond);
            lastSecond = r[0];
        }
        // One thread's tasks for the same instant keep their order.
        for (long second = 0; second < 60; second++) {
            Arrays.fill(lastIndex, -1);
            for (long[] r : ran) {
                if (r[0] == second) {
                    assertThat(r[2]).isGreaterThan(lastIndex[(int) r[1]]);
                    lastIndex[(int) r[1]] = r[2];
                }
            }
        }
        assertThat(time.pending()).isZero();
    }
}
