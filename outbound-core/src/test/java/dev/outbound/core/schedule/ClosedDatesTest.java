package dev.outbound.core.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outbound.core.InvalidValueException;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClosedDatesTest {

    private static final LocalDate XMAS = LocalDate.of(2026, 12, 25);
    private static final LocalDate NEW_YEAR = LocalDate.of(2027, 1, 1);
    private static final LocalDate JULY_4 = LocalDate.of(2026, 7, 4);

    private static ClosedDates parse(String text) {
        return ClosedDates.parse(new StringReader(text));
    }

    @Test
    void parse_datesWithNamesCommentsAndBlankLines_readsEachDate() {
        ClosedDates d = parse("""
                # US holidays 2026
                2026-12-25 Christmas Day

                  2027-01-01   New Year's Day \s
                2026-07-04
                   # indented comment
                """);
        assertThat(d.asMap()).containsExactly(
                Map.entry(JULY_4, ""), Map.entry(XMAS, "Christmas Day"), Map.entry(NEW_YEAR, "New Year's Day"));
        assertThat(d.name(XMAS)).contains("Christmas Day");
        assertThat(d.name(JULY_4)).isEmpty();
        assertThat(d.name(LocalDate.of(2026, 12, 24))).isEmpty();
        assertThat(d.isEmpty()).isFalse();
    }

    @Test
    void parse_tabBetweenDateAndName_isRead() {
        ClosedDates d = parse("2026-12-25\tChristmas Day\n");
        assertThat(d.isClosed(XMAS)).isTrue();
        assertThat(d.name(XMAS)).contains("Christmas Day");
    }

    @Test
    void parse_emptyText_givesNoDates() {
        assertThat(parse("").isEmpty()).isTrue();
        assertThat(parse("# nothing\n\n").asMap()).isEmpty();
        assertThat(parse("")).isEqualTo(ClosedDates.none());
    }

    @Test
    void parse_badDate_isRefusedNamingTheLine() {
        assertThatThrownBy(() -> parse("# holidays\n2026-12-25 Christmas\n\n2026-13-01 Nonsense\n"))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("Invalid value for closed date on line 4 (an ISO date such as 2026-12-25, then an optional name): "
                        + "'2026-13-01 Nonsense'")
                .satisfies(e -> assertThat(((InvalidValueException) e).field()).isEqualTo("closed date on line 4"));
        assertThatThrownBy(() -> parse("25/12/2026"))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("closed date on line 1")
                .hasMessageContaining("'25/12/2026'");
    }

    @Test
    void isClosed_onlyOnTheListedLocalDates() {
        ClosedDates d = ClosedDates.of(XMAS, NEW_YEAR);
        assertThat(d.isClosed(XMAS)).isTrue();
        assertThat(d.isClosed(NEW_YEAR)).isTrue();
        assertThat(d.isClosed(XMAS.minusDays(1))).isFalse();
        assertThat(d.isClosed(XMAS.plusDays(1))).isFalse();
        assertThat(d.isClosedOnEpochDay(XMAS.toEpochDay())).isTrue();
        assertThat(d.isClosedOnEpochDay(JULY_4.toEpochDay())).isFalse();
    }

    @Test
    void none_closesNothing() {
        assertThat(ClosedDates.none().isEmpty()).isTrue();
        assertThat(ClosedDates.none().isClosed(XMAS)).isFalse();
        assertThat(ClosedDates.of()).isEqualTo(ClosedDates.none());
    }

    @Test
    void of_unorderedDates_areKeptInOrder() {
        ClosedDates d = ClosedDates.of(NEW_YEAR, JULY_4, XMAS, JULY_4);
        assertThat(d.asMap().keySet()).containsExactly(JULY_4, XMAS, NEW_YEAR);
        assertThat(d.isClosed(JULY_4)).isTrue();
    }

    @Test
    void union_closesTheDatesOfBothSets() {
        ClosedDates a = ClosedDates.of(XMAS);
        ClosedDates b = ClosedDates.of(NEW_YEAR, JULY_4);
        ClosedDates u = a.union(b);
        assertThat(u.asMap().keySet()).containsExactly(JULY_4, XMAS, NEW_YEAR);
        assertThat(u.isClosed(JULY_4)).isTrue();
        assertThat(u.isClosed(XMAS)).isTrue();
        assertThat(u.isClosed(NEW_YEAR)).isTrue();
        assertThat(u).isEqualTo(b.union(a));
        assertThat(a.union(ClosedDates.none())).isEqualTo(a);
        assertThat(a.isClosed(NEW_YEAR)).as("the operands are unchanged").isFalse();
    }

    @Test
    void union_keepsANameEitherSetGives() {
        ClosedDates named = parse("2026-12-25 Christmas Day");
        ClosedDates unnamed = ClosedDates.of(XMAS);
        assertThat(unnamed.union(named).name(XMAS)).contains("Christmas Day");
        assertThat(named.union(unnamed).name(XMAS)).contains("Christmas Day");
    }

    @Test
    void equals_sameDatesAndNames() {
        assertThat(parse("2026-12-25 Christmas")).isEqualTo(parse("# x\n2026-12-25   Christmas\n"));
        assertThat(parse("2026-12-25 Christmas").hashCode()).isEqualTo(parse("2026-12-25 Christmas ").hashCode());
        assertThat(parse("2026-12-25 Christmas")).isNotEqualTo(ClosedDates.of(XMAS));
    }

    @Test
    void asMap_cannotBeModified() {
        assertThatThrownBy(() -> ClosedDates.of(XMAS).asMap().put(JULY_4, "x"))
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
