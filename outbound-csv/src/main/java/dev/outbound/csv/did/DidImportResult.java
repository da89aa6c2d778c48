package dev.outbound.csv.did;

import dev.outbound.core.callerid.Did;
import dev.outbound.core.callerid.DidPool;
import dev.outbound.core.phone.PhoneNumber;
import dev.outbound.core.record.CampaignId;
import dev.outbound.csv.RowProblem;
import dev.outbound.spi.callerid.DidStore;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a DID import read: the DIDs of the rows it accepted, in file order, and a problem for each
 * row it refused. Every data row is either a DID or an error: {@code rows == dids.size() +
 * errors}.
 *
 * @param rows the data rows read (blank lines not counted)
 * @param dids the DIDs, in file order, each number once
 * @param problems the rows refused, each with its row, line, column, code and message
 * @param stoppedEarly why the file was not read to its end, if it was not (see
 *     {@link dev.outbound.csv.read.CsvSource#stoppedEarly()})
 */
public record DidImportResult(long rows, List<Did> dids, List<RowProblem> problems, Optional<String> stoppedEarly) {

    /**
     * Copies the lists.
     *
     * @param rows the data rows read
     * @param dids the DIDs
     * @param problems the problems
     * @param stoppedEarly why the file was not read to its end, if it was not
     */
    public DidImportResult {
        dids = List.copyOf(Objects.requireNonNull(dids, "dids"));
        problems = List.copyOf(Objects.requireNonNull(problems, "problems"));
        Objects.requireNonNull(stoppedEarly, "stoppedEarly");
    }

    /**
     * @param campaignDefault the number presented when no DID fits
     * @return a pool of the imported DIDs, in file order
     */
    public DidPool toPool(PhoneNumber campaignDefault) {
        return DidPool.of(campaignDefault, dids);
    }

    /**
     * Writes the imported DIDs into a campaign's stored pool, the file's retired column included:
     * upserted into the pool it has ({@link DidStore#upsert}: known numbers keep their place and
     * take the row's label, a retired row retires the DID, an active row never brings a retired
     * one back), or, when it has none, as a new pool with the default given. The rows refused are
     * not written; they are in {@link #problems()}.
     *
     * @param store the DID store
     * @param campaign the campaign
     * @param defaultForNewPool the campaign default of a pool made here; with a pool stored, the
     *     stored default is kept
     * @return the campaign's pool afterwards
     * @throws IllegalStateException when the campaign has no pool and no default is given
     */
    public DidPool upsertInto(DidStore store, CampaignId campaign, Optional<PhoneNumber> defaultForNewPool) {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(campaign, "campaign");
        Objects.requireNonNull(defaultForNewPool, "defaultForNewPool");
        if (store.pool(campaign).isPresent()) {
            return store.upsert(campaign, dids);
        }
        PhoneNumber campaignDefault = defaultForNewPool.orElseThrow(() -> new IllegalStateException("campaign "
                + campaign.value() + " has no DID pool yet: give the default number for a new one"));
        DidPool pool = toPool(campaignDefault);
        store.putPool(campaign, pool);
        return pool;
    }

    /**
     * Replaces a campaign's stored pool with the imported DIDs, in file order, retired rows
     * retired ({@link DidStore#putPool}): DIDs not in the file leave the pool, and a DID retired
     * in the store but active in the file is active again.
     *
     * @param store the DID store
     * @param campaign the campaign
     * @param campaignDefault the pool's default
     * @return the pool written
     */
    public DidPool replaceIn(DidStore store, CampaignId campaign, PhoneNumber campaignDefault) {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(campaign, "campaign");
        DidPool pool = toPool(campaignDefault);
        store.putPool(campaign, pool);
        return pool;
    }
}
