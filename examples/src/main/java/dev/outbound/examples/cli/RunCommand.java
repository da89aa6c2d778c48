package dev.outbound.examples.cli;

import dev.outbound.core.phone.PhoneNumber;
import dev.outbound.core.record.AgentEmail;
import dev.outbound.core.record.Record;
import dev.outbound.pacing.engine.CallSummary;
import dev.outbound.pacing.engine.DialMode;
import dev.outbound.pacing.engine.DialerEngine;
import dev.outbound.pacing.engine.EngineListener;
import dev.outbound.pacing.engine.EngineSettings;
import dev.outbound.pacing.report.RunRecorder;
import dev.outbound.pacing.report.RunReport;
import dev.outbound.spi.directory.Agent;
import dev.outbound.spi.OutboundServices;
import dev.outbound.spi.callerid.DidStore;
import dev.outbound.spi.memory.InMemoryAgentRouting;
import dev.outbound.spi.memory.InMemoryRecordStore;
import dev.outbound.spi.store.RecordQuery;
import dev.outbound.spi.store.RecordStore;
import dev.outbound.spi.sip.SipTelephony;
import dev.outbound.spi.sip.SipTransport;
import dev.outbound.spi.telephony.CallId;
import dev.outbound.spi.time.RealTimeScheduler;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code outbound run}: dials a lead list for real, through the SIP binding and the PBX or trunk
 * given by {@code --telephony}, in real time, and writes the same report as {@code simulate}.
 * The agents are SIP URIs that answered calls are transferred to; each is free again as soon as
 * the transferred leg ends (no wrap-up).
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Dial a lead list for real through a SIP PBX or trunk, transferring answered calls to the "
                + "agents' SIP URIs. Writes summary.json, timeseries.csv and chart.svg; prints a summary.")
final class RunCommand implements Callable<Integer> {
    private static final Pattern TELEPHONY = Pattern.compile("sip:([A-Za-z0-9.\\-]+|\\[[0-9A-Fa-f:.]+\\])(?::(\\d{1,5}))?");

    @Spec
    CommandSpec spec;

    @Option(names = "--leads", paramLabel = "FILE",
            description = "Dial the records of this lead list (CSV), imported as `import` does (into --store "
                    + "when given).")
    Optional<Path> leads = Optional.empty();

    @Option(names = "--store", paramLabel = "URL",
            description = "Dial the campaign's records in this record store, such as jdbc:postgresql://host/db, "
                    + "and write the outcomes there; without it, records live in memory for the run.")
    Optional<String> store = Optional.empty();

    @Option(names = "--telephony", required = true, paramLabel = "sip:HOST:PORT",
            description = "The PBX or trunk every INVITE goes to (port 5060 if not given).")
    String telephony;

    @Option(names = "--transport", paramLabel = "udp|tcp", defaultValue = "udp",
            description = "The SIP transport (default: ${DEFAULT-VALUE}).")
    String transport;

    @Option(names = "--caller-id", paramLabel = "E164", description = "The caller id presented in From and "
            + "P-Asserted-Identity, such as +12125550147.")
    Optional<String> callerId = Optional.empty();

    @Option(names = "--agent", paramLabel = "sip:URI", description = "An agent's SIP URI, where answered calls "
            + "are transferred (REFER); repeat for more agents. At least one.")
    List<String> agents = new ArrayList<>();

    @Option(names = "--mode", paramLabel = "MODE", description = "progressive or predictive (default: the "
            + "campaign's pacing.mode when it is one of those, else progressive).")
    Optional<String> mode = Optional.empty();

    @Option(names = "--duration", paramLabel = "SECONDS", defaultValue = "60", description = "Stop dialling after "
            + "this many seconds, 1 to 86400 (default: ${DEFAULT-VALUE}); the run ends earlier once every lead "
            + "was dialled and no call is up.")
    long duration;

    @Option(names = "--local", paramLabel = "HOST", defaultValue = "127.0.0.1",
            description = "The local address SIP listens on, one the PBX can reach (default: ${DEFAULT-VALUE}).")
    String local;

    @Option(names = "--campaign", paramLabel = "FILE.json",
            description = "The campaign's settings (see docs/campaign.md); default: every default.")
    Optional<Path> campaign = Optional.empty();

