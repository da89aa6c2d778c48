package dev.outbound.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.strings;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

    private static Json.JsonException refusal(String text) {
        try {
            Json.parse(text);
        } catch (Json.JsonException e) {
            return e;
        }
        throw new AssertionError("accepted: " + text);
    }

    @Test
    void parse_objectWithEveryKindOfValue_keepsOrderAndTypes() {
        Object v = Json.parse(" {\"b\": [1, -2.5e1, 0], \"a\": \"x\", \"t\": true, \"f\": false, \"n\": null, \"o\": {}} ");
        assertThat(v).isInstanceOf(Map.class);
        @SuppressWarnings("unchecked")
        Map<String, Object> m = (Map<String, Object>) v;
        assertThat(m.keySet()).containsExactly("b", "a", "t", "f", "n", "o");
        assertThat(m.get("b")).isEqualTo(List.of(new BigDecimal("1"), new BigDecimal("-25"), BigDecimal.ZERO));
        assertThat(m.get("a")).isEqualTo("x");
        assertThat(m.get("t")).isEqualTo(Boolean.TRUE);
        assertThat(m.get("f")).isEqualTo(Boolean.FALSE);
        assertThat(m.get("n")).isSameAs(Json.NULL);
        assertThat((Map<?, ?>) m.get("o")).isEmpty();
    }

    @Test
    void parse_stringEscapes_decoded() {
        // \u00e9 is e-acute; \ud83d\ude00 is the surrogate pair of U+1F600.
        Object v = Json.parse("\"q\\\" b\\\\ s\\/ \\b\\f\\n\\r\\t \\u00e9 \\ud83d\\ude00 \\u00E9\"");
        assertThat(v).isEqualTo("q\" b\\ s/ \b\f\n\r\t \u00e9 \uD83D\uDE00 \u00e9");
    }

    @Test
    void parse_numbers_readExactly() {
        assertThat(Json.parse("0.1")).isEqualTo(new BigDecimal("0.1"));
        assertThat(Json.parse("-0")).isEqualTo(new BigDecimal("-0"));
        assertThat(Json.parse("12345678901234567890")).isEqualTo(new BigDecimal("12345678901234567890"));
        assertThat(Json.parse("1E+2")).isEqualTo(new BigDecimal("1E+2"));
    }

    @Test
    void parse_trailingComma_refusedAtTheClosingBracket() {
        Json.JsonException e = refusal("[1, 2,]");
        assertThat(e.offset()).isEqualTo(6);
        assertThat(e.getMessage()).isEqualTo("JSON at offset 6: expected a value (object, array, string, number, true, "
                + "false or null), found ']'");
    }

    @Test
    void parse_missingColon_namesWhatWasExpected() {
        Json.JsonException e = refusal("{\"a\" 1}");
        assertThat(e.offset()).isEqualTo(5);
        assertThat(e.getMessage()).contains("expected ':' after the key, found '1'");
    }

    @Test
    void parse_unterminatedString_refusedAtTheEnd() {
        Json.JsonException e = refusal("\"abc");
        assertThat(e.offset()).isEqualTo(4);
        assertThat(e.getMessage()).contains("expected '\"' to close the string, found the end of the input");
    }

    @Test
    void parse_rawControlCharacterInString_refused() {
        Json.JsonException e = refusal("\"a\nb\"");
        assertThat(e.offset()).isEqualTo(2);
        assertThat(e.getMessage()).contains("control character U+000A");
    }

    @Test
    void parse_badEscapes_refused() {
        assertThat(refusal("\"\\x\"").offset()).isEqualTo(2);
        Json.JsonException e = refusal("\"\\u12G4\"");
        assertThat(e.offset()).isEqualTo(5);
        assertThat(e.getMessage()).contains("four hexadecimal digits");
    }

    @Test
    void parse_repeatedKey_refusedAtTheSecond() {
        Json.JsonException e = refusal("{\"a\": 1, \"a\": 2}");
        assertThat(e.offset()).isEqualTo(9);
        assertThat(e.getMessage()).contains("not a second \"a\"");
    }

    @Test
    void parse_leadingZeroAndBareDot_refused() {
        assertThat(refusal("01").offset()).isEqualTo(1);
        assertThat(refusal("1.").offset()).isEqualTo(2);
        assertThat(refusal("-").offset()).isEqualTo(1);
        assertThat(refusal(".5").offset()).isEqualTo(0);
    }

    @Test
    void parse_somethingAfterTheValue_refused() {
        Json.JsonException e = refusal("{} x");
        assertThat(e.offset()).isEqualTo(3);
        assertThat(e.getMessage()).contains("expected the end of the input after the value, found 'x'");
    }

    @Test
    void parse_commentsSingleQuotesAndMisspeltLiterals_refused() {
        assertThat(refusal("// c\n1").offset()).isEqualTo(0);
        assertThat(refusal("'a'").offset()).isEqualTo(0);
        assertThat(refusal("tru").offset()).isEqualTo(0);
        assertThat(refusal("").getMessage()).contains("found the end of the input");
    }

    @Test
    void parse_deepNesting_refusedBeforeTheStackRunsOut() {
        String deep = "[".repeat(100_000);
        Json.JsonException e = refusal(deep);
        assertThat(e.offset()).isEqualTo(Json.MAX_DEPTH);
        assertThat(refusal("[".repeat(Json.MAX_DEPTH) + "]".repeat(Json.MAX_DEPTH) + "x").offset())
                .isEqualTo(2 * Json.MAX_DEPTH);
    }

    @Test
    void write_objectOfLists_oneMemberALineAndFlatListsInline() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("v", 1);
        m.put("cols", Map.of("A\"b", List.of("x", "y")));
        m.put("none", List.of());
        m.put("n", Json.NULL);
        assertThat(Json.write(m)).isEqualTo("{\n  \"v\": 1,\n  \"cols\": {\n    \"A\\\"b\": [\"x\", \"y\"]\n  },\n"
                + "  \"none\": [],\n  \"n\": null\n}");
    }

    @Test
    void write_controlCharacters_escaped() {
        assertThat(Json.write("a\u0001\n\t")).isEqualTo("\"a\\u0001\\n\\t\"");
    }

    @Test
    void write_unsupportedValue_refused() {
        assertThatThrownBy(() -> Json.write(new Object())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("a JSON value");
        assertThatThrownBy(() -> Json.write(List.of(Double.NaN))).hasMessageContaining("finite");
    }

    @Test
    void writeThenParse_anyString_givesItBack() {
        qt().forAll(strings().allPossible().ofLengthBetween(0, 40))
                .checkAssert(s -> assertThat(Json.parse(Json.write(Map.of(s, List.of(s))))).isEqualTo(Map.of(s, List.of(s))));
    }

    @Test
    void parse_anyText_returnsOrRefusesWithAnOffsetInside() {
        qt().forAll(strings().basicLatinAlphabet().ofLengthBetween(0, 30)).checkAssert(s -> {
            try {
                Json.parse(s);
            } catch (Json.JsonException e) {
                assertThat(e.offset()).isBetween(0, s.length());
            }
        });
    }

    @Test
    void write_specialCharacters_escapedAsRfc8259Requires_andLineSeparatorsForJavaScript() {
        assertThat(Json.write(Map.of("s", "a\"b\\c\nd\re\tf\u0001g\u001fh\u2028i/é😀")))
                .isEqualTo("{\n  \"s\": \"a\\\"b\\\\c\\nd\\re\\tf\\u0001g\\u001fh\\u2028i/é😀\"\n}");
    }

    @Test
    void write_loneSurrogate_escaped() {
        assertThat(Json.write(List.of("x\ud800y", "\udc00"))).isEqualTo("[\"x\\ud800y\", \"\\udc00\"]");
    }

    @Test
    void write_nestedObjectsAndArrays_oneMemberPerLine_flatArraysOnOneLine() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("n", 42L);
        root.put("b", true);
        root.put("absent", Json.NULL);
        root.put("empty", List.of());
        root.put("list", List.of(Map.of("k", "v")));
        root.put("a\"b", new BigDecimal("1E+3"));

        assertThat(Json.write(root)).isEqualTo("{\n"
                + "  \"n\": 42,\n"
                + "  \"b\": true,\n"
                + "  \"absent\": null,\n"
                + "  \"empty\": [],\n"
                + "  \"list\": [\n"
                + "    {\n"
                + "      \"k\": \"v\"\n"
                + "    }\n"
                + "  ],\n"
                + "  \"a\\\"b\": 1000\n"
                + "}");
    }

    @Test
    void isWritable_exactlyWhatWriteAccepts() {
        assertThat(Json.isWritable(Map.of("a", List.of(1, 2.5, "x", true, Json.NULL)))).isTrue();
        assertThat(Json.isWritable(Map.of("a", Double.NaN))).isFalse();
        assertThat(Json.isWritable(Map.of(1, "x"))).isFalse();
        assertThat(Json.isWritable(new Object())).isFalse();
        assertThat(Json.isWritable(null)).isFalse();
    }
}
