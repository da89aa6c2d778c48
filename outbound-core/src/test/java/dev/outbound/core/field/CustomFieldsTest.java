package dev.outbound.core.field;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outbound.core.InvalidValueException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CustomFieldsTest {
    private static final CustomFields FIELDS = CustomFields.empty()
            .with("age", FieldValue.integer(42))
            .with("plan", FieldValue.choice("gold"))
            .with("born", FieldValue.date(LocalDate.of(1984, 2, 29)));

    @Test
    void get_anyCase_findsValue() {
        assertThat(FIELDS.get("AGE")).contains(FieldValue.integer(42));
        assertThat(FIELDS.get("height")).isEmpty();
        assertThat(FIELDS.text("Born")).contains("1984-02-29");
        assertThat(FIELDS.has("plan")).isTrue();
    }

    @Test
    void with_existingNameOtherCase_replacesInPlace() {
        CustomFields changed = FIELDS.with("PLAN", FieldValue.choice("silver"));

        assertThat(changed.asMap()).containsExactly(
                Map.entry("age", FieldValue.integer(42)),
                Map.entry("PLAN", FieldValue.choice("silver")),
                Map.entry("born", FieldValue.date(LocalDate.of(1984, 2, 29))));
        assertThat(FIELDS.get("plan")).contains(FieldValue.choice("gold"));
    }

    @Test
    void without_removesAndLeavesOriginal() {
        CustomFields less = FIELDS.without("Age");
        assertThat(less.asMap()).containsOnlyKeys("plan", "born");
        assertThat(FIELDS.size()).isEqualTo(3);
        assertThat(FIELDS.without("height")).isSameAs(FIELDS);
    }

    @Test
    void asTextMap_canonicalTextsInOrder() {
        CustomFields fields = FIELDS.with("price", FieldValue.decimal(new BigDecimal("12.50")));
        assertThat(fields.asTextMap()).containsExactly(
                Map.entry("age", "42"), Map.entry("plan", "gold"), Map.entry("born", "1984-02-29"),
                Map.entry("price", "12.5"));
        assertThat(fields.toString()).isEqualTo("{age=42, plan=gold, born=1984-02-29, price=12.5}");
    }

    @Test
    void asMap_unmodifiable() {
        assertThatThrownBy(() -> FIELDS.asMap().put("x", FieldValue.integer(1)))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void of_namesDifferingOnlyInCase_refused() {
        Map<String, FieldValue> map = new LinkedHashMap<>();
        map.put("age", FieldValue.integer(1));
        map.put("Age", FieldValue.integer(2));
        assertThatThrownBy(() -> CustomFields.of(map))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("unique regardless of case")
                .hasMessageContaining("'Age'");
    }

    @Test
    void of_blankName_refused() {
        assertThatThrownBy(() -> CustomFields.of(Map.of(" ", FieldValue.integer(1))))
                .isInstanceOf(InvalidValueException.class);
    }

    @Test
    void equals_sameNamesAndValues_equal() {
        CustomFields same = CustomFields.of(Map.of("age", FieldValue.integer(42), "plan", FieldValue.choice("gold"),
                "born", FieldValue.date(LocalDate.of(1984, 2, 29))));
        assertThat(same).isEqualTo(FIELDS).hasSameHashCodeAs(FIELDS);
        assertThat(FIELDS.with("age", FieldValue.integer(43))).isNotEqualTo(FIELDS);
        assertThat(CustomFields.empty().isEmpty()).isTrue();
    }

    @Test
    void manyFields_namesDifferingOnlyInCase_stillRefused_andLookupsStillIgnoreCase() {
        Map<String, FieldValue> map = new LinkedHashMap<>();
        for (int i = 0; i < 12; i++) {
            map.put("field" + i, FieldValue.integer(i));
        }
        CustomFields many = CustomFields.of(map);
        assertThat(many.get("FIELD11")).contains(FieldValue.integer(11));
        assertThat(many.without("Field3").has("field3")).isFalse();
        assertThat(many.without("Field3").size()).isEqualTo(11);
        map.put("FIELD7", FieldValue.integer(99));
        assertThatThrownBy(() -> CustomFields.of(map))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("'field7' is also given");
    }

    @Test
    void equals_sameFieldsInAnotherOrder_equalWithTheSameHash_asMapsAre() {
        CustomFields reordered = CustomFields.empty()
                .with("born", FieldValue.date(LocalDate.of(1984, 2, 29)))
                .with("plan", FieldValue.choice("gold"))
                .with("age", FieldValue.integer(42));
        assertThat(reordered).isEqualTo(FIELDS).hasSameHashCodeAs(FIELDS);
        assertThat(reordered.hashCode()).isEqualTo(FIELDS.asMap().hashCode());
        assertThat(CustomFields.empty().with("AGE", FieldValue.integer(42))).isNotEqualTo(CustomFields.empty().with("age", FieldValue.integer(42)));
    }
}