    @Option(names = "--report", required = true, paramLabel = "DIR",
            description = "Where summary.json, timeseries.csv and chart.svg go.")
    Path report;

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Matcher m = TELEPHONY.matcher(telephony.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("--telephony " + telephony + " is not a SIP address (expected "
                    + "sip:HOST or sip:HOST:PORT, such as sip:pbx.example.com:5060)");
        }
        String host = m.group(1);
        int port = m.group(2) == null ? 5060 : Integer.parseInt(m.group(2));
        SipTransport sipTransport = transport(transport);
        if (leads.isEmpty() && store.isEmpty()) {
            throw new IllegalArgumentException("give --leads FILE, --store URL or both: there is nothing to dial");
        }
        if (agents.isEmpty()) {
            throw new IllegalArgumentException("give at least one --agent sip:URI: answered calls are transferred "
                    + "there");
        }
        if (duration < 1 || duration > 86_400) {
            throw new IllegalArgumentException("--duration " + duration + " is out of range (expected 1 to 86400 "
                    + "seconds)");
        }
        Optional<PhoneNumber> caller = callerId.map(RunCommand::callerId);
        CampaignFile c = campaign.map(CampaignFile::read).orElse(CampaignFile.defaults());
        if (!c.rules().dispositions().allowsPlain()) {
            throw new IllegalArgumentException("run's agents save without filling the form in: the campaign needs a "
                    + "wrap code that requires no field and no next call");
        }
        PacingSettings p = c.pacing();
        DialMode dialMode = mode.map(RunCommand::mode).orElse(
                p.mode() == DialMode.PREDICTIVE || p.mode() == DialMode.PROGRESSIVE ? p.mode() : DialMode.PROGRESSIVE);
        EngineSettings settings = EngineSettingsMapping.engineSettings(p.withMode(dialMode), caller);
        ZoneId zone = c.defaultZone().orElse(ZoneId.of("UTC"));

