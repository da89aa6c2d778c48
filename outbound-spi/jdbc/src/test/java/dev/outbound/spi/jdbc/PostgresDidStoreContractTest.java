package dev.outbound.spi.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outbound.core.callerid.Did;
import dev.outbound.core.callerid.DidPool;
import dev.outbound.core.callerid.DidUse;
import dev.outbound.core.phone.PhoneNumber;
import dev.outbound.core.record.CampaignId;
import dev.outbound.spi.ProviderContext;
import dev.outbound.spi.callerid.DidStore;
import dev.outbound.spi.testkit.DidStoreContract;
import dev.outbound.spi.time.VirtualTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The whole DID store contract, on a real PostgreSQL: each store on a schema of its own. */
class PostgresDidStoreContractTest extends DidStoreContract {
    private static final CampaignId C1 = CampaignId.of("c1");
    private static final PhoneNumber DEFAULT = PhoneNumber.ofE164("+12025550100");
    private static final PhoneNumber CHICO = PhoneNumber.ofE164("+15305550102");
    private static final Instant T0 = Instant.parse("2026-03-02T15:00:00Z");

    @Override
    protected DidStore newStore() {
        return PostgresDidStore.owning(TestDatabase.freshStore());
    }

    /** The kit needs a fresh, empty store per test: stores sharing one schema would see each other's rows. */
    @Test
    void newStore_freshAndEmptyEachTime_onASchemaOfItsOwn() {
        DidStore first = newStore();
        DidStore second = newStore();
        try {
            first.putPool(C1, DidPool.of(DEFAULT, List.of(Did.of(CHICO))));
            first.recordUse(C1, DidUse.of(CHICO, T0));

            assertThat(second.toString()).isNotEqualTo(first.toString());
            assertThat(second.pool(C1)).isEmpty();
            assertThat(second.uses(C1, T0.minusSeconds(1), T0)).isEmpty();
            assertThat(first.pool(C1)).isPresent();
        } finally {
            first.close();
            second.close();
        }
    }

    /** Two stores on one schema are two nodes: a pool written by one, and its uses, are read by the other. */
    @Test
    void twoStoresOnOneSchema_seeEachOthersPoolsAndUses() {
        PostgresRecordStore records = TestDatabase.freshStore();
        PostgresRecordStore sameSchema = PostgresRecordStore.newBuilder().dataSource(TestDatabase.pool())
                .schema(records.schema()).build();
        try (DidStore nodeA = PostgresDidStore.owning(records); DidStore nodeB = PostgresDidStore.owning(sameSchema)) {
            nodeA.putPool(C1, DidPool.of(DEFAULT, List.of(Did.of(CHICO))));
            nodeA.recordUse(C1, DidUse.of(CHICO, T0));
            nodeB.recordUse(C1, DidUse.of(CHICO, T0.plusSeconds(1)));

            assertThat(nodeB.retire(C1, CHICO)).isTrue();
            assertThat(nodeA.pool(C1).orElseThrow().active()).isEmpty();
            assertThat(nodeA.countUses(C1, CHICO, T0.minusSeconds(1), T0.plusSeconds(1))).isEqualTo(2);
        }
    }

    /** The provider the command line finds offers the DID store for a PostgreSQL URL, and nothing otherwise. */
    @Test
    void provider_postgresUrl_didStoreOnThatDatabase() {
        PostgresProvider provider = new PostgresProvider();
        VirtualTime time = VirtualTime.startingAt(T0);
        String schema = TestDatabase.freshSchemaName();
        try (DidStore store = provider.didStore(new ProviderContext(Map.of(PostgresProvider.URL, TestDatabase.url(),
                PostgresProvider.SCHEMA, schema), time)).orElseThrow()) {
            store.putPool(C1, DidPool.of(DEFAULT, List.of()));
            assertThat(store).isInstanceOf(PostgresDidStore.class);
            assertThat(store.toString()).contains(schema);
            assertThat(store.pool(C1)).contains(DidPool.of(DEFAULT, List.of()));
        }
        assertThat(provider.didStore(new ProviderContext(Map.of(PostgresProvider.URL, "memory:"), time))).isEmpty();
    }
}
