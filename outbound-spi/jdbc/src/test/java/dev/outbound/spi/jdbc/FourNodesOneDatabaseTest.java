package dev.outbound.spi.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outbound.core.phone.PhoneField;
import dev.outbound.core.record.AgentEmail;
import dev.outbound.core.record.CampaignId;
import dev.outbound.core.record.Record;
import dev.outbound.core.record.RecordFactory;
import dev.outbound.core.record.RecordStatus;
import dev.outbound.core.lifecycle.Disposition;
import dev.outbound.core.zone.ZoneResolver;
import dev.outbound.pacing.engine.CallSummary;
import dev.outbound.pacing.engine.DialMode;
import dev.outbound.pacing.engine.DialerEngine;
import dev.outbound.pacing.engine.EngineListener;
import dev.outbound.pacing.engine.EngineSettings;
import dev.outbound.spi.directory.Agent;
import dev.outbound.spi.memory.InMemoryAgentRouting;
import dev.outbound.spi.simulation.CallProfile;
import dev.outbound.spi.simulation.Distribution;
import dev.outbound.spi.simulation.SimulatedTelephony;
import dev.outbound.spi.store.Claim;
import dev.outbound.spi.store.ClaimRequest;
import dev.outbound.spi.store.ForwardingRecordStore;
import dev.outbound.spi.store.Interaction;
import dev.outbound.spi.store.Lease;
import dev.outbound.spi.store.RecordKey;
import dev.outbound.spi.store.RecordQuery;
import dev.outbound.spi.store.UpsertMode;
import dev.outbound.spi.telephony.CallId;
import dev.outbound.spi.time.VirtualTime;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Phaser;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Four dialer engines, each with its own pool, clock, telephony and agents, dial one campaign from
 * one database; one of them dies mid-run without a word to the others. The database alone keeps
 * them apart.
 */
class FourNodesOneDatabaseTest {
    private static final Instant START = Instant.parse("2026-03-02T14:00:00Z");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final CampaignId CAMPAIGN = CampaignId.of("c1");
    private static final int RECORDS = 300;
    private static final int NODES = 4;
    private static final int AGENTS_PER_NODE = 4;
    private static final Duration STEP = Duration.ofSeconds(5);
    private static final Duration LEASE = Duration.ofMinutes(5);
    private static final Duration ANSWERED_LEASE = Duration.ofMinutes(10);
    /** The node that dies, and when (its clock). */
    private static final int KILLED = 3;
    private static final Instant KILL_AT = START.plus(Duration.ofMinutes(6));
    private static final Instant END = START.plus(Duration.ofMinutes(40));

    /** One call as its node saw it: its record, when it was placed and when its outcome was decided. */
    private record Call(String node, String id, RecordKey key, Instant placedAt, Instant endedAt, boolean outcome) {
    }

    /** A lease as the store handed it out, and when it ended (completed, released, or its expiry). */
    private record Held(String node, RecordKey key, Instant from, Instant until) {
    }

    /** One dialer node: engine, telephony, clock and pool of its own. */
    private static final class Node {
        final String name;
        final VirtualTime time = VirtualTime.startingAt(START);
        final HikariDataSource pool;
        final PostgresRecordStore store;
        final DialerEngine engine;
        final SimulatedTelephony telephony;
        final Map<String, Instant> placedAt = new HashMap<>();
        final Map<String, RecordKey> keyOf = new HashMap<>();
        final List<Call> calls = new ArrayList<>();
        final List<Held> held = new ArrayList<>();
        final Map<Long, Integer> openLease = new HashMap<>();
        final List<String> errors = new ArrayList<>();

        Node(String name, String url, String schema, long seed) {
            this.name = name;
            HikariConfig config = new HikariConfig();
            config.setJdbcUrl(url);
            config.setMaximumPoolSize(3);
            config.setPoolName(name);
            pool = new HikariDataSource(config);
            store = PostgresRecordStore.newBuilder().dataSource(pool).schema(schema).migrate(false).build();
            // Calls of 30 s to 4 minutes, so that a 40-minute run dials most of the 300 records.
            CallProfile profile = CallProfile.typical()
                    .withTalkTime(Distribution.uniform(Duration.ofSeconds(30), Duration.ofMinutes(4)));
            telephony = SimulatedTelephony.newBuilder(time).seed(seed).profile(profile).idPrefix(name + ":").build();
            DialerEngine[] self = new DialerEngine[1];
            EngineListener listener = new EngineListener() {
                @Override
                public void onPlaced(CallId call, Record record, Instant at) {
                    placedAt.put(call.value(), at);
                    keyOf.put(call.value(), RecordKey.of(record));
                }

                @Override
                public void onWrapUp(CallId call, AgentEmail agent, Record record, Instant at) {
                    time.schedule(at.plus(Duration.ofSeconds(10)),
                            () -> self[0].dispose(agent, Disposition.of(time.now(), agent)));
                }

                @Override
                public void onOutcome(CallSummary s) {
                    calls.add(new Call(Node.this.name, s.call().value(), s.record(), s.placedAt(), s.endedAt(), true));
                    placedAt.remove(s.call().value());
                }

                @Override
                public void onError(RuntimeException error) {
                    errors.add(error.toString());
                }
            };
            EngineSettings settings = EngineSettings.newBuilder().mode(DialMode.PROGRESSIVE).owner(name)
                    .leaseFor(LEASE).answeredLease(ANSWERED_LEASE).build();
            engine = DialerEngine.newBuilder(CAMPAIGN).recordStore(new Observed(this)).telephony(telephony)
                    .agentRouting(InMemoryAgentRouting.create()).scheduler(time).settings(settings)
                    .listener(listener).build();
            self[0] = engine;
            for (int i = 1; i <= AGENTS_PER_NODE; i++) {
                engine.logIn(Agent.of(AgentEmail.of(name + "-agent" + i + "@example.com"), name + " agent " + i));
            }
        }

