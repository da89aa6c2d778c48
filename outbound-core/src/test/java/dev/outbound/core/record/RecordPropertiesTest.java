package dev.outbound.core.record;

import static dev.outbound.core.record.Fixtures.VECTORS;
import static dev.outbound.core.record.Fixtures.factory;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import dev.outbound.core.field.FieldDefinition;
import dev.outbound.core.field.FieldSchema;
import dev.outbound.core.field.FieldValue;
import dev.outbound.core.phone.PhoneField;
import dev.outbound.core.zone.ZoneProvenance;
import dev.outbound.core.zone.ZoneResolution;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Properties of drafts. Valid inputs come from the reference vectors (each number's E.164 is the
 * CSV's); the rule model in {@link #expectedProblems} is written from the specification, not from
 * the draft's code.
 */
class RecordPropertiesTest {

    private static final List<PhoneField> FIELDS =
            List.of(PhoneField.PRIMARY, PhoneField.HOME, PhoneField.MOBILE, PhoneField.WORK);
    private static final List<String> REGIONS = VECTORS.stream().map(Fixtures.Vector::region).distinct().toList();
    /** Zone names with their canonical zones, from tz's backward file (US/Eastern links to America/New_York). */
    private static final Map<String, String> ZONES = Map.of(
            "America/New_York", "America/New_York",
            "US/Eastern", "America/New_York",
            "us/pacific", "America/Los_Angeles",
            "Europe/London", "Europe/London",
            "Australia/Sydney", "Australia/Sydney");
    private static final String ALNUM = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private static final String REF_CHARS = ALNUM + "-_./ #:";

    private static <T> T pick(org.quicktheories.core.RandomnessSource in, List<T> from) {
        return from.get(Generate.range(0, from.size() - 1).generate(in));
    }

    private static int between(org.quicktheories.core.RandomnessSource in, int lo, int hi) {
        return Generate.range(lo, hi).generate(in);
    }

    private static String text(org.quicktheories.core.RandomnessSource in, String alphabet, int min, int max) {
        int n = between(in, min, max);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append(alphabet.charAt(between(in, 0, alphabet.length() - 1)));
        }
        return sb.toString();
    }

    private static boolean coin(org.quicktheories.core.RandomnessSource in) {
        return between(in, 0, 1) == 1;
    }

    // ------------------------------------------------------------------ valid drafts

    /** One number of a valid draft: how it is written and the E.164 the vectors give for it. */
    record Number(PhoneField field, String raw, String e164) {
    }

    record ValidInput(String ref, Optional<String> hint, List<Number> numbers, Optional<String> agent,
            Optional<String> zone, Map<String, String> fields, int priority) {
    }

    private static final Gen<ValidInput> VALID = in -> {
        String ref = text(in, ALNUM, 1, 1) + (coin(in) ? text(in, REF_CHARS, 0, 30) + text(in, ALNUM, 1, 1) : "");
        Optional<String> hint = coin(in) ? Optional.of(pick(in, REGIONS)) : Optional.empty();
        String region = hint.orElse("US");
        List<PhoneField> fields = new ArrayList<>(FIELDS);
        Collections.shuffle(fields, new java.util.Random(between(in, 0, 1_000_000)));
        List<Number> numbers = new ArrayList<>();
        for (PhoneField f : fields.subList(0, between(in, 1, 4))) {
            List<Fixtures.Vector> national = VECTORS.stream().filter(v -> v.region().equals(region)).toList();
            Fixtures.Vector v;
            String raw;
            if (coin(in)) {
                v = pick(in, national);
                raw = v.national();
            } else {
                v = pick(in, VECTORS);
                raw = v.international();
            }
            numbers.add(new Number(f, raw, v.e164()));
        }
        Optional<String> agent = coin(in)
                ? Optional.of(text(in, ALNUM, 1, 10) + (coin(in) ? "." + text(in, ALNUM, 1, 5) : "") + "@"
                        + text(in, ALNUM, 1, 10) + "." + pick(in, List.of("com", "org", "CO.UK", "Net")))
                : Optional.empty();
        Optional<String> zone = coin(in) ? Optional.of(pick(in, List.copyOf(ZONES.keySet()))) : Optional.empty();
        Map<String, String> custom = new LinkedHashMap<>();
        int count = between(in, 0, 3);
        for (int i = 0; i < count; i++) {
            custom.put("f" + between(in, 1, 6), text(in, ALNUM, 1, 1) + text(in, ALNUM + " ", 0, 12));
        }
        return new ValidInput(ref, hint, numbers, agent, zone, custom, between(in, 0, 9_999));
    };

    @Test
    void build_validDraft_neverThrowsAndReflectsTheInput() {
        RecordFactory factory = factory().build();
        qt().withExamples(400).forAll(VALID).checkAssert(input -> {
            RecordDraft d = factory.newRecord(input.ref()).priority(input.priority());
            input.hint().ifPresent(d::regionHint);
            input.numbers().forEach(n -> d.phone(n.field(), n.raw()));
            input.agent().ifPresent(d::agent);
            input.zone().ifPresent(d::timeZone);
            input.fields().forEach(d::field);

            Record r = d.build();

            assertThat(r.ref().value()).isEqualTo(input.ref());
            assertThat(r.phones()).extracting(RecordPhone::field)
                    .containsExactlyElementsOf(input.numbers().stream().map(Number::field).toList());
            assertThat(r.phones()).extracting(p -> p.number().e164())
                    .containsExactlyElementsOf(input.numbers().stream().map(Number::e164).toList());
            assertThat(r.agent().map(AgentEmail::value)).isEqualTo(input.agent().map(a -> a.toLowerCase(Locale.ROOT)));
            assertThat(r.timeZone().map(z -> z.zone().getId())).isEqualTo(input.zone().map(ZONES::get));
            assertThat(r.fields().size()).isEqualTo(input.fields().size());
            input.fields().forEach((k, v) -> assertThat(r.fields().get(k)).contains(FieldValue.text(v)));
            assertThat(r.priority()).isEqualTo(input.priority());
            for (RecordPhone p : r.phones()) {
                assertThat(p.zones().isResolved()).isTrue();
                if (input.zone().isPresent()) {
                    ZoneResolution.Resolved z = (ZoneResolution.Resolved) p.zones();
                    assertThat(z.provenance()).isInstanceOf(ZoneProvenance.Explicit.class);
                    assertThat(z.zones()).containsExactly(ZoneId.of(ZONES.get(input.zone().get())));
                }
            }
        });
    }

    // ------------------------------------------------------------------ valid and invalid mixed

    private static final FieldSchema SCHEMA = FieldSchema.of(
            FieldDefinition.text("email").required().build(),
            FieldDefinition.integer("age").build());

    /** What the draft is given, each part either right or carrying one fault the spec names. */
    record Slot(PhoneField field, String raw, boolean valid) {
    }

    record MixedInput(String ref, boolean badRef, Optional<String> agent, boolean badAgent, Optional<String> zone,
            boolean badZone, Optional<Integer> priority, boolean badPriority, List<Slot> numbers,
            Optional<Slot> duplicate, boolean foreignField, boolean emailMissing, boolean badAge) {
    }

    private static final List<String> BAD_REFS = List.of("", "   ", "a\u0001b", "r".repeat(129), "line\nbreak");
    private static final List<String> BAD_AGENTS = List.of("ann", "ann@", "@example.com", "a..b@example.com",
            "ann@example", "ann lee@example.com");
    private static final List<String> BAD_ZONES = List.of("Mars/Olympus", "+05:00", "EST", "GMT-5", "UTC+1",
            "Eastern Standard Time");
    private static final List<String> BAD_NUMBERS = List.of("12", "call me", "+999 1234 5678", "000", "555-01");
    private static final List<Integer> BAD_PRIORITIES = List.of(-1, 10_000, Integer.MIN_VALUE, Integer.MAX_VALUE);

    private static final Gen<MixedInput> MIXED = in -> {
        boolean badRef = between(in, 0, 3) == 0;
        String ref = badRef ? pick(in, BAD_REFS) : text(in, ALNUM, 1, 12);
        int agentKind = between(in, 0, 2);
        Optional<String> agent = agentKind == 0 ? Optional.empty()
                : Optional.of(agentKind == 1 ? text(in, ALNUM, 1, 6) + "@example.com" : pick(in, BAD_AGENTS));
        int zoneKind = between(in, 0, 3);
        Optional<String> zone = switch (zoneKind) {
            case 0 -> Optional.empty();
            case 1 -> Optional.of(" ");
            case 2 -> Optional.of(pick(in, List.copyOf(ZONES.keySet())));
            default -> Optional.of(pick(in, BAD_ZONES));
        };
        int priorityKind = between(in, 0, 2);
        Optional<Integer> priority = priorityKind == 0 ? Optional.empty()
                : Optional.of(priorityKind == 1 ? between(in, 0, 9_999) : pick(in, BAD_PRIORITIES));
        List<PhoneField> fields = new ArrayList<>(FIELDS);
        Collections.shuffle(fields, new java.util.Random(between(in, 0, 1_000_000)));
        List<Slot> numbers = new ArrayList<>();
        for (PhoneField f : fields.subList(0, between(in, 0, 3))) {
            boolean valid = coin(in);
            numbers.add(new Slot(f, valid ? pick(in, VECTORS).international() : pick(in, BAD_NUMBERS), valid));
        }
        Optional<Slot> duplicate = !numbers.isEmpty() && between(in, 0, 4) == 0
                ? Optional.of(new Slot(numbers.get(0).field(), pick(in, VECTORS).international(), true))
                : Optional.empty();
        boolean foreignField = between(in, 0, 4) == 0;
        return new MixedInput(ref, badRef, agent, agentKind == 2, zone, zoneKind == 3, priority, priorityKind == 2,
                numbers, duplicate, foreignField, between(in, 0, 3) == 0, between(in, 0, 3) == 0);
    };

    /** The specification's rules, applied to the generated faults; one entry per problem, by field. */
    private static List<String> expectedProblems(MixedInput m) {
        List<String> expected = new ArrayList<>();
        if (m.badRef()) {
            expected.add("customer_reference_id");
        }
        if (m.badAgent()) {
            expected.add("agent");
        }
        if (m.badZone()) {
            expected.add("local_time_zone");
        }
        if (m.badPriority()) {
            expected.add("priority");
        }
        if (m.emailMissing()) {
            expected.add("custom field 'email'");
        }
        if (m.badAge()) {
            expected.add("custom field 'age'");
        }
        m.duplicate().ifPresent(d -> expected.add("phone " + d.field()));
        if (m.foreignField()) {
            expected.add("phone field");
        }
        boolean anyValid = m.numbers().stream().anyMatch(Slot::valid);
        if (m.numbers().isEmpty() && !m.foreignField()) {
            expected.add("phone");
        } else if (m.numbers().isEmpty()) {
            expected.add("phone"); // the only number is in a field the campaign lacks: no valid number
        } else if (!anyValid) {
            m.numbers().forEach(s -> expected.add("phone " + s.field()));
        }
        return expected;
    }

    private static List<String> expectedWarnings(MixedInput m) {
        boolean anyValid = m.numbers().stream().anyMatch(Slot::valid);
        return anyValid ? m.numbers().stream().filter(s -> !s.valid()).map(s -> "phone " + s.field()).toList()
                : List.of();
    }

    private static RecordDraft draftOf(RecordFactory factory, MixedInput m) {
        RecordDraft d = factory.newRecord(m.ref());
        m.agent().ifPresent(d::agent);
        m.zone().ifPresent(d::timeZone);
        m.priority().ifPresent(d::priority);
        m.numbers().forEach(s -> d.phone(s.field(), s.raw()));
        m.duplicate().ifPresent(s -> d.phone(s.field(), s.raw()));
        if (m.foreignField()) {
            d.phone("pager", VECTORS.get(0).international());
        }
        if (!m.emailMissing()) {
            d.field("email", "ann@example.com");
        }
        d.field("age", m.badAge() ? "forty-two" : "42");
        return d;
    }

    @Test
    void check_mixedInput_rejectsIffARuleSaysSoAndReportsEveryFault() {
        RecordFactory factory = factory().fieldSchema(SCHEMA).build();
        qt().withExamples(600).forAll(MIXED).checkAssert(m -> {
            RecordDraft.Outcome outcome = draftOf(factory, m).check();
            List<String> expected = expectedProblems(m);
            if (expected.isEmpty()) {
                assertThat(outcome).isInstanceOf(RecordDraft.Outcome.Accepted.class);
                RecordDraft.Outcome.Accepted a = (RecordDraft.Outcome.Accepted) outcome;
                assertThat(a.warnings()).extracting(RecordProblem::field)
                        .containsExactlyInAnyOrderElementsOf(expectedWarnings(m));
                assertThat(a.record().phones()).extracting(RecordPhone::field).containsExactlyElementsOf(
                        m.numbers().stream().filter(Slot::valid).map(Slot::field).toList());
            } else {
                assertThat(outcome).isInstanceOf(RecordDraft.Outcome.Rejected.class);
                List<RecordProblem> problems = ((RecordDraft.Outcome.Rejected) outcome).problems();
                assertThat(problems).extracting(RecordProblem::field).containsExactlyInAnyOrderElementsOf(expected);
                assertThat(problems).allSatisfy(p -> assertThat(p.message())
                        .startsWith("Invalid value for " + p.field() + " (" + p.rule() + "): "));
            }
        });
    }

    @Test
    void build_mixedInput_throwsExactlyWhenCheckRejects() {
        RecordFactory factory = factory().fieldSchema(SCHEMA).build();
        qt().withExamples(200).forAll(MIXED).checkAssert(m -> {
            RecordDraft.Outcome outcome = draftOf(factory, m).check();
            if (outcome instanceof RecordDraft.Outcome.Rejected rejected) {
                org.assertj.core.api.Assertions.assertThatThrownBy(() -> draftOf(factory, m).build())
                        .isInstanceOfSatisfying(InvalidRecordException.class,
                                e -> assertThat(e.problems()).isEqualTo(rejected.problems()));
            } else {
                assertThat(draftOf(factory, m).build()).isEqualTo(((RecordDraft.Outcome.Accepted) outcome).record());
            }
        });
    }
}
