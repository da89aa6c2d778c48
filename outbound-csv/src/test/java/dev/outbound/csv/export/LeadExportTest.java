package dev.outbound.csv.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outbound.core.phone.PhoneField;
import dev.outbound.core.record.CampaignId;
import dev.outbound.core.record.ListId;
import dev.outbound.core.record.Record;
import dev.outbound.core.record.RecordFactory;
import dev.outbound.core.zone.AreaCodeTable;
import dev.outbound.core.zone.ZoneResolver;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Columns, options, values and neutralisation of the export. */
class LeadExportTest {
    private static final Instant NOW = Instant.parse("2026-02-01T09:00:00Z");
    private static final Instant CALL_AT = Instant.parse("2026-03-02T15:00:00Z");
    private static final List<PhoneField> PHONES = List.of(PhoneField.MOBILE, PhoneField.HOME);

    /** Zones from a campaign table only, so that each provenance can be written out by hand. */
    static RecordFactory factory() {
        ZoneResolver zones = ZoneResolver.newBuilder().numberZones(false)
                .areaCodes(AreaCodeTable.parse("prefix,zones\n1530,America/Los_Angeles\n1212,America/New_York\n"))
                .defaultZone(ZoneId.of("Europe/Paris")).build();
        return RecordFactory.newBuilder(CampaignId.of("spring")).defaultRegion("US").zoneResolver(zones)
                .phoneFields(PHONES).clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
    }

    static Record full() {
        return factory().newRecord("C-1001").phone(PhoneField.MOBILE, "(530) 555-0147")
                .phone(PhoneField.HOME, "+1 212 555 0100").timeZone("US/Eastern").scheduledFor(CALL_AT)
                .agent("Ann@Example.com").list(ListId.of("renewals")).priority(42).field("State", "CA")
                .field("note", "likes mornings").build();
    }

    static String export(LeadExport export, Record... records) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            assertThat(export.export(Stream.of(records), out)).isEqualTo(records.length);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    // ------------------------------------------------------------------ columns

    @Test
    void columns_default_standardInOrderThenCustom() {
        LeadExport export = LeadExport.newBuilder().phoneFields(PHONES).customFields(List.of("State", "note")).build();
        assertThat(export.columns()).containsExactly("customer_reference_id", "mobile", "home", "time_zone",
                "time_zone_source", "scheduled_for", "agent", "list", "priority", "State", "note");
    }

    @Test
    void columns_defaultPhoneFields_theStandardFour() {
        assertThat(LeadExport.newBuilder().build().columns()).containsExactly("customer_reference_id", "primary",
                "home", "mobile", "work", "time_zone", "time_zone_source", "scheduled_for", "agent", "list",
                "priority");
    }

    @Test
    void columns_subsetInTheOrderGiven() {
        LeadExport export = LeadExport.newBuilder().phoneFields(PHONES).columns(List.of("home", "customer_reference_id"))
                .customFields(List.of("note")).build();
        assertThat(export.columns()).containsExactly("home", "customer_reference_id", "note");
        assertThat(export(export, full())).isEqualTo("home,customer_reference_id,note\r\n"
                + "+12125550100,C-1001,likes mornings\r\n");
    }

