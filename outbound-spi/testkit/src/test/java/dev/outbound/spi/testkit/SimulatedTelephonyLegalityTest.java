package dev.outbound.spi.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.outbound.core.phone.PhoneNumber;
import dev.outbound.core.record.AgentEmail;
import dev.outbound.core.record.CallResult;
import dev.outbound.core.record.CampaignId;
import dev.outbound.spi.directory.Agent;
import dev.outbound.spi.simulation.CallProfile;
import dev.outbound.spi.simulation.CallProfile.Outcome;
import dev.outbound.spi.simulation.Distribution;
import dev.outbound.spi.simulation.SimulatedTelephony;
import dev.outbound.spi.telephony.CallEvent;
import dev.outbound.spi.telephony.CallId;
import dev.outbound.spi.telephony.CallRequest;
import dev.outbound.spi.time.VirtualTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * For random seeds, random profiles (per number too) and random actions at random instants, some
 * of them from inside the listener, every simulated call's events form a complete legal sequence
 * ({@link TelephonyEventOrder}), and the telephony's counts agree with the events.
 */
class SimulatedTelephonyLegalityTest {
    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
    private static final List<PhoneNumber> NUMBERS = List.of(PhoneNumber.ofE164("+442079460000"),
            PhoneNumber.ofE164("+442079460001"), PhoneNumber.ofE164("+442079460002"),
            PhoneNumber.ofE164("+442079460003"));
    private static final Agent AGENT = Agent.of(AgentEmail.of("ann@example.com"), "Ann");
    private static final CampaignId CAMPAIGN = CampaignId.of("legality");

    @Test
    void randomScenarios_everyCallLegalAndCountsAgree() {
        qt().withExamples(300).forAll(longs().all(), longs().all()).checkAssert(this::check);
    }

    @Test
    void closeMidway_everyCallStillLegal() {
        qt().withExamples(100).forAll(longs().all(), longs().all()).checkAssert((seed, shape) -> {
            Run run = new Run(seed, shape);
            run.time.advanceBy(Duration.ofMillis(new Random(shape).nextInt(90_000)));
            run.close();
            run.time.advanceBy(Duration.ofDays(400));
            assertThat(run.time.pending()).isZero();
            for (Map.Entry<CallId, List<CallEvent>> e : run.logs.entrySet()) {
                TelephonyEventOrder.assertComplete(e.getKey(), e.getValue());
            }
        });
    }

    private void check(long seed, long shape) {
        Run run = new Run(seed, shape);
        run.time.advanceBy(Duration.ofDays(400));
        assertThat(run.time.pending()).as("tasks left after every call ended").isZero();
        int answeredByPerson = 0;
        int abandoned = 0;
        int cancelled = 0;
        for (Map.Entry<CallId, List<CallEvent>> e : run.logs.entrySet()) {
            List<CallEvent> events = e.getValue();
            TelephonyEventOrder.assertComplete(e.getKey(), events);
            boolean person = events.stream().anyMatch(x -> x instanceof CallEvent.Answered
                    && ((CallEvent.Answered) x).by() == CallEvent.AnsweredBy.HUMAN);
            boolean connected = events.stream().anyMatch(CallEvent.Connected.class::isInstance);
            answeredByPerson += person ? 1 : 0;
            abandoned += person && !connected ? 1 : 0;
            cancelled += events.get(events.size() - 1) instanceof CallEvent.Cancelled ? 1 : 0;
        }
        SimulatedTelephony.Counts counts = run.telephony.counts();
        assertThat(counts.placed()).isEqualTo(run.logs.size());
        assertThat(counts.live()).isZero();
        assertThat(counts.cancelled()).isEqualTo(cancelled);
        assertThat(counts.abandoned()).isEqualTo(abandoned);
        assertThat(counts.of(CallResult.HUMAN_ANSWER)).isEqualTo(answeredByPerson);
        // Every call gets exactly one deciding result, or is cancelled before it has one.
        long results = counts.results().values().stream().mapToLong(Long::longValue).sum();
        assertThat(results + counts.cancelled()).isEqualTo(counts.placed());
    }

