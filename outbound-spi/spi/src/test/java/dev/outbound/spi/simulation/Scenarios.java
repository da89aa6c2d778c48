package dev.outbound.spi.simulation;

import dev.outbound.core.phone.PhoneNumber;
import dev.outbound.core.record.AgentEmail;
import dev.outbound.core.record.CampaignId;
import dev.outbound.spi.directory.Agent;
import dev.outbound.spi.simulation.CallProfile.Outcome;
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
import java.util.function.IntPredicate;

/**
 * Random dialling scenarios for the properties: a random default profile, random per-number
 * profiles, calls placed at random instants with random ring timeouts, and a random plan of
 * actions for each call. Everything random is drawn from the scenario's shape seed up front, so a
 * scenario run twice does the same things at the same instants.
 */
final class Scenarios {
    static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
    static final List<PhoneNumber> NUMBERS = List.of(PhoneNumber.ofE164("+15305550140"),
            PhoneNumber.ofE164("+15305550141"), PhoneNumber.ofE164("+15305550142"),
            PhoneNumber.ofE164("+15305550143"), PhoneNumber.ofE164("+15305550144"));
    static final Agent AGENT = Agent.of(AgentEmail.of("ann@example.com"), "Ann");
    private static final CampaignId CAMPAIGN = CampaignId.of("properties");

    private Scenarios() {
    }

    /** A random profile: chances from random weights, each time from a random distribution. */
    static CallProfile randomProfile(Random r) {
        Map<Outcome, Double> chances = new EnumMap<>(Outcome.class);
        int[] weights = new int[Outcome.values().length];
        int total = 0;
        for (int i = 0; i < weights.length; i++) {
            weights[i] = r.nextInt(3) == 0 ? 0 : r.nextInt(6);
            total += weights[i];
        }
        if (total == 0) {
            weights[r.nextInt(weights.length)] = 1;
            total = 1;
        }
        for (Outcome o : Outcome.values()) {
            chances.put(o, weights[o.ordinal()] / (double) total);
        }
        return new CallProfile(chances, randomDistribution(r), randomDistribution(r), randomDistribution(r),
                randomDistribution(r), randomDistribution(r), randomDistribution(r));
    }

    static Distribution randomDistribution(Random r) {
        switch (r.nextInt(5)) {
            case 0:
                return Distribution.fixed(Duration.ofMillis(r.nextInt(30_000)));
            case 1: {
                Duration min = Duration.ofMillis(r.nextInt(20_000));
                return Distribution.uniform(min, min.plusMillis(r.nextInt(40_000)));
            }
            case 2:
                return Distribution.exponential(Duration.ofMillis(1 + r.nextInt(60_000)));
            case 3: {
                Duration median = Duration.ofMillis(100 + r.nextInt(120_000));
                return Distribution.logNormal(median, median.multipliedBy(2 + r.nextInt(3)));
            }
            default: {
                List<Duration> observed = new ArrayList<>();
                for (int i = 0, n = 1 + r.nextInt(5); i < n; i++) {
                    observed.add(Duration.ofMillis(r.nextInt(60_000)));
                }
                return Distribution.empirical(observed);
            }
        }
    }

    /** One call of a scenario: when it is placed, where to, and what is done to it. */
    static final class Plan {
        final long placeAtMillis;
        final PhoneNumber number;
        final Duration ringTimeout;
        // Offsets from placing, or -1 for not done.
        final long cancelAfterMillis;
        final long connectAfterMillis;
        final long hangUpAfterMillis;

        Plan(Random r) {
            placeAtMillis = r.nextInt(120_000);
            number = NUMBERS.get(r.nextInt(NUMBERS.size()));
            ringTimeout = Duration.ofMillis(1_000 + r.nextInt(59_000));
            cancelAfterMillis = r.nextInt(3) == 0 ? r.nextInt(40_000) : -1;
            connectAfterMillis = r.nextInt(2) == 0 ? r.nextInt(40_000) : -1;
            hangUpAfterMillis = r.nextInt(3) == 0 ? r.nextInt(120_000) : -1;
        }
    }

    /** A scenario: a seed for the telephony and a shape seed for everything else. */
    static final class Scenario {
        final long seed;
        final CallProfile profile;
        final Map<PhoneNumber, CallProfile> perNumber = new HashMap<>();
        final List<Plan> plans = new ArrayList<>();

        Scenario(long seed, long shape) {
            this.seed = seed;
            Random r = new Random(shape);
            profile = randomProfile(r);
            for (PhoneNumber n : NUMBERS) {
                if (r.nextBoolean()) {
                    perNumber.put(n, randomProfile(r));
                }
            }
            for (int i = 0, calls = 1 + r.nextInt(60); i < calls; i++) {
                plans.add(new Plan(r));
            }
        }

        /**
         * Runs the scenario to its end.
         *
         * @param acts which calls, by placing order (0 = first placed), get their planned actions
         * @param stepSeed if not 0, time advances in random steps drawn from it instead of task by task
         * @return every call's events, in placing order
         */
        Map<CallId, List<CallEvent>> run(IntPredicate acts, long stepSeed) {
            VirtualTime time = VirtualTime.startingAt(T0);
            SimulatedTelephony telephony = SimulatedTelephony.newBuilder(time).seed(seed).profile(profile)
                    .profileFor(n -> Optional.ofNullable(perNumber.get(n))).build();
            Map<CallId, List<CallEvent>> logs = new LinkedHashMap<>();
            int[] placedSoFar = {0};
            for (Plan plan : plans) {
                Instant placeAt = T0.plusMillis(plan.placeAtMillis);
                time.schedule(placeAt, () -> {
                    List<CallEvent> log = new ArrayList<>();
                    CallId id = telephony.place(new CallRequest(plan.number, Optional.empty(), CAMPAIGN,
                            plan.ringTimeout), log::add);
                    logs.put(id, log);
                    if (!acts.test(placedSoFar[0]++)) {
                        return;
                    }
                    if (plan.cancelAfterMillis >= 0) {
                        time.schedule(placeAt.plusMillis(plan.cancelAfterMillis), () -> telephony.cancel(id));
                    }
                    if (plan.connectAfterMillis >= 0) {
                        time.schedule(placeAt.plusMillis(plan.connectAfterMillis), () -> telephony.connect(id, AGENT));
                    }
                    if (plan.hangUpAfterMillis >= 0) {
                        time.schedule(placeAt.plusMillis(plan.hangUpAfterMillis), () -> telephony.hangUp(id));
                    }
                });
            }
            if (stepSeed == 0) {
                while (time.runNext()) {
                    // task by task
                }
            } else {
                Random steps = new Random(stepSeed);
                while (time.pending() > 0) {
                    if (steps.nextInt(4) == 0) {
                        time.runNext();
                    } else {
                        time.advanceBy(Duration.ofMillis(steps.nextInt(20_000)));
                    }
                }
            }
            return logs;
        }
    }
}
