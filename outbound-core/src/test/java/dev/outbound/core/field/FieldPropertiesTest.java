package dev.outbound.core.field;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.quicktheories.generators.SourceDSL.strings;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

class FieldPropertiesTest {
    private static final long FIRST_DAY = LocalDate.of(0, 1, 1).toEpochDay();
    private static final long LAST_DAY = LocalDate.of(9999, 12, 31).toEpochDay();
    private static final long FIRST_SECOND = LocalDateTime.of(0, 1, 1, 0, 0).toEpochSecond(ZoneOffset.UTC);
    private static final long LAST_SECOND = LocalDateTime.of(9999, 12, 31, 23, 59, 59).toEpochSecond(ZoneOffset.UTC);

    private static void assertRoundTrip(FieldDefinition definition, FieldValue value) {
        assertThat(definition.parse(value.asText())).isEqualTo(Optional.of(value));
    }

    // ------------------------------------------------------------------ round trips

    @Test
    void roundTrip_text_parseOfAsTextGivesValueBack() {
        FieldDefinition definition = FieldDefinition.text("t").size(FieldDefinition.MAX_SIZE).build();
        qt().forAll(strings().allPossible().ofLengthBetween(1, 80).assuming(s -> !s.isBlank()))
                .checkAssert(s -> assertRoundTrip(definition, FieldValue.text(s)));
    }

    @Test
    void roundTrip_integer_fitsDefaultSizeAndParsesBack() {
        FieldDefinition definition = FieldDefinition.integer("i").build();
        qt().forAll(longs().all())
                .checkAssert(n -> assertRoundTrip(definition, FieldValue.integer(n)));
    }

    @Test
    void roundTrip_decimal_parseOfAsTextGivesValueBack() {
        FieldDefinition definition = FieldDefinition.decimal("d").build();
        qt().forAll(longs().all(), integers().between(-6, 18))
                .checkAssert((unscaled, scale) -> {
                    FieldValue value = FieldValue.decimal(BigDecimal.valueOf(unscaled, scale));
                    assertRoundTrip(definition, value);
                    // Normalised: same number, so numerically equal to the input.
                    assertThat(((FieldValue.DecimalValue) value).value()).isEqualByComparingTo(BigDecimal.valueOf(unscaled, scale));
                });
    }

    @Test
    void roundTrip_date_fitsDefaultSizeAndParsesBack() {
        FieldDefinition definition = FieldDefinition.date("d").build();
        qt().forAll(Generate.longRange(FIRST_DAY, LAST_DAY))
                .checkAssert(day -> assertRoundTrip(definition, FieldValue.date(LocalDate.ofEpochDay(day))));
    }

    @Test
    void roundTrip_dateTime_fitsDefaultSizeAndParsesBack() {
        FieldDefinition definition = FieldDefinition.dateTime("dt").build();
        qt().forAll(Generate.longRange(FIRST_SECOND, LAST_SECOND))
                .checkAssert(second -> assertRoundTrip(definition,
                        FieldValue.dateTime(LocalDateTime.ofEpochSecond(second, 0, ZoneOffset.UTC))));
    }

    @Test
    void roundTrip_boolean_fitsDefaultSizeAndParsesBack() {
        FieldDefinition definition = FieldDefinition.bool("b").build();
        qt().forAll(booleans().all())
                .checkAssert(b -> assertRoundTrip(definition, FieldValue.bool(b)));
    }

    @Test
    void roundTrip_choice_eachAllowedValueParsesBack() {
        FieldDefinition definition = FieldDefinition.choice("c", "Gold", "silver", "New York", "A-1").build();
        qt().forAll(Generate.pick(definition.allowedValues()))
                .checkAssert(allowed -> assertRoundTrip(definition, FieldValue.choice(allowed)));
    }

    // ------------------------------------------------------------------ size

    private static final Gen<FieldType> TYPES = Generate.enumValues(FieldType.class);

    private static FieldDefinition sized(FieldType type, int size) {
        FieldDefinition.Builder builder = FieldDefinition.newBuilder("f", type).size(size);
        if (type == FieldType.CHOICE) {
            builder.allowedValues(List.of("a", "b", "c"));
        }
        return builder.build();
    }

    @Test
    void size_textLongerThanSize_alwaysRefusedAsTooLong_otherwiseNeverForThatReason() {
        // Non-blank texts of 1 to 60 characters, with spaces inside and around.
        Gen<String> texts = strings().basicMultilingualPlaneAlphabet().ofLengthBetween(0, 59)
                .zip(Generate.pick(List.of("", " ", "  ")), (s, pad) -> pad + "x" + s + pad);
        qt().forAll(TYPES, integers().between(1, 40), texts)
                .checkAssert((type, size, raw) -> {
                    FieldDefinition definition = sized(type, size);
                    String measured = type == FieldType.TEXT ? raw : raw.strip();
                    boolean tooLong = measured.codePointCount(0, measured.length()) > size;
                    Optional<FieldProblem.Kind> kind = refusalKind(definition, raw);
                    if (tooLong) {
                        assertThat(kind).contains(FieldProblem.Kind.TOO_LONG);
                    } else {
                        assertThat(kind).isNotEqualTo(Optional.of(FieldProblem.Kind.TOO_LONG));
                    }
                    if (!tooLong && type == FieldType.TEXT) {
                        assertThat(kind).isEmpty();
                    }
                });
    }

