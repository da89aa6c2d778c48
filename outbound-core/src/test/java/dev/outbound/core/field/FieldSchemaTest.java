package dev.outbound.core.field;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outbound.core.InvalidValueException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FieldSchemaTest {
    private static final FieldSchema SCHEMA = FieldSchema.of(
            FieldDefinition.text("email").required().unique().build(),
            FieldDefinition.integer("age").build(),
            FieldDefinition.choice("plan", "gold", "silver", "bronze").build(),
            FieldDefinition.text("notes").size(20).multiLine().build());

    private static Map<String, String> ordered(String... keysAndValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    @Test
    void of_namesDifferingOnlyInCase_refused() {
        assertThatThrownBy(() -> FieldSchema.of(FieldDefinition.text("Email").build(), FieldDefinition.text("email").build()))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("unique in the schema regardless of case")
                .hasMessageContaining("'Email'")
                .hasMessageContaining("'email'");
    }

    @Test
    void definition_anyCaseAndSpaces_found() {
        assertThat(SCHEMA.definition(" AGE ")).map(FieldDefinition::name).contains("age");
        assertThat(SCHEMA.definition("height")).isEmpty();
        assertThat(FieldSchema.empty().definitions()).isEmpty();
    }

    @Test
    void parse_validInput_typedValuesInSchemaOrderUnderDefinitionSpelling() {
        CustomFields values = SCHEMA.parse(ordered("Plan", "GOLD", "AGE", " 42 ", "email", "ann@example.com"),
                UnknownFields.REJECT);

        assertThat(values.asMap()).containsExactly(
                Map.entry("email", FieldValue.text("ann@example.com")),
                Map.entry("age", FieldValue.integer(42)),
                Map.entry("plan", FieldValue.choice("gold")));
    }

    @Test
    void parse_blankOptionalValues_absent() {
        CustomFields values = SCHEMA.parse(ordered("email", "a@b.c", "age", "", "plan", "  "), UnknownFields.REJECT);
        assertThat(values.asMap()).containsOnlyKeys("email");
    }

    @Test
    void parse_firstProblemInSchemaOrder_thrown() {
        Map<String, String> raw = ordered("plan", "platinum", "age", "forty");
        assertThatThrownBy(() -> SCHEMA.parse(raw, UnknownFields.REJECT))
                .isInstanceOf(FieldValueException.class)
                .hasMessage("Invalid value for custom field 'email' (required): ''");
    }

    @Test
    void check_badInput_reportsEveryProblemAndKeepsGoodValues() {
        Map<String, String> raw = ordered("email", "a@b.c", "age", "forty", "plan", "platinum",
                "notes", "x".repeat(21), "shoe_size", "44");

        FieldCheck check = SCHEMA.check(raw, UnknownFields.REJECT);

        assertThat(check.isValid()).isFalse();
        assertThat(check.values().asMap()).containsExactly(Map.entry("email", FieldValue.text("a@b.c")));
        assertThat(check.problems()).extracting(FieldProblem::field, FieldProblem::kind).containsExactly(
                org.assertj.core.groups.Tuple.tuple("age", FieldProblem.Kind.WRONG_TYPE),
                org.assertj.core.groups.Tuple.tuple("plan", FieldProblem.Kind.NOT_ALLOWED_CHOICE),
                org.assertj.core.groups.Tuple.tuple("notes", FieldProblem.Kind.TOO_LONG),
                org.assertj.core.groups.Tuple.tuple("shoe_size", FieldProblem.Kind.UNKNOWN_FIELD));
        assertThat(check.problems().get(3).message())
                .isEqualTo("Invalid value for custom field 'shoe_size' (a field the schema defines): '44'");
        assertThatThrownBy(check::orThrow).isInstanceOf(FieldValueException.class)
                .hasMessageContaining("custom field 'age'");
    }

    @Test
    void check_missingRequired_reported() {
        FieldCheck check = SCHEMA.check(Map.of("age", "3"), UnknownFields.REJECT);
        assertThat(check.problems()).containsExactly(
                new FieldProblem("email", "required", "", FieldProblem.Kind.MISSING_REQUIRED));
    }

    @Test
    void unknownFields_keepAsText_keptUnderGivenNameAfterSchemaFields() {
        CustomFields values = SCHEMA.parse(ordered("Shoe Size", "44", "email", "a@b.c", "empty_extra", " "),
                UnknownFields.KEEP_AS_TEXT);
        assertThat(values.asMap()).containsExactly(
                Map.entry("email", FieldValue.text("a@b.c")),
                Map.entry("Shoe Size", FieldValue.text("44")));
    }

    @Test
    void unknownFields_drop_leftOut() {
        CustomFields values = SCHEMA.parse(ordered("shoe_size", "44", "email", "a@b.c"), UnknownFields.DROP);
        assertThat(values.asMap()).containsOnlyKeys("email");
    }

    @Test
    void unknownFields_blankValue_neverAProblem() {
        assertThat(SCHEMA.check(ordered("email", "a@b.c", "extra", ""), UnknownFields.REJECT).isValid()).isTrue();
    }

    @Test
    void check_sameFieldTwiceInDifferentCase_duplicateReported() {
        FieldCheck check = SCHEMA.check(ordered("email", "a@b.c", "age", "3", "AGE", "4"), UnknownFields.REJECT);

        assertThat(check.values().get("age")).contains(FieldValue.integer(3));
        assertThat(check.problems()).containsExactly(new FieldProblem("AGE", "given once, but also given as 'age'", "4",
                FieldProblem.Kind.DUPLICATE_FIELD));
    }

    @Test
    void check_nullValue_treatedAsMissing() {
        Map<String, String> raw = new HashMap<>();
        raw.put("email", null);
        raw.put("age", null);
        assertThat(SCHEMA.check(raw, UnknownFields.REJECT).problems())
                .extracting(FieldProblem::field, FieldProblem::kind)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("email", FieldProblem.Kind.MISSING_REQUIRED));
    }

    @Test
    void validate_valuesBuiltInCode_checkedAndChoiceRespelled() {
        CustomFields built = CustomFields.empty()
                .with("EMAIL", FieldValue.text("a@b.c"))
                .with("plan", FieldValue.choice("Silver"))
                .with("source", FieldValue.integer(7));

        CustomFields kept = SCHEMA.validate(built, UnknownFields.KEEP_AS_TEXT);

        assertThat(kept.asMap()).containsExactly(
                Map.entry("email", FieldValue.text("a@b.c")),
                Map.entry("plan", FieldValue.choice("silver")),
                Map.entry("source", FieldValue.integer(7)));
    }

    @Test
    void validate_wrongTypeMissingRequiredAndUnknown_allReportedByCheck() {
        CustomFields built = CustomFields.empty().with("age", FieldValue.text("forty")).with("extra", FieldValue.bool(true));

        FieldCheck check = SCHEMA.check(built, UnknownFields.REJECT);

        assertThat(check.problems()).containsExactly(
                new FieldProblem("email", "required", "", FieldProblem.Kind.MISSING_REQUIRED),
                new FieldProblem("age", "a INTEGER value, not TEXT", "forty", FieldProblem.Kind.WRONG_TYPE),
                new FieldProblem("extra", "a field the schema defines", "true", FieldProblem.Kind.UNKNOWN_FIELD));
        assertThat(SCHEMA.check(built, UnknownFields.DROP).problems()).hasSize(2);
    }

    @Test
    void findUniqueViolations_sharedEmail_reportedWithPositions() {
        List<CustomFields> records = List.of(
                SCHEMA.parse(Map.of("email", "a@b.c"), UnknownFields.REJECT),
                SCHEMA.parse(Map.of("email", "x@y.z"), UnknownFields.REJECT),
                SCHEMA.parse(Map.of("email", "a@b.c", "age", "4"), UnknownFields.REJECT));

        assertThat(SCHEMA.findUniqueViolations(records)).containsExactly(
                new UniqueFieldIndex.DuplicateValue<>("email", FieldValue.text("a@b.c"), List.of(0, 2)));
    }

    @Test
    void check_manyUnknownFields_aLaterOneInAnotherCase_duplicateReported() {
        Map<String, String> raw = new LinkedHashMap<>();
        raw.put("email", "a@b.c");
        for (int i = 0; i < 10; i++) {
            raw.put("extra" + i, "v" + i);
        }
        raw.put("EXTRA9", "again");
        raw.put("Extra2", "again");
        FieldCheck check = SCHEMA.check(raw, UnknownFields.KEEP_AS_TEXT);

        assertThat(check.problems()).containsExactly(
                new FieldProblem("EXTRA9", "given once, but also given as 'extra9'", "again", FieldProblem.Kind.DUPLICATE_FIELD),
                new FieldProblem("Extra2", "given once, but also given as 'extra2'", "again", FieldProblem.Kind.DUPLICATE_FIELD));
        assertThat(check.values().text("extra9")).contains("v9");
    }
}
