package dev.outbound.spi.memory;

import dev.outbound.core.callerid.Did;
import dev.outbound.core.callerid.DidPool;
import dev.outbound.core.callerid.DidUse;
import dev.outbound.core.phone.PhoneNumber;
import dev.outbound.core.record.CampaignId;
import dev.outbound.spi.callerid.DidStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@link DidStore} in memory: the default for tests, simulations and a single node whose caps
 * need not outlive the process. Thread-safe: every method holds the store's lock.
 */
public final class InMemoryDidStore implements DidStore {
    private final Map<CampaignId, DidPool> pools = new HashMap<>();
    /** Each campaign's uses, in the order recorded. */
    private final Map<CampaignId, List<DidUse>> uses = new HashMap<>();

    private InMemoryDidStore() {
    }

    /** @return an empty store */
    public static InMemoryDidStore create() {
        return new InMemoryDidStore();
    }

    @Override
    public synchronized Optional<DidPool> pool(CampaignId campaign) {
        return Optional.ofNullable(pools.get(Objects.requireNonNull(campaign, "campaign")));
    }

    @Override
    public synchronized void putPool(CampaignId campaign, DidPool pool) {
        pools.put(Objects.requireNonNull(campaign, "campaign"), Objects.requireNonNull(pool, "pool"));
    }

    @Override
    public synchronized DidPool upsert(CampaignId campaign, List<Did> dids) {
        DidPool merged = existing(campaign).merge(dids);
        pools.put(campaign, merged);
        return merged;
    }

    @Override
    public synchronized boolean retire(CampaignId campaign, PhoneNumber number) {
        DidPool pool = existing(campaign);
        boolean wasActive = pool.find(Objects.requireNonNull(number, "number")).map(Did::isActive).orElse(true);
        pools.put(campaign, pool.retire(number));
        return wasActive;
    }

    private DidPool existing(CampaignId campaign) {
        DidPool pool = pools.get(Objects.requireNonNull(campaign, "campaign"));
        if (pool == null) {
            throw new IllegalStateException("campaign " + campaign.value() + " has no DID pool: put one first, with "
                    + "its default number");
        }
        return pool;
    }

    @Override
    public synchronized void recordUse(CampaignId campaign, DidUse use) {
        uses.computeIfAbsent(Objects.requireNonNull(campaign, "campaign"), c -> new ArrayList<>())
                .add(Objects.requireNonNull(use, "use"));
    }

    @Override
    public synchronized List<DidUse> uses(CampaignId campaign, Instant after, Instant upTo) {
        Objects.requireNonNull(campaign, "campaign");
        check(after, upTo);
        List<DidUse> out = new ArrayList<>();
        for (DidUse u : uses.getOrDefault(campaign, List.of())) {
            if (u.at().isAfter(after) && !u.at().isAfter(upTo)) {
                out.add(u);
            }
        }
        // A stable sort: uses at one instant stay in the order recorded.
        out.sort((a, b) -> a.at().compareTo(b.at()));
        return List.copyOf(out);
    }

    static void check(Instant after, Instant upTo) {
        Objects.requireNonNull(after, "after");
        Objects.requireNonNull(upTo, "upTo");
        if (upTo.isBefore(after)) {
            throw new IllegalArgumentException("a span of uses ending at " + upTo + " before its start " + after);
        }
    }

    @Override
    public synchronized long deleteUsesBefore(CampaignId campaign, Instant before) {
        Objects.requireNonNull(before, "before");
        List<DidUse> list = uses.get(Objects.requireNonNull(campaign, "campaign"));
        if (list == null) {
            return 0;
        }
        int size = list.size();
        list.removeIf(u -> u.at().isBefore(before));
        return size - list.size();
    }

    @Override
    public synchronized String toString() {
        return "InMemoryDidStore[" + pools.size() + " pools]";
    }
}
