package dev.outbound.core.field;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UniqueFieldIndexTest {
    private static final FieldSchema SCHEMA = FieldSchema.of(
            FieldDefinition.text("email").unique().build(),
            FieldDefinition.decimal("account").unique().build(),
            FieldDefinition.text("city").build());

    private static CustomFields record(String email, String account, String city) {
        Map<String, String> raw = new LinkedHashMap<>();
        raw.put("email", email);
        raw.put("account", account);
        raw.put("city", city);
        return SCHEMA.parse(raw, UnknownFields.REJECT);
    }

    private static final Map<String, CustomFields> RECORDS = new LinkedHashMap<>();

    static {
        RECORDS.put("r1", record("a@b.c", "10.0", "Leeds"));
        RECORDS.put("r2", record("x@y.z", "10", "Leeds"));
        RECORDS.put("r3", record("a@b.c", "", "York"));
        RECORDS.put("r4", record("A@B.C", "11", "York"));
        RECORDS.put("r5", record("", "", "York"));
    }

    @Test
    void duplicates_sharedValuesOfUniqueFieldsOnly() {
        UniqueFieldIndex<String> index = UniqueFieldIndex.of(SCHEMA, RECORDS);

        assertThat(index.duplicates()).containsExactly(
                new UniqueFieldIndex.DuplicateValue<>("email", FieldValue.text("a@b.c"), List.of("r1", "r3")),
                new UniqueFieldIndex.DuplicateValue<>("account", FieldValue.decimal(new BigDecimal("10")), List.of("r1", "r2")));
    }

    @Test
    void duplicate_message_namesFieldValueAndHolders() {
        UniqueFieldIndex.DuplicateValue<String> duplicate = UniqueFieldIndex.of(SCHEMA, RECORDS).duplicates().get(0);
        assertThat(duplicate.message()).isEqualTo("Custom field 'email' is unique, but value 'a@b.c' is held by records [r1, r3]");
    }

    @Test
    void holders_anyCaseFieldName_listsRecords() {
        UniqueFieldIndex<String> index = UniqueFieldIndex.of(SCHEMA, RECORDS);
        assertThat(index.holders("EMAIL", FieldValue.text("x@y.z"))).containsExactly("r2");
        assertThat(index.holders("email", FieldValue.text("none@y.z"))).isEmpty();
        assertThat(index.holders("city", FieldValue.text("Leeds"))).isEmpty(); // not a unique field
    }

    @Test
    void conflicts_newRecordWithTakenValue_reported() {
        UniqueFieldIndex<String> index = UniqueFieldIndex.of(SCHEMA, RECORDS);
        CustomFields candidate = record("x@y.z", "12", "Hull");

        assertThat(index.conflicts(candidate)).containsExactly(
                new UniqueFieldIndex.DuplicateValue<>("email", FieldValue.text("x@y.z"), List.of("r2")));
        assertThat(index.conflicts(candidate).get(0).message()).endsWith("is held by record r2");
        assertThat(index.conflicts(record("new@y.z", "12", "Leeds"))).isEmpty();
    }

    @Test
    void ofPositions_noUniqueFields_noDuplicates() {
        FieldSchema plain = FieldSchema.of(FieldDefinition.text("city").build());
        CustomFields leeds = CustomFields.empty().with("city", FieldValue.text("Leeds"));
        assertThat(UniqueFieldIndex.ofPositions(plain, List.of(leeds, leeds)).duplicates()).isEmpty();
    }
}
