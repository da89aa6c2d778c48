package dev.outbound.spi.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outbound.core.phone.PhoneField;
import dev.outbound.core.record.CampaignId;
import dev.outbound.core.record.Record;
import dev.outbound.core.record.RecordFactory;
import dev.outbound.spi.store.RecordKey;
import dev.outbound.spi.store.RecordQuery;
import dev.outbound.spi.store.RecordStore;
import dev.outbound.spi.store.UpsertMode;
import dev.outbound.spi.testkit.RecordStoreContract;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The whole record store contract, on a real PostgreSQL: each store on a schema of its own. */
class PostgresRecordStoreContractTest extends RecordStoreContract {
    @Override
    protected RecordStore newStore() {
        return TestDatabase.freshStore();
    }

    /** The kit needs a fresh, empty store per test: stores sharing one schema would see each other's rows. */
    @Test
    void poolOfOneConnection_migratesAndWorks() {
        // Flyway's lock takes a second connection; through a pool of one the store used to wait
        // for the pool's 30 s timeout and fail.
        long start = System.nanoTime();
        try (PostgresRecordStore one = PostgresRecordStore.newBuilder().jdbcUrl(TestDatabase.url())
                .schema(TestDatabase.freshSchemaName()).poolSize(1).build()) {
            Record r = RecordFactory.newBuilder(CampaignId.of("c1")).defaultRegion("US").build().newRecord("r1")
                    .phone(PhoneField.MOBILE, "+12125550147").build();
            one.upsert(List.of(r), UpsertMode.OVERWRITE, Instant.parse("2026-03-02T15:00:00Z"));
            assertThat(one.count(RecordQuery.all())).isEqualTo(1);
        }
        assertThat(java.time.Duration.ofNanos(System.nanoTime() - start)).isLessThan(java.time.Duration.ofSeconds(20));
    }

    @Test
    void newStore_freshAndEmptyEachTime_onASchemaOfItsOwn() {
        PostgresRecordStore first = (PostgresRecordStore) newStore();
        PostgresRecordStore second = (PostgresRecordStore) newStore();
        try {
            Record r1 = RecordFactory.newBuilder(CampaignId.of("c1")).defaultRegion("US").build().newRecord("r1")
                    .phone(PhoneField.MOBILE, "+12125550147").build();
            first.upsert(List.of(r1), UpsertMode.OVERWRITE, Instant.parse("2026-03-02T15:00:00Z"));

            assertThat(second.schema()).isNotEqualTo(first.schema());
            assertThat(second.count(RecordQuery.all())).isZero();
            assertThat(first.get(RecordKey.of(r1))).isPresent();
        } finally {
            first.close();
            second.close();
        }
    }
}
