package dev.outbound.spi.jdbc;

import dev.outbound.spi.store.RecordStore;
import dev.outbound.spi.testkit.RecordStoreContract;

/** The whole record store contract, on a real PostgreSQL: each store on a schema of its own. */
class PostgresRecordStoreContractTest extends RecordStoreContract {
    @Override
    protected RecordStore newStore() {
        return TestDatabase.freshStore();
    }
}
