package dev.outbound.pacing.engine;

/**
 * How the engine decides whom to call and when (seed 001's campaign types).
 */
public enum DialMode {
    /**
     * An agent asks for the next record ({@link DialerEngine#requestPreview}), reads it and dials
     * it ({@link DialerEngine#dialPreview}); the engine places nothing on its own.
     */
    PREVIEW,
    /**
     * One call per available agent: a record is loaded for the agent and dialled after the form
     * load time; an answer goes to that agent, so no call is ever abandoned.
     */
    PROGRESSIVE,
    /**
     * The {@link Pacer} decides how many calls to place for the team; answers go to the agent
     * idle longest. The default pacer is Outbound's predictive algorithm.
     */
    PREDICTIVE,
    /**
     * A fixed number of lines per available agent ({@link EngineSettings#powerRatio()}); answers
     * go to the agent idle longest.
     */
    POWER
}
