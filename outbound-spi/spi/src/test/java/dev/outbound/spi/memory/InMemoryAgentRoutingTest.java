package dev.outbound.spi.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outbound.core.record.AgentEmail;
import dev.outbound.core.record.CampaignId;
import dev.outbound.spi.agent.AgentState;
import dev.outbound.spi.agent.RoutingRequest;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class InMemoryAgentRoutingTest {
    private static final CampaignId SALES = CampaignId.of("sales");
    private static final Instant T0 = Instant.parse("2024-03-01T09:00:00Z");

    @Test
    void route_manyAgentsCycling_alwaysLongestIdleInRotation() {
        // 1,000 agents logged in one second apart take calls and come back: a round robin,
        // agent i being chosen on calls i, i + 1000, i + 2000.
        InMemoryAgentRouting routing = InMemoryAgentRouting.create();
        int agents = 1_000;
        for (int i = 0; i < agents; i++) {
            routing.logIn(agent(i), SALES, T0.plusSeconds(i));
        }
        for (int call = 0; call < 3 * agents; call++) {
            Instant at = T0.plusSeconds(agents + call);
            AgentEmail chosen = routing.route(RoutingRequest.anyone(SALES), at).orElseThrow();
            assertThat(chosen).isEqualTo(agent(call % agents));
            routing.setState(chosen, AgentState.AVAILABLE, at);
        }
        assertThat(routing.availableCount(SALES)).isEqualTo(agents);
    }

    private static AgentEmail agent(int i) {
        return AgentEmail.of(String.format("agent%04d@example.com", i));
    }
}
