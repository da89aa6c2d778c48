package dev.outbound.examples.programs;

import dev.outbound.core.lifecycle.DialingRules;
import dev.outbound.core.lifecycle.Disposition;
import dev.outbound.core.phone.PhoneField;
import dev.outbound.core.record.AgentEmail;
import dev.outbound.core.record.CampaignId;
import dev.outbound.core.record.Record;
import dev.outbound.core.record.RecordFactory;
import dev.outbound.core.zone.ZoneResolver;
import dev.outbound.pacing.engine.CallSummary;
import dev.outbound.pacing.engine.DialMode;
import dev.outbound.pacing.engine.DialerEngine;
import dev.outbound.pacing.engine.EngineListener;
import dev.outbound.pacing.engine.EngineSettings;
import dev.outbound.spi.directory.Agent;
import dev.outbound.spi.jdbc.PostgresRecordStore;
import dev.outbound.spi.memory.InMemoryAgentRouting;
import dev.outbound.spi.simulation.CallProfile;
import dev.outbound.spi.simulation.SimulatedTelephony;
import dev.outbound.spi.store.RecordKey;
import dev.outbound.spi.store.RecordQuery;
import dev.outbound.spi.store.UpsertMode;
import dev.outbound.spi.telephony.CallId;
import dev.outbound.spi.time.VirtualTime;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Share a campaign between two dialer nodes on one PostgreSQL database. Each node has its own
 * engine, its own {@link PostgresRecordStore} (its own connection pool), its own telephony and
 * agents; nothing passes between them but the database, whose leases make sure that a record is
 * taken by one node at a time. In production the nodes are two processes on two machines; here
 * they are two engines in one process on one virtual clock, so the run takes seconds. Prints each
 * node's calls, then checks that no record was called twice.
 *
 * <p>Run it from the repository root, after {@code mvn -B -q -DskipTests package}, with the URL of
 * a PostgreSQL database the store may create its tables in (schema {@code outbound_example}):
 * <pre>{@code java -cp examples/target/outbound.jar dev.outbound.examples.programs.TwoNodesOnPostgres \
 *     'jdbc:postgresql://localhost:5432/outbound?user=outbound&password=secret'}</pre>
 */
public final class TwoNodesOnPostgres {
    /** Monday 2 March 2026, 9:00 in New York: inside the default calling hours. */
    static final Instant START = Instant.parse("2026-03-02T14:00:00Z");
    static final CampaignId CAMPAIGN = CampaignId.of("shared");
    static final String SCHEMA = "outbound_example";
    static final int RECORDS = 20;

    private TwoNodesOnPostgres() {}

