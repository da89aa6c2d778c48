package dev.outbound.csv.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class JsonWriterTest {
    @Test
    void string_specialCharacters_escapedAsRfc8259Requires() {
        JsonWriter j = new JsonWriter();
        j.beginObject().name("s").value("a\"b\\c\nd\re\tf\u0001g\u001fh\u2028i/é😀").endObject();

        assertThat(j.toString()).isEqualTo(
                "{\n  \"s\": \"a\\\"b\\\\c\\nd\\re\\tf\\u0001g\\u001fh\\u2028i/é😀\"\n}");
    }

    @Test
    void string_loneSurrogate_escaped() {
        JsonWriter j = new JsonWriter();
        j.beginArray().value("x\ud800y").value("\udc00").endArray();

        assertThat(j.toString()).isEqualTo("[\n  \"x\\ud800y\",\n  \"\\udc00\"\n]");
    }

    @Test
    void nesting_objectsArraysAndScalars_laidOutOneMemberPerLine() {
        JsonWriter j = new JsonWriter();
        j.beginObject();
        j.name("n").value(42L);
        j.name("b").value(true);
        j.name("absent").value(Optional.empty());
        j.name("empty").beginArray().endArray();
        j.name("list").beginArray();
        j.beginObject().name("k").value("v").endObject();
        j.endArray();
        j.endObject();

        assertThat(j.toString()).isEqualTo("{\n"
                + "  \"n\": 42,\n"
                + "  \"b\": true,\n"
                + "  \"absent\": null,\n"
                + "  \"empty\": [],\n"
                + "  \"list\": [\n"
                + "    {\n"
                + "      \"k\": \"v\"\n"
                + "    }\n"
                + "  ]\n"
                + "}");
    }

    @Test
    void names_escapedToo() {
        JsonWriter j = new JsonWriter();
        j.beginObject().name("a\"b").value(1L).endObject();

        assertThat(j.toString()).isEqualTo("{\n  \"a\\\"b\": 1\n}");
    }
}
