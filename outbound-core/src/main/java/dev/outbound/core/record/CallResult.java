package dev.outbound.core.record;

/**
 * How a placed call ended, as far as the record's lifecycle is concerned. Each result has a
 * treatment in the campaign's dialing rules.
 */
public enum CallResult {
    /** A person answered and was connected to an agent. */
    HUMAN_ANSWER,
    /** An answering machine or voicemail answered. */
    ANSWERING_MACHINE,
    /** The line was busy. */
    BUSY,
    /** It rang until the ring timeout, or the network reported no answer. */
    NO_ANSWER,
    /** The callee or the network rejected the call. */
    REJECTED,
    /** The number does not exist or cannot be reached as dialled. */
    INVALID_NUMBER,
    /** The call failed in the network or the telephony layer. */
    NETWORK_FAILURE,
    /** A person answered but no agent was connected in time: the dialer abandoned the call. */
    ABANDONED,
    /** A fax machine answered. */
    FAX;

    /**
     * @return whether a person picked up: a human answer, or an answer the dialer abandoned
     *     (which counts as an attempt, seed 001)
     */
    public boolean isLiveAnswer() {
        return this == HUMAN_ANSWER || this == ABANDONED;
    }
}
