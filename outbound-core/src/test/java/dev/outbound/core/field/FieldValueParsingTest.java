package dev.outbound.core.field;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The per-type parsing rules and messages of the spec, one example at a time. */
class FieldValueParsingTest {
    private static final FieldDefinition AGE = FieldDefinition.integer("age").build();
    private static final FieldDefinition PRICE = FieldDefinition.decimal("price").build();
    private static final FieldDefinition BORN = FieldDefinition.date("born").build();
    private static final FieldDefinition CALLBACK = FieldDefinition.dateTime("callback").build();
    private static final FieldDefinition OPTIN = FieldDefinition.bool("optin").build();
    private static final FieldDefinition PLAN = FieldDefinition.choice("plan", "gold", "silver", "bronze").build();
    private static final FieldDefinition NOTES = FieldDefinition.text("notes").size(20).build();

    private static FieldValue parsed(FieldDefinition definition, String raw) {
        return definition.parse(raw).orElseThrow();
    }

    private static FieldValueException refusal(FieldDefinition definition, String raw) {
        try {
            definition.parse(raw);
        } catch (FieldValueException e) {
            return e;
        }
        throw new AssertionError("'" + raw + "' was accepted for " + definition.name());
    }

    @Test
    void integer_signedAndTrimmed_parsed() {
        assertThat(parsed(AGE, "42")).isEqualTo(FieldValue.integer(42));
        assertThat(parsed(AGE, " -7 ")).isEqualTo(FieldValue.integer(-7));
        assertThat(parsed(AGE, "+007")).isEqualTo(FieldValue.integer(7));
        assertThat(parsed(AGE, "-9223372036854775808")).isEqualTo(FieldValue.integer(Long.MIN_VALUE));
    }

    @Test
    void integer_word_refusedWithSpecMessage() {
        FieldValueException e = refusal(AGE, "forty");

        assertThat(e).hasMessage("Invalid value for custom field 'age' "
                + "(integer between -9223372036854775808 and 9223372036854775807): 'forty'");
        assertThat(e.field()).isEqualTo("age");
        assertThat(e.value()).isEqualTo("forty");
        assertThat(e.kind()).isEqualTo(FieldProblem.Kind.WRONG_TYPE);
    }

    @Test
    void integer_outOfLongRangeOrDecimalOrNonAsciiDigits_refused() {
        assertThat(refusal(AGE, "9223372036854775808").kind()).isEqualTo(FieldProblem.Kind.WRONG_TYPE);
        assertThat(refusal(AGE, "4.0").kind()).isEqualTo(FieldProblem.Kind.WRONG_TYPE);
        assertThat(refusal(AGE, "\u0664\u0662").kind()).isEqualTo(FieldProblem.Kind.WRONG_TYPE); // Arabic-Indic 42
        assertThat(refusal(AGE, "1 000").kind()).isEqualTo(FieldProblem.Kind.WRONG_TYPE);
    }

    @Test
    void decimal_plainWithDot_parsedWithoutTrailingZeros() {
        assertThat(parsed(PRICE, "12.50")).isEqualTo(FieldValue.decimal(new BigDecimal("12.5")));
        assertThat(parsed(PRICE, "-0.001").asText()).isEqualTo("-0.001");
        assertThat(parsed(PRICE, ".5").asText()).isEqualTo("0.5");
        assertThat(parsed(PRICE, "100").asText()).isEqualTo("100");
        assertThat(parsed(PRICE, "100.00").asText()).isEqualTo("100");
    }

    @Test
    void decimal_commaOrExponent_refused() {
        assertThat(refusal(PRICE, "12,50")).hasMessage("Invalid value for custom field 'price' "
                + "(decimal number with '.' as separator, such as -12.5): '12,50'");
        assertThat(refusal(PRICE, "1e3").kind()).isEqualTo(FieldProblem.Kind.WRONG_TYPE);
    }

    @Test
    void decimalValue_exponentForm_hasPlainText() {
        assertThat(FieldValue.decimal(new BigDecimal("1E+3")).asText()).isEqualTo("1000");
        assertThat(FieldValue.decimal(new BigDecimal("1.50"))).isEqualTo(FieldValue.decimal(new BigDecimal("1.5")));
    }

    @Test
    void date_iso_parsed() {
        assertThat(parsed(BORN, "1984-02-29")).isEqualTo(FieldValue.date(LocalDate.of(1984, 2, 29)));
    }

