package dev.outbound.spi.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.outbound.core.record.AgentEmail;
import dev.outbound.core.record.CampaignId;
import dev.outbound.spi.agent.AgentPresence;
import dev.outbound.spi.agent.AgentRouting;
import dev.outbound.spi.agent.AgentState;
import dev.outbound.spi.agent.RoutingRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * The contract of {@link AgentRouting}: extend this class, return a new, empty routing from
 * {@link #newRouting()}, and every rule the interface states is checked against your
 * implementation: presence through log-in, log-out and state changes; which agent
 * {@link AgentRouting#route} chooses for each {@link RoutingRequest.Rule}; that two concurrent
 * routes never get the same agent; and, as a property, that random sequences of operations give
 * the same answers as a plain model of the rules.
 */
public abstract class AgentRoutingContract {
    private static final CampaignId SALES = CampaignId.of("sales");
    private static final CampaignId SERVICE = CampaignId.of("service");
    private static final AgentEmail ANN = AgentEmail.of("ann@example.com");
    private static final AgentEmail BOB = AgentEmail.of("bob@example.com");
    private static final AgentEmail CID = AgentEmail.of("cid@example.com");
    private static final AgentEmail DAN = AgentEmail.of("dan@example.com");
    private static final AgentEmail EVE = AgentEmail.of("eve@example.com");
    private static final Instant T0 = Instant.parse("2024-03-01T09:00:00Z");

    private AgentRouting routing;

    /** For subclasses. */
    protected AgentRoutingContract() {
    }

    /**
     * Makes the routing under test. Called before each test, and once per generated case of the
     * property test, so it must return a new instance in which nobody is logged in.
     *
     * @return a new, empty routing
     */
    protected abstract AgentRouting newRouting();

    /** Gives each test a fresh routing. */
    @BeforeEach
    void newRoutingForTest() {
        routing = newRouting();
    }

    private static Instant at(int seconds) {
        return T0.plusSeconds(seconds);
    }

    private static AgentPresence presence(AgentEmail agent, AgentState state, Instant since, CampaignId... campaigns) {
        return new AgentPresence(agent, Set.of(campaigns), state, since);
    }

    // ------------------------------------------------------------------ log in, log out

    @Test
    void logIn_notLoggedIn_availableSinceLogIn() {
        routing.logIn(ANN, SALES, at(0));

        assertThat(routing.presence(ANN)).contains(presence(ANN, AgentState.AVAILABLE, at(0), SALES));
    }

    @Test
    void logIn_secondCampaign_keepsStateAndSince() {
        routing.logIn(ANN, SALES, at(0));
        routing.setState(ANN, AgentState.PAUSED, at(10));

        routing.logIn(ANN, SERVICE, at(20));

        assertThat(routing.presence(ANN)).contains(presence(ANN, AgentState.PAUSED, at(10), SALES, SERVICE));
    }

    @Test
    void logIn_sameCampaignAgain_keepsSince() {
        routing.logIn(ANN, SALES, at(0));

        routing.logIn(ANN, SALES, at(30));

        assertThat(routing.presence(ANN)).contains(presence(ANN, AgentState.AVAILABLE, at(0), SALES));
    }

    @Test
    void logIn_availableInSecondCampaign_routableThereInIdleOrder() {
        routing.logIn(ANN, SALES, at(0));
        routing.logIn(BOB, SERVICE, at(5));
        // Ann has been idle since 0, whatever campaign she joined later.
        routing.logIn(ANN, SERVICE, at(10));

        assertThat(routing.route(RoutingRequest.anyone(SERVICE), at(20))).contains(ANN);
    }

    @Test
    void logOut_lastCampaign_presenceEnds() {
        routing.logIn(ANN, SALES, at(0));

        routing.logOut(ANN, SALES, at(10));

        assertThat(routing.presence(ANN)).isEmpty();
        assertThat(routing.agents(SALES)).isEmpty();
        assertThat(routing.availableCount(SALES)).isZero();
        assertThat(routing.route(RoutingRequest.anyone(SALES), at(20))).isEmpty();
    }

    @Test
    void logOut_oneOfTwoCampaigns_keepsOtherCampaignAndState() {
        routing.logIn(ANN, SALES, at(0));
        routing.logIn(ANN, SERVICE, at(5));
        routing.setState(ANN, AgentState.WRAP_UP, at(10));

        routing.logOut(ANN, SALES, at(20));

        assertThat(routing.presence(ANN)).contains(presence(ANN, AgentState.WRAP_UP, at(10), SERVICE));
        assertThat(routing.agents(SALES)).isEmpty();
        assertThat(routing.agents(SERVICE)).containsExactly(presence(ANN, AgentState.WRAP_UP, at(10), SERVICE));
    }

    @Test
    void logOut_availableOfOneCampaign_notRoutedThereButStillInOther() {
        routing.logIn(ANN, SALES, at(0));
        routing.logIn(ANN, SERVICE, at(0));

        routing.logOut(ANN, SALES, at(10));

        assertThat(routing.route(RoutingRequest.anyone(SALES), at(20))).isEmpty();
        assertThat(routing.route(RoutingRequest.anyone(SERVICE), at(20))).contains(ANN);
    }

    @Test
    void logOut_campaignNotLoggedIn_changesNothing() {
        routing.logIn(ANN, SALES, at(0));

        routing.logOut(ANN, SERVICE, at(10));
        routing.logOut(BOB, SALES, at(10));

        assertThat(routing.presence(ANN)).contains(presence(ANN, AgentState.AVAILABLE, at(0), SALES));
        assertThat(routing.presence(BOB)).isEmpty();
    }

    @Test
    void logIn_afterLoggingOutEverywhere_availableSinceNewLogIn() {
        routing.logIn(ANN, SALES, at(0));
        routing.setState(ANN, AgentState.PAUSED, at(10));
        routing.logOut(ANN, SALES, at(20));

        routing.logIn(ANN, SALES, at(60));

        assertThat(routing.presence(ANN)).contains(presence(ANN, AgentState.AVAILABLE, at(60), SALES));
    }

    // ------------------------------------------------------------------ states

    @Test
    void setState_newState_sinceIsThen() {
        routing.logIn(ANN, SALES, at(0));

        routing.setState(ANN, AgentState.PAUSED, at(10));

        assertThat(routing.presence(ANN)).contains(presence(ANN, AgentState.PAUSED, at(10), SALES));
    }

    @Test
    void setState_sameState_keepsSince() {
        routing.logIn(ANN, SALES, at(0));
        routing.setState(ANN, AgentState.AVAILABLE, at(5));
        assertThat(routing.presence(ANN)).contains(presence(ANN, AgentState.AVAILABLE, at(0), SALES));

        routing.setState(ANN, AgentState.PAUSED, at(10));
        routing.setState(ANN, AgentState.PAUSED, at(20));

        assertThat(routing.presence(ANN)).contains(presence(ANN, AgentState.PAUSED, at(10), SALES));
    }

    @Test
    void setState_loggedOut_throwsNamingAgent() {
        routing.logIn(ANN, SALES, at(0));

        assertThatThrownBy(() -> routing.setState(BOB, AgentState.PAUSED, at(10)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("bob@example.com");
        assertThat(routing.presence(BOB)).isEmpty();
    }

    @Test
    void setState_availableAgain_queuedBehindAgentsIdleLonger() {
        routing.logIn(ANN, SALES, at(0));
        routing.logIn(BOB, SALES, at(1));
        routing.setState(ANN, AgentState.PAUSED, at(2));

        routing.setState(ANN, AgentState.AVAILABLE, at(3));

        // Bob idle since 1, Ann since 3.
        assertThat(routing.route(RoutingRequest.anyone(SALES), at(10))).contains(BOB);
        assertThat(routing.route(RoutingRequest.anyone(SALES), at(10))).contains(ANN);
    }

    // ------------------------------------------------------------------ route: anyone

    @Test
    void route_anyone_longestIdleAgent() {
        routing.logIn(CID, SALES, at(0));
        routing.logIn(ANN, SALES, at(5));
        routing.logIn(BOB, SALES, at(10));

        assertThat(routing.route(RoutingRequest.anyone(SALES), at(20))).contains(CID);
    }

    @Test
    void route_anyone_sameSince_inEmailOrderThenNobody() {
        routing.logIn(CID, SALES, at(0));
        routing.logIn(BOB, SALES, at(0));
        routing.logIn(ANN, SALES, at(0));

        assertThat(routing.route(RoutingRequest.anyone(SALES), at(20))).contains(ANN);
        assertThat(routing.route(RoutingRequest.anyone(SALES), at(21))).contains(BOB);
        assertThat(routing.route(RoutingRequest.anyone(SALES), at(22))).contains(CID);
        assertThat(routing.route(RoutingRequest.anyone(SALES), at(23))).isEmpty();
    }

    @Test
    void route_anyone_nobodyLoggedIn_empty() {
        assertThat(routing.route(RoutingRequest.anyone(SALES), at(0))).isEmpty();
    }

    @Test
    void route_anyone_neverChoosesPausedWrapUpOnCallOrOtherCampaign() {
        routing.logIn(ANN, SALES, at(0));
        routing.logIn(BOB, SALES, at(0));
        routing.logIn(CID, SALES, at(0));
        routing.logIn(DAN, SERVICE, at(0));
        routing.setState(ANN, AgentState.PAUSED, at(1));
        routing.setState(BOB, AgentState.WRAP_UP, at(1));
        routing.setState(CID, AgentState.ON_CALL, at(1));

        assertThat(routing.route(RoutingRequest.anyone(SALES), at(2))).isEmpty();

        routing.logIn(EVE, SALES, at(3));
        assertThat(routing.route(RoutingRequest.anyone(SALES), at(4))).contains(EVE);
        assertThat(routing.presence(ANN)).contains(presence(ANN, AgentState.PAUSED, at(1), SALES));
        assertThat(routing.presence(DAN)).contains(presence(DAN, AgentState.AVAILABLE, at(0), SERVICE));
    }

    @Test
    void route_chosen_onCallSinceThenInEveryCampaign() {
        routing.logIn(ANN, SALES, at(0));
        routing.logIn(ANN, SERVICE, at(0));

        assertThat(routing.route(RoutingRequest.anyone(SALES), at(30))).contains(ANN);

        assertThat(routing.presence(ANN)).contains(presence(ANN, AgentState.ON_CALL, at(30), SALES, SERVICE));
        assertThat(routing.availableCount(SERVICE)).isZero();
        assertThat(routing.route(RoutingRequest.anyone(SERVICE), at(31))).isEmpty();
    }

    // ------------------------------------------------------------------ route: only, prefer

    @Test
    void route_onlyNamedAvailable_namedEvenIfOthersIdleLonger() {
        routing.logIn(ANN, SALES, at(0));
        routing.logIn(BOB, SALES, at(5));

        assertThat(routing.route(RoutingRequest.only(SALES, BOB), at(10))).contains(BOB);
        assertThat(routing.presence(BOB)).contains(presence(BOB, AgentState.ON_CALL, at(10), SALES));
        assertThat(routing.presence(ANN)).contains(presence(ANN, AgentState.AVAILABLE, at(0), SALES));
    }

    @Test
    void route_onlyNamedPaused_nobodyThoughOthersAvailable() {
        routing.logIn(ANN, SALES, at(0));
        routing.logIn(BOB, SALES, at(0));
        routing.setState(BOB, AgentState.PAUSED, at(5));

        assertThat(routing.route(RoutingRequest.only(SALES, BOB), at(10))).isEmpty();
        assertThat(routing.presence(ANN)).contains(presence(ANN, AgentState.AVAILABLE, at(0), SALES));
        assertThat(routing.presence(BOB)).contains(presence(BOB, AgentState.PAUSED, at(5), SALES));
    }

    @Test
    void route_onlyNamedInOtherCampaign_nobody() {
        routing.logIn(ANN, SALES, at(0));
        routing.logIn(BOB, SERVICE, at(0));

        assertThat(routing.route(RoutingRequest.only(SALES, BOB), at(10))).isEmpty();
        assertThat(routing.presence(BOB)).contains(presence(BOB, AgentState.AVAILABLE, at(0), SERVICE));
    }

    @Test
    void route_onlyNamedLoggedOut_nobody() {
        routing.logIn(ANN, SALES, at(0));

        assertThat(routing.route(RoutingRequest.only(SALES, BOB), at(10))).isEmpty();
        assertThat(routing.presence(BOB)).isEmpty();
    }

    @Test
    void route_preferNamedAvailable_namedEvenIfOthersIdleLonger() {
        routing.logIn(ANN, SALES, at(0));
        routing.logIn(BOB, SALES, at(5));

        assertThat(routing.route(RoutingRequest.prefer(SALES, BOB), at(10))).contains(BOB);
        assertThat(routing.presence(BOB)).contains(presence(BOB, AgentState.ON_CALL, at(10), SALES));
    }

    @Test
    void route_preferNamedBusy_longestIdleInstead() {
        routing.logIn(BOB, SALES, at(0));
        routing.logIn(CID, SALES, at(5));
        routing.logIn(DAN, SALES, at(10));
        routing.setState(DAN, AgentState.ON_CALL, at(15));

        assertThat(routing.route(RoutingRequest.prefer(SALES, DAN), at(20))).contains(BOB);
        assertThat(routing.presence(DAN)).contains(presence(DAN, AgentState.ON_CALL, at(15), SALES));
    }

    @Test
    void route_preferNamedInOtherCampaign_longestIdleInstead() {
        routing.logIn(ANN, SERVICE, at(0));
        routing.logIn(BOB, SALES, at(5));

        assertThat(routing.route(RoutingRequest.prefer(SALES, ANN), at(10))).contains(BOB);
        assertThat(routing.presence(ANN)).contains(presence(ANN, AgentState.AVAILABLE, at(0), SERVICE));
    }

    @Test
    void route_preferNamedBusyNobodyElse_empty() {
        routing.logIn(ANN, SALES, at(0));
        routing.setState(ANN, AgentState.WRAP_UP, at(5));

        assertThat(routing.route(RoutingRequest.prefer(SALES, ANN), at(10))).isEmpty();
    }

    // ------------------------------------------------------------------ agents, availableCount

    @Test
    void agents_ofCampaign_inEmailOrder() {
        routing.logIn(CID, SALES, at(0));
        routing.logIn(ANN, SALES, at(1));
        routing.logIn(EVE, SERVICE, at(2));
        routing.logIn(BOB, SALES, at(3));
        routing.setState(CID, AgentState.PAUSED, at(4));

        assertThat(routing.agents(SALES)).containsExactly(
                presence(ANN, AgentState.AVAILABLE, at(1), SALES),
                presence(BOB, AgentState.AVAILABLE, at(3), SALES),
                presence(CID, AgentState.PAUSED, at(4), SALES));
        assertThat(routing.agents(SERVICE)).containsExactly(presence(EVE, AgentState.AVAILABLE, at(2), SERVICE));
        assertThat(routing.agents(CampaignId.of("other"))).isEmpty();
    }

    @Test
    void availableCount_countsOnlyAvailableAgentsOfCampaign() {
        routing.logIn(ANN, SALES, at(0));
        routing.logIn(BOB, SALES, at(1));
        routing.logIn(CID, SALES, at(2));
        routing.logIn(DAN, SERVICE, at(3));
        routing.logIn(EVE, SERVICE, at(4));
        routing.setState(BOB, AgentState.PAUSED, at(5));
        routing.route(RoutingRequest.anyone(SALES), at(6)); // Ann, idle longest

        assertThat(routing.availableCount(SALES)).isEqualTo(1); // Cid
        assertThat(routing.availableCount(SERVICE)).isEqualTo(2); // Dan, Eve
        assertThat(routing.availableCount(CampaignId.of("other"))).isZero();
    }

    // ------------------------------------------------------------------ concurrency

    @Test
    void route_eightConcurrentCallsFiveAgents_fiveDifferentAgentsChosen() throws Exception {
        List<AgentEmail> agents = List.of(ANN, BOB, CID, DAN, EVE);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            // Many rounds, since a race shows only in some interleavings.
            for (int round = 0; round < 100; round++) {
                AgentRouting shared = newRouting();
                for (AgentEmail agent : agents) {
                    shared.logIn(agent, SALES, at(0));
                }
                List<Optional<AgentEmail>> results = runTogether(pool, 8,
                        () -> shared.route(RoutingRequest.anyone(SALES), at(10)));

                List<AgentEmail> chosen = new ArrayList<>();
                results.forEach(r -> r.ifPresent(chosen::add));
                assertThat(chosen).containsExactlyInAnyOrderElementsOf(agents);
                assertThat(shared.availableCount(SALES)).isZero();
                for (AgentEmail agent : agents) {
                    assertThat(shared.presence(agent)).contains(presence(agent, AgentState.ON_CALL, at(10), SALES));
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void route_eightConcurrentCallsForOnlyOneAgent_oneCallGetsThem() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            for (int round = 0; round < 100; round++) {
                AgentRouting shared = newRouting();
                shared.logIn(ANN, SALES, at(0));
                shared.logIn(BOB, SALES, at(0));
                List<Optional<AgentEmail>> results = runTogether(pool, 8,
                        () -> shared.route(RoutingRequest.only(SALES, BOB), at(10)));

                assertThat(results).filteredOn(Optional::isPresent).containsExactly(Optional.of(BOB));
                assertThat(shared.presence(ANN)).contains(presence(ANN, AgentState.AVAILABLE, at(0), SALES));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Runs a task on {@code threads} threads at once, and returns their results. Each thread
     * spins until the last one has arrived, so that they start within a few nanoseconds of each
     * other rather than being woken one after another.
     */
    private static <T> List<T> runTogether(ExecutorService pool, int threads, Supplier<T> task) throws Exception {
        AtomicInteger arrived = new AtomicInteger();
        List<Future<T>> futures = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            futures.add(pool.submit(() -> {
                arrived.incrementAndGet();
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while (arrived.get() < threads) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("not all " + threads + " threads started within 10 s");
                    }
                    // Lets the threads still to arrive run on a machine with fewer cores than threads.
                    Thread.yield();
                }
                return task.get();
            }));
        }
        List<T> results = new ArrayList<>();
        for (Future<T> future : futures) {
            results.add(future.get(20, TimeUnit.SECONDS));
        }
        return results;
    }

    // ------------------------------------------------------------------ property

    private static final List<AgentEmail> PROPERTY_AGENTS = List.of(ANN, BOB, CID, DAN);
    private static final List<CampaignId> PROPERTY_CAMPAIGNS = List.of(SALES, SERVICE, CampaignId.of("retention"));

    /**
     * One generated operation. {@code variant} picks the state of a {@code setState}, or the rule
     * of a {@code route}; {@code step} is how many seconds pass before it, 0 often enough for
     * agents to tie on {@code since}.
     */
    private record Op(int kind, int agent, int campaign, int variant, int step) {
        AgentEmail agentEmail() {
            return PROPERTY_AGENTS.get(agent);
        }

        CampaignId campaignId() {
            return PROPERTY_CAMPAIGNS.get(campaign);
        }

        AgentState state() {
            return AgentState.values()[variant];
        }

        RoutingRequest request() {
            switch (variant % 3) {
                case 0:
                    return RoutingRequest.anyone(campaignId());
                case 1:
                    return RoutingRequest.only(campaignId(), agentEmail());
                default:
                    return RoutingRequest.prefer(campaignId(), agentEmail());
            }
        }

        @Override
        public String toString() {
            String what;
            switch (kind) {
                case 0:
                    what = "logIn(" + agentEmail() + ", " + campaignId() + ")";
                    break;
                case 1:
                    what = "logOut(" + agentEmail() + ", " + campaignId() + ")";
                    break;
                case 2:
                    what = "setState(" + agentEmail() + ", " + state() + ")";
                    break;
                default:
                    RoutingRequest request = request();
                    what = "route(" + request.rule() + request.agent().map(a -> " " + a).orElse("") + ", "
                            + request.campaign() + ")";
                    break;
            }
            return "+" + step + "s " + what;
        }
    }

    private static Gen<Op> operations() {
        return Generate.range(0, 3).zip(Generate.range(0, PROPERTY_AGENTS.size() - 1),
                Generate.range(0, PROPERTY_CAMPAIGNS.size() - 1), Generate.range(0, AgentState.values().length - 1),
                Generate.range(0, 2), Op::new);
    }

    @Test
    void routing_randomOperations_agreeWithPlainModel() {
        qt().withExamples(500)
                .forAll(lists().of(operations()).ofSizeBetween(1, 60))
                .checkAssert(this::agreesWithModel);
    }

    private void agreesWithModel(List<Op> ops) {
        AgentRouting tested = newRouting();
        AgentRouting model = new ModelAgentRouting();
        Instant now = T0;
        for (int i = 0; i < ops.size(); i++) {
            Op op = ops.get(i);
            now = now.plus(Duration.ofSeconds(op.step()));
            Instant when = now;
            String where = "after operation " + i + " (" + op + ")";
            switch (op.kind()) {
                case 0:
                    tested.logIn(op.agentEmail(), op.campaignId(), now);
                    model.logIn(op.agentEmail(), op.campaignId(), now);
                    break;
                case 1:
                    tested.logOut(op.agentEmail(), op.campaignId(), now);
                    model.logOut(op.agentEmail(), op.campaignId(), now);
                    break;
                case 2:
                    boolean modelThrows = throwsIllegalState(() -> model.setState(op.agentEmail(), op.state(), when));
                    assertThat(throwsIllegalState(() -> tested.setState(op.agentEmail(), op.state(), when)))
                            .as("setState throws IllegalStateException " + where).isEqualTo(modelThrows);
                    break;
                default:
                    assertThat(tested.route(op.request(), now)).as("route " + where)
                            .isEqualTo(model.route(op.request(), now));
                    break;
            }
            assertThat(observe(tested)).as("presence, agents and available count " + where).isEqualTo(observe(model));
        }
    }

    /** Everything the routing tells about the property's agents and campaigns, in one value. */
    private record Observation(List<Optional<AgentPresence>> presences, List<List<AgentPresence>> agents,
            List<Integer> availableCounts) {
    }

    private static Observation observe(AgentRouting routing) {
        List<Optional<AgentPresence>> presences = new ArrayList<>();
        for (AgentEmail agent : PROPERTY_AGENTS) {
            presences.add(routing.presence(agent));
        }
        List<List<AgentPresence>> agents = new ArrayList<>();
        List<Integer> counts = new ArrayList<>();
        for (CampaignId campaign : PROPERTY_CAMPAIGNS) {
            agents.add(routing.agents(campaign));
            counts.add(routing.availableCount(campaign));
        }
        return new Observation(presences, agents, counts);
    }

    private static boolean throwsIllegalState(Runnable action) {
        try {
            action.run();
            return false;
        } catch (IllegalStateException e) {
            return true;
        }
    }
}
