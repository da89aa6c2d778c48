package dev.outbound.spi.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outbound.spi.memory.InMemoryRecordStore;
import dev.outbound.spi.store.RecordQuery;
import dev.outbound.spi.store.RecordStore;
import dev.outbound.spi.store.UpsertMode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The in-memory store honours the record store contract, and agrees with the model store. */
class InMemoryRecordStoreContractTest extends RecordStoreContract {
    @Override
    protected RecordStore newStore() {
        return InMemoryRecordStore.create();
    }

    /** The kit needs a fresh, empty store per test: a factory handing out one shared store would void it. */
    @Test
    void newStore_freshAndEmptyEachTime() {
        RecordStore first = newStore();
        first.upsert(List.of(StoreFixtures.rec("r1").build()), UpsertMode.OVERWRITE, StoreFixtures.T0);
        RecordStore second = newStore();
        assertThat(second).isNotSameAs(first).isInstanceOf(InMemoryRecordStore.class);
        assertThat(second.count(RecordQuery.all())).isZero();
        assertThat(first.get(StoreFixtures.key("r1"))).isPresent();
    }
}
