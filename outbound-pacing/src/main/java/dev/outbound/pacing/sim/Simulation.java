package dev.outbound.pacing.sim;

import dev.outbound.core.InvalidValueException;
import dev.outbound.core.callerid.CallerIdSelector;
import dev.outbound.core.lifecycle.DialingRules;
import dev.outbound.core.phone.PhoneField;
import dev.outbound.core.record.AgentEmail;
import dev.outbound.core.record.CampaignId;
import dev.outbound.core.record.Record;
import dev.outbound.core.record.RecordFactory;
import dev.outbound.core.zone.ZoneResolver;
import dev.outbound.pacing.engine.DialerEngine;
import dev.outbound.pacing.engine.EngineListener;
import dev.outbound.pacing.engine.EngineSettings;
import dev.outbound.pacing.engine.Pacer;
import dev.outbound.pacing.predict.PacingModel;
import dev.outbound.pacing.report.RunRecorder;
import dev.outbound.pacing.report.RunReport;
import dev.outbound.spi.directory.Agent;
import dev.outbound.spi.memory.InMemoryAgentRouting;
import dev.outbound.spi.memory.InMemoryRecordStore;
import dev.outbound.spi.simulation.SimulatedTelephony;
import dev.outbound.spi.store.RecordStore;
import dev.outbound.spi.store.UpsertMode;
import dev.outbound.spi.telephony.CallId;
import dev.outbound.spi.time.VirtualTime;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.DoubleConsumer;
import java.util.function.Function;

/**
 * A discrete-event simulation of a shift: the real {@link DialerEngine}, on virtual time, dialing
 * simulated customers ({@link SimulatedTelephony} with the {@link StandardModel}'s profile) for
 * simulated agents who log in at the start, wrap up for the model's wrap-up time after each
 * conversation, and log out at the end. Seeded and reproducible: the same builder settings give
 * the same report, event for event.
 *
 * <pre>{@code
 * Simulation.Result r = Simulation.newBuilder(StandardModel.of(20, 0.25)).seed(1).build().run();
 * System.out.println(r.report().occupancy() + " " + r.report().abandonRate());
 * }</pre>
 */
public final class Simulation {
    /** The default start: Monday 2 March 2026, 09:00 in New York. */
    public static final Instant DEFAULT_START = Instant.parse("2026-03-02T14:00:00Z");
    /** The default zone of the report's clock hours and of the synthetic leads. */
    public static final ZoneId DEFAULT_ZONE = ZoneId.of("America/New_York");

    private final StandardModel model;
    private final long seed;
    private final EngineSettings settings;
    private final Function<PacingModel, Pacer> pacer;
    private final DialingRules rules;
    private final Instant start;
    private final ZoneId zone;
    private final CampaignId campaign;
    private final RecordStore leads;
    private final int synthetic;
    private final String title;
    private final DoubleConsumer progress;
    private final Map<String, Object> parameters;
    private final CallerIdSelector callerIds;

    private Simulation(Builder b) {
        this.model = b.model;
        this.seed = b.seed;
        this.settings = b.settings != null ? b.settings
                : EngineSettings.newBuilder().ringTimeout(b.model.ringOut()).build();
        this.pacer = b.pacer;
        this.rules = b.rules;
        this.start = b.start;
        this.zone = b.zone;
        this.campaign = b.campaign;
        this.leads = b.leads;
        this.synthetic = b.synthetic > 0 ? b.synthetic
                : (int) Math.min(5_000_000, Math.max(1_000, model.agents() * Math.max(1, model.shift().toHours())
                        * 150L));
        this.title = b.title;
        this.progress = b.progress;
        this.parameters = b.parameters;
        this.callerIds = b.callerIds;
    }

    /**
     * @param model the call-center model
     * @return a builder with seed 1, the model's ring timeout, predictive pacing and the FCC rule
     */
    public static Builder newBuilder(StandardModel model) {
        return new Builder(Objects.requireNonNull(model, "model"));
    }

