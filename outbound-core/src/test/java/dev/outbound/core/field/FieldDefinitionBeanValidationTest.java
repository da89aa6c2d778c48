package dev.outbound.core.field;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outbound.core.InvalidValueException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.lang.reflect.Constructor;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs Hibernate Validator over the annotated components of the definition types, to show that the
 * annotations describe the rules the constructors enforce: each input the annotations refuse, the
 * constructor refuses too, and each input they accept, it accepts.
 */
class FieldDefinitionBeanValidationTest {
    private static ValidatorFactory factory;
    private static Validator validator;

    @BeforeAll
    static void startValidator() {
        factory = Validation.buildDefaultValidatorFactory();
        validator = factory.getValidator();
    }

    @AfterAll
    static void closeValidator() {
        factory.close();
    }

    private static Set<String> violatedConstraints(String property, Object value) {
        Set<ConstraintViolation<FieldDefinition>> violations =
                validator.validateValue(FieldDefinition.class, property, value);
        return violations.stream()
                .map(v -> v.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName())
                .collect(java.util.stream.Collectors.toSet());
    }

    private static void assertConstructorRefuses(Supplier<FieldDefinition> make, String field) {
        assertThatThrownBy(make::get)
                .isInstanceOf(InvalidValueException.class)
                .satisfies(e -> assertThat(((InvalidValueException) e).field()).contains(field));
    }

    @Test
    void name_withSpace_violatesPatternAndConstructorRefuses() {
        assertThat(violatedConstraints("name", "first name")).containsExactly("Pattern");
        assertConstructorRefuses(() -> FieldDefinition.text("first name").build(), "field name");
    }

    @Test
    void name_startingWithDigit_violatesPatternAndConstructorRefuses() {
        assertThat(violatedConstraints("name", "1st")).containsExactly("Pattern");
        assertConstructorRefuses(() -> FieldDefinition.text("1st").build(), "field name");
    }

    @Test
    void name_of65Characters_violatesSizeAndConstructorRefuses() {
        String name = "a".repeat(65);
        assertThat(violatedConstraints("name", name)).containsExactly("Size");
        assertConstructorRefuses(() -> FieldDefinition.text(name).build(), "field name");
    }

    @Test
    void name_of64Characters_passesBoth() {
        String name = "a" + "_1".repeat(31) + "z";
        assertThat(name).hasSize(64);
        assertThat(violatedConstraints("name", name)).isEmpty();
        assertThat(FieldDefinition.text(name).build().name()).isEqualTo(name);
    }

    @Test
    void name_empty_violatesAndConstructorRefuses() {
        assertThat(violatedConstraints("name", "")).isNotEmpty();
        assertConstructorRefuses(() -> FieldDefinition.text("").build(), "field name");
    }

    @Test
    void displayName_blank_violatesNotBlankAndConstructorRefuses() {
        assertThat(violatedConstraints("displayName", "   ")).containsExactly("NotBlank");
        assertConstructorRefuses(() -> FieldDefinition.text("notes").displayName("   ").build(), "displayName");
    }

    @Test
    void displayName_of129Characters_violatesSizeAndConstructorRefuses() {
        String displayName = "N".repeat(129);
        assertThat(violatedConstraints("displayName", displayName)).containsExactly("Size");
        assertConstructorRefuses(() -> FieldDefinition.text("notes").displayName(displayName).build(), "displayName");
    }

    @Test
    void type_null_violatesNotNullAndConstructorRefuses() {
        assertThat(violatedConstraints("type", null)).containsExactly("NotNull");
        assertThatThrownBy(() -> FieldDefinition.newBuilder("notes", null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void size_zeroOrNegative_violatesPositiveAndConstructorRefuses() {
        for (int size : new int[] {0, -1}) {
            assertThat(violatedConstraints("size", size)).containsExactly("Positive");
            assertConstructorRefuses(() -> FieldDefinition.text("notes").size(size).build(), "size");
        }
    }

    @Test
    void size_aboveMaximum_violatesMaxAndConstructorRefuses() {
        assertThat(violatedConstraints("size", 65_536)).containsExactly("Max");
        assertConstructorRefuses(() -> FieldDefinition.text("notes").size(65_536).build(), "size");
        assertThat(violatedConstraints("size", 65_535)).isEmpty();
        assertThat(FieldDefinition.text("notes").size(65_535).build().size()).isEqualTo(65_535);
    }

    @Test
    void allowedValues_withBlankEntry_violatesElementConstraintAndConstructorRefuses() {
        List<String> allowed = List.of("gold", " ");
        assertThat(violatedConstraints("allowedValues", allowed)).containsExactly("NotBlank");
        assertConstructorRefuses(() -> FieldDefinition.choice("plan", "gold", " ").build(), "allowedValues");
    }

    @Test
    void allowedValues_null_violatesNotNull() {
        assertThat(violatedConstraints("allowedValues", null)).containsExactly("NotNull");
    }

    @Test
    void constructorParameters_invalidNameAndSize_bothReportedByExecutableValidation() throws Exception {
        Constructor<FieldDefinition> canonical = FieldDefinition.class.getConstructor(String.class, String.class,
                FieldType.class, int.class, boolean.class, boolean.class, List.class, boolean.class);
        Object[] arguments = {"bad name", "Bad", FieldType.TEXT, 0, false, false, List.of(), false};

        Set<ConstraintViolation<FieldDefinition>> violations =
                validator.forExecutables().validateConstructorParameters(canonical, arguments);

        assertThat(violations)
                .extracting(v -> v.getPropertyPath().toString())
                .containsExactlyInAnyOrder("FieldDefinition.name", "FieldDefinition.size");
        assertThatThrownBy(() -> canonical.newInstance(arguments))
                .hasCauseInstanceOf(InvalidValueException.class);
    }

    @Test
    void constructorParameters_validDefinition_noViolations() throws Exception {
        Constructor<FieldDefinition> canonical = FieldDefinition.class.getConstructor(String.class, String.class,
                FieldType.class, int.class, boolean.class, boolean.class, List.class, boolean.class);
        Object[] arguments = {"plan", "Plan", FieldType.CHOICE, 10, true, false, List.of("gold", "silver"), false};

        assertThat(validator.forExecutables().validateConstructorParameters(canonical, arguments)).isEmpty();
        assertThat(canonical.newInstance(arguments).allowedValues()).containsExactly("gold", "silver");
    }

    @Test
    void builtDefinition_validatedAsBean_hasNoViolations() {
        FieldDefinition definition = FieldDefinition.choice("plan", "gold", "silver").required().build();
        assertThat(validator.validate(definition)).isEmpty();
    }

    @Test
    void textValue_blank_violatesNotBlankAndConstructorRefuses() {
        Set<ConstraintViolation<FieldValue.Text>> violations =
                validator.validateValue(FieldValue.Text.class, "value", " \t");
        assertThat(violations).extracting(v -> v.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName())
                .containsExactly("NotBlank");
        assertThatThrownBy(() -> FieldValue.text(" \t")).isInstanceOf(InvalidValueException.class);
    }
}
