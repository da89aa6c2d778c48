/**
 * Caller ids (seed 004's published CLI) and the pools of DIDs they come from (seed 002's DID
 * table): a campaign's {@link dev.outbound.core.callerid.DidPool}, a
 * {@link dev.outbound.core.callerid.CallerIdStrategy} (fixed, round robin, local presence) and the
 * {@link dev.outbound.core.callerid.CallerIdSelector} that applies the strategy under per-DID
 * hourly and daily caps and says why it chose each number.
 */
package dev.outbound.core.callerid;
