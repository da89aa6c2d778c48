package dev.outbound.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outbound.core.InvalidValueException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RowProblemTest {
    private static RowProblem withCode(String code) {
        return new RowProblem(1, 2, Optional.of("mobile"), RowProblem.Severity.ERROR, code, "m");
    }

    @Test
    void code_upperCaseDigitsUnderscores_accepted() {
        assertThat(withCode("PHONE_INVALID").code()).isEqualTo("PHONE_INVALID");
        assertThat(withCode("E164_2").code()).isEqualTo("E164_2");
        assertThat(withCode("X").code()).isEqualTo("X");
    }

    @Test
    void code_otherwise_refusedNamingIt() {
        for (String bad : new String[] {"", "phone_invalid", "_X", "1X", "PHONE-INVALID", "PHONE INVALID", "\u00c9"}) {
            assertThatThrownBy(() -> withCode(bad)).as(bad).isInstanceOf(InvalidValueException.class)
                    .hasMessageContaining("row problem code");
        }
    }

    @Test
    void position_belowOne_refused() {
        assertThatThrownBy(() -> new RowProblem(0, 1, Optional.empty(), RowProblem.Severity.WARNING, "X", "m"))
                .isInstanceOf(InvalidValueException.class);
    }
}
