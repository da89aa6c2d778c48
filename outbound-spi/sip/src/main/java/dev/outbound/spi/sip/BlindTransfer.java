package dev.outbound.spi.sip;

import dev.outbound.spi.directory.Agent;
import java.util.concurrent.CompletionStage;

/** The REFER-based connector: a marker the telephony recognises and runs itself. */
final class BlindTransfer implements AgentConnector {
    static final BlindTransfer INSTANCE = new BlindTransfer();

    private BlindTransfer() {
    }

    @Override
    public CompletionStage<Void> connect(SipDialog dialog, Agent agent) {
        throw new UnsupportedOperationException("the blind transfer is run by SipTelephony itself");
    }

    @Override
    public String toString() {
        return "blind transfer (REFER)";
    }
}
