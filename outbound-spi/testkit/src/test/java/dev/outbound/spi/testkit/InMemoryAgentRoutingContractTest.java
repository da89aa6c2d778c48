package dev.outbound.spi.testkit;

import dev.outbound.spi.agent.AgentRouting;
import dev.outbound.spi.memory.InMemoryAgentRouting;

class InMemoryAgentRoutingContractTest extends AgentRoutingContract {
    @Override
    protected AgentRouting newRouting() {
        return InMemoryAgentRouting.create();
    }
}
