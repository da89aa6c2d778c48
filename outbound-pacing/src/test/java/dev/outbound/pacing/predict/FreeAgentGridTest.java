package dev.outbound.pacing.predict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import dev.outbound.spi.agent.AgentState;
import org.junit.jupiter.api.Test;

class FreeAgentGridTest {
    private static final int STEPS = 30;
    private static final PacingModel MODEL = StandardCalls.trained(7, 0.25, 2_000);

    /**
     * A grid that remembers survival values by quarter second gives exactly the values of one that
     * evaluates every point, for any elapsed quarter second (including past the memo's end, where
     * the look-ups fall back to evaluating), however the memo was filled before.
     */
    @Test
    void memoisedGrid_givesTheValuesOfAnUnmemoisedOne() {
        FreeAgentGrid plain = new FreeAgentGrid(MODEL, 1.0, 2.0, STEPS);
        FreeAgentGrid.Memo talk = new FreeAgentGrid.Memo(FreeAgentGrid.MEMO_QUARTERS);
        FreeAgentGrid.Memo wrap = new FreeAgentGrid.Memo(FreeAgentGrid.MEMO_QUARTERS);
        FreeAgentGrid memoised = new FreeAgentGrid(MODEL, 1.0, 2.0, STEPS, talk, wrap);
        int lastQuarter = FreeAgentGrid.MEMO_QUARTERS + 4 * 60;
        qt().withExamples(2_000)
                .forAll(integers().between(0, lastQuarter), integers().between(0, 1))
                .checkAssert((quarter, talking) -> {
                    AgentState state = talking == 1 ? AgentState.ON_CALL : AgentState.WRAP_UP;
                    double elapsed = quarter / 4.0;
                    double[] expected = new double[STEPS];
                    double[] actual = new double[STEPS];
                    plain.freeBy(state, elapsed, expected);
                    memoised.freeBy(state, elapsed, actual);
                    assertThat(actual).as("%s for %s s", state, elapsed).containsExactly(expected);
                });
    }

    @Test
    void talkingAgent_isFreeByLaterStepsMoreSurely() {
        FreeAgentGrid grid = new FreeAgentGrid(MODEL, 1.0, 2.0, STEPS);
        double[] free = new double[STEPS];
        grid.freeBy(AgentState.ON_CALL, 95.25, free);
        for (int j = 1; j < STEPS; j++) {
            assertThat(free[j]).as("step %s", j + 1).isGreaterThanOrEqualTo(free[j - 1]);
        }
        // Wrap-up is 10 s: nobody who is still talking is free within 10 s of now, plus the offset.
        assertThat(free[0]).isZero();
        assertThat(free[STEPS - 1]).isBetween(0.0, 1.0).isPositive();
    }
}
