package dev.outbound.spi.sip;

import dev.outbound.spi.directory.Agent;
import java.util.concurrent.CompletionStage;

/**
 * How the binding connects an answered call to an agent. The default,
 * {@link #blindTransfer()}, sends a REFER to the agent's SIP URI and follows the NOTIFY progress;
 * a host whose PBX bridges calls another way (an API call, a queue) plugs in its own.
 */
@FunctionalInterface
public interface AgentConnector {
    /**
     * Connects a call. The returned stage completes normally when the agent is connected
     * ({@code Connected} is reported) or exceptionally when they cannot be reached ({@code Failed}
     * is reported and the call is hung up).
     *
     * @param dialog the answered call's dialog
     * @param agent the agent
     * @return the connection's completion
     */
    CompletionStage<Void> connect(SipDialog dialog, Agent agent);

    /**
     * @return the blind transfer: REFER to the agent's endpoint, a SIP URI; Connected on the final
     *     2xx NOTIFY, Failed on a rejected REFER or a failed NOTIFY
     */
    static AgentConnector blindTransfer() {
        return BlindTransfer.INSTANCE;
    }
}
