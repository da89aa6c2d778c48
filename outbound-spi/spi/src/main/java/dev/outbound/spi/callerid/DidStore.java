package dev.outbound.spi.callerid;

import dev.outbound.core.InvalidValueException;
import dev.outbound.core.callerid.CallerIdSelector;
import dev.outbound.core.callerid.Did;
import dev.outbound.core.callerid.DidPool;
import dev.outbound.core.callerid.DidUse;
import dev.outbound.core.phone.PhoneNumber;
import dev.outbound.core.record.CampaignId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Keeps each campaign's caller-id numbers: its {@link DidPool} (the DIDs in order, retired ones
 * included, and the campaign default), and the uses of its numbers, so that the per-DID caps of a
 * {@link CallerIdSelector} survive a restart: record each choice with {@link #recordUse} (from
 * {@link CallerIdSelector.Builder#onChoice}) and give the last day's uses to the next selector
 * ({@link CallerIdSelector.Builder#history}).
 *
 * <p>Campaigns are independent: nothing written for one is seen by another. Every method is one
 * atomic step, and implementations are thread-safe and may be shared by several engine nodes.
 * {@code DidStoreContract} in the test kit checks every rule stated here.
 */
public interface DidStore extends AutoCloseable {

    /**
     * @param campaign the campaign
     * @return its pool as last written, or empty when none was ever put
     */
    Optional<DidPool> pool(CampaignId campaign);

    /**
     * Puts a campaign's pool, replacing the one it had entirely (DIDs, their order, retirements
     * and the default). The way to bring a retired DID back. Its uses are kept.
     *
     * @param campaign the campaign
     * @param pool the pool
     */
    void putPool(CampaignId campaign, DidPool pool);

    /**
     * Upserts DIDs into a campaign's pool, as {@link DidPool#merge} does: known numbers keep their
     * place, take a new label, and are retired when either side says so; new numbers are added at
     * the end in the order given.
     *
     * @param campaign the campaign
     * @param dids the DIDs, each number once
     * @return the pool afterwards
     * @throws IllegalStateException when the campaign has no pool yet: {@link #putPool} one first,
     *     which names the campaign default
     * @throws InvalidValueException when a number is listed twice; nothing is written then
     */
    DidPool upsert(CampaignId campaign, List<Did> dids);

    /**
     * Retires a DID of a campaign's pool: it stays in the pool and is never chosen again.
     *
     * @param campaign the campaign
     * @param number the DID's number
     * @return true when the DID was active and is now retired, false when it was retired already
     * @throws IllegalStateException when the campaign has no pool
     * @throws InvalidValueException when its pool has no such number
     */
    boolean retire(CampaignId campaign, PhoneNumber number);

    /**
     * Records that a call of a campaign presented a number (a DID, the default or a fixed number).
     * The same number and instant may be recorded more than once: each is a call.
     *
     * @param campaign the campaign
     * @param use the number and the instant it was chosen
     */
    void recordUse(CampaignId campaign, DidUse use);

    /**
     * The uses of a campaign's numbers in a span that excludes its start and includes its end, as
     * a cap's rolling window does: ({@code after}, {@code upTo}].
     *
     * @param campaign the campaign
     * @param after the span's start, excluded
     * @param upTo the span's end, included; not before {@code after}
     * @return the uses, oldest first; uses at the same instant in the order they were recorded
     * @throws IllegalArgumentException when {@code upTo} is before {@code after}
     */
    List<DidUse> uses(CampaignId campaign, Instant after, Instant upTo);

    /**
     * Counts one number's uses in ({@code after}, {@code upTo}]; by default from {@link #uses}.
     *
     * @param campaign the campaign
     * @param number the number
     * @param after the span's start, excluded
     * @param upTo the span's end, included
     * @return how many calls presented it then
     */
    default long countUses(CampaignId campaign, PhoneNumber number, Instant after, Instant upTo) {
        Objects.requireNonNull(number, "number");
        return uses(campaign, after, upTo).stream().filter(u -> u.number().equals(number)).count();
    }

    /**
     * Forgets a campaign's uses before an instant, which no cap counts any more (a day is the
     * longest cap window).
     *
     * @param campaign the campaign
     * @param before uses strictly before it go
     * @return how many went
     */
    long deleteUsesBefore(CampaignId campaign, Instant before);

    /** Releases what the store holds (a pool of connections); by default nothing. */
    @Override
    default void close() {
    }
}
