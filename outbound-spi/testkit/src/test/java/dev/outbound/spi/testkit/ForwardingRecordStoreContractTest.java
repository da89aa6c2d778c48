package dev.outbound.spi.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outbound.spi.memory.InMemoryRecordStore;
import dev.outbound.spi.store.ForwardingRecordStore;
import dev.outbound.spi.store.RecordStore;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A forwarding store over the in-memory store honours the contract, and forwards every method. */
class ForwardingRecordStoreContractTest extends RecordStoreContract {
    @Override
    protected RecordStore newStore() {
        return new ForwardingRecordStore(InMemoryRecordStore.create()) {
        };
    }

    @Test
    void everyMethodOfTheInterface_isForwarded_soANewOneCannotBeLeftToItsDefault() {
        List<String> missing = new ArrayList<>();
        for (Method m : RecordStore.class.getMethods()) {
            if (Modifier.isStatic(m.getModifiers())) {
                continue;
            }
            try {
                ForwardingRecordStore.class.getDeclaredMethod(m.getName(), m.getParameterTypes());
            } catch (NoSuchMethodException e) {
                missing.add(m.getName());
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void close_reachesTheDelegate() {
        AtomicInteger closes = new AtomicInteger();
        RecordStore inner = new ForwardingRecordStore(InMemoryRecordStore.create()) {
            @Override
            public void close() {
                closes.incrementAndGet();
            }
        };
        new ForwardingRecordStore(inner) {
        }.close();
        assertThat(closes).hasValue(1);
    }
}