        /** The calls still open when the node died: placed, no outcome; they end with the node. */
        void die(Instant at) {
            for (Map.Entry<String, Instant> open : placedAt.entrySet()) {
                calls.add(new Call(name, open.getKey(), keyOf.get(open.getKey()), open.getValue(), at, false));
            }
            placedAt.clear();
            pool.close();
        }
    }

    /** The node's view of the store: logs each lease it is handed and when it ends. */
    private static final class Observed extends ForwardingRecordStore {
        private final Node node;

        Observed(Node node) {
            super(node.store);
            this.node = node;
        }

        @Override
        public List<Claim> claim(ClaimRequest request) {
            List<Claim> claims = super.claim(request);
            for (Claim c : claims) {
                node.openLease.put(c.lease().token(), node.held.size());
                node.held.add(new Held(node.name, c.lease().key(), request.at(), c.lease().expiresAt()));
            }
            return claims;
        }

        @Override
        public Lease renew(Lease lease, Instant at, Duration leaseFor) {
            Lease renewed = super.renew(lease, at, leaseFor);
            Integer i = node.openLease.get(lease.token());
            if (i != null) {
                Held h = node.held.get(i);
                node.held.set(i, new Held(h.node(), h.key(), h.from(), renewed.expiresAt()));
            }
            return renewed;
        }

        @Override
        public void complete(Lease lease, Record updated, Optional<Interaction> interaction, Instant at) {
            super.complete(lease, updated, interaction, at);
            ended(lease, at);
        }

        @Override
        public boolean release(Lease lease, Instant at) {
            boolean released = super.release(lease, at);
            if (released) {
                ended(lease, at);
            }
            return released;
        }

        private void ended(Lease lease, Instant at) {
            Integer i = node.openLease.remove(lease.token());
            if (i != null) {
                Held h = node.held.get(i);
                node.held.set(i, new Held(h.node(), h.key(), h.from(), at.isBefore(h.until()) ? at : h.until()));
            }
        }
    }

