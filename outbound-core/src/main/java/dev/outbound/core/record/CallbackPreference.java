package dev.outbound.core.record;

/** Who a callback goes to (seed 003's preference types). */
public enum CallbackPreference {
    /** Any available agent. */
    ANYONE,
    /**
     * The agent who set it while the campaign's contact timeout runs after the callback time
     * (seed 001), then anyone (seed 003 "Prefer me").
     */
    PREFER_AGENT,
    /** Only the agent who set it; if it cannot be delivered before it expires, not at all (seed 003 "Only me"). */
    ONLY_AGENT,
    /** Only the other agent named in the callback (seed 003 "Other"). */
    OTHER_AGENT;

    /** @return whether the callback names an agent */
    public boolean namesAgent() {
        return this != ANYONE;
    }

    /** @return whether the named agent keeps the callback after the contact timeout runs out */
    public boolean isExclusive() {
        return this == ONLY_AGENT || this == OTHER_AGENT;
    }
}
