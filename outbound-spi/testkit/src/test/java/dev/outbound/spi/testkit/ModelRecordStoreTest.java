package dev.outbound.spi.testkit;

import static dev.outbound.spi.testkit.StoreFixtures.T0;
import static dev.outbound.spi.testkit.StoreFixtures.claim;
import static dev.outbound.spi.testkit.StoreFixtures.key;
import static dev.outbound.spi.testkit.StoreFixtures.minutes;
import static dev.outbound.spi.testkit.StoreFixtures.rec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outbound.core.record.Record;
import dev.outbound.spi.store.Claim;
import dev.outbound.spi.store.RecordQuery;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** What the model store offers beside the contract: starting with records already held. */
class ModelRecordStoreTest {

    @Test
    void holding_recordsHeldAsIfCreatedInOrder() {
        Record late = rec("r1").due(minutes(-1)).build();
        Record early = rec("r2").due(minutes(-5)).build();
        Record notDue = rec("r3").due(minutes(10)).build();
        ModelRecordStore store = ModelRecordStore.holding(List.of(late, early, notDue));

        assertThat(store.get(key("r2"))).contains(early);
        assertThat(store.count(RecordQuery.all())).isEqualTo(3);
        // Due at T0: r2 (due 5 min ago) before r1 (1 min ago); r3 is not due.
        List<String> claimed = store.claim(claim(T0).withMax(10)).stream().map(Claim::record)
                .map(r -> r.ref().value()).collect(Collectors.toList());
        assertThat(claimed).containsExactly("r2", "r1");
    }

    @Test
    void holding_twoRecordsWithOneKey_refused() {
        List<Record> twice = List.of(rec("r1").build(), rec("r1").priority(3).build());
        assertThatThrownBy(() -> ModelRecordStore.holding(twice)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("alpha/r1");
    }
}
