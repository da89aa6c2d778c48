package dev.outbound.spi.sip;

/**
 * Call attempts per second as a token bucket: {@code rate} tokens a second, at most
 * {@code burst} saved up. Not thread-safe: the admission lock guards it. Time is
 * {@link System#nanoTime()} passed in, so tests can drive it.
 */
final class TokenBucket {
    private final double ratePerNano;
    private final double burst;
    private double tokens;
    private long last;

    TokenBucket(double perSecond, int burst, long now) {
        this.ratePerNano = perSecond / 1e9;
        this.burst = burst;
        this.tokens = burst;
        this.last = now;
    }

    /**
     * Takes a token if there is one.
     *
     * @param now the time now, in nanoseconds
     * @return whether a token was taken
     */
    boolean tryTake(long now) {
        refill(now);
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        return false;
    }

    /**
     * @param now the time now
     * @return nanoseconds until a token will be there, 0 if one is
     */
    long nanosUntilToken(long now) {
        refill(now);
        return tokens >= 1 ? 0 : (long) Math.ceil((1 - tokens) / ratePerNano);
    }

    private void refill(long now) {
        if (now > last) {
            tokens = Math.min(burst, tokens + (now - last) * ratePerNano);
            last = now;
        }
    }
}