    /**
     * Runs the shift.
     *
     * @return the report and the engine's counts
     */
    public Result run() {
        VirtualTime time = VirtualTime.startingAt(start);
        RecordStore store = leads != null ? leads : syntheticLeads(time);
        SimulatedTelephony telephony = SimulatedTelephony.newBuilder(time).seed(seed)
                .profile(model.callProfile()).build();
        InMemoryAgentRouting routing = InMemoryAgentRouting.create();
        Map<String, Object> params = new LinkedHashMap<>(parameters);
        params.put("agents", model.agents());
        params.put("answer_rate", model.answerRate());
        params.put("talk_mean_seconds", model.talkMean().toMillis() / 1000.0);
        params.put("wrap_up_seconds", model.wrapUp().toMillis() / 1000.0);
        params.put("hours", model.shift().toMinutes() / 60.0);
        params.put("seed", seed);
        params.put("mode", settings.mode().name().toLowerCase(java.util.Locale.ROOT));
        params.put("abandon_rule", settings.abandonRule().name());
        RunRecorder recorder = RunRecorder.newBuilder().rule(settings.abandonRule()).start(start).zone(zone)
                .title(title).parameters(params).build();
        DialerEngine[] holder = new DialerEngine[1];
        List<String> errors = new ArrayList<>();
        Duration wrap = model.wrapUp();
        if (!rules.dispositions().allowsPlain()) {
            throw new IllegalArgumentException("simulated agents save without filling the form in: the campaign needs "
                    + "a wrap code that requires no field and no next call (its codes: " + rules.dispositions().codes()
                    + ")");
        }
        EngineListener agents = new EngineListener() {
            @Override
            public void onWrapUp(CallId call, AgentEmail agent, Record record, Instant at) {
                // Simulated agents save the campaign's first wrap code that asks for nothing.
                time.schedule(at.plus(wrap), () -> holder[0].dispose(agent,
                        rules.dispositions().plain(time.now(), agent).orElseThrow()));
            }

            @Override
            public void onError(RuntimeException error) {
                if (errors.size() < 100) {
                    errors.add(error.toString());
                }
            }
        };
        PacingModel learnt = PacingModel.withDefaults();
        DialerEngine.Builder eb = DialerEngine.newBuilder(campaign).rules(rules).recordStore(store)
                .telephony(telephony).agentRouting(routing).scheduler(time).settings(settings).model(learnt)
                .listener(agents).recorder(recorder);
        if (pacer != null) {
            eb.pacer(pacer.apply(learnt));
        }
        if (callerIds != null) {
            eb.callerIds(callerIds);
        }
        DialerEngine engine = eb.build();
        holder[0] = engine;
        List<AgentEmail> team = new ArrayList<>();
        for (int i = 1; i <= model.agents(); i++) {
            AgentEmail email = AgentEmail.of("agent" + i + "@sim.example");
            team.add(email);
            engine.logIn(Agent.of(email, "Agent " + i));
        }
        long wallStart = System.nanoTime();
        engine.start();
        Instant end = start.plus(model.shift());
        Duration step = Duration.ofMinutes(10);
        for (Instant t = start; t.isBefore(end);) {
            Instant next = t.plus(step).isAfter(end) ? end : t.plus(step);
            time.advanceTo(next);
            t = next;
            if (progress != null) {
                progress.accept((double) Duration.between(start, t).toMillis() / model.shift().toMillis());
            }
        }
        engine.stop();
        for (AgentEmail a : team) {
            engine.logOut(a);
        }
        telephony.close();
        RunReport report = recorder.finish(end);
        long wall = System.nanoTime() - wallStart;
        return new Result(report, engine.counts(), Duration.ofNanos(wall), engine.pacer().name(), errors);
    }

