package dev.outbound.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.outbound.core.phone.PhoneField;
import dev.outbound.core.record.CampaignId;
import dev.outbound.core.record.ListId;
import dev.outbound.core.record.Record;
import dev.outbound.core.record.RecordDraft;
import dev.outbound.core.record.RecordFactory;
import dev.outbound.csv.export.LeadExport;
import dev.outbound.csv.imports.ImportResult;
import dev.outbound.csv.imports.ImportStatus;
import dev.outbound.csv.imports.LeadImport;
import dev.outbound.spi.memory.InMemoryRecordStore;
import dev.outbound.spi.store.RecordKey;
import dev.outbound.spi.store.RecordQuery;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The promise: export then import gives back the same records. */
class ExportImportRoundTripTest {
    private static final CampaignId CAMPAIGN = CampaignId.of("round-trip");
    private static final Instant NOW = Instant.parse("2026-03-02T15:00:00Z");
    private static final String[] ZONES = {"America/New_York", "America/Los_Angeles", "Europe/London"};
    private static final String[] NASTY = {"=SUM(A1)", "+33 idea", "-5", "@home", "'quoted", "''", "a,b", "say \"hi\"",
        "two\nlines", "caf\u00e9", "  padded", ""};

    @TempDir
    Path dir;

    private static RecordFactory factory() {
        return RecordFactory.newBuilder(CAMPAIGN).defaultRegion("US").clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
    }

    /** What a round trip must keep of a record: everything an import sets. */
    private static Map<String, String> essence(Record r) {
        Map<String, String> m = new TreeMap<>();
        m.put("ref", r.ref().value());
        for (var p : r.phones()) {
            m.put("phone." + p.field().name(), p.number().e164());
        }
        m.put("zone", r.timeZone().map(z -> z.id()).orElse(""));
        m.put("scheduled_for", r.scheduledFor().map(Instant::toString).orElse(""));
        m.put("agent", r.agent().map(Object::toString).orElse(""));
        m.put("list", r.list().value());
        m.put("priority", Integer.toString(r.priority()));
        r.fieldText().forEach((k, v) -> m.put("field." + k, v));
        return m;
    }

    private static List<Record> records(long seed, int n) {
        SplittableRandom random = new SplittableRandom(seed);
        RecordFactory factory = factory();
        List<Record> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            RecordDraft d = factory.newRecord("R-" + i)
                    .phone(PhoneField.MOBILE, "+1212555" + String.format("%04d", random.nextInt(10_000)));
            if (random.nextBoolean()) {
                d.phone(PhoneField.HOME, "+1415555" + String.format("%04d", random.nextInt(10_000)));
            }
            if (random.nextBoolean()) {
                d.timeZone(ZONES[random.nextInt(ZONES.length)]);
            }
            if (random.nextBoolean()) {
                d.scheduledFor(NOW.plusSeconds(60L * random.nextInt(100_000)));
            }
            if (random.nextBoolean()) {
                d.agent("agent" + random.nextInt(3) + "@example.com");
            }
            d.list(ListId.of("list-" + random.nextInt(3))).priority(random.nextInt(10));
            String note = NASTY[random.nextInt(NASTY.length)].strip();
            if (!note.isEmpty()) {
                d.field("note", note);
            }
            out.add(d.build());
        }
        return out;
    }

    private ImportResult exportThenImport(List<Record> records, InMemoryRecordStore into, Path file) {
        try (OutputStream os = Files.newOutputStream(file)) {
            LeadExport.newBuilder().phoneFields(List.of(PhoneField.HOME, PhoneField.MOBILE))
                    .customFields(List.of("note")).build().export(records.stream(), os);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return LeadImport.newBuilder(factory(), into).build().newJob(file).run();
    }

    @Test
    void exportThenImport_sameRecords_evenWithFormulaLikeAndQuotedValues() {
        List<Record> records = records(11, 60);
        InMemoryRecordStore store = InMemoryRecordStore.create();
        ImportResult result = exportThenImport(records, store, dir.resolve("export.csv"));

        assertThat(result.status()).isEqualTo(ImportStatus.FINISHED);
        assertThat(result.counts().imported()).isEqualTo(60);
        assertThat(result.counts().invalid()).isZero();
        List<Map<String, String>> back = store.stream(RecordQuery.campaign(CAMPAIGN)).map(ExportImportRoundTripTest::essence)
                .collect(Collectors.toList());
        List<Map<String, String>> given = records.stream().sorted((a, b) -> RecordKey.of(a).compareTo(RecordKey.of(b)))
                .map(ExportImportRoundTripTest::essence).collect(Collectors.toList());
        assertThat(back).isEqualTo(given);
    }

    @Test
    void exportThenImport_anySeed_sameRecords() {
        qt().withExamples(30).forAll(longs().all(), integers().between(1, 25)).checkAssert((seed, n) -> {
            List<Record> records = records(seed, n);
            InMemoryRecordStore store = InMemoryRecordStore.create();
            ImportResult result = exportThenImport(records, store, dir.resolve("export-" + seed + ".csv"));
            assertThat(result.counts().imported()).as("seed %d", seed).isEqualTo((long) n);
            for (Record r : records) {
                assertThat(store.get(RecordKey.of(r)).map(ExportImportRoundTripTest::essence)).as("seed %d", seed)
                        .contains(essence(r));
            }
        });
    }
}
