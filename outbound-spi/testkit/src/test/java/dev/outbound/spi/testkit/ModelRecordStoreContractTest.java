package dev.outbound.spi.testkit;

import dev.outbound.spi.store.RecordStore;

/** The model store passes its own kit: the proof that the kit's rules agree with each other. */
class ModelRecordStoreContractTest extends RecordStoreContract {
    @Override
    protected RecordStore newStore() {
        return new ModelRecordStore();
    }
}
