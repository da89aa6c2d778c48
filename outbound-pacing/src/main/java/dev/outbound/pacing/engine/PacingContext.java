package dev.outbound.pacing.engine;

import dev.outbound.pacing.abandon.AbandonLedger;
import dev.outbound.pacing.predict.PacingModel;
import dev.outbound.pacing.predict.Snapshot;
import dev.outbound.pacing.predict.TeamView;
import java.time.Instant;

/**
 * What a {@link Pacer} may read when it decides: the instant, the agents and calls now, the
 * campaign's abandon ledger and what the engine has learnt. Valid only during the call it is given
 * to.
 */
public interface PacingContext {
    /** @return now */
    Instant now();

    /** @return agents logged in and available, waiting for a call */
    int availableAgents();

    /** @return agents logged in and not paused: those who take calls */
    int activeAgents();

    /** @return calls placed for any agent that are not yet answered or ended */
    int ringing();

    /** @return the most calls the engine may place now: lines and caps left */
    int lineLimit();

    /** @return the agents and the calls ringing, as the predictive forecast reads them */
    Snapshot snapshot();

    /**
     * The same agents and calls as {@link #snapshot()}, read in place: the engine's view allocates
     * nothing. Valid only during the call the context is given to.
     *
     * @return the team and its calls ringing now; by default the snapshot
     */
    default TeamView team() {
        return snapshot();
    }

    /** @return the campaign's abandoned-call ledger, with the rule and its window */
    AbandonLedger ledger();

    /** @return what the engine has learnt from its calls (answer rate, ring, talk and wrap-up times) */
    PacingModel model();
}
