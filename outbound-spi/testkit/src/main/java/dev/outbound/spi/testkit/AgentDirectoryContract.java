package dev.outbound.spi.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outbound.core.record.AgentEmail;
import dev.outbound.spi.directory.Agent;
import dev.outbound.spi.directory.AgentDirectory;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link AgentDirectory}: extend this class and return, from
 * {@link #directoryWith(List)}, your directory holding exactly the agents given; every rule the
 * interface states is then checked against it.
 */
public abstract class AgentDirectoryContract {
    private static final Agent ANN = Agent.of(AgentEmail.of("ann@example.com"), "Ann Archer");
    private static final Agent BOB = Agent.of(AgentEmail.of("bob@example.com"), "Bob Baker").withEndpoint("sip:bob@pbx.example.com");
    private static final AgentEmail NOBODY = AgentEmail.of("nobody@example.com");

    /** For subclasses. */
    protected AgentDirectoryContract() {
    }

    /**
     * Makes the directory under test, holding these agents and no others. Called once per test.
     *
     * @param agents the agents it holds, with different e-mails; may be empty
     * @return the directory
     */
    protected abstract AgentDirectory directoryWith(List<Agent> agents);

    @Test
    void find_agentHeld_returnsAgentWithNameAndEndpoint() {
        AgentDirectory directory = directoryWith(List.of(ANN, BOB));

        assertThat(directory.find(BOB.email())).contains(BOB);
        assertThat(directory.find(ANN.email())).contains(ANN);
    }

    @Test
    void find_emailGivenInOtherCase_returnsAgent() {
        AgentDirectory directory = directoryWith(List.of(ANN));

        assertThat(directory.find(AgentEmail.of("Ann@Example.COM"))).contains(ANN);
    }

    @Test
    void find_unknownEmail_empty() {
        AgentDirectory directory = directoryWith(List.of(ANN, BOB));

        assertThat(directory.find(NOBODY)).isEmpty();
    }

    @Test
    void find_emptyDirectory_empty() {
        AgentDirectory directory = directoryWith(List.of());

        assertThat(directory.find(ANN.email())).isEmpty();
    }

    @Test
    void exists_heldAndUnknown_trueOnlyForHeld() {
        AgentDirectory directory = directoryWith(List.of(ANN, BOB));

        assertThat(directory.exists(ANN.email())).isTrue();
        assertThat(directory.exists(BOB.email())).isTrue();
        assertThat(directory.exists(NOBODY)).isFalse();
    }
}
