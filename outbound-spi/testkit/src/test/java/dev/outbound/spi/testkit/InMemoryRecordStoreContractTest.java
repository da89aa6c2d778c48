package dev.outbound.spi.testkit;

import dev.outbound.spi.memory.InMemoryRecordStore;
import dev.outbound.spi.store.RecordStore;

/** The in-memory store honours the record store contract, and agrees with the model store. */
class InMemoryRecordStoreContractTest extends RecordStoreContract {
    @Override
    protected RecordStore newStore() {
        return InMemoryRecordStore.create();
    }
}