    private RecordStore syntheticLeads(VirtualTime time) {
        InMemoryRecordStore store = InMemoryRecordStore.create();
        RecordFactory factory = RecordFactory.newBuilder(campaign).defaultRegion("US")
                .zoneResolver(ZoneResolver.newBuilder().defaultZone(zone).build()).clock(time.clock()).build();
        List<Record> batch = new ArrayList<>(1000);
        for (int i = 0; i < synthetic; i++) {
            long national = 2_122_000_000L + i;
            batch.add(factory.newRecord("L" + (i + 1)).phone(PhoneField.MOBILE, "+1" + national)
                    .timeZone(zone.getId()).build());
            if (batch.size() == 1000) {
                store.upsert(batch, UpsertMode.KEEP_EXISTING, start);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            store.upsert(batch, UpsertMode.KEEP_EXISTING, start);
        }
        return store;
    }

    /**
     * What a simulated shift gave.
     *
     * @param report the run's report: occupancy, abandon rates, dials, the time series
     * @param counts the engine's counts, with the events it handled
     * @param wallTime how long the shift took to simulate, leads and set-up not counted
     * @param pacer the pacer's name
     * @param errors the first 100 errors the engine reported (none in a sound run)
     */
    public record Result(RunReport report, DialerEngine.Counts counts, Duration wallTime, String pacer,
            List<String> errors) {
        /**
         * Checks the components.
         *
         * @param report the report
         * @param counts the counts
         * @param wallTime the wall time
         * @param pacer the pacer
         * @param errors the errors
         */
        public Result {
            errors = List.copyOf(errors);
            Objects.requireNonNull(report, "report");
            Objects.requireNonNull(counts, "counts");
            Objects.requireNonNull(wallTime, "wallTime");
            Objects.requireNonNull(pacer, "pacer");
        }

        /** @return engine events handled per second of wall time */
        public double eventsPerSecond() {
            return counts.events() / Math.max(1e-9, wallTime.toNanos() / 1e9);
        }
    }

    /** Builds a {@link Simulation}. */
    public static final class Builder {
        private final StandardModel model;
        private long seed = 1;
        private EngineSettings settings;
        private Function<PacingModel, Pacer> pacer;
        private DialingRules rules = DialingRules.defaults();
        private Instant start = DEFAULT_START;
        private ZoneId zone = DEFAULT_ZONE;
        private CampaignId campaign = CampaignId.of("simulation");
        private RecordStore leads;
        private int synthetic;
        private String title = "Simulated shift";
        private DoubleConsumer progress;
        private Map<String, Object> parameters = Map.of();
        private CallerIdSelector callerIds;

        private Builder(StandardModel model) {
            this.model = model;
        }

        /**
         * @param value the seed of the simulated customers
         * @return this builder
         */
        public Builder seed(long value) {
            this.seed = value;
            return this;
        }

        /**
         * @param value the engine's settings (mode, abandon rule, pauses ...); default: predictive,
         *     FCC, with the model's ring timeout
         * @return this builder
         */
        public Builder settings(EngineSettings value) {
            this.settings = Objects.requireNonNull(value, "settings");
            return this;
        }

        /**
         * @param value makes the pacer from the model the engine feeds; default: the settings' mode's
         * @return this builder
         */
        public Builder pacer(Function<PacingModel, Pacer> value) {
            this.pacer = Objects.requireNonNull(value, "pacer");
            return this;
        }

        /**
         * @param value the campaign's dialing rules; default {@link DialingRules#defaults()}
         * @return this builder
         */
        public Builder rules(DialingRules value) {
            this.rules = Objects.requireNonNull(value, "rules");
            return this;
        }

        /**
         * @param value when the shift starts; default {@link #DEFAULT_START}
         * @return this builder
         */
        public Builder start(Instant value) {
            this.start = Objects.requireNonNull(value, "start");
            return this;
        }

        /**
         * @param value the zone of the report's clock hours and of synthetic leads
         * @return this builder
         */
        public Builder zone(ZoneId value) {
            this.zone = Objects.requireNonNull(value, "zone");
            return this;
        }

        /**
         * Dials the records of a campaign already in a store instead of synthetic leads.
         *
         * @param store the store
         * @param id the campaign
         * @return this builder
         */
        public Builder leads(RecordStore store, CampaignId id) {
            this.leads = Objects.requireNonNull(store, "store");
            this.campaign = Objects.requireNonNull(id, "campaign");
            return this;
        }

        /**
         * @param count how many synthetic leads to dial, 1 to 5,000,000; default 150 per agent-hour
         * @return this builder
         */
        public Builder syntheticLeads(int count) {
            if (count < 1 || count > 5_000_000) {
                throw new InvalidValueException("synthetic leads", "1 - 5000000", count);
            }
            this.synthetic = count;
            return this;
        }

        /**
         * @param value the report's title
         * @return this builder
         */
        public Builder title(String value) {
            this.title = Objects.requireNonNull(value, "title");
            return this;
        }

        /**
         * @param value hears the share of the shift simulated, 0 to 1, every simulated 10 minutes
         * @return this builder
         */
        public Builder progress(DoubleConsumer value) {
            this.progress = Objects.requireNonNull(value, "progress");
            return this;
        }

        /**
         * @param value extra parameters for the report's summary
         * @return this builder
         */
        public Builder parameters(Map<String, ?> value) {
            this.parameters = Map.copyOf(value);
            return this;
        }

        /**
         * @param value chooses each call's caller id, as {@link DialerEngine.Builder#callerIds} does;
         *     default none. A selector serves one simulation.
         * @return this builder
         */
        public Builder callerIds(CallerIdSelector value) {
            this.callerIds = Objects.requireNonNull(value, "callerIds");
            return this;
        }

        /** @return the simulation */
        public Simulation build() {
            return new Simulation(this);
        }
    }
}
