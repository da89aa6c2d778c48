package dev.outbound.spi.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outbound.spi.store.RecordQuery;
import dev.outbound.spi.store.RecordStore;
import dev.outbound.spi.store.UpsertMode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The model store passes its own kit: the proof that the kit's rules agree with each other. */
class ModelRecordStoreContractTest extends RecordStoreContract {
    @Override
    protected RecordStore newStore() {
        return new ModelRecordStore();
    }

    /** The kit needs a fresh, empty store per test: a factory handing out one shared store would void it. */
    @Test
    void newStore_freshAndEmptyEachTime() {
        RecordStore first = newStore();
        first.upsert(List.of(StoreFixtures.rec("r1").build()), UpsertMode.OVERWRITE, StoreFixtures.T0);
        RecordStore second = newStore();
        assertThat(second).isNotSameAs(first);
        assertThat(second.count(RecordQuery.all())).isZero();
        assertThat(first.count(RecordQuery.all())).isEqualTo(1);
    }
}
