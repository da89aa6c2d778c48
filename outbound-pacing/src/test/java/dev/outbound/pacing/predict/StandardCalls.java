package dev.outbound.pacing.predict;

import dev.outbound.spi.simulation.Distribution;
import java.time.Duration;
import java.util.SplittableRandom;

/**
 * The standard simulated call model, for tests only (the code under test never sees it): a dial is
 * answered live with probability p after a log-normal ring time (mean 10 s, cv 0.5); otherwise a
 * quarter fail within 1 - 5 s (uniform) and the rest ring out at 25 s. Talk is log-normal (mean
 * 120 s, cv 0.75), wrap-up 10 s.
 *
 * <p>Log-normal parameters from mean m and cv c: sigma^2 = ln(1 + c^2), mu = ln m - sigma^2 / 2;
 * median exp(mu), 90th percentile exp(mu + 1.28155 sigma). Ring: mu 2.19101, sigma 0.47238,
 * median 8.944 s, p90 16.385 s. Talk: mu 4.56435, sigma 0.66805, median 96 s, p90 225.99 s.
 */
final class StandardCalls {
    static final double RING_MU = 2.191013317336941;
    static final double RING_SIGMA = 0.47238072707743883;
    static final double TALK_MU = 4.564348191467836;
    static final double TALK_SIGMA = 0.6680472308365776;

    static final Distribution RING = Distribution.logNormal(Duration.ofNanos(8_944_271_910L),
            Duration.ofNanos(16_385_447_243L));
    static final Distribution TALK = Distribution.logNormal(Duration.ofSeconds(96), Duration.ofNanos(225_988_737_962L));
    static final Distribution FAIL = Distribution.uniform(Duration.ofSeconds(1), Duration.ofSeconds(5));
    static final Duration WRAP = Duration.ofSeconds(10);

    private StandardCalls() {
    }

    /** One finished dial: answered live or not, and when it ended (answer or end of ringing). */
    record Dial(boolean answered, Duration end) {
    }

    static Dial dial(SplittableRandom random, double p, Duration ringOut) {
        if (random.nextDouble() < p) {
            return new Dial(true, RING.sample(random));
        }
        if (random.nextDouble() < 0.25) {
            return new Dial(false, FAIL.sample(random));
        }
        return new Dial(false, ringOut);
    }

    static Dial dial(SplittableRandom random, double p) {
        return dial(random, p, Duration.ofSeconds(25));
    }

    static void feed(PacingModel model, Dial d) {
        if (d.answered()) {
            model.answered(d.end());
        } else {
            model.unanswered(d.end());
        }
    }

    /** A model that has seen {@code dials} dials of answer probability p and as many talks and wrap-ups. */
    static PacingModel trained(long seed, double p, int dials) {
        SplittableRandom random = new SplittableRandom(seed);
        PacingModel model = PacingModel.newBuilder().dialMemory(1_000_000).answerMemory(1_000_000)
                .talkMemory(1_000_000).wrapMemory(1_000_000).build();
        for (int i = 0; i < dials; i++) {
            feed(model, dial(random, p));
            model.talked(TALK.sample(random));
            model.wrapped(WRAP);
        }
        return model;
    }

    static double seconds(Duration d) {
        return d.toNanos() / 1e9;
    }
}
