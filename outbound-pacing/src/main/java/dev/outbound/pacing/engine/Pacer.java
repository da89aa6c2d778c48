package dev.outbound.pacing.engine;

/**
 * Decides how many calls for any agent to place now, in {@link DialMode#PREDICTIVE} and
 * {@link DialMode#POWER}. The engine asks on every pacing interval and whenever an agent becomes
 * available, and never while an answered call waits for an agent (seed 001); it places at most
 * what the lines and the caps allow, whatever the pacer says. {@link Pacers} makes the shipped
 * ones; a host may plug in its own. Called from the engine's work only, one call at a time.
 */
public interface Pacer {
    /**
     * @param context what the engine knows now
     * @return how many calls to place now, 0 or more
     */
    int dialsNow(PacingContext context);

    /**
     * Hears of a live answer once the engine has recorded it, connected or abandoned, on the
     * context's ledger: the moment for an adaptive pacer to adapt. The default does nothing.
     *
     * @param context what the engine knows now
     * @param abandoned whether the answer was abandoned
     */
    default void onLiveAnswer(PacingContext context, boolean abandoned) {
    }

    /** @return a short name for reports, such as {@code "predictive"} */
    default String name() {
        return getClass().getSimpleName();
    }
}
