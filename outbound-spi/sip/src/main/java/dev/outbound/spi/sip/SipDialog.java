package dev.outbound.spi.sip;

import dev.outbound.spi.telephony.CallId;
import java.util.Objects;

/**
 * What identifies an answered call's SIP dialog, for an {@link AgentConnector} that connects the
 * call by other means than a REFER (a PBX's own API, for example).
 *
 * @param call the SPI's id of the call
 * @param sipCallId the SIP Call-ID
 * @param localTag the From tag (ours)
 * @param remoteTag the To tag (the far end's)
 * @param remoteTarget the far end's contact URI
 */
public record SipDialog(CallId call, String sipCallId, String localTag, String remoteTag, String remoteTarget) {
    /**
     * Checks that no component is null.
     *
     * @param call the call
     * @param sipCallId the Call-ID
     * @param localTag the local tag
     * @param remoteTag the remote tag
     * @param remoteTarget the remote target
     */
    public SipDialog {
        Objects.requireNonNull(call, "call");
        Objects.requireNonNull(sipCallId, "sipCallId");
        Objects.requireNonNull(localTag, "localTag");
        Objects.requireNonNull(remoteTag, "remoteTag");
        Objects.requireNonNull(remoteTarget, "remoteTarget");
    }
}
