package dev.outbound.spi.testkit;

import dev.outbound.spi.directory.Agent;
import dev.outbound.spi.directory.AgentDirectory;
import dev.outbound.spi.memory.InMemoryAgentDirectory;
import java.util.List;

class InMemoryAgentDirectoryContractTest extends AgentDirectoryContract {
    @Override
    protected AgentDirectory directoryWith(List<Agent> agents) {
        return InMemoryAgentDirectory.of(agents.toArray(Agent[]::new));
    }
}
