package dev.outbound.spi.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outbound.core.record.AgentEmail;
import dev.outbound.spi.directory.Agent;
import dev.outbound.spi.directory.AgentDirectory;
import dev.outbound.spi.memory.InMemoryAgentDirectory;
import java.util.List;
import org.junit.jupiter.api.Test;

class InMemoryAgentDirectoryContractTest extends AgentDirectoryContract {
    @Override
    protected AgentDirectory directoryWith(List<Agent> agents) {
        return InMemoryAgentDirectory.of(agents.toArray(Agent[]::new));
    }

    /** Beside the contract: the in-memory directory keeps the later of two agents with one e-mail. */
    @Test
    void directoryWith_twoAgentsOneEmail_laterKept() {
        AgentEmail ann = AgentEmail.of("ann@example.com");
        AgentDirectory d = directoryWith(List.of(Agent.of(ann, "Ann"), Agent.of(ann, "Ann Lee")));
        assertThat(d.find(ann)).map(Agent::name).contains("Ann Lee");
    }
}
