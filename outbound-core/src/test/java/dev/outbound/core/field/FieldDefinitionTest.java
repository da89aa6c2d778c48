package dev.outbound.core.field;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outbound.core.InvalidValueException;
import java.util.List;
import org.junit.jupiter.api.Test;

class FieldDefinitionTest {

    @Test
    void builder_defaults_displayNameIsNameAndSizeIsTypeDefault() {
        FieldDefinition notes = FieldDefinition.text("notes").build();

        assertThat(notes.displayName()).isEqualTo("notes");
        assertThat(notes.size()).isEqualTo(255);
        assertThat(notes.required()).isFalse();
        assertThat(notes.unique()).isFalse();
        assertThat(notes.multiLine()).isFalse();
        assertThat(notes.allowedValues()).isEmpty();
    }

    @Test
    void builder_allSettings_areKept() {
        FieldDefinition notes = FieldDefinition.text("notes").displayName("Agent notes").size(20)
                .required().unique().multiLine().build();

        assertThat(notes).isEqualTo(new FieldDefinition("notes", "Agent notes", FieldType.TEXT, 20,
                true, true, List.of(), true));
    }

    @Test
    void choice_withAllowedValues_keepsThemInOrder() {
        FieldDefinition plan = FieldDefinition.choice("plan", "gold", "silver", "bronze").build();

        assertThat(plan.type()).isEqualTo(FieldType.CHOICE);
        assertThat(plan.allowedValues()).containsExactly("gold", "silver", "bronze");
    }

    @Test
    void allowedValues_onTextField_refusedNamingBoth() {
        assertThatThrownBy(() -> FieldDefinition.text("notes").allowedValues("a;b").build())
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("allowedValues")
                .hasMessageContaining("CHOICE")
                .hasMessageContaining("TEXT");
    }

    @Test
    void choice_withoutAllowedValues_refused() {
        assertThatThrownBy(() -> FieldDefinition.choice("plan").build())
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("allowedValues of field 'plan'")
                .hasMessageContaining("at least one value");
    }

    @Test
    void choice_allowedValuesDifferingOnlyInCase_refused() {
        assertThatThrownBy(() -> FieldDefinition.choice("plan", "gold", "Gold").build())
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("distinct regardless of case")
                .hasMessageContaining("'Gold'");
    }

    @Test
    void choice_allowedValueLongerThanSize_refusedNamingBoth() {
        assertThatThrownBy(() -> FieldDefinition.choice("plan", "gold", "platinum").size(4).build())
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("size, 4 characters")
                .hasMessageContaining("'platinum'");
    }

    @Test
    void choice_allowedValueWithSurroundingSpaces_refused() {
        assertThatThrownBy(() -> FieldDefinition.choice("plan", " gold").build())
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("no surrounding spaces");
    }

    @Test
    void multiLine_onIntegerField_refusedNamingBoth() {
        assertThatThrownBy(() -> FieldDefinition.integer("age").multiLine().build())
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("multiLine of field 'age'")
                .hasMessageContaining("TEXT")
                .hasMessageContaining("INTEGER");
    }

    @Test
    void name_withHyphen_refusedWithMessage() {
        assertThatThrownBy(() -> FieldDefinition.text("first-name").build())
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("Invalid value for field name (a letter, then letters, digits or _; at most 64 characters): "
                        + "'first-name'");
    }

    @Test
    void name_withUnderscoreAndDigits_accepted() {
        assertThat(FieldDefinition.text("Last_Order2").build().name()).isEqualTo("Last_Order2");
    }

    @Test
    void parseAllowedValues_semicolons_splitTrimmedAndEmptyEntriesSkipped() {
        assertThat(FieldDefinition.parseAllowedValues("gold;silver;bronze")).containsExactly("gold", "silver", "bronze");
        assertThat(FieldDefinition.parseAllowedValues(" gold ; silver;;bronze;")).containsExactly("gold", "silver", "bronze");
        assertThat(FieldDefinition.parseAllowedValues("")).isEmpty();
        assertThat(FieldDefinition.parseAllowedValues("New York;Los Angeles")).containsExactly("New York", "Los Angeles");
    }

    @Test
    void builder_allowedValuesFromSeedText_makesChoice() {
        FieldDefinition plan = FieldDefinition.newBuilder("plan", FieldType.CHOICE).allowedValues("gold;silver").build();
        assertThat(plan.allowedValues()).containsExactly("gold", "silver");
    }

    @Test
    void typeDefaults_matchTheTextFormsTheyHold() {
        // Long.MIN_VALUE as text, yyyy-MM-dd, yyyy-MM-ddTHH:mm:ss, "false".
        assertThat(FieldType.INTEGER.defaultSize()).isEqualTo("-9223372036854775808".length());
        assertThat(FieldType.DATE.defaultSize()).isEqualTo("2024-02-29".length());
        assertThat(FieldType.DATE_TIME.defaultSize()).isEqualTo("2024-02-29T13:45:00".length());
        assertThat(FieldType.BOOLEAN.defaultSize()).isEqualTo("false".length());
        assertThat(FieldType.TEXT.defaultSize()).isEqualTo(255);
    }

    @Test
    void allowedValues_isUnmodifiableCopy() {
        java.util.ArrayList<String> allowed = new java.util.ArrayList<>(List.of("gold", "silver"));
        FieldDefinition plan = FieldDefinition.newBuilder("plan", FieldType.CHOICE).allowedValues(allowed).build();
        allowed.add("bronze");

        assertThat(plan.allowedValues()).containsExactly("gold", "silver");
        assertThatThrownBy(() -> plan.allowedValues().add("x")).isInstanceOf(UnsupportedOperationException.class);
    }
}
