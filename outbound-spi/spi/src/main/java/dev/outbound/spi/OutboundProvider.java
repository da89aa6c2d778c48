package dev.outbound.spi;

import dev.outbound.spi.agent.AgentRouting;
import dev.outbound.spi.callerid.DidStore;
import dev.outbound.spi.directory.AgentDirectory;
import dev.outbound.spi.directory.DncDirectory;
import dev.outbound.spi.store.RecordStore;
import dev.outbound.spi.telephony.Telephony;
import java.util.Optional;

/**
 * What a binding (a JDBC store, a SIP telephony) registers with {@link java.util.ServiceLoader} so
 * that {@link OutboundServices} finds it when the host registers nothing explicitly: a
 * {@code META-INF/services/dev.outbound.spi.OutboundProvider} entry on the class path, or
 * {@code provides dev.outbound.spi.OutboundProvider with ...} in a module descriptor.
 *
 * <p>A provider offers any of the services by overriding the matching method; the others offer
 * nothing. It needs a public no-argument constructor; the methods are called once per
 * {@link OutboundServices#newBuilder() build}, with the host's properties and scheduler.
 */
public interface OutboundProvider {
    /** @return the provider's name, for messages (say which binding it is) */
    String name();

    /**
     * @param context the host's properties and scheduler
     * @return a record store, or empty when this provider offers none (or is not configured for one)
     */
    default Optional<RecordStore> recordStore(ProviderContext context) {
        return Optional.empty();
    }

    /**
     * @param context the host's properties and scheduler
     * @return a telephony, or empty
     */
    default Optional<Telephony> telephony(ProviderContext context) {
        return Optional.empty();
    }

    /**
     * @param context the host's properties and scheduler
     * @return an agent routing, or empty
     */
    default Optional<AgentRouting> agentRouting(ProviderContext context) {
        return Optional.empty();
    }

    /**
     * @param context the host's properties and scheduler
     * @return an agent directory, or empty
     */
    default Optional<AgentDirectory> agentDirectory(ProviderContext context) {
        return Optional.empty();
    }

    /**
     * @param context the host's properties and scheduler
     * @return an external DNC directory, or empty
     */
    default Optional<DncDirectory> dncDirectory(ProviderContext context) {
        return Optional.empty();
    }

    /**
     * A store of caller-id pools on the same back end as the record store, for hosts that look
     * one up (the command line's {@code import-dids --store}); {@link OutboundServices} does not
     * wire it.
     *
     * @param context the host's properties and scheduler
     * @return a DID store, or empty; the caller closes it
     */
    default Optional<DidStore> didStore(ProviderContext context) {
        return Optional.empty();
    }
}
