package dev.outbound.csv.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outbound.core.InvalidValueException;
import dev.outbound.core.phone.PhoneField;
import java.util.List;
import org.junit.jupiter.api.Test;

class TemplateTest {

    private static final List<String> HEADER = List.of("Customer Key", "Phone", "time_zone_source", "Notes");

    private static ColumnMapping sample() {
        return ColumnMapping.newBuilder(HEADER)
                .map("Customer Key", new Target.CustomerRef())
                .map("Phone", new Target.Phone(PhoneField.MOBILE), new Target.Custom("phone_as_given"))
                .drop("time_zone_source")
                .build();
    }

    private static String template(String unmapped, String columns) {
        return "{\"format\": \"outbound-csv-mapping\", \"version\": 1, \"unmapped\": \"" + unmapped
                + "\", \"columns\": {" + columns + "}}";
    }

    @Test
    void toJson_sample_writesEveryColumnWithItsTargets() {
        assertThat(sample().toJson()).isEqualTo("""
                {
                  "format": "outbound-csv-mapping",
                  "version": 1,
                  "unmapped": "custom_fields",
                  "columns": {
                    "Customer Key": ["customer_reference_id"],
                    "Phone": ["phone:mobile", "field:phone_as_given"],
                    "time_zone_source": [],
                    "Notes": ["field:Notes"]
                  }
                }""");
    }

    @Test
    void fromJson_ofToJson_sameTargetsForEveryColumn() {
        ColumnMapping original = sample();
        ColumnMapping back = ColumnMapping.fromJson(original.toJson(), HEADER);
        for (int i = 0; i < HEADER.size(); i++) {
            assertThat(back.targets(i)).isEqualTo(original.targets(i));
        }
        assertThat(back.unmappedAsCustomFields()).isTrue();
        assertThat(back.notes().get(1)).isEqualTo("column 2 'Phone' -> phone:mobile, field:phone_as_given (template)");
    }

    @Test
    void fromJson_autoMappingRoundTrip_sameTargets() {
        List<String> header = List.of("customer_key", "cell", "tz", "country", "extra");
        ColumnMapping auto = ColumnMapping.auto(header, MappingOptions.defaults(List.of(PhoneField.MOBILE))
                .withUnmappedDropped());
        ColumnMapping back = ColumnMapping.fromJson(auto.toJson(), header);
        for (int i = 0; i < header.size(); i++) {
            assertThat(back.targets(i)).isEqualTo(auto.targets(i));
        }
        assertThat(back.unmappedAsCustomFields()).isFalse();
    }

    @Test
    void fromJson_fileColumnsTheTemplateDoesNotName_followTheUnmappedPolicy() {
        List<String> header = List.of("id", "cell", "Later Column");
        String columns = "\"id\": [\"customer_reference_id\"], \"cell\": [\"phone:mobile\"]";
        assertThat(ColumnMapping.fromJson(template("custom_fields", columns), header).targets(2))
                .containsExactly(new Target.Custom("Later Column"));
        assertThat(ColumnMapping.fromJson(template("drop", columns), header).targets(2)).isEmpty();
    }

    @Test
    void fromJson_templateColumnsMissingFromTheFile_refusedListingAll() {
        String columns = "\"id\": [\"customer_reference_id\"], \"cell\": [\"phone:mobile\"], \"tz\": [\"local_time_zone\"]";
        assertThatThrownBy(() -> ColumnMapping.fromJson(template("drop", columns), List.of("id")))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("Invalid value for mapping template (every column it names in the file, whose header is [id]): "
                        + "missing [cell, tz]");
    }

    @Test
    void fromJson_malformedJson_refusedWithTheOffset() {
        assertThatThrownBy(() -> ColumnMapping.fromJson("{\"format\": \"outbound-csv-mapping\",}", HEADER))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("JSON at offset 34: expected a string key, found '}'");
    }

    @Test
    void fromJson_wrongVersionFormatPolicyOrMembers_refused() {
        assertThatThrownBy(() -> ColumnMapping.fromJson(template("drop", "").replace("\"version\": 1", "\"version\": 2"),
                HEADER)).hasMessageContaining("(version 1): 2");
        assertThatThrownBy(() -> ColumnMapping.fromJson(template("drop", "").replace("outbound-csv-mapping", "x"),
                HEADER)).hasMessageContaining("format \"outbound-csv-mapping\"");
        assertThatThrownBy(() -> ColumnMapping.fromJson(template("keep", ""), HEADER))
                .hasMessageContaining("unmapped \"custom_fields\" or \"drop\"");
        assertThatThrownBy(() -> ColumnMapping.fromJson("{\"columns\": {}}", HEADER))
                .hasMessageContaining("exactly the members [format, version, unmapped, columns]");
        assertThatThrownBy(() -> ColumnMapping.fromJson("[]", HEADER)).hasMessageContaining("a JSON object");
    }

    @Test
    void fromJson_badTargets_refused() {
        assertThatThrownBy(() -> ColumnMapping.fromJson(template("drop", "\"Phone\": [\"fax\"]"), HEADER))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("'fax'");
        assertThatThrownBy(() -> ColumnMapping.fromJson(template("drop", "\"Phone\": \"phone:mobile\""), HEADER))
                .hasMessageContaining("a list of targets for column 'Phone'");
        assertThatThrownBy(() -> ColumnMapping.fromJson(template("drop", "\"Phone\": [1]"), HEADER))
                .hasMessageContaining("target names (strings) for column 'Phone'");
        assertThatThrownBy(() -> ColumnMapping.fromJson(
                template("drop", "\"Phone\": [\"phone:mobile\"], \"Notes\": [\"phone:mobile\"]"), HEADER))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("expected one column, found column 2 'Phone' and column 4 'Notes'");
    }
}
