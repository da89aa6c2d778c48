package dev.outbound.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outbound.spi.OutboundServices.Origin;
import dev.outbound.spi.OutboundServices.Service;
import dev.outbound.spi.memory.InMemoryAgentRouting;
import dev.outbound.spi.memory.InMemoryRecordStore;
import dev.outbound.spi.store.ForwardingRecordStore;
import dev.outbound.spi.simulation.SimulatedTelephony;
import dev.outbound.spi.store.RecordStore;
import dev.outbound.spi.time.VirtualTime;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutboundServicesTest {
    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    @TempDir
    Path dir;

    /** A store that counts how often it is closed. */
    static final class CountingStore extends ForwardingRecordStore {
        final AtomicInteger closes = new AtomicInteger();

        CountingStore() {
            super(InMemoryRecordStore.create());
        }

        @Override
        public void close() {
            closes.incrementAndGet();
        }
    }

    /** Offers a store, and says which property it was given. */
    public static final class StoreProvider implements OutboundProvider {
        static volatile CountingStore last;
        static volatile Optional<String> url = Optional.empty();

        @Override
        public String name() {
            return "test-store-provider";
        }

        @Override
        public Optional<RecordStore> recordStore(ProviderContext context) {
            url = context.property("store.url");
            last = new CountingStore();
            return Optional.of(last);
        }
    }

    /** Offers a store too, to collide with {@link StoreProvider}. */
    public static final class OtherStoreProvider implements OutboundProvider {
        @Override
        public String name() {
            return "other-store-provider";
        }

        @Override
        public Optional<RecordStore> recordStore(ProviderContext context) {
            return Optional.of(InMemoryRecordStore.create());
        }
    }

    private ClassLoader loaderListing(String... providerClasses) throws IOException {
        Path services = dir.resolve("META-INF/services");
        Files.createDirectories(services);
        Files.writeString(services.resolve(OutboundProvider.class.getName()), String.join("\n", providerClasses) + "\n");
        return new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader());
    }

    @Test
    void build_nothingRegisteredNothingFound_inMemoryDefaultsWithOneWarningEach() {
        VirtualTime time = VirtualTime.startingAt(T0);
        try (OutboundServices s = OutboundServices.newBuilder().scheduler(time).discovery(false).build()) {
            assertThat(s.recordStore()).isInstanceOf(InMemoryRecordStore.class);
            assertThat(s.telephony()).isInstanceOf(SimulatedTelephony.class);
            assertThat(s.agentRouting()).isInstanceOf(InMemoryAgentRouting.class);
            assertThat(s.agentDirectory()).isEmpty();
            assertThat(s.dncDirectories()).isEmpty();
            assertThat(s.scheduler()).isSameAs(time);
            assertThat(s.origin(Service.RECORD_STORE)).get().extracting(Origin::kind).isEqualTo(Origin.Kind.DEFAULT);
            assertThat(s.origin(Service.AGENT_DIRECTORY)).isEmpty();
            assertThat(s.warnings()).hasSize(3);
            assertThat(s.warnings().get(0)).contains("No record store was registered", "InMemoryRecordStore",
                    "lost when the process ends");
            assertThat(s.warnings().get(1)).contains("No telephony", "SimulatedTelephony");
            assertThat(s.warnings().get(2)).contains("No agent routing", "InMemoryAgentRouting");
        }
    }

    @Test
    void build_storeRegistered_registeredOneUsedAndNotClosedByServices() {
        CountingStore mine = new CountingStore();
        OutboundServices s = OutboundServices.newBuilder().recordStore(mine).scheduler(VirtualTime.startingAt(T0))
                .discovery(false).build();
        assertThat(s.recordStore()).isSameAs(mine);
        assertThat(s.origin(Service.RECORD_STORE)).contains(new Origin(Origin.Kind.REGISTERED,
                CountingStore.class.getName()));
        assertThat(s.warnings()).noneMatch(w -> w.contains("record store"));
        s.close();
        assertThat(mine.closes).hasValue(0);
    }

    @Test
    void build_sameServiceRegisteredTwice_failsNamingBoth() {
        CountingStore a = new CountingStore();
        CountingStore b = new CountingStore();
        OutboundServices.Builder builder = OutboundServices.newBuilder().recordStore(a).recordStore(b);
        assertThatThrownBy(builder::build).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("recordStore was registered twice").hasMessageContaining(a.toString())
                .hasMessageContaining(b.toString());
    }

    @Test
    void build_providerOnClassPath_discoveredWithPropertiesAndClosedByServices() throws IOException {
        ClassLoader loader = loaderListing(StoreProvider.class.getName());
        OutboundServices s = OutboundServices.newBuilder().classLoader(loader).property("store.url", "mem:test")
                .scheduler(VirtualTime.startingAt(T0)).build();
        assertThat(s.recordStore()).isSameAs(StoreProvider.last);
        assertThat(StoreProvider.url).contains("mem:test");
        assertThat(s.origin(Service.RECORD_STORE)).contains(new Origin(Origin.Kind.DISCOVERED, "test-store-provider"));
        assertThat(s.warnings()).noneMatch(w -> w.contains("record store"));
        s.close();
        assertThat(StoreProvider.last.closes).hasValue(1);
    }

    @Test
    void build_twoProvidersOfferAStore_failsNamingBoth() throws IOException {
        ClassLoader loader = loaderListing(StoreProvider.class.getName(), OtherStoreProvider.class.getName());
        OutboundServices.Builder builder = OutboundServices.newBuilder().classLoader(loader)
                .scheduler(VirtualTime.startingAt(T0));
        assertThatThrownBy(builder::build).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("two providers offer a record store")
                .hasMessageContaining("test-store-provider").hasMessageContaining("other-store-provider");
    }

    @Test
    void build_twoProvidersButStoreRegistered_registrationWins() throws IOException {
        ClassLoader loader = loaderListing(StoreProvider.class.getName(), OtherStoreProvider.class.getName());
        CountingStore mine = new CountingStore();
        OutboundServices s = OutboundServices.newBuilder().classLoader(loader).recordStore(mine)
                .scheduler(VirtualTime.startingAt(T0)).build();
        assertThat(s.recordStore()).isSameAs(mine);
    }

    @Test
    void build_providerClassMissing_failsNamingTheService() throws IOException {
        ClassLoader loader = loaderListing("com.example.NoSuchProvider");
        OutboundServices.Builder builder = OutboundServices.newBuilder().classLoader(loader)
                .scheduler(VirtualTime.startingAt(T0));
        assertThatThrownBy(builder::build).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("OutboundProvider").hasMessageContaining("com.example.NoSuchProvider");
    }
}