    @Test
    void date_impossibleOrOtherFormat_refused() {
        assertThat(refusal(BORN, "1985-02-29")).hasMessage(
                "Invalid value for custom field 'born' (date as yyyy-MM-dd): '1985-02-29'");
        assertThat(refusal(BORN, "02/29/1984").kind()).isEqualTo(FieldProblem.Kind.WRONG_TYPE);
        assertThat(refusal(BORN, "1984-2-29").kind()).isEqualTo(FieldProblem.Kind.WRONG_TYPE);
    }

    @Test
    void dateTime_withTOrSpace_withOrWithoutSeconds_parsed() {
        FieldValue expected = FieldValue.dateTime(LocalDateTime.of(2024, 3, 1, 9, 30));
        assertThat(parsed(CALLBACK, "2024-03-01T09:30")).isEqualTo(expected);
        assertThat(parsed(CALLBACK, "2024-03-01 09:30")).isEqualTo(expected);
        assertThat(parsed(CALLBACK, "2024-03-01T09:30:00")).isEqualTo(expected);
        assertThat(parsed(CALLBACK, "2024-03-01 09:30:15"))
                .isEqualTo(FieldValue.dateTime(LocalDateTime.of(2024, 3, 1, 9, 30, 15)));
    }

    @Test
    void dateTime_canonicalText_alwaysHasSeconds() {
        assertThat(FieldValue.dateTime(LocalDateTime.of(2024, 3, 1, 9, 30)).asText()).isEqualTo("2024-03-01T09:30:00");
    }

    @Test
    void dateTime_fractionOrZoneOrHour24_refused() {
        FieldDefinition roomy = FieldDefinition.dateTime("callback").size(40).build();
        assertThat(refusal(roomy, "2024-03-01T09:30:00.5").kind()).isEqualTo(FieldProblem.Kind.WRONG_TYPE);
        assertThat(refusal(roomy, "2024-03-01T09:30:00Z").kind()).isEqualTo(FieldProblem.Kind.WRONG_TYPE);
        assertThat(refusal(CALLBACK, "2024-03-01T24:00").kind()).isEqualTo(FieldProblem.Kind.WRONG_TYPE);
        assertThat(refusal(CALLBACK, "2024-03-01")).hasMessage("Invalid value for custom field 'callback' "
                + "(date-time as yyyy-MM-dd'T'HH:mm[:ss] or yyyy-MM-dd HH:mm[:ss]): '2024-03-01'");
    }

    @Test
    void dateTime_longerThanDefaultSize_refusedAsTooLongBeforeType() {
        // The size rule comes first: 21 characters break the default size of 19.
        assertThat(refusal(CALLBACK, "2024-03-01T09:30:00.5")).hasMessage(
                "Invalid value for custom field 'callback' (at most 19 characters): '2024-03-01T09:30:00.5'");
    }

    @Test
    void dateTimeValue_fractionOfSecond_dropped() {
        assertThat(FieldValue.dateTime(LocalDateTime.of(2024, 3, 1, 9, 30, 15, 999_000_000)).value())
                .isEqualTo(LocalDateTime.of(2024, 3, 1, 9, 30, 15));
    }

    @Test
    void boolean_allSpellingsAnyCase_parsed() {
        for (String yes : new String[] {"true", "TRUE", "Yes", "YES", "1"}) {
            assertThat(parsed(OPTIN, yes)).as(yes).isEqualTo(FieldValue.bool(true));
        }
        for (String no : new String[] {"false", "False", "NO", "0"}) {
            assertThat(parsed(OPTIN, no)).as(no).isEqualTo(FieldValue.bool(false));
        }
    }

    @Test
    void boolean_otherWord_refused() {
        assertThat(refusal(OPTIN, "y")).hasMessage(
                "Invalid value for custom field 'optin' (one of: true, false, yes, no, 1, 0): 'y'");
    }

    @Test
    void choice_anyCase_storedInDefinitionSpelling() {
        assertThat(parsed(PLAN, "GOLD")).isEqualTo(FieldValue.choice("gold"));
        assertThat(parsed(PLAN, " Silver ")).isEqualTo(FieldValue.choice("silver"));
    }

    @Test
    void choice_notAllowed_refusedWithSpecMessage() {
        FieldValueException e = refusal(PLAN, "platinum");
        assertThat(e).hasMessage("Invalid value for custom field 'plan' (one of: gold, silver, bronze): 'platinum'");
        assertThat(e.kind()).isEqualTo(FieldProblem.Kind.NOT_ALLOWED_CHOICE);
    }

