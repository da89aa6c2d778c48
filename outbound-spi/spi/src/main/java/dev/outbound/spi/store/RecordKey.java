package dev.outbound.spi.store;

import dev.outbound.core.record.CampaignId;
import dev.outbound.core.record.CustomerRef;
import dev.outbound.core.record.Record;
import java.util.Objects;

/**
 * What identifies a record in a store: its campaign and its customer reference id (seed 000's
 * customer_reference_id is unique within a campaign, not across campaigns).
 *
 * <p>Keys are ordered by campaign id, then customer reference id, each by {@link String#compareTo}
 * (code unit order, which is also PostgreSQL's {@code COLLATE "C"}): the order of a store's
 * queries, pages and streams.
 *
 * @param campaign the campaign
 * @param ref the customer reference id
 */
public record RecordKey(CampaignId campaign, CustomerRef ref) implements Comparable<RecordKey> {
    /**
     * Checks the components.
     *
     * @param campaign the campaign
     * @param ref the customer reference id
     */
    public RecordKey {
        Objects.requireNonNull(campaign, "campaign");
        Objects.requireNonNull(ref, "ref");
    }

    /**
     * @param campaign the campaign
     * @param ref the customer reference id
     * @return the key
     */
    public static RecordKey of(CampaignId campaign, CustomerRef ref) {
        return new RecordKey(campaign, ref);
    }

    /**
     * @param record a record
     * @return the record's key
     */
    public static RecordKey of(Record record) {
        return new RecordKey(record.campaign(), record.ref());
    }

    @Override
    public int compareTo(RecordKey o) {
        int c = campaign.value().compareTo(o.campaign.value());
        return c != 0 ? c : ref.value().compareTo(o.ref.value());
    }

    @Override
    public String toString() {
        return campaign + "/" + ref;
    }
}