    private static Optional<FieldProblem.Kind> refusalKind(FieldDefinition definition, String raw) {
        try {
            definition.parse(raw);
            return Optional.empty();
        } catch (FieldValueException e) {
            return Optional.of(e.kind());
        }
    }

    // ------------------------------------------------------------------ choice

    private static final List<String> WORDS = List.of("gold", "silver", "bronze", "iron", "tin", "lead");

    private static String randomCase(String word, List<Boolean> upper) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            out.append(upper.get(i % upper.size()) ? Character.toUpperCase(c) : c);
        }
        return out.toString();
    }

    @Test
    void choice_acceptedIffAllowedIgnoringCase_andKeptInDefinitionSpelling() {
        Gen<List<Integer>> allowedPicks = lists().of(integers().between(0, WORDS.size() - 1)).ofSizeBetween(1, 4);
        Gen<List<Boolean>> casing = lists().of(booleans().all()).ofSizeBetween(1, 6);
        qt().forAll(allowedPicks, Generate.pick(WORDS), casing, booleans().all())
                .checkAssert((picks, word, upper, capitaliseDefinition) -> {
                    List<String> allowed = new ArrayList<>();
                    for (int pick : picks) {
                        String spelled = capitaliseDefinition ? WORDS.get(pick).toUpperCase(Locale.ROOT) : WORDS.get(pick);
                        if (!allowed.contains(spelled)) {
                            allowed.add(spelled);
                        }
                    }
                    FieldDefinition definition = FieldDefinition.newBuilder("plan", FieldType.CHOICE)
                            .allowedValues(allowed).build();
                    String input = " " + randomCase(word, upper);
                    Optional<String> expected = allowed.stream()
                            .filter(a -> a.toLowerCase(Locale.ROOT).equals(word)).findFirst();
                    if (expected.isPresent()) {
                        assertThat(definition.parse(input)).contains(FieldValue.choice(expected.get()));
                    } else {
                        assertThatThrownBy(() -> definition.parse(input))
                                .isInstanceOfSatisfying(FieldValueException.class,
                                        e -> assertThat(e.kind()).isEqualTo(FieldProblem.Kind.NOT_ALLOWED_CHOICE));
                    }
                });
    }

    // ------------------------------------------------------------------ check against a model

    /** One input text and what the spec says of it for its field: a value, no value, or a problem kind. */
    private record Sample(String text, FieldValue value, FieldProblem.Kind problem) {
        static Sample ok(String text, FieldValue value) {
            return new Sample(text, value, null);
        }

        static Sample bad(String text, FieldProblem.Kind problem) {
            return new Sample(text, null, problem);
        }

        static Sample blank(String text) {
            return new Sample(text, null, null);
        }
    }

    private static final FieldSchema SCHEMA = FieldSchema.of(
            FieldDefinition.text("email").size(10).required().build(),
            FieldDefinition.integer("age").build(),
            FieldDefinition.choice("plan", "gold", "silver", "bronze").build(),
            FieldDefinition.bool("optin").required().build(),
            FieldDefinition.date("born").build());

    // Samples per field, with outcomes worked out by hand from the spec.
    private static final Map<String, List<Sample>> SAMPLES = Map.of(
            "email", List.of(Sample.ok("a@b.c", FieldValue.text("a@b.c")), Sample.ok(" x@y.z", FieldValue.text(" x@y.z")),
                    Sample.bad("anne@example.com", FieldProblem.Kind.TOO_LONG), Sample.blank(" ")),
            "age", List.of(Sample.ok("42", FieldValue.integer(42)), Sample.ok(" -7", FieldValue.integer(-7)),
                    Sample.bad("forty", FieldProblem.Kind.WRONG_TYPE),
                    Sample.bad("9223372036854775808", FieldProblem.Kind.WRONG_TYPE),
                    Sample.bad("123456789012345678901", FieldProblem.Kind.TOO_LONG), Sample.blank("")),
            "plan", List.of(Sample.ok("GOLD", FieldValue.choice("gold")), Sample.ok("bronze ", FieldValue.choice("bronze")),
                    Sample.bad("platinum", FieldProblem.Kind.NOT_ALLOWED_CHOICE), Sample.blank("\t")),
            "optin", List.of(Sample.ok("Yes", FieldValue.bool(true)), Sample.ok("0", FieldValue.bool(false)),
                    Sample.bad("maybe", FieldProblem.Kind.WRONG_TYPE), Sample.blank("")),
            "born", List.of(Sample.ok("1990-12-31", FieldValue.date(LocalDate.of(1990, 12, 31))),
                    Sample.bad("1990-13-01", FieldProblem.Kind.WRONG_TYPE),
                    Sample.bad("31/12/1990", FieldProblem.Kind.WRONG_TYPE),
                    Sample.bad("1990-12-31T00", FieldProblem.Kind.TOO_LONG), Sample.blank(" ")));

    private static final List<String> UNKNOWN = List.of("shoe_size", "Colour");

    @Test
    void check_randomInput_reportsExactlyTheProblemsTheModelPredicts() {
        // For each of the 5 fields and 2 unknown names: whether given, which sample, which case of the name.
        Gen<List<Integer>> picks = lists().of(integers().between(0, 59)).ofSize(3 * 7);
        qt().forAll(picks, Generate.enumValues(UnknownFields.class))
                .checkAssert((p, policy) -> {
                    Map<String, String> raw = new LinkedHashMap<>();
                    Map<String, Sample> given = new LinkedHashMap<>();
                    List<String> names = new ArrayList<>();
                    SCHEMA.definitions().forEach(d -> names.add(d.name()));
                    names.addAll(UNKNOWN);
                    for (int i = 0; i < names.size(); i++) {
                        if (p.get(3 * i) % 3 == 0) {
                            continue; // not given
                        }
                        String name = names.get(i);
                        String key = p.get(3 * i + 2) % 2 == 0 ? name : name.toUpperCase(Locale.ROOT);
                        List<Sample> samples = SAMPLES.getOrDefault(name,
                                List.of(Sample.ok("44", FieldValue.text("44")), Sample.blank("")));
                        Sample sample = samples.get(p.get(3 * i + 1) % samples.size());
                        raw.put(key, sample.text());
                        given.put(name, sample);
                    }
                    // Shuffle the input order: the report's order must not depend on it.
                    Map<String, String> shuffled = new LinkedHashMap<>();
                    List<String> keys = new ArrayList<>(raw.keySet());
                    java.util.Collections.rotate(keys, p.get(0));
                    keys.forEach(k -> shuffled.put(k, raw.get(k)));

                    FieldCheck check = SCHEMA.check(shuffled, policy);

                    List<String> expectedProblems = new ArrayList<>();
                    Map<String, FieldValue> expectedValues = new LinkedHashMap<>();
                    for (FieldDefinition definition : SCHEMA.definitions()) {
                        Sample sample = given.get(definition.name());
                        if (sample == null || (sample.value() == null && sample.problem() == null)) {
                            if (definition.required()) {
                                expectedProblems.add(definition.name() + ":MISSING_REQUIRED");
                            }
                        } else if (sample.problem() != null) {
                            expectedProblems.add(definition.name() + ":" + sample.problem());
                        } else {
                            expectedValues.put(definition.name(), sample.value());
                        }
                    }
                    for (String key : keys) {
                        String name = key.toLowerCase(Locale.ROOT);
                        Sample sample = UNKNOWN.stream().anyMatch(u -> u.equalsIgnoreCase(key)) ? given.get(
                                UNKNOWN.stream().filter(u -> u.equalsIgnoreCase(key)).findFirst().orElseThrow()) : null;
                        if (sample == null || sample.value() == null) {
                            continue;
                        }
                        if (policy == UnknownFields.REJECT) {
                            expectedProblems.add(name + ":UNKNOWN_FIELD");
                        } else if (policy == UnknownFields.KEEP_AS_TEXT) {
                            expectedValues.put(key, sample.value());
                        }
                    }

                    assertThat(check.problems())
                            .extracting(pr -> pr.field().toLowerCase(Locale.ROOT) + ":" + pr.kind())
                            .containsExactlyElementsOf(expectedProblems);
                    assertThat(check.values().asMap()).containsExactlyEntriesOf(expectedValues);
                    assertThat(check.isValid()).isEqualTo(expectedProblems.isEmpty());
                });
    }

    @Test
    void check_problems_eachMessageNamesFieldRuleAndValue() {
        Gen<List<Integer>> picks = lists().of(integers().between(0, 59)).ofSize(5);
        qt().forAll(picks).checkAssert(p -> {
            Map<String, String> raw = new LinkedHashMap<>();
            int i = 0;
            for (FieldDefinition definition : SCHEMA.definitions()) {
                List<Sample> samples = SAMPLES.get(definition.name());
                raw.put(definition.name(), samples.get(p.get(i++) % samples.size()).text());
            }
            for (FieldProblem problem : SCHEMA.check(raw, UnknownFields.REJECT).problems()) {
                assertThat(problem.message()).isEqualTo("Invalid value for custom field '" + problem.field() + "' ("
                        + problem.rule() + "): '" + raw.get(problem.field()) + "'");
                assertThat(new FieldValueException(problem)).hasMessage(problem.message());
            }
        });
    }
}