    @Test
    void text_longerThanSize_refusedWithSpecMessage() {
        String raw = "call after 6pm, ask for Maria";
        FieldValueException e = refusal(NOTES, raw);
        assertThat(e).hasMessage("Invalid value for custom field 'notes' (at most 20 characters): '" + raw + "'");
        assertThat(e.kind()).isEqualTo(FieldProblem.Kind.TOO_LONG);
    }

    @Test
    void text_exactlySize_keptAsGivenWithSpaces() {
        assertThat(parsed(NOTES, " 18 characters ok  ")).isEqualTo(FieldValue.text(" 18 characters ok  "));
        assertThat(parsed(NOTES, "x".repeat(20)).asText()).hasSize(20);
    }

    @Test
    void text_charactersOutsideBmp_countOnce() {
        String emoji = "\uD83D\uDE00"; // one character, two UTF-16 units
        assertThat(parsed(NOTES, emoji.repeat(20)).asText()).isEqualTo(emoji.repeat(20));
        assertThat(refusal(NOTES, emoji.repeat(21)).kind()).isEqualTo(FieldProblem.Kind.TOO_LONG);
    }

    @Test
    void size_appliesToIntegerText() {
        FieldDefinition small = FieldDefinition.integer("rank").size(3).build();
        assertThat(parsed(small, "-99")).isEqualTo(FieldValue.integer(-99));
        FieldValueException e = refusal(small, "1000");
        assertThat(e).hasMessage("Invalid value for custom field 'rank' (at most 3 characters): '1000'");
        assertThat(e.kind()).isEqualTo(FieldProblem.Kind.TOO_LONG);
    }

    @Test
    void blank_notRequired_isAbsent() {
        for (FieldDefinition definition : new FieldDefinition[] {AGE, PRICE, BORN, CALLBACK, OPTIN, PLAN, NOTES}) {
            assertThat(definition.parse("  ")).as(definition.name()).isEqualTo(Optional.empty());
            assertThat(definition.parse("")).as(definition.name()).isEqualTo(Optional.empty());
        }
    }

    @Test
    void blank_required_refusedAsMissing() {
        FieldDefinition email = FieldDefinition.text("email").required().build();
        FieldValueException e = refusal(email, " ");
        assertThat(e).hasMessage("Invalid value for custom field 'email' (required): ' '");
        assertThat(e.kind()).isEqualTo(FieldProblem.Kind.MISSING_REQUIRED);
    }

    @Test
    void validate_choiceBuiltInOtherCase_respelled() {
        assertThat(PLAN.validate(FieldValue.choice("BRONZE"))).isEqualTo(FieldValue.choice("bronze"));
    }

    @Test
    void validate_valueOfOtherType_refusedNamingBothTypes() {
        assertThatThrownBy(() -> AGE.validate(FieldValue.text("forty")))
                .isInstanceOf(FieldValueException.class)
                .hasMessage("Invalid value for custom field 'age' (a INTEGER value, not TEXT): 'forty'");
    }

    @Test
    void validate_textTooLongOrChoiceNotAllowed_refused() {
        assertThatThrownBy(() -> NOTES.validate(FieldValue.text("y".repeat(21))))
                .isInstanceOf(FieldValueException.class)
                .hasMessageContaining("(at most 20 characters)");
        assertThatThrownBy(() -> PLAN.validate(FieldValue.choice("platinum")))
                .isInstanceOf(FieldValueException.class)
                .hasMessage("Invalid value for custom field 'plan' (one of: gold, silver, bronze): 'platinum'");
    }

    @Test
    void values_typeAndCanonicalText() {
        assertThat(FieldValue.integer(-5).type()).isEqualTo(FieldType.INTEGER);
        assertThat(FieldValue.bool(true).asText()).isEqualTo("true");
        assertThat(FieldValue.date(LocalDate.of(7, 1, 2)).asText()).isEqualTo("0007-01-02");
        assertThat(FieldValue.choice("gold").type()).isEqualTo(FieldType.CHOICE);
        assertThat(FieldValue.text("a b").type()).isEqualTo(FieldType.TEXT);
    }

    @Test
    void values_outOfRangeYearsOrBlankTexts_refused() {
        assertThatThrownBy(() -> FieldValue.date(LocalDate.of(10_000, 1, 1))).hasMessageContaining("year between 0 and 9999");
        assertThatThrownBy(() -> FieldValue.dateTime(LocalDateTime.of(-1, 1, 1, 0, 0)))
                .hasMessageContaining("year between 0 and 9999");
        assertThatThrownBy(() -> FieldValue.text("")).hasMessageContaining("not blank");
        assertThatThrownBy(() -> FieldValue.choice("gold ")).hasMessageContaining("no surrounding spaces");
    }
}
