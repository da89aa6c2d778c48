package dev.outbound.csv.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import dev.outbound.core.field.FieldDefinition;
import dev.outbound.core.field.FieldSchema;
import dev.outbound.core.phone.PhoneField;
import dev.outbound.core.record.CampaignId;
import dev.outbound.core.record.RecordFactory;
import dev.outbound.csv.RowProblem;
import dev.outbound.csv.read.SourceRow;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

class MappingPropertiesTest {

    private static final List<PhoneField> PHONES =
            List.of(PhoneField.PRIMARY, PhoneField.HOME, PhoneField.MOBILE, PhoneField.WORK);
    private static final RecordFactory FACTORY = RecordFactory.newBuilder(CampaignId.of("renewals"))
            .defaultRegion("US").clock(Clock.fixed(Instant.parse("2026-01-05T12:00:00Z"), ZoneOffset.UTC))
            .fieldSchema(FieldSchema.of(FieldDefinition.text("notes").size(4).build(),
                    FieldDefinition.integer("code").build()))
            .build();
    private static final List<String> HEADER = List.of("customer_key", "mobile", "home", "agent", "tz",
            "scheduled_for", "country", "list", "priority", "notes", "code", "extra");
    private static final RowMapper MAPPER = RowMapper.of(ColumnMapping.auto(HEADER, MappingOptions.defaults(PHONES)),
            FACTORY, ValueOptions.defaults().withDateTimePattern("dd/MM/yyyy HH:mm"));

    /** Cells that are sometimes right, so that some rows make records and the rules are exercised. */
    private static final List<String> PLAUSIBLE = List.of("", " ", "C-1", "(201) 555-0123", "+44 20 7946 0958",
            "0412 345 678", "+1 208-990-5678", "12", "ann@example.com", "ann@", "America/New_York", "EST", "AU", "US",
            "XX", "2026-03-08 02:30", "03/02/2026 3:15 PM", "2026-03-02T15:00:00Z", "31/12/2026 23:59", "spring",
            "a/b", "0", "9999", "10000", "-1", "abcdefgh", "\uD83D\uDE00\uD83D\uDE00\uD83D\uDE00\uD83D\uDE00\uD83D",
            "x".repeat(200), "\u0000", "\"");

    /** Per column, values that are right for it; a row drawn from these alone makes a record. */
    private static final List<List<String>> GOOD = List.of(List.of("C-1", " C-2 ", "x"),
            List.of("(201) 555-0123", "+44 20 7946 0958"), List.of("", "(201) 555-0123"), List.of("", "ann@example.com"),
            List.of("", "America/New_York"), List.of("", "2026-03-02T15:00:00Z", "2026-03-08 02:30"), List.of("", "us"),
            List.of("", "spring"), List.of("", "7"), List.of("", "abc", "abcdefgh"), List.of("", "42"), List.of("", "?"));

    private static Gen<String> anything() {
        return Generate.pick(PLAUSIBLE).mix(strings().allPossible().ofLengthBetween(0, 24), 40);
    }

    /** Rows of the header's width, each cell right for its column 4 times in 5; sometimes other widths. */
    private static Gen<List<String>> cells() {
        Gen<List<String>> wellShaped = in -> {
            List<String> cells = new ArrayList<>();
            for (List<String> good : GOOD) {
                cells.add(integers().between(1, 5).generate(in) == 1 ? anything().generate(in)
                        : Generate.pick(good).generate(in));
            }
            return cells;
        };
        return wellShaped.mix(lists().of(anything()).ofSizeBetween(0, HEADER.size() + 3), 20);
    }

    private static Gen<SourceRow> rows() {
        return cells().zip(integers().between(1, 1_000_000), integers().between(1, 20), (cells, n, broken) ->
                new SourceRow(n, n + 1, cells, broken == 1 ? Optional.of("unterminated quote") : Optional.empty()));
    }

    @Test
    void map_randomRows_neverThrowsAndAccountsForEveryRow() {
        AtomicInteger mapped = new AtomicInteger();
        AtomicInteger invalid = new AtomicInteger();
        qt().withExamples(3000).forAll(rows()).checkAssert(row -> {
            RowOutcome outcome = MAPPER.map(row);
            (outcome instanceof RowOutcome.Mapped ? mapped : invalid).incrementAndGet();
            assertThat(outcome.source()).isSameAs(row);
            List<RowProblem> problems;
            if (outcome instanceof RowOutcome.Mapped m) {
                problems = m.warnings();
                assertThat(problems).noneMatch(RowProblem::isError);
                assertThat(row.malformed()).isEmpty();
                assertThat(m.record().ref().value()).isEqualTo(row.cells().get(0).strip());
                assertThat(m.record().phones()).isNotEmpty();
            } else {
                assertThat(outcome).isInstanceOf(RowOutcome.Invalid.class);
                problems = ((RowOutcome.Invalid) outcome).problems();
                assertThat(problems).anyMatch(RowProblem::isError);
            }
            for (RowProblem p : problems) {
                assertThat(p.row()).isEqualTo(row.row());
                assertThat(p.line()).isEqualTo(row.line());
                p.column().ifPresent(c -> assertThat(HEADER).contains(c));
            }
            outcome.ref().ifPresent(ref -> assertThat(ref).isEqualTo(row.cells().get(0).strip()));
        });
        // Both kinds occur, so the rules above were exercised on each (thousands of rows: never near 0).
        assertThat(mapped.get()).isGreaterThan(100);
        assertThat(invalid.get()).isGreaterThan(100);
    }

    private static Gen<String> headers() {
        return Generate.pick(List.of("customer_key", "Customer Reference ID", "phone", "Phone", "primary", "cell",
                "mobile", "home", "work", "tz", "time_zone", "time_zone_source", "scheduled_for", "agent", "country",
                "list", "priority", "notes", "NOTES", "", " notes ")).mix(strings().allPossible().ofLengthBetween(0, 12), 30);
    }

    @Test
    void auto_randomHeaders_everyColumnNotedAndEveryTargetOnce() {
        qt().forAll(lists().of(headers()).ofSizeBetween(0, 12), booleans().all()).checkAssert((header, custom) -> {
            MappingOptions options = custom ? MappingOptions.defaults(PHONES)
                    : MappingOptions.defaults(PHONES).withUnmappedDropped();
            ColumnMapping m = ColumnMapping.auto(header, options);
            assertThat(m.notes()).hasSize(header.size());
            List<Target> seen = new ArrayList<>();
            for (int i = 0; i < header.size(); i++) {
                for (Target t : m.targets(i)) {
                    assertThat(seen).noneMatch(s -> ColumnMapping.sameTarget(s, t));
                    seen.add(t);
                    assertThat(m.columnFor(t)).contains(header.get(i));
                }
                if (!custom) {
                    assertThat(m.targets(i)).noneMatch(t -> t instanceof Target.Custom);
                }
            }
        });
    }

    @Test
    void fromJson_ofToJson_randomHeaders_sameTargets() {
        qt().forAll(lists().of(headers()).ofSizeBetween(0, 12), booleans().all()).checkAssert((header, custom) -> {
            MappingOptions options = custom ? MappingOptions.defaults(PHONES)
                    : MappingOptions.defaults(PHONES).withUnmappedDropped();
            ColumnMapping m = ColumnMapping.auto(header, options);
            ColumnMapping back = ColumnMapping.fromJson(m.toJson(), header);
            for (int i = 0; i < header.size(); i++) {
                assertThat(back.targets(i)).as("column %d of %s", i, header).isEqualTo(m.targets(i));
            }
        });
    }
}
