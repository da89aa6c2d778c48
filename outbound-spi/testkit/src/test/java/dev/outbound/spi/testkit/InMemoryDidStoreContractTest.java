package dev.outbound.spi.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outbound.core.callerid.DidPool;
import dev.outbound.core.phone.PhoneNumber;
import dev.outbound.core.record.CampaignId;
import dev.outbound.spi.callerid.DidStore;
import dev.outbound.spi.memory.InMemoryDidStore;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The in-memory DID store honours the DID store contract. */
class InMemoryDidStoreContractTest extends DidStoreContract {
    @Override
    protected DidStore newStore() {
        return InMemoryDidStore.create();
    }

    /** The kit needs a fresh, empty store per test: a factory handing out one shared store would void it. */
    @Test
    void newStore_freshAndEmptyEachTime() {
        DidStore first = newStore();
        first.putPool(CampaignId.of("c1"), DidPool.of(PhoneNumber.ofE164("+12025550100"), List.of()));
        DidStore second = newStore();

        assertThat(second).isNotSameAs(first).isInstanceOf(InMemoryDidStore.class);
        assertThat(second.pool(CampaignId.of("c1"))).isEmpty();
        assertThat(first.pool(CampaignId.of("c1"))).isPresent();
    }
}
