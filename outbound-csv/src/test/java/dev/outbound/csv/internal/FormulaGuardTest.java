package dev.outbound.csv.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.strings;

import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

class FormulaGuardTest {

    @Test
    void guard_formulaStarts_quoted() {
        assertThat(FormulaGuard.guard("=SUM(A1)")).isEqualTo("'=SUM(A1)");
        assertThat(FormulaGuard.guard("+33")).isEqualTo("'+33");
        assertThat(FormulaGuard.guard("-5")).isEqualTo("'-5");
        assertThat(FormulaGuard.guard("@cmd")).isEqualTo("'@cmd");
        assertThat(FormulaGuard.guard("\tx")).isEqualTo("'\tx");
        assertThat(FormulaGuard.guard("\rx")).isEqualTo("'\rx");
    }

    @Test
    void guard_leadingQuote_doubledSoThatUnguardIsExact() {
        assertThat(FormulaGuard.guard("'=x")).isEqualTo("''=x");
        assertThat(FormulaGuard.guard("'")).isEqualTo("''");
        assertThat(FormulaGuard.unguard("''=x")).isEqualTo("'=x");
        assertThat(FormulaGuard.unguard("''")).isEqualTo("'");
    }

    @Test
    void unguard_quoteBeforeOrdinaryText_keptAsWritten() {
        assertThat(FormulaGuard.unguard("'tis")).isEqualTo("'tis");
        assertThat(FormulaGuard.unguard("'")).isEqualTo("'");
        assertThat(FormulaGuard.unguard("plain")).isEqualTo("plain");
        assertThat(FormulaGuard.unguard("")).isEmpty();
    }

    @Test
    void unguardOfGuard_isTheValue_forAnyText() {
        Gen<String> starts = strings().betweenCodePoints(0, 127).ofLengthBetween(0, 3);
        Gen<String> text = strings().allPossible().ofLengthBetween(0, 12);
        qt().withExamples(2_000).forAll(starts, text).check((a, b) -> {
            String value = a + b;
            return FormulaGuard.unguard(FormulaGuard.guard(value)).equals(value);
        });
    }
}