    @Test
    void columns_refused_unknownDuplicateCollidingOrNone() {
        assertThatThrownBy(() -> LeadExport.newBuilder().columns(List.of("fax")).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("found 'fax'");
        assertThatThrownBy(() -> LeadExport.newBuilder().columns(List.of("list", "list")).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'list' twice");
        assertThatThrownBy(() -> LeadExport.newBuilder().customFields(List.of("Priority")).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("found 'Priority'");
        assertThatThrownBy(() -> LeadExport.newBuilder().customFields(List.of("a", "A")).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'A' twice");
        assertThatThrownBy(() -> LeadExport.newBuilder().customFields(List.of(" ")).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("blank");
        assertThatThrownBy(() -> LeadExport.newBuilder().phoneFields(List.of(PhoneField.of("list"))).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("standard columns");
        assertThatThrownBy(() -> LeadExport.newBuilder().columns(List.of()).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one column");
        assertThatThrownBy(() -> LeadExport.newBuilder().separator('"'))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("quote");
    }

    // ------------------------------------------------------------------ values

    @Test
    void values_everyColumnWhereExpected() {
        LeadExport export = LeadExport.newBuilder().phoneFields(PHONES).customFields(List.of("state", "NOTE", "absent"))
                .build();
        // The explicit zone is written by the id it matched (US/Eastern); the zones of both numbers
        // come from it, so the source is said once. The agent's address is stored in lower case.
        assertThat(export(export, full())).isEqualTo(
                "customer_reference_id,mobile,home,time_zone,time_zone_source,scheduled_for,agent,list,priority,"
                        + "state,NOTE,absent\r\n"
                        + "C-1001,+15305550147,+12125550100,US/Eastern,"
                        + "from the record's local_time_zone: US/Eastern (alias of America/New_York),"
                        + "2026-03-02T15:00:00Z,ann@example.com,renewals,42,CA,likes mornings,\r\n");
    }

    @Test
    void values_recordWithoutOptionalParts_emptyCells() {
        Record bare = factory().newRecord("C-2").phone(PhoneField.MOBILE, "+15305550147").build();
        LeadExport export = LeadExport.newBuilder().phoneFields(PHONES).header(false).build();
        // No explicit zone: time_zone is empty and the source names the area-code table.
        assertThat(export(export, bare)).isEqualTo("C-2,+15305550147,,,"
                + "from the campaign's area-code table: +1530 maps to America/Los_Angeles,,,default,0\r\n");
    }

    @Test
    void values_numbersFromDifferentZones_sourcePerPhoneField() {
        Record r = factory().newRecord("C-3").phone(PhoneField.MOBILE, "+15305550147")
                .phone(PhoneField.HOME, "+14155550100").build();
        LeadExport export = LeadExport.newBuilder().phoneFields(PHONES).columns(List.of("time_zone_source"))
                .header(false).build();
        // The 415 number is in no table row and number zones are off: the campaign default applies.
        assertThat(export(export, r)).isEqualTo("mobile: from the campaign's area-code table: +1530 maps to"
                + " America/Los_Angeles; home: from the campaign's default zone: Europe/Paris\r\n");
    }

    @Test
    void values_cellsWithSeparatorQuotesAndLineBreaks_quoted() {
        Record r = factory().newRecord("C-4").phone(PhoneField.MOBILE, "+15305550147")
                .field("note", "said \"call later\", twice\nthen hung up").build();
        LeadExport export = LeadExport.newBuilder().phoneFields(PHONES).columns(List.of("customer_reference_id"))
                .customFields(List.of("note")).header(false).build();
        assertThat(export(export, r)).isEqualTo("C-4,\"said \"\"call later\"\", twice\nthen hung up\"\r\n");
    }

    // ------------------------------------------------------------------ options

    @Test
    void header_off_onlyRecords() {
        LeadExport export = LeadExport.newBuilder().phoneFields(PHONES).columns(List.of("customer_reference_id"))
                .header(false).build();
        assertThat(export(export, full(), full())).isEqualTo("C-1001\r\nC-1001\r\n");
        assertThat(export(export)).isEmpty();
        LeadExport withHeader = LeadExport.newBuilder().columns(List.of("customer_reference_id")).build();
        assertThat(export(withHeader)).isEqualTo("customer_reference_id\r\n");
    }

    @Test
    void separator_semicolon_andCellsHoldingItQuoted() {
        Record r = factory().newRecord("C;5").phone(PhoneField.MOBILE, "+15305550147").build();
        LeadExport export = LeadExport.newBuilder().phoneFields(PHONES).columns(List.of("customer_reference_id", "mobile"))
                .customFields(List.of("x")).separator(';').build();
        assertThat(export(export, r)).isEqualTo("customer_reference_id;mobile;x\r\n\"C;5\";+15305550147;\r\n");
    }

    @Test
    void charset_latin1AndUtf16() throws IOException {
        Record r = factory().newRecord("Ren\u00e9").phone(PhoneField.MOBILE, "+15305550147").build();
        LeadExport latin1 = LeadExport.newBuilder().columns(List.of("customer_reference_id")).header(false)
                .charset(StandardCharsets.ISO_8859_1).build();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        latin1.export(Stream.of(r), out);
        assertThat(out.toByteArray()).containsExactly('R', 'e', 'n', 0xE9, '\r', '\n');
        LeadExport utf16 = LeadExport.newBuilder().columns(List.of("customer_reference_id")).header(false)
                .charset(StandardCharsets.UTF_16LE).build();
        out.reset();
        utf16.export(Stream.of(r), out);
        assertThat(out.toByteArray()).containsExactly('R', 0, 'e', 0, 'n', 0, 0xE9, 0, '\r', 0, '\n', 0);
    }

    @Test
    void blankRow_oneEmptyColumn_firstCellQuotedSoReadersKeepIt() {
        Record r = factory().newRecord("C-6").phone(PhoneField.MOBILE, "+15305550147").build();
        LeadExport oneColumn = LeadExport.newBuilder().columns(List.of("agent")).build();
        assertThat(export(oneColumn, r)).isEqualTo("agent\r\n\"\"\r\n");
        LeadExport spaced = LeadExport.newBuilder().columns(List.of("agent", "time_zone")).separator(' ').build();
        assertThat(export(spaced, r)).isEqualTo("agent time_zone\r\n\"\" \r\n");
        LeadExport commas = LeadExport.newBuilder().columns(List.of("agent", "time_zone")).build();
        assertThat(export(commas, r)).isEqualTo("agent,time_zone\r\n,\r\n");
    }

    // ------------------------------------------------------------------ neutralisation

    @Test
    void neutralise_eachTriggerCharacter_prefixedWithQuote() {
        for (String value : List.of("=1+1", "+1+1", "-1+1", "@SUM(A1)", "\tx", "\rx")) {
            Record r = factory().newRecord("C-7").phone(PhoneField.MOBILE, "+15305550147").field("v", value).build();
            LeadExport export = LeadExport.newBuilder().columns(List.of()).customFields(List.of("v")).header(false)
                    .build();
            String expected = value.startsWith("\r") ? "\"'" + value + "\"\r\n" : "'" + value + "\r\n";
            assertThat(export(export, r)).as(value).isEqualTo(expected);
        }
    }

    @Test
    void neutralise_leadingQuote_guardedToo() {
        for (String value : List.of("'=1", "'tis", "'")) {
            Record r = factory().newRecord("C-8").phone(PhoneField.MOBILE, "+15305550147").field("v", value).build();
            LeadExport export = LeadExport.newBuilder().columns(List.of("customer_reference_id"))
                    .customFields(List.of("v")).header(false).build();
            assertThat(export(export, r)).as(value).isEqualTo("C-8,'" + value + "\r\n");
        }
    }

    @Test
    void neutralise_otherCellsUntouched() {
        for (String value : List.of("1+1", "x=1", " =1", "", "\u00e9")) {
            Record r = factory().newRecord("C-8").phone(PhoneField.MOBILE, "+15305550147").field("v", value).build();
            LeadExport export = LeadExport.newBuilder().columns(List.of("customer_reference_id"))
                    .customFields(List.of("v")).header(false).build();
            assertThat(export(export, r)).as(value).isEqualTo("C-8," + value + "\r\n");
        }
    }

    @Test
    void neutralise_standardColumnsToo_butNotE164Numbers() {
        Record r = factory().newRecord("=HYPERLINK(\"x\")").phone(PhoneField.MOBILE, "+15305550147")
                .agent("-ann@example.com").list(ListId.of("-list")).field("alt", "+15305550148").build();
        LeadExport export = LeadExport.newBuilder().phoneFields(PHONES)
                .columns(List.of("customer_reference_id", "mobile", "agent", "list")).customFields(List.of("alt"))
                .header(false).build();
        // The phone column keeps its +; the same digits in a custom field are neutralised.
        assertThat(export(export, r)).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\",+15305550147,'-ann@example.com,'-list,"
                + "'+15305550148\r\n");
    }

    @Test
    void neutralise_optedOut_valuesAsTheyAre() {
        Record r = factory().newRecord("=1+1").phone(PhoneField.MOBILE, "+15305550147").field("v", "@x").build();
        LeadExport export = LeadExport.newBuilder().columns(List.of("customer_reference_id"))
                .customFields(List.of("v")).neutraliseFormulas(false).header(false).build();
        assertThat(export(export, r)).isEqualTo("=1+1,@x\r\n");
    }

    // ------------------------------------------------------------------ writer and export

    @Test
    void writer_countsAndClosesTheStream_exportLeavesItOpen() throws IOException {
        boolean[] closed = {false};
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        OutputStream out = new OutputStream() {
            @Override
            public void write(int b) {
                bytes.write(b);
            }

            @Override
            public void close() {
                closed[0] = true;
            }
        };
        LeadExport export = LeadExport.newBuilder().columns(List.of("customer_reference_id")).build();
        assertThat(export.export(Stream.of(full(), full(), full()), out)).isEqualTo(3);
        assertThat(closed[0]).isFalse();
        assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo("customer_reference_id\r\n"
                + "C-1001\r\nC-1001\r\nC-1001\r\n");

        bytes.reset();
        RecordCsvWriter writer = export.writer(out);
        writer.write(full());
        writer.write(full());
        assertThat(writer.written()).isEqualTo(2);
        writer.close();
        writer.close();
        assertThat(closed[0]).isTrue();
        assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo("customer_reference_id\r\nC-1001\r\nC-1001\r\n");
        assertThatThrownBy(() -> writer.write(full())).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
    }

    @Test
    void export_writeFailure_isIOException() {
        OutputStream broken = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("disk full");
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                throw new IOException("disk full");
            }
        };
        LeadExport export = LeadExport.newBuilder().build();
        assertThatThrownBy(() -> export.export(Stream.of(full()), broken)).isInstanceOf(IOException.class)
                .hasMessageContaining("disk full");
    }
}
