package dev.outbound.pacing.report;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** How the report's files write numbers: at most six decimals, no trailing zeros, never exponents. */
final class Numbers {
    /** Decimals kept for fractions, rates and seconds. */
    static final int SCALE = 6;

    private Numbers() {
    }

    /** A finite double rounded half-even to six decimals, e.g. {@code 0.75}, {@code 0.333333}, {@code 12}. */
    static BigDecimal decimal(double value) {
        BigDecimal d = BigDecimal.valueOf(value).setScale(SCALE, RoundingMode.HALF_EVEN).stripTrailingZeros();
        return d.signum() == 0 ? BigDecimal.ZERO : d;
    }

    /** Nanoseconds as seconds rounded half-even to six decimals (microseconds), exactly. */
    static BigDecimal seconds(long nanos) {
        BigDecimal d = BigDecimal.valueOf(nanos, 9).setScale(SCALE, RoundingMode.HALF_EVEN).stripTrailingZeros();
        return d.signum() == 0 ? BigDecimal.ZERO : d;
    }

    /** {@link #decimal(double)} as text. */
    static String text(double value) {
        return decimal(value).toPlainString();
    }
}