    @Test
    void fourNodes_oneKilled_noRecordInTwoCallsAtOnce_noneLost_oneOutcomeRowPerCall_leasesComeBack() throws Exception {
        String url = TestDatabase.url();
        String schema = TestDatabase.freshSchemaName();
        List<Record> records = new ArrayList<>();
        RecordFactory factory = RecordFactory.newBuilder(CAMPAIGN).defaultRegion("US")
                .zoneResolver(ZoneResolver.newBuilder().defaultZone(NEW_YORK).build())
                .clock(java.time.Clock.fixed(START, NEW_YORK)).build();
        for (int i = 0; i < RECORDS; i++) {
            records.add(factory.newRecord(String.format("r%04d", i)).phone(PhoneField.MOBILE, "+1" + (2_122_000_000L + i))
                    .build());
        }
        try (PostgresRecordStore setup = PostgresRecordStore.newBuilder().jdbcUrl(url).schema(schema).poolSize(2).build()) {
            setup.upsert(records, UpsertMode.KEEP_EXISTING, START);
        }

        List<Node> nodes = new ArrayList<>();
        for (int n = 0; n < NODES; n++) {
            nodes.add(new Node("node-" + n, url, schema, 100 + n));
        }
        // The nodes run on their own threads, each on its own clock; the clocks meet every step,
        // so that no node is ever more than a step ahead of another.
        Phaser steps = new Phaser(NODES);
        List<Lease> killedHeld = Collections.synchronizedList(new ArrayList<>());
        ExecutorService threads = Executors.newFixedThreadPool(NODES);
        long wallStart = System.nanoTime();
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int n = 0; n < NODES; n++) {
                Node node = nodes.get(n);
                boolean killed = n == KILLED;
                running.add(threads.submit(() -> {
                    node.engine.start();
                    for (Instant t = START; t.isBefore(END); t = t.plus(STEP)) {
                        if (killed && !t.isBefore(KILL_AT)) {
                            // Dies without stopping its engine or releasing anything: what a crash leaves.
                            killedHeld.addAll(node.store.leasesOf(node.name, t));
                            node.die(t);
                            steps.arriveAndDeregister();
                            return null;
                        }
                        node.time.advanceTo(t.plus(STEP));
                        steps.arriveAndAwaitAdvance();
                    }
                    node.engine.stop();
                    node.time.advanceBy(Duration.ofMinutes(30));
                    return null;
                }));
            }
            for (Future<?> f : running) {
                f.get(120, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }
        double wallSeconds = (System.nanoTime() - wallStart) / 1e9;

        List<Call> calls = new ArrayList<>();
        List<Held> held = new ArrayList<>();
        for (Node node : nodes) {
            assertThat(node.errors).as("errors of %s", node.name).isEmpty();
            calls.addAll(node.calls);
            held.addAll(node.held);
        }
        Set<String> nodesThatCalled = new HashSet<>();
        calls.forEach(c -> nodesThatCalled.add(c.node()));
        assertThat(nodesThatCalled).as("every node dialled").hasSize(NODES);
        assertThat(calls.size()).as("calls placed").isGreaterThan(RECORDS / 2);

        // No record is ever in two calls at once, nor held by two leases at once.
        assertNoOverlap(calls.stream().map(c -> new Held(c.node(), c.key(), c.placedAt(), c.endedAt())).toList(),
                "calls");
        assertNoOverlap(held, "leases");

        try (PostgresRecordStore check = PostgresRecordStore.newBuilder().dataSource(TestDatabase.pool()).schema(schema)
                .migrate(false).build()) {
            // No record lost: every record is still there, dialled (done) or due again, none left in a call.
            List<Record> after = new ArrayList<>();
            try (var s = check.stream(RecordQuery.campaign(CAMPAIGN))) {
                s.forEach(after::add);
            }
            assertThat(after).hasSize(RECORDS);
            for (Record r : after) {
                assertThat(r.status()).as("status of %s", r.ref())
                        .matches(s -> s == RecordStatus.DONE || s.isDialable(), "done or dialable");
            }
            // Every call with an outcome has exactly one row in the history; a call the dead node never finished has none.
            Map<String, Integer> rows = interactionRows(schema);
            for (Call c : calls) {
                String id = c.id(); // the node's telephony names its calls "node-n:..."
                if (c.outcome() && !c.node().equals("node-" + KILLED)) {
                    assertThat(rows.getOrDefault(c.key().ref().value() + "/" + id, 0)).as("outcome rows of %s", id)
                            .isEqualTo(1);
                }
                if (!c.outcome()) {
                    assertThat(rows.getOrDefault(c.key().ref().value() + "/" + id, 0)).as("rows of unfinished %s", id)
                            .isZero();
                }
            }
            assertThat(rows.values()).allMatch(n -> n == 1);
        }

        // The dead node held leases when it died; each record came back after the lease expired
        // and another node claimed it.
        assertThat(killedHeld).as("leases of the killed node at its death").isNotEmpty();
        for (Lease l : killedHeld) {
            boolean reclaimed = held.stream().anyMatch(h -> h.key().equals(l.key()) && !h.node().equals("node-" + KILLED)
                    && !h.from().isBefore(l.expiresAt().minus(STEP)));
            assertThat(reclaimed).as("%s claimed again after %s", l.key(), l.expiresAt()).isTrue();
        }
        assertThat(wallSeconds).as("wall seconds").isLessThan(60);
    }

    /** Intervals of one record by different nodes never overlap (touching ends are fine). */
    private static void assertNoOverlap(List<Held> intervals, String what) {
        Map<RecordKey, List<Held>> byKey = new HashMap<>();
        for (Held h : intervals) {
            byKey.computeIfAbsent(h.key(), k -> new ArrayList<>()).add(h);
        }
        for (List<Held> list : byKey.values()) {
            list.sort((a, b) -> a.from().compareTo(b.from()));
            for (int i = 1; i < list.size(); i++) {
                Held before = list.get(i - 1);
                Held next = list.get(i);
                assertThat(next.from()).as("%s of %s: %s then %s", what, next.key(), before, next)
                        .isAfterOrEqualTo(before.until().minus(before.node().equals(next.node()) ? Duration.ZERO : STEP));
            }
        }
    }

    private static Map<String, Integer> interactionRows(String schema) throws Exception {
        Map<String, Integer> rows = new ConcurrentHashMap<>();
        try (Connection c = TestDatabase.pool().getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT ref, id, count(*) FROM \"" + schema
                        + "\".outbound_interaction GROUP BY ref, id");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                rows.put(rs.getString(1) + "/" + rs.getString(2), rs.getInt(3));
            }
        }
        return rows;
    }
}