    /** A scenario set going: calls scheduled to be placed, with their actions. */
    private static final class Run {
        final VirtualTime time = VirtualTime.startingAt(T0);
        final SimulatedTelephony telephony;
        final Map<CallId, List<CallEvent>> logs = new LinkedHashMap<>();
        boolean closed;

        void close() {
            closed = true;
            telephony.close();
        }

        Run(long seed, long shape) {
            Random r = new Random(shape);
            Map<PhoneNumber, CallProfile> perNumber = new HashMap<>();
            for (PhoneNumber n : NUMBERS) {
                if (r.nextBoolean()) {
                    perNumber.put(n, randomProfile(r));
                }
            }
            telephony = SimulatedTelephony.newBuilder(time).seed(seed).profile(randomProfile(r))
                    .profileFor(n -> Optional.ofNullable(perNumber.get(n))).build();
            for (int i = 0, calls = 1 + r.nextInt(40); i < calls; i++) {
                Instant placeAt = T0.plusMillis(r.nextInt(60_000));
                PhoneNumber number = NUMBERS.get(r.nextInt(NUMBERS.size()));
                Duration timeout = Duration.ofMillis(1_000 + r.nextInt(59_000));
                // What to do: 0 nothing, 1 connect from the listener on answer, 2 hang up from the
                // listener on answer; then, independently, actions at random instants.
                int onAnswer = r.nextInt(3);
                long[] actionsAfter = {r.nextInt(2) == 0 ? r.nextInt(30_000) : -1,
                    r.nextInt(2) == 0 ? r.nextInt(30_000) : -1, r.nextInt(2) == 0 ? r.nextInt(90_000) : -1};
                time.schedule(placeAt, () -> {
                    if (closed) {
                        return;
                    }
                    List<CallEvent> log = new ArrayList<>();
                    CallId id = telephony.place(new CallRequest(number, Optional.empty(), CAMPAIGN, timeout), e -> {
                        log.add(e);
                        if (e instanceof CallEvent.Answered && onAnswer == 1) {
                            telephony.connect(e.call(), AGENT);
                        } else if (e instanceof CallEvent.Answered && onAnswer == 2) {
                            telephony.hangUp(e.call());
                        }
                    });
                    logs.put(id, log);
                    if (actionsAfter[0] >= 0) {
                        time.schedule(placeAt.plusMillis(actionsAfter[0]), () -> telephony.cancel(id));
                    }
                    if (actionsAfter[1] >= 0) {
                        time.schedule(placeAt.plusMillis(actionsAfter[1]), () -> telephony.connect(id, AGENT));
                    }
                    if (actionsAfter[2] >= 0) {
                        time.schedule(placeAt.plusMillis(actionsAfter[2]), () -> telephony.hangUp(id));
                    }
                });
            }
        }
    }

    private static CallProfile randomProfile(Random r) {
        Map<Outcome, Double> chances = new EnumMap<>(Outcome.class);
        double total = 0;
        double[] weights = new double[Outcome.values().length];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = r.nextInt(3) == 0 ? 0 : r.nextDouble();
            total += weights[i];
        }
        if (total == 0) {
            weights[0] = 1;
            total = 1;
        }
        for (Outcome o : Outcome.values()) {
            chances.put(o, weights[o.ordinal()] / total);
        }
        return new CallProfile(chances, randomTime(r), randomTime(r), randomTime(r), randomTime(r), randomTime(r),
                randomTime(r));
    }

    private static Distribution randomTime(Random r) {
        switch (r.nextInt(4)) {
            case 0:
                // Zero durations make many events share an instant: the hardest case for order.
                return Distribution.fixed(Duration.ofSeconds(r.nextInt(3) * r.nextInt(20)));
            case 1:
                return Distribution.uniform(Duration.ZERO, Duration.ofMillis(r.nextInt(40_000)));
            case 2:
                return Distribution.exponential(Duration.ofMillis(1 + r.nextInt(30_000)));
            default:
                Duration median = Duration.ofMillis(1 + r.nextInt(60_000));
                return Distribution.logNormal(median, median.multipliedBy(2));
        }
    }
}
