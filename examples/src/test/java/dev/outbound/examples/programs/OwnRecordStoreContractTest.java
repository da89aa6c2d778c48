package dev.outbound.examples.programs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outbound.spi.memory.InMemoryRecordStore;
import dev.outbound.spi.store.RecordStore;
import dev.outbound.spi.testkit.RecordStoreContract;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link OwnRecordStore}'s store honours the record store contract of the test kit (every test
 * of {@link RecordStoreContract} runs on it), and logs every record the dialer takes and finishes.
 */
class OwnRecordStoreContractTest extends RecordStoreContract {
    @Override
    protected RecordStore newStore() {
        return new OwnRecordStore.AuditedRecordStore(InMemoryRecordStore.create());
    }

    @Test
    void auditedStore_logsEveryClaim_andItsCompletion() {
        List<String> lines = OwnRecordStore.run();

        List<String> claims = lines.stream().filter(l -> l.startsWith("claim ")).toList();
        List<String> completions = lines.stream().filter(l -> l.startsWith("complete ")).toList();
        assertThat(claims).hasSize(5);
        assertThat(completions).hasSize(5);
        for (int i = 1; i <= 5; i++) {
            String ref = "L-0" + i;
            assertThat(claims).anySatisfy(l -> assertThat(l).startsWith("claim    " + ref + ", lease "));
            assertThat(completions).anySatisfy(l -> assertThat(l).startsWith("complete " + ref + ", lease ")
                    .endsWith(", now DONE"));
        }
        assertThat(lines.get(lines.size() - 1)).startsWith("calls placed 5, outcomes 5");
    }
}
