package dev.outbound.core.compliance;

import java.time.Instant;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The UTC offset of a zone at an instant, remembered together with the span of instants over which
 * it holds (from one transition to the next). Verdicts for many records at nearly the same instant
 * then cost one hash look-up and two comparisons per zone instead of a walk of the zone's rules.
 * Thread-safe: each entry is an immutable span, replaced whole.
 */
final class OffsetCache {
    private record Span(long from, long until, int offsetSeconds) {}

    private final ConcurrentHashMap<ZoneId, Span> spans = new ConcurrentHashMap<>();

    /** @return the zone's offset in seconds at the given epoch second */
    int offsetSeconds(ZoneId zone, long epochSecond) {
        return span(zone, epochSecond).offsetSeconds;
    }

    /** @return the first epoch second after {@code epochSecond} at which the zone's offset changes */
    long offsetValidUntil(ZoneId zone, long epochSecond) {
        return span(zone, epochSecond).until;
    }

    private Span span(ZoneId zone, long epochSecond) {
        Span s = spans.get(zone);
        if (s != null && epochSecond >= s.from && epochSecond < s.until) {
            return s;
        }
        Span fresh = compute(zone, epochSecond);
        spans.put(zone, fresh);
        return fresh;
    }

    private static Span compute(ZoneId zone, long epochSecond) {
        ZoneRules rules = zone.getRules();
        Instant at = Instant.ofEpochSecond(epochSecond);
        int offset = rules.getOffset(at).getTotalSeconds();
        ZoneOffsetTransition prev = rules.previousTransition(at.plusSeconds(1));
        ZoneOffsetTransition next = rules.nextTransition(at);
        long from = prev == null ? Long.MIN_VALUE : prev.getInstant().getEpochSecond();
        long until = next == null ? Long.MAX_VALUE : next.getInstant().getEpochSecond();
        if (from > epochSecond) {
            from = epochSecond;
        }
        return new Span(from, until, offset);
    }
}
