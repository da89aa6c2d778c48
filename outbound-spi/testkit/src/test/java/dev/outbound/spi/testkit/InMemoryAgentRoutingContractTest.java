package dev.outbound.spi.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outbound.core.record.AgentEmail;
import dev.outbound.core.record.CampaignId;
import dev.outbound.spi.agent.AgentRouting;
import dev.outbound.spi.memory.InMemoryAgentRouting;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class InMemoryAgentRoutingContractTest extends AgentRoutingContract {
    @Override
    protected AgentRouting newRouting() {
        return InMemoryAgentRouting.create();
    }

    /** The kit needs a fresh routing per test: an agent logged in to one must not show in the next. */
    @Test
    void newRouting_freshEachTime() {
        AgentEmail ann = AgentEmail.of("ann@example.com");
        CampaignId spring = CampaignId.of("spring");
        AgentRouting first = newRouting();
        first.logIn(ann, spring, Instant.parse("2026-03-02T09:00:00Z"));
        AgentRouting second = newRouting();
        assertThat(second.presence(ann)).isEmpty();
        assertThat(second.agents(spring)).isEmpty();
        assertThat(first.presence(ann)).isPresent();
    }
}
