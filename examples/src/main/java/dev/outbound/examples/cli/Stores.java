package dev.outbound.examples.cli;

import dev.outbound.spi.OutboundProvider;
import dev.outbound.spi.OutboundServices;
import dev.outbound.spi.ProviderContext;
import dev.outbound.spi.callerid.DidStore;
import dev.outbound.spi.memory.InMemoryAgentRouting;
import dev.outbound.spi.memory.InMemoryRecordStore;
import dev.outbound.spi.simulation.SimulatedTelephony;
import dev.outbound.spi.time.VirtualTime;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * Opens the record store a command works on: in memory for the run without {@code --store};
 * with {@code --store URL}, the binding that a provider on the class path offers for that URL
 * (the JDBC binding reads {@value #STORE_URL}).
 */
final class Stores {
    /** The property a store binding reads its URL from. */
    static final String STORE_URL = "outbound.store.url";

    private Stores() {
    }

    /**
     * @param url the {@code --store} option
     * @return the services, their store chosen; the caller closes them
     * @throws IllegalStateException if a URL was given and no binding on the class path takes it
     */
    static OutboundServices open(Optional<String> url) {
        // The commands use the store only; telephony and routing are registered so that the
        // services do not warn about falling back for them.
        OutboundServices.Builder b = OutboundServices.newBuilder()
                .scheduler(VirtualTime.startingAt(Instant.EPOCH))
                .agentRouting(InMemoryAgentRouting.create());
        b.telephony(SimulatedTelephony.newBuilder(VirtualTime.startingAt(Instant.EPOCH)).build());
        if (url.isPresent()) {
            b.property(STORE_URL, url.get());
        } else {
            b.recordStore(InMemoryRecordStore.create());
        }
        OutboundServices services = b.build();
        boolean fellBack = services.origin(OutboundServices.Service.RECORD_STORE)
                .map(o -> o.kind() == OutboundServices.Origin.Kind.DEFAULT).orElse(true);
        if (url.isPresent() && fellBack) {
            // The services warned already; the command refuses rather than import into memory.
            services.close();
            throw new IllegalStateException("no record store binding on the class path takes --store " + url.get()
                    + "; without --store, records live in memory for the run");
        }
        return services;
    }

    /**
     * The DID store on the {@code --store} URL: the one the first provider on the class path
     * offers for it (the JDBC binding's for a PostgreSQL URL).
     *
     * @param url the {@code --store} option
     * @return the store; the caller closes it
     * @throws IllegalStateException if no binding on the class path offers a DID store for the URL
     */
    static DidStore openDids(String url) {
        ProviderContext context = new ProviderContext(Map.of(STORE_URL, url), VirtualTime.startingAt(Instant.EPOCH));
        for (OutboundProvider p : ServiceLoader.load(OutboundProvider.class, Stores.class.getClassLoader())) {
            Optional<DidStore> store = p.didStore(context);
            if (store.isPresent()) {
                return store.get();
            }
        }
        throw new IllegalStateException("no binding on the class path keeps caller-id pools for --store " + url);
    }
}
