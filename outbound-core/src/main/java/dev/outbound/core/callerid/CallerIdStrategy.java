package dev.outbound.core.callerid;

import dev.outbound.core.phone.PhoneNumber;
import dev.outbound.core.zone.AreaCodeTable;
import java.util.function.Predicate;

/**
 * How a caller id is chosen for a call. A {@link CallerIdSelector} asks its strategy once per
 * call, telling it which of the pool's DIDs are usable now (not retired and under their caps).
 *
 * <p>A strategy returns a usable DID of the pool, the pool's
 * {@linkplain DidPool#campaignDefault() default} with {@link CallerIdReason#DEFAULT}, or (for
 * {@link #fixed}) its own number with {@link CallerIdReason#FIXED}; the selector refuses anything
 * else. The built-in strategies keep a rotation and so are not thread-safe: each belongs to one
 * selector.
 */
@FunctionalInterface
public interface CallerIdStrategy {

    /**
     * Chooses the caller id for one call.
     *
     * @param callee the number to be called
     * @param pool the campaign's DIDs and default
     * @param usable which of the pool's DIDs may be chosen now
     * @return the caller id and why
     */
    CallerIdChoice choose(PhoneNumber callee, DidPool pool, Predicate<Did> usable);

    /**
     * The same number on every call, whatever the pool holds. Caps and retirement do not apply
     * to it: the fixed number is not a rotation of DIDs.
     *
     * @param number the number to present
     * @return the strategy
     */
    static CallerIdStrategy fixed(PhoneNumber number) {
        return new Strategies.Fixed(number);
    }

    /**
     * Each call gets the next usable DID after the one chosen last, in the pool's order; when
     * none is usable, the campaign default.
     *
     * @return a new strategy, with its own rotation
     */
    static CallerIdStrategy roundRobin() {
        return new Strategies.RoundRobin();
    }

    /**
     * Local presence, regions by time zone from {@link AreaCodeTable#libphonenumber()}: see
     * {@link #localPresence(CallerRegion)}.
     *
     * @return a new strategy, with its own rotation
     */
    static CallerIdStrategy localPresence() {
        return localPresence(CallerRegion.timeZones(AreaCodeTable.libphonenumber()));
    }

    /**
     * Local presence: a usable DID with the callee's North-American area code
     * ({@link CallerIdReason#LOCAL_AREA_CODE}); else a usable DID in the callee's region
     * ({@link CallerIdReason#SAME_REGION}); else the campaign default
     * ({@link CallerIdReason#DEFAULT}), also when every DID that fits is at its cap. Among
     * several DIDs that fit equally, the choice rotates in the pool's order so that they share
     * the calls.
     *
     * @param regions the regions of numbers: by time zone, by a table of area codes to states, by
     *     country
     * @return a new strategy, with its own rotation
     */
    static CallerIdStrategy localPresence(CallerRegion regions) {
        return new Strategies.LocalPresence(regions);
    }
}
