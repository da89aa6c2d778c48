package dev.outbound.spi.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outbound.core.record.AgentEmail;
import dev.outbound.spi.directory.Agent;
import org.junit.jupiter.api.Test;

class InMemoryAgentDirectoryTest {
    private static final AgentEmail ANN = AgentEmail.of("ann@example.com");

    @Test
    void add_sameEmail_replacesAgent() {
        InMemoryAgentDirectory directory = InMemoryAgentDirectory.create();
        directory.add(Agent.of(ANN, "Ann Archer"));

        directory.add(Agent.of(ANN, "Ann Baker").withEndpoint("sip:ann@pbx.example.com"));

        assertThat(directory.find(ANN)).contains(Agent.of(ANN, "Ann Baker").withEndpoint("sip:ann@pbx.example.com"));
    }

    @Test
    void of_sameEmailTwice_laterStays() {
        InMemoryAgentDirectory directory = InMemoryAgentDirectory.of(Agent.of(ANN, "First"), Agent.of(ANN, "Second"));

        assertThat(directory.find(ANN)).contains(Agent.of(ANN, "Second"));
    }

    @Test
    void remove_heldAgent_trueAndGone() {
        InMemoryAgentDirectory directory = InMemoryAgentDirectory.of(Agent.of(ANN, "Ann Archer"));

        assertThat(directory.remove(AgentEmail.of("ANN@example.com"))).isTrue();

        assertThat(directory.exists(ANN)).isFalse();
        assertThat(directory.remove(ANN)).isFalse();
    }

    @Test
    void add_null_rejectedNamingArgument() {
        InMemoryAgentDirectory directory = InMemoryAgentDirectory.create();

        assertThatThrownBy(() -> directory.add(null)).isInstanceOf(NullPointerException.class).hasMessage("agent");
    }
}
