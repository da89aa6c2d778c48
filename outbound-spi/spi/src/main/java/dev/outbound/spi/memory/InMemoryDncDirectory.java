package dev.outbound.spi.memory;

import dev.outbound.core.InvalidValueException;
import dev.outbound.core.phone.PhoneNumber;
import dev.outbound.core.record.CampaignId;
import dev.outbound.spi.directory.DncDirectory;
import dev.outbound.spi.directory.DncListing;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An external Do-Not-Call directory held in memory, standing in for a national registry or a CRM
 * in tests and simulations. A number is listed for every campaign, or only for some (a CRM's
 * "not about this product"). Numbers are matched on their E.164 form: an extension reaches the
 * same line, so it neither lists nor unlists anything. Thread-safe; never fails to answer.
 */
public final class InMemoryDncDirectory implements DncDirectory {
    /**
     * What the directory holds for one number.
     *
     * @param everywhere the listing when the number is listed for every campaign
     * @param campaigns the campaigns it is listed for besides
     */
    private record Entry(Optional<DncListing> everywhere, Set<CampaignId> campaigns) {
        Entry {
            campaigns = Set.copyOf(campaigns);
        }
    }

    private final String source;
    private final DncListing plain;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    private InMemoryDncDirectory(String source) {
        this.plain = DncListing.of(source);
        this.source = source;
    }

    /**
     * @param source the directory's name, given as the source of its listings: 1 to 200
     *     characters, not blank
     * @return an empty directory
     */
    public static InMemoryDncDirectory named(String source) {
        Objects.requireNonNull(source, "source");
        return new InMemoryDncDirectory(source);
    }

    /**
     * Lists a number for every campaign, without reason; a reason it had before is dropped.
     *
     * @param number the number
     */
    public void add(PhoneNumber number) {
        Objects.requireNonNull(number, "number");
        listEverywhere(number, plain);
    }

    /**
     * Lists a number for every campaign, with the reason its listings give; a reason it had before
     * is replaced.
     *
     * @param number the number
     * @param reason why, as a registry or CRM would give it; not blank
     */
    public void add(PhoneNumber number, String reason) {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(reason, "reason");
        if (reason.isBlank()) {
            throw new InvalidValueException("DNC listing reason", "not blank", "'" + reason + "'");
        }
        listEverywhere(number, new DncListing(source, Optional.of(reason)));
    }

    /**
     * Lists a number for one campaign only, without reason.
     *
     * @param campaign the campaign that must not call it
     * @param number the number
     */
    public void addForCampaign(CampaignId campaign, PhoneNumber number) {
        Objects.requireNonNull(campaign, "campaign");
        Objects.requireNonNull(number, "number");
        entries.compute(number.e164(), (key, before) -> {
            if (before == null) {
                return new Entry(Optional.empty(), Set.of(campaign));
            }
            Set<CampaignId> campaigns = new HashSet<>(before.campaigns());
            campaigns.add(campaign);
            return new Entry(before.everywhere(), campaigns);
        });
    }

    /**
     * Unlists a number, for every campaign and for the campaigns it was listed for alone.
     *
     * @param number the number
     * @return whether it was listed at all
     */
    public boolean remove(PhoneNumber number) {
        Objects.requireNonNull(number, "number");
        return entries.remove(number.e164()) != null;
    }

    @Override
    public Optional<DncListing> lookUp(PhoneNumber number, CampaignId campaign) {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(campaign, "campaign");
        Entry entry = entries.get(number.e164());
        if (entry == null) {
            return Optional.empty();
        }
        if (entry.everywhere().isPresent()) {
            return entry.everywhere();
        }
        return entry.campaigns().contains(campaign) ? Optional.of(plain) : Optional.empty();
    }

    /** @return the source named when the directory was made */
    @Override
    public String name() {
        return source;
    }

    private void listEverywhere(PhoneNumber number, DncListing listing) {
        entries.compute(number.e164(), (key, before) ->
                new Entry(Optional.of(listing), before == null ? Set.of() : before.campaigns()));
    }
}
