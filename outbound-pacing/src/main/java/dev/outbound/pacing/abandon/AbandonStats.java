package dev.outbound.pacing.abandon;

import dev.outbound.core.InvalidValueException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The abandon figures of a whole run, for reports and benchmarks: the rate over the run and per
 * clock hour, and the worst clock hour. Rates use the rule's formula (so an Ofcom rule adds its
 * estimate of AMD false positives); its window plays no part.
 *
 * <p>A clock hour is {@code [hh:00, hh+1:00)} of local time in the stats' zone (UTC unless another
 * is given): an event at 11:00:00 belongs to the hour starting at 11:00. In a zone whose offset is
 * not whole hours the hours follow its clock (in Asia/Kolkata an hour starts at 04:30 UTC). When
 * the clocks go back, the repeated local hour is two clock hours, told apart by their offsets;
 * when they go forward, the skipped hour has no events.
 *
 * <p>Events are recorded as on an {@link AbandonLedger}, one per answered call, in any order.
 * Memory grows with the number of clock hours that have events, not with the number of events.
 * Not thread-safe.
 */
public final class AbandonStats {
    private final AbandonRule rule;
    private final ZoneId zone;
    /** A fixed offset lets hours be found by arithmetic; null when the zone has transitions. */
    private final ZoneOffset fixedOffset;
    /** Counts (live, abandoned, machine) per clock hour, keyed by the hour's first epoch second. */
    private final TreeMap<Long, long[]> hours = new TreeMap<>();
    private long liveTotal;
    private long abandonedTotal;
    private long machineTotal;

    private AbandonStats(AbandonRule rule, ZoneId zone) {
        this.rule = rule;
        this.zone = zone;
        this.fixedOffset = zone.getRules().isFixedOffset() ? zone.getRules().getOffset(Instant.EPOCH) : null;
    }

    /**
     * Empty stats with clock hours in UTC.
     *
     * @param rule the rule whose formula works out the rates
     * @return the stats
     */
    public static AbandonStats of(AbandonRule rule) {
        return of(rule, ZoneOffset.UTC);
    }

    /**
     * Empty stats with clock hours in a zone.
     *
     * @param rule the rule whose formula works out the rates
     * @param zone the zone whose clock hours are reported
     * @return the stats
     */
    public static AbandonStats of(AbandonRule rule, ZoneId zone) {
        return new AbandonStats(Objects.requireNonNull(rule, "rule"), Objects.requireNonNull(zone, "zone"));
    }

    /** @return the rule whose formula works out the rates */
    public AbandonRule rule() {
        return rule;
    }

    /** @return the zone of the clock hours */
    public ZoneId zone() {
        return zone;
    }

    /**
     * Records a live answer that was connected to an agent within the connect limit.
     *
     * @param at when the call was answered
     */
    public void connected(Instant at) {
        hour(at)[0]++;
        liveTotal++;
    }

    /**
     * Records a live answer that was not connected to an agent within the connect limit; it counts
     * as a live answer and as an abandon.
     *
     * @param at when the call was answered
     */
    public void abandoned(Instant at) {
        long[] counts = hour(at);
        counts[0]++;
        counts[1]++;
        liveTotal++;
        abandonedTotal++;
    }

    /**
     * Records a call that answering-machine detection classified as a machine and dropped.
     *
     * @param at when the call was answered
     */
    public void machineDetected(Instant at) {
        hour(at)[2]++;
        machineTotal++;
    }

    /** @return the counts of the whole run */
    public AbandonCounts total() {
        return new AbandonCounts(liveTotal, abandonedTotal, machineTotal);
    }

    /** @return the abandon rate of the whole run by the rule's formula; 0 without live answers */
    public double rate() {
        return rule.rate(liveTotal, abandonedTotal, machineTotal);
    }

    /** @return every clock hour that has events, earliest first */
    public List<Hour> hours() {
        List<Hour> out = new ArrayList<>(hours.size());
        for (Map.Entry<Long, long[]> e : hours.entrySet()) {
            out.add(toHour(e.getKey(), e.getValue()));
        }
        return out;
    }

    /**
     * The clock hour with the highest rate; of hours with equal rates, the earliest.
     *
     * @return the worst hour, or empty when nothing was recorded
     */
    public Optional<Hour> worstHour() {
        Map.Entry<Long, long[]> worst = null;
        double worstRate = -1;
        for (Map.Entry<Long, long[]> e : hours.entrySet()) {
            long[] c = e.getValue();
            double r = rule.rate(c[0], c[1], c[2]);
            if (r > worstRate) {
                worst = e;
                worstRate = r;
            }
        }
        return worst == null ? Optional.empty() : Optional.of(toHour(worst.getKey(), worst.getValue()));
    }

    private Hour toHour(long startSecond, long[] c) {
        AbandonCounts counts = new AbandonCounts(c[0], c[1], c[2]);
        return new Hour(Instant.ofEpochSecond(startSecond).atZone(zone), counts, rule.rate(counts));
    }

    private long[] hour(Instant at) {
        return hours.computeIfAbsent(hourStart(Objects.requireNonNull(at, "at")), k -> new long[3]);
    }

    /** The first epoch second of the clock hour holding {@code at}. */
    private long hourStart(Instant at) {
        if (fixedOffset != null) {
            long offset = fixedOffset.getTotalSeconds();
            return Math.floorDiv(at.getEpochSecond() + offset, 3600) * 3600 - offset;
        }
        return at.atZone(zone).truncatedTo(ChronoUnit.HOURS).toEpochSecond();
    }

    /**
     * One clock hour of a run.
     *
     * @param start the hour's first instant, in the stats' zone (its offset tells a repeated hour)
     * @param counts the hour's counts
     * @param rate the hour's abandon rate by the rule's formula, 0 to 1
     */
    public record Hour(ZonedDateTime start, AbandonCounts counts, double rate) {
        /**
         * Validates the hour.
         *
         * @param start the hour's first instant
         * @param counts the hour's counts
         * @param rate 0 to 1
         */
        public Hour {
            Objects.requireNonNull(start, "start");
            Objects.requireNonNull(counts, "counts");
            if (!(rate >= 0 && rate <= 1)) {
                throw new InvalidValueException("rate", "a fraction from 0 to 1", rate);
            }
        }
    }
}