    /**
     * Dials twenty records from two nodes and prints what each did.
     *
     * @param args the JDBC URL of the database
     */
    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: TwoNodesOnPostgres jdbc:postgresql://HOST:PORT/DATABASE?user=...&password=...");
            System.exit(2);
        }
        run(args[0]).lines().forEach(System.out::println);
    }

    /**
     * What the two nodes did.
     *
     * @param lines what it prints
     * @param calls every call of each node, by node name
     */
    record Result(List<String> lines, Map<String, List<CallSummary>> calls) {
    }

    /** One node: an engine on its own store, telephony and agents; the clock is the only thing shared. */
    private static final class Node implements AutoCloseable {
        final String name;
        final PostgresRecordStore store;
        final SimulatedTelephony telephony;
        final DialerEngine engine;
        final List<CallSummary> calls = new ArrayList<>();
        final List<String> errors = new ArrayList<>();

        Node(String name, String url, VirtualTime time, long seed) {
            this.name = name;
            store = PostgresRecordStore.newBuilder().jdbcUrl(url).schema(SCHEMA).poolSize(2).build();
            telephony = SimulatedTelephony.newBuilder(time).seed(seed).profile(CallProfile.typical())
                    .idPrefix(name + ":").build();
            DialerEngine[] self = new DialerEngine[1];
            EngineListener listener = new EngineListener() {
                @Override
                public void onWrapUp(CallId call, AgentEmail agent, Record record, Instant at) {
                    time.schedule(at.plusSeconds(15), () -> self[0].dispose(agent, Disposition.of(time.now(), agent)));
                }

                @Override
                public void onOutcome(CallSummary summary) {
                    calls.add(summary);
                }

                @Override
                public void onError(RuntimeException error) {
                    errors.add(error.toString());
                }
            };
            // The owner names the node in the store's leases; each record is called once (no repeat attempt).
            engine = DialerEngine.newBuilder(CAMPAIGN).rules(DialingRules.newBuilder().maxRepeatAttempts(0).build())
                    .recordStore(store).telephony(telephony).agentRouting(InMemoryAgentRouting.create())
                    .scheduler(time).settings(EngineSettings.newBuilder().mode(DialMode.PROGRESSIVE).owner(name).build())
                    .listener(listener).build();
            self[0] = engine;
            for (int i = 1; i <= 2; i++) {
                engine.logIn(Agent.of(AgentEmail.of(name + "-agent" + i + "@example.com"), name + " agent " + i));
            }
        }

        @Override
        public void close() {
            telephony.close();
            store.close();
        }
    }

    /**
     * Loads twenty records into the database (replacing an earlier run's), then dials them from two nodes.
     *
     * @param url the database's JDBC URL
     * @return what it printed, and each node's calls
     */
    static Result run(String url) {
        VirtualTime time = VirtualTime.startingAt(START);
        RecordFactory factory = RecordFactory.newBuilder(CAMPAIGN).defaultRegion("US").clock(time.clock())
                .zoneResolver(ZoneResolver.newBuilder().defaultZone(ZoneId.of("America/New_York")).build()).build();
        List<Record> records = new ArrayList<>(); // numbers in 555-0100 to 555-0199, which are never assigned
        for (int i = 1; i <= RECORDS; i++) {
            records.add(factory.newRecord(String.format("S-%02d", i))
                    .phone(PhoneField.MOBILE, String.format("+1212555%04d", 120 + i)).build());
        }
        try (PostgresRecordStore setup = PostgresRecordStore.newBuilder().jdbcUrl(url).schema(SCHEMA).poolSize(2).build()) {
            setup.delete(RecordQuery.campaign(CAMPAIGN), Instant.now()); // a second run starts afresh
            setup.upsert(records, UpsertMode.OVERWRITE, time.now());
        }

        List<String> lines = new ArrayList<>();
        Map<String, List<CallSummary>> byNode = new HashMap<>();
        try (Node a = new Node("node-a", url, time, 1); Node b = new Node("node-b", url, time, 2)) {
            a.engine.start();
            b.engine.start();
            time.advanceUntil(() -> a.calls.size() + b.calls.size() >= RECORDS, START.plus(Duration.ofHours(1)));
            a.engine.stop();
            b.engine.stop();
            time.advanceBy(Duration.ofMinutes(10));

            Map<RecordKey, String> calledBy = new HashMap<>();
            List<String> twice = new ArrayList<>();
            for (Node node : List.of(a, b)) {
                byNode.put(node.name, List.copyOf(node.calls));
                lines.add(node.name + ": " + node.calls.size() + " calls" + (node.errors.isEmpty() ? ""
                        : ", errors " + node.errors));
                for (CallSummary c : node.calls) {
                    lines.add(String.format(Locale.ROOT, "  %s %s  %s", c.record().ref(), c.number().e164(),
                            c.result().map(Enum::name).orElse("WITHDRAWN")));
                    String earlier = calledBy.putIfAbsent(c.record(), node.name);
                    if (earlier != null) {
                        twice.add(c.record().ref() + " (by " + earlier + " and " + node.name + ")");
                    }
                }
            }
            lines.add(calledBy.size() + " of " + RECORDS + " records called; "
                    + (twice.isEmpty() ? "no record was called twice" : "called twice: " + twice));
        }
        return new Result(lines, byNode);
    }
}