        boolean campaignCallerIds = caller.isEmpty() && c.callerIds().isPresent();
        try (OutboundServices services = store.isPresent() ? Stores.open(store) : null;
                RealTimeScheduler scheduler = RealTimeScheduler.create();
                DidStore dids = store.isPresent() && campaignCallerIds ? Stores.openDids(store.get()) : null) {
            Instant start = scheduler.clock().instant();
            // --caller-id presents one number, over the campaign's callerIds.
            Optional<CallerIdReport> callerIds = campaignCallerIds
                    ? CallerIdReport.of(c, Optional.ofNullable(dids), start) : Optional.empty();
            RecordStore records = services != null ? services.recordStore() : InMemoryRecordStore.create();
            Optional<Leads.Loaded> loaded = leads.map(file -> Leads.load(file, c, start, Optional.empty(), records));
            long toDial = loaded.isPresent() ? loaded.get().records().size()
                    : records.count(RecordQuery.campaign(c.id()));
            Map<String, Object> parameters = new LinkedHashMap<>();
            parameters.put("campaign", c.id().value());
            leads.ifPresent(file -> parameters.put("leads", file.toString()));
            store.ifPresent(url -> parameters.put("store", url.replaceAll("(?i)(password=)[^&;]*", "$1***")));
            parameters.put("lead_records", toDial);
            parameters.put("telephony", "sip:" + host + ":" + port + ";transport=" + sipTransport.token());
            parameters.put("agents", agents.size());
            parameters.put("mode", dialMode.name().toLowerCase(Locale.ROOT));
            parameters.put("abandon_rule", settings.abandonRule().name());
            RunRecorder recorder = RunRecorder.newBuilder().rule(settings.abandonRule()).start(start).zone(zone)
                    .title("outbound run: campaign " + c.id().value() + " over sip:" + host + ":" + port)
                    .parameters(parameters).build();
            Set<String> dialled = ConcurrentHashMap.newKeySet();
            AtomicLong placed = new AtomicLong();
            AtomicLong outcomes = new AtomicLong();
            Map<String, AtomicLong> results = new ConcurrentHashMap<>();
            List<String> errors = new CopyOnWriteArrayList<>();
            DialerEngine[] engine = new DialerEngine[1];
            EngineListener listener = new EngineListener() {
                @Override
                public void onPlaced(CallId call, Record record, Instant at) {
                    placed.incrementAndGet();
                    dialled.add(record.ref().value());
                }

                @Override
                public void onWrapUp(CallId call, AgentEmail agent, Record record, Instant at) {
                    // The agents save the campaign's first wrap code that asks for nothing (checked above).
                    scheduler.schedule(at, () -> engine[0].dispose(agent, c.rules().dispositions()
                            .plain(scheduler.clock().instant(), agent).orElseThrow()));
                }

                @Override
                public void onOutcome(CallSummary summary) {
                    outcomes.incrementAndGet();
                    results.computeIfAbsent(summary.result().map(Enum::name).orElse("WITHDRAWN"),
                            k -> new AtomicLong()).incrementAndGet();
                }

                @Override
                public void onError(RuntimeException error) {
                    if (errors.size() < 100) {
                        errors.add(error.toString());
                    }
                }
            };
            try (SipTelephony sip = SipTelephony.newBuilder().trunk(host, port).transport(sipTransport)
                    .local(local, 0).build()) {
                DialerEngine.Builder eb = DialerEngine.newBuilder(c.id()).rules(c.rules()).recordStore(records)
                        .telephony(sip).agentRouting(InMemoryAgentRouting.create()).scheduler(scheduler)
                        .settings(settings).listener(listener).recorder(recorder);
                callerIds.ifPresent(r -> eb.callerIds(r.selector()));
                engine[0] = eb.build();
                List<AgentEmail> team = new ArrayList<>();
                for (int i = 0; i < agents.size(); i++) {
                    AgentEmail email = AgentEmail.of("agent" + (i + 1) + "@run.outbound.dev");
                    team.add(email);
                    engine[0].logIn(Agent.of(email, agents.get(i)).withEndpoint(agents.get(i)));
                }
                engine[0].start();
                long deadline = System.nanoTime() + Duration.ofSeconds(duration).toNanos();
                int quiet = 0;
                while (System.nanoTime() < deadline && quiet < 10) {
                    Thread.sleep(100);
                    boolean allDialled = dialled.size() >= toDial;
                    quiet = allDialled && placed.get() == outcomes.get() ? quiet + 1 : 0;
                }
                engine[0].stop();
                // Calls already up end on their own: wait for their outcomes, a ring timeout and a bit at most.
                long drain = System.nanoTime() + settings.ringTimeout().plusSeconds(10).toNanos();
                while (placed.get() > outcomes.get() && System.nanoTime() < drain) {
                    Thread.sleep(50);
                }
                for (AgentEmail a : team) {
                    engine[0].logOut(a);
                }
            }
            RunReport r = recorder.finish(scheduler.clock().instant());
            r.writeTo(report);
            if (loaded.isPresent()) {
                Leads.Loaded l = loaded.get();
                out.printf(Locale.ROOT, "Leads: %s: %,d records imported from %,d rows (%,d refused)%n", l.file(),
                        l.records().size(), l.result().counts().total(), l.refused());
            } else {
                out.printf(Locale.ROOT, "Store: %,d records of campaign %s%n", toDial, c.id().value());
            }
            DialerEngine.Counts counts = engine[0].counts();
            out.printf(Locale.ROOT, "Dialled over sip:%s:%d (%s) for %.1f s: %s pacing, %d agents%n", host, port,
                    sipTransport, Duration.between(start, r.end()).toMillis() / 1000.0,
                    dialMode.name().toLowerCase(Locale.ROOT), agents.size());
            out.printf(Locale.ROOT, "  dials                    %,d%n", counts.placed());
            out.printf(Locale.ROOT, "  outcomes                 %,d%n", counts.outcomes());
            out.printf(Locale.ROOT, "  live answers             %,d%n", counts.liveAnswers());
            out.printf(Locale.ROOT, "  connected                %,d%n", counts.connected());
            out.printf(Locale.ROOT, "  abandoned                %,d%n", counts.abandoned());
            results.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> out.printf(Locale.ROOT,
                    "  %-24s %,d%n", e.getKey().toLowerCase(Locale.ROOT).replace('_', ' '), e.getValue().get()));
            if (callerIds.isPresent()) {
                callerIds.get().writeTo(report);
                callerIds.get().print(out);
            }
            out.println("Report: " + report.resolve(RunReport.SUMMARY_FILE) + ", " + RunReport.TIME_SERIES_FILE + ", "
                    + RunReport.CHART_FILE);
            if (placed.get() > outcomes.get()) {
                err.println("outbound: " + (placed.get() - outcomes.get()) + " call(s) had no outcome when the run "
                        + "ended");
                return 3;
            }
            if (!errors.isEmpty()) {
                err.println("outbound: the dialer engine reported " + errors.size() + " error(s); the first: "
                        + errors.get(0));
                return 3;
            }
            return 0;
        }
    }

    private static SipTransport transport(String text) {
        switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "udp":
                return SipTransport.UDP;
            case "tcp":
                return SipTransport.TCP;
            default:
                throw new IllegalArgumentException("--transport " + text + " is not known (expected udp or tcp)");
        }
    }

    private static PhoneNumber callerId(String text) {
        try {
            return PhoneNumber.ofE164(text.strip());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("--caller-id " + text + " is not an E.164 number (expected + and "
                    + "digits, such as +12125550147)");
        }
    }

    private static DialMode mode(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        if (t.equals("progressive")) {
            return DialMode.PROGRESSIVE;
        }
        if (t.equals("predictive")) {
            return DialMode.PREDICTIVE;
        }
        throw new IllegalArgumentException("--mode " + text + " is not known for run (expected progressive or "
                + "predictive)");
    }
}
