package dev.outbound.spi.directory;

import dev.outbound.core.phone.PhoneNumber;
import dev.outbound.core.record.CampaignId;
import java.util.Optional;

/**
 * An external Do-Not-Call look-up: a national registry or the host's CRM, asked about a number
 * before it is called, beside the SDK's own lists ({@link dev.outbound.core.dnc.DncRegistry}).
 * Thread-safe. An implementation that cannot answer (its service is down) throws, so that the
 * dialer does not call a number it could not check.
 */
public interface DncDirectory {
    /**
     * @param number the number about to be called
     * @param campaign the campaign calling it
     * @return the listing when the number must not be called, else empty
     */
    Optional<DncListing> lookUp(PhoneNumber number, CampaignId campaign);

    /** @return the directory's name, for the evidence of a refusal */
    default String name() {
        return getClass().getSimpleName();
    }
}
