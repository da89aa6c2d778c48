package dev.outbound.spi;

import dev.outbound.spi.agent.AgentRouting;
import dev.outbound.spi.directory.AgentDirectory;
import dev.outbound.spi.directory.DncDirectory;
import dev.outbound.spi.memory.InMemoryAgentRouting;
import dev.outbound.spi.memory.InMemoryRecordStore;
import dev.outbound.spi.simulation.CallProfile;
import dev.outbound.spi.simulation.SimulatedTelephony;
import dev.outbound.spi.store.RecordStore;
import dev.outbound.spi.telephony.Telephony;
import dev.outbound.spi.time.RealTimeScheduler;
import dev.outbound.spi.time.Scheduler;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The implementations of the SPI that an Outbound engine runs on: a record store, a telephony,
 * an agent routing, optionally an agent directory, and any external DNC directories, with the
 * scheduler their time runs on.
 *
 * <p>Registration is explicit first: what the {@linkplain #newBuilder() builder} is given is used.
 * For a service not given, {@link java.util.ServiceLoader} looks for an {@link OutboundProvider}
 * that offers it (a binding on the class or module path); if none does, the in-memory
 * implementation is used and a warning says so, since records kept in memory are lost when the
 * process ends and a simulated telephony reaches nobody. An agent directory has no default (an
 * import then checks agents as e-mails only); every DNC directory found is used beside those
 * registered.
 *
 * <p>{@link #close()} closes what this object made (defaults, discovered services, its
 * scheduler), never what the host registered.
 */
public final class OutboundServices implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OutboundServices.class);

    /** The services that have one implementation each. */
    public enum Service {
        /** The {@link RecordStore}. */
        RECORD_STORE("record store"),
        /** The {@link Telephony}. */
        TELEPHONY("telephony"),
        /** The {@link AgentRouting}. */
        AGENT_ROUTING("agent routing"),
        /** The {@link AgentDirectory}. */
        AGENT_DIRECTORY("agent directory");

        private final String words;

        Service(String words) {
            this.words = words;
        }

        @Override
        public String toString() {
            return words;
        }
    }

    /**
     * Where a service's implementation came from.
     *
     * @param kind how it was chosen
     * @param name the implementation's class, or the provider's name when discovered
     */
    public record Origin(Kind kind, String name) {
        /** How an implementation was chosen. */
        public enum Kind {
            /** The host registered it on the builder. */
            REGISTERED,
            /** A {@link OutboundProvider} found by {@link java.util.ServiceLoader} offered it. */
            DISCOVERED,
            /** Nothing was registered or found: the in-memory implementation. */
            DEFAULT
        }

        /**
         * Checks the components.
         *
         * @param kind how it was chosen
         * @param name what was chosen
         */
        public Origin {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(name, "name");
        }
    }

    private final Scheduler scheduler;
    private final RecordStore recordStore;
    private final Telephony telephony;
    private final AgentRouting agentRouting;
    private final Optional<AgentDirectory> agentDirectory;
    private final List<DncDirectory> dncDirectories;
    private final Map<Service, Origin> origins;
    private final List<String> warnings;
    private final List<AutoCloseable> owned;

    private OutboundServices(Resolution r) {
        this.scheduler = r.scheduler;
        this.recordStore = r.recordStore;
        this.telephony = r.telephony;
        this.agentRouting = r.agentRouting;
        this.agentDirectory = Optional.ofNullable(r.agentDirectory);
        this.dncDirectories = List.copyOf(r.dnc);
        this.origins = Map.copyOf(r.origins);
        this.warnings = List.copyOf(r.warnings);
        this.owned = List.copyOf(r.owned);
    }

    /** @return a builder with nothing registered */
    public static Builder newBuilder() {
        return new Builder();
    }

    /** @return the scheduler, and through it the clock, the services run on */
    public Scheduler scheduler() {
        return scheduler;
    }

    /** @return the record store */
    public RecordStore recordStore() {
        return recordStore;
    }

    /** @return the telephony */
    public Telephony telephony() {
        return telephony;
    }

    /** @return the agent routing */
    public AgentRouting agentRouting() {
        return agentRouting;
    }

    /** @return the agent directory, or empty when none was registered or found */
    public Optional<AgentDirectory> agentDirectory() {
        return agentDirectory;
    }

    /** @return the external DNC directories, registered ones first, then discovered ones */
    public List<DncDirectory> dncDirectories() {
        return dncDirectories;
    }

    /**
     * @param service a service
     * @return where its implementation came from; empty for an agent directory there is none of
     */
    public Optional<Origin> origin(Service service) {
        return Optional.ofNullable(origins.get(Objects.requireNonNull(service, "service")));
    }

    /** @return the warnings the build logged, in order: one per service that fell back to memory */
    public List<String> warnings() {
        return warnings;
    }

    /** Closes what this object made: defaults, discovered services and its own scheduler. */
    @Override
    public void close() {
        RuntimeException first = null;
        for (int i = owned.size() - 1; i >= 0; i--) {
            try {
                owned.get(i).close();
            } catch (Exception e) {
                if (first == null) {
                    first = new IllegalStateException("closing " + owned.get(i) + " failed", e);
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    @Override
    public String toString() {
        return "OutboundServices" + origins;
    }

    /** The choices a build makes, in one place. */
    private static final class Resolution {
        Scheduler scheduler;
        RecordStore recordStore;
        Telephony telephony;
        AgentRouting agentRouting;
        AgentDirectory agentDirectory;
        final List<DncDirectory> dnc = new ArrayList<>();
        final Map<Service, Origin> origins = new EnumMap<>(Service.class);
        final List<String> warnings = new ArrayList<>();
        final List<AutoCloseable> owned = new ArrayList<>();
    }

    /**
     * Collects the host's registrations. Each single service may be registered once: a second
     * registration makes {@link #build()} fail with a message naming both.
     */
    public static final class Builder {
        private final Map<String, List<Object>> singles = new LinkedHashMap<>();
        private final List<DncDirectory> dnc = new ArrayList<>();
        private final Map<String, String> properties = new LinkedHashMap<>();
        private boolean discovery = true;
        private ClassLoader classLoader;

        private Builder() {
        }

        private Builder single(String option, Object value) {
            singles.computeIfAbsent(option, k -> new ArrayList<>()).add(Objects.requireNonNull(value, option));
            return this;
        }

        /**
         * @param store the record store
         * @return this builder
         */
        public Builder recordStore(RecordStore store) {
            return single("recordStore", store);
        }

        /**
         * @param t the telephony
         * @return this builder
         */
        public Builder telephony(Telephony t) {
            return single("telephony", t);
        }

        /**
         * @param routing the agent routing
         * @return this builder
         */
        public Builder agentRouting(AgentRouting routing) {
            return single("agentRouting", routing);
        }

        /**
         * @param directory the agent directory
         * @return this builder
         */
        public Builder agentDirectory(AgentDirectory directory) {
            return single("agentDirectory", directory);
        }

        /**
         * Adds an external DNC directory; several may be added and all are asked.
         *
         * @param directory the directory
         * @return this builder
         */
        public Builder dncDirectory(DncDirectory directory) {
            dnc.add(Objects.requireNonNull(directory, "directory"));
            return this;
        }

        /**
         * @param s the scheduler the services run on; by default a {@link RealTimeScheduler} that
         *     the services own, or {@link dev.outbound.spi.time.VirtualTime} for a simulation
         * @return this builder
         */
        public Builder scheduler(Scheduler s) {
            return single("scheduler", s);
        }

        /**
         * Sets a property that discovered providers read (a database URL, a trunk address).
         *
         * @param name the property's name
         * @param value its value
         * @return this builder
         */
        public Builder property(String name, String value) {
            properties.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /**
         * @param on whether to look for providers with {@link java.util.ServiceLoader} (on by default)
         * @return this builder
         */
        public Builder discovery(boolean on) {
            this.discovery = on;
            return this;
        }

        /**
         * @param loader the class loader {@link java.util.ServiceLoader} searches; by default the
         *     thread's context class loader (or, in a module layer, the layer)
         * @return this builder
         */
        public Builder classLoader(ClassLoader loader) {
            this.classLoader = Objects.requireNonNull(loader, "loader");
            return this;
        }

        /**
         * Chooses every service: registered, else discovered, else the default.
         *
         * @return the services
         * @throws IllegalStateException if a service was registered twice, or two providers offer
         *     the same service, or a provider cannot be loaded
         */
        public OutboundServices build() {
            for (Map.Entry<String, List<Object>> e : singles.entrySet()) {
                if (e.getValue().size() > 1) {
                    throw new IllegalStateException(e.getKey() + " was registered twice: " + e.getValue().get(0)
                            + " and " + e.getValue().get(1) + "; register one");
                }
            }
            Resolution r = new Resolution();
            Scheduler given = registered("scheduler", Scheduler.class);
            if (given != null) {
                r.scheduler = given;
            } else {
                RealTimeScheduler own = RealTimeScheduler.create();
                r.owned.add(own);
                r.scheduler = own;
            }
            ProviderContext context = new ProviderContext(properties, r.scheduler);
            List<OutboundProvider> providers = discovery ? discover() : List.of();

            r.recordStore = choose(r, Service.RECORD_STORE, registered("recordStore", RecordStore.class), providers,
                    p -> p.recordStore(context), InMemoryRecordStore::create,
                    "records live in memory and are lost when the process ends");
            Scheduler scheduler = r.scheduler;
            r.telephony = choose(r, Service.TELEPHONY, registered("telephony", Telephony.class), providers,
                    p -> p.telephony(context),
                    () -> SimulatedTelephony.newBuilder(scheduler).profile(CallProfile.typical()).build(),
                    "calls go to a simulated telephony and reach nobody");
            r.agentRouting = choose(r, Service.AGENT_ROUTING, registered("agentRouting", AgentRouting.class), providers,
                    p -> p.agentRouting(context), InMemoryAgentRouting::create,
                    "agents' presence is kept in this process only");
            r.agentDirectory = choose(r, Service.AGENT_DIRECTORY, registered("agentDirectory", AgentDirectory.class),
                    providers, p -> p.agentDirectory(context), null, null);

            r.dnc.addAll(dnc);
            for (OutboundProvider p : providers) {
                Optional<DncDirectory> d = p.dncDirectory(context);
                if (d.isPresent()) {
                    r.dnc.add(d.get());
                    if (d.get() instanceof AutoCloseable) {
                        r.owned.add((AutoCloseable) d.get());
                    }
                    LOG.info("Outbound: DNC directory {} from provider {}", d.get().name(), p.name());
                }
            }
            return new OutboundServices(r);
        }

        private <T> T registered(String option, Class<T> type) {
            List<Object> v = singles.get(option);
            return v == null ? null : type.cast(v.get(0));
        }

        private <T> T choose(Resolution r, Service service, T registered, List<OutboundProvider> providers,
                Function<OutboundProvider, Optional<T>> offer, Supplier<T> fallback, String consequence) {
            if (registered != null) {
                r.origins.put(service, new Origin(Origin.Kind.REGISTERED, registered.getClass().getName()));
                return registered;
            }
            T found = null;
            OutboundProvider from = null;
            for (OutboundProvider p : providers) {
                Optional<T> t = offer.apply(p);
                if (t.isPresent()) {
                    if (found != null) {
                        throw new IllegalStateException("two providers offer a " + service + ": " + from.name()
                                + " and " + p.name() + "; register the one to use on the builder");
                    }
                    found = t.get();
                    from = p;
                }
            }
            if (found != null) {
                r.origins.put(service, new Origin(Origin.Kind.DISCOVERED, from.name()));
                if (found instanceof AutoCloseable) {
                    r.owned.add((AutoCloseable) found);
                }
                LOG.info("Outbound: {} from provider {}", service, from.name());
                return found;
            }
            if (fallback == null) {
                return null;
            }
            T t = fallback.get();
            r.origins.put(service, new Origin(Origin.Kind.DEFAULT, t.getClass().getName()));
            if (t instanceof AutoCloseable) {
                r.owned.add((AutoCloseable) t);
            }
            String warning = "No " + service + " was registered and ServiceLoader found no provider of one; using "
                    + t.getClass().getSimpleName() + ": " + consequence;
            r.warnings.add(warning);
            LOG.warn("Outbound: {}", warning);
            return t;
        }

        private List<OutboundProvider> discover() {
            ServiceLoader<OutboundProvider> loader = classLoader == null
                    ? ServiceLoader.load(OutboundProvider.class)
                    : ServiceLoader.load(OutboundProvider.class, classLoader);
            List<OutboundProvider> found = new ArrayList<>();
            try {
                for (OutboundProvider p : loader) {
                    found.add(p);
                }
            } catch (ServiceConfigurationError e) {
                throw new IllegalStateException("an OutboundProvider listed for ServiceLoader could not be loaded: "
                        + e.getMessage(), e);
            }
            return found;
        }
    }
}
