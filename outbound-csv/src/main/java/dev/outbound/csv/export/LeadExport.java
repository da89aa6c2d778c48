package dev.outbound.csv.export;

import dev.outbound.core.phone.PhoneField;
import dev.outbound.core.record.AgentEmail;
import dev.outbound.core.record.Record;
import dev.outbound.core.record.RecordPhone;
import dev.outbound.core.zone.ZoneName;
import dev.outbound.core.zone.ZoneProvenance;
import dev.outbound.core.zone.ZoneResolution;
import dev.outbound.csv.internal.FormulaGuard;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Writes records out as CSV, in columns the importer reads back: export a campaign's records, then
 * import the file, and the records come back with the same reference, numbers, explicit zone,
 * scheduled time, agent, list, priority and custom fields.
 *
 * <h2>Columns</h2>
 * The standard columns, in this order (or the subset given to {@link Builder#columns}, in the
 * order given), then the custom fields by the names given:
 * <ul>
 * <li>{@code customer_reference_id};</li>
 * <li>one column per phone field, named after it ({@code primary}, {@code home}, {@code mobile},
 *     {@code work}, ...), holding the number in E.164 ({@code +15305550147}); an extension is not
 *     part of E.164 and is not written;</li>
 * <li>{@code time_zone}: the zone set explicitly on the record ({@link Record#timeZone()}), by the
 *     zone id it matched ({@code US/Eastern}, {@code America/New_York}); empty when the record's
 *     zones come from a rule, the number or the campaign default. Only the explicit zone is
 *     written here because importing a zone makes it explicit: a zone found from the number
 *     (possibly several candidate zones) would come back as one explicit zone, which changes how
 *     the record is called;</li>
 * <li>{@code time_zone_source}: where the record's zones come from, in words, for people (the
 *     importer ignores it): the description of the zones resolved for its numbers
 *     ({@link ZoneResolution#describe()}), once when all numbers agree, else one per phone field
 *     ({@code mobile: ...; home: ...}); for a record with no number, its explicit zone or
 *     nothing;</li>
 * <li>{@code scheduled_for}: ISO-8601 instant ({@code 2026-03-02T15:00:00Z}), or empty;</li>
 * <li>{@code agent} (e-mail), {@code list} (its name), {@code priority} (a number).</li>
 * </ul>
 * Custom fields are written as {@link dev.outbound.core.field.CustomFields#text} gives them,
 * empty when the record has none.
 *
 * <h2>Formula neutralisation</h2>
 * Spreadsheets run a cell starting with {@code = + - @}, tab or carriage return as a formula, so a
 * customer name like {@code =HYPERLINK(...)} in an export could act when someone opens it. Unless
 * {@link Builder#neutraliseFormulas} is off, such a cell is written with a single quote in front
 * ({@code '=HYPERLINK(...)}), OWASP's advice: spreadsheets show the text and do not evaluate it. The
 * phone columns are the exception: their E.164 values start with {@code +} but are {@code +}
 * followed by digits only, which a spreadsheet reads at most as that number (no function, no
 * reference), and the importer reads them back as numbers; a quote there would make every number
 * in the file need cleaning. Any other cell is neutralised, so a custom field holding
 * {@code -5} is written {@code '-5}; a cell that already starts with {@code '} gets one more, so
 * that the import ({@link dev.outbound.csv.mapping.RowMapper}) can take the quote off exactly
 * and a round trip gives back the value ({@code FormulaGuard}).
 *
 * <p>Output: FastCSV's writer, quoting a cell only when it holds the separator, a quote or a line
 * break; records end with CRLF (RFC 4180); no byte order mark except what the charset itself
 * writes (Java's {@code UTF-16} writes one, {@code UTF-16LE}/{@code BE} do not).
 *
 * <p>Immutable and thread-safe; each {@link RecordCsvWriter} it makes is for one thread.
 */
public final class LeadExport {
    static final String REF = "customer_reference_id";
    static final String TIME_ZONE = "time_zone";
    static final String TIME_ZONE_SOURCE = "time_zone_source";
    static final String SCHEDULED_FOR = "scheduled_for";
    static final String AGENT = "agent";
    static final String LIST = "list";
    static final String PRIORITY = "priority";

    /** An E.164 number: {@code +} and digits only, no formula. */
    private static final int MAX_DESCRIPTIONS = 4096;
    private static final Map<ZoneResolution, String> DESCRIPTIONS = new ConcurrentHashMap<>();

    private final List<Column> columns;
    private final List<String> names;
    private final char separator;
    private final boolean header;
    private final Charset charset;
    private final boolean neutralise;

    private LeadExport(Builder b, List<Column> columns) {
        this.columns = List.copyOf(columns);
        this.names = this.columns.stream().map(Column::name).toList();
        this.separator = b.separator;
        this.header = b.header;
        this.charset = b.charset;
        this.neutralise = b.neutralise;
    }

    /**
     * @return a builder: the four standard phone fields ({@code primary}, {@code home},
     *     {@code mobile}, {@code work}), no custom fields, all standard columns, separator
     *     {@code ','}, a header row, UTF-8, formulas neutralised
     */
    public static Builder newBuilder() {
        return new Builder();
    }

    /** @return the column names, in the order they are written */
    public List<String> columns() {
        return names;
    }

    /**
     * Starts writing to a stream; the header row (when on) is written first.
     *
     * @param out the stream; the writer closes it when it is closed
     * @return the writer
     */
    public RecordCsvWriter writer(OutputStream out) {
        Objects.requireNonNull(out, "out");
        return new RecordCsvWriter(this, out);
    }

    /**
     * Writes records to a stream: the header (when on), then one row a record, in the stream's
     * order. The output stream is flushed, not closed; the record stream is not closed either.
     *
     * @param records the records
     * @param out the stream to write to
     * @return the number of records written (the header not counted)
     * @throws IOException when writing fails
     */
    public long export(Stream<Record> records, OutputStream out) throws IOException {
        Objects.requireNonNull(records, "records");
        Objects.requireNonNull(out, "out");
        OutputStream kept = new FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        };
        try (RecordCsvWriter writer = writer(kept)) {
            Iterator<Record> it = records.iterator();
            while (it.hasNext()) {
                writer.write(it.next());
            }
            return writer.written();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    char separator() {
        return separator;
    }

    boolean header() {
        return header;
    }

    Charset charset() {
        return charset;
    }

    /** The cells of one record, in column order, neutralised when that is on. */
    List<String> cells(Record record) {
        Objects.requireNonNull(record, "record");
        List<String> cells = new ArrayList<>(columns.size());
        for (Column column : columns) {
            String value = column.value(record);
            if (neutralise && FormulaGuard.needsGuard(value) && !(column.phone() && isE164(value))) {
                value = "'" + value;
            }
            cells.add(value);
        }
        return cells;
    }

    /** The provenance of a record's zones in words. */
    static String zoneSource(Record record) {
        List<RecordPhone> phones = record.phones();
        if (phones.isEmpty()) {
            return record.timeZone().map(z -> new ZoneProvenance.Explicit(z).describe()).orElse("");
        }
        String first = describe(phones.get(0).zones());
        boolean same = true;
        for (int i = 1; i < phones.size() && same; i++) {
            same = first.equals(describe(phones.get(i).zones()));
        }
        if (same) {
            return first;
        }
        StringBuilder each = new StringBuilder();
        for (RecordPhone phone : phones) {
            if (each.length() > 0) {
                each.append("; ");
            }
            each.append(phone.field().name()).append(": ").append(describe(phone.zones()));
        }
        return each.toString();
    }

    /**
     * A resolution's words, kept for the few hundred resolutions an export meets again and again
     * (one per area code); equal resolutions have equal words, so the cache holds by value.
     */
    private static String describe(ZoneResolution zones) {
        String words = DESCRIPTIONS.get(zones);
        if (words == null) {
            words = zones.describe();
            if (DESCRIPTIONS.size() < MAX_DESCRIPTIONS) {
                DESCRIPTIONS.put(zones, words);
            }
        }
        return words;
    }

    /** Whether a phone cell is a plain E.164 number, which the formula guard leaves alone. */
    private static boolean isE164(String value) {
        int n = value.length();
        if (n < 3 || n > 16 || value.charAt(0) != '+' || value.charAt(1) < '1' || value.charAt(1) > '9') {
            return false;
        }
        for (int i = 2; i < n; i++) {
            if (value.charAt(i) < '0' || value.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /**
     * One column: its name and how a record's value is found.
     *
     * @param name the column's name
     * @param kind what it holds
     * @param field the phone field or custom field name, for those kinds
     * @param phoneField the phone field, for a phone column: made once, not per cell
     */
    private record Column(String name, Kind kind, String field, PhoneField phoneField) {
        boolean phone() {
            return kind == Kind.PHONE;
        }

        String value(Record r) {
            switch (kind) {
                case REF:
                    return r.ref().value();
                case PHONE:
                    return r.phone(phoneField).map(p -> p.number().e164()).orElse("");
                case TIME_ZONE:
                    return r.timeZone().map(ZoneName::id).orElse("");
                case TIME_ZONE_SOURCE:
                    return zoneSource(r);
                case SCHEDULED_FOR:
                    return r.scheduledFor().map(Instant::toString).orElse("");
                case AGENT:
                    return r.agent().map(AgentEmail::value).orElse("");
                case LIST:
                    return r.list().value();
                case PRIORITY:
                    return Integer.toString(r.priority());
                case CUSTOM:
                    return r.fields().text(field).orElse("");
                default:
                    throw new IllegalStateException("unknown column kind " + kind);
            }
        }
    }

    private enum Kind {
        REF, PHONE, TIME_ZONE, TIME_ZONE_SOURCE, SCHEDULED_FOR, AGENT, LIST, PRIORITY, CUSTOM
    }

    /** Builds a {@link LeadExport}; not thread-safe. Setting an option again replaces it. */
    public static final class Builder {
        private List<PhoneField> phoneFields = List.of(PhoneField.PRIMARY, PhoneField.HOME, PhoneField.MOBILE,
                PhoneField.WORK);
        private List<String> customFields = List.of();
        private List<String> columns;
        private char separator = ',';
        private boolean header = true;
        private Charset charset = StandardCharsets.UTF_8;
        private boolean neutralise = true;

        private Builder() {
        }

        /**
         * @param fields the campaign's phone fields, one column each, in this order
         * @return this builder
         */
        public Builder phoneFields(List<PhoneField> fields) {
            this.phoneFields = List.copyOf(Objects.requireNonNull(fields, "fields"));
            return this;
        }

        /**
         * @param names the custom fields to write, by name, after the standard columns
         * @return this builder
         */
        public Builder customFields(List<String> names) {
            this.customFields = List.copyOf(Objects.requireNonNull(names, "names"));
            return this;
        }

        /**
         * @param names the standard columns to write, in this order: a subset of
         *     {@code customer_reference_id}, the phone fields' names, {@code time_zone},
         *     {@code time_zone_source}, {@code scheduled_for}, {@code agent}, {@code list},
         *     {@code priority}
         * @return this builder
         */
        public Builder columns(List<String> names) {
            this.columns = List.copyOf(Objects.requireNonNull(names, "names"));
            return this;
        }

        /**
         * @param c the separator; not a quote or a line break
         * @return this builder
         */
        public Builder separator(char c) {
            if (c == '"' || c == '\r' || c == '\n') {
                throw new IllegalArgumentException("separator: expected a character other than a quote or a line"
                        + " break, found " + (c == '"' ? "'\"'" : c == '\r' ? "CR" : "LF"));
            }
            this.separator = c;
            return this;
        }

        /**
         * @param on whether the first row names the columns
         * @return this builder
         */
        public Builder header(boolean on) {
            this.header = on;
            return this;
        }

        /**
         * @param cs the encoding to write
         * @return this builder
         */
        public Builder charset(Charset cs) {
            this.charset = Objects.requireNonNull(cs, "cs");
            return this;
        }

        /**
         * @param on whether cells that a spreadsheet would run as a formula get a leading
         *     {@code '} (phone numbers in E.164 excepted)
         * @return this builder
         */
        public Builder neutraliseFormulas(boolean on) {
            this.neutralise = on;
            return this;
        }

        /**
         * @return the export
         * @throws IllegalArgumentException when a column is not a standard one or is named twice,
         *     when a custom field is blank, named twice (in any case) or has a standard column's
         *     name, when a phone field is listed twice, or when there would be no column at all
         */
        public LeadExport build() {
            List<Column> standard = new ArrayList<>();
            standard.add(new Column(REF, Kind.REF, null, null));
            Set<PhoneField> seenPhones = new HashSet<>();
            for (PhoneField field : phoneFields) {
                if (!seenPhones.add(field)) {
                    throw new IllegalArgumentException("phone fields: expected each once, found " + field + " twice");
                }
                standard.add(new Column(field.name(), Kind.PHONE, field.name(), field));
            }
            standard.add(new Column(TIME_ZONE, Kind.TIME_ZONE, null, null));
            standard.add(new Column(TIME_ZONE_SOURCE, Kind.TIME_ZONE_SOURCE, null, null));
            standard.add(new Column(SCHEDULED_FOR, Kind.SCHEDULED_FOR, null, null));
            standard.add(new Column(AGENT, Kind.AGENT, null, null));
            standard.add(new Column(LIST, Kind.LIST, null, null));
            standard.add(new Column(PRIORITY, Kind.PRIORITY, null, null));
            List<String> standardNames = standard.stream().map(Column::name).toList();
            Set<String> distinctStandard = new HashSet<>(standardNames);
            if (distinctStandard.size() != standardNames.size()) {
                throw new IllegalArgumentException("phone fields: expected names other than the standard columns "
                        + List.of(REF, TIME_ZONE, TIME_ZONE_SOURCE, SCHEDULED_FOR, AGENT, LIST, PRIORITY) + ", found "
                        + phoneFields);
            }

            List<Column> chosen = new ArrayList<>();
            if (columns == null) {
                chosen.addAll(standard);
            } else {
                Set<String> seen = new HashSet<>();
                for (String name : columns) {
                    Objects.requireNonNull(name, "column name");
                    int i = standardNames.indexOf(name);
                    if (i < 0) {
                        throw new IllegalArgumentException("columns: expected standard column names " + standardNames
                                + ", found '" + name + "'");
                    }
                    if (!seen.add(name)) {
                        throw new IllegalArgumentException("columns: expected each once, found '" + name + "' twice");
                    }
                    chosen.add(standard.get(i));
                }
            }
            Set<String> seenCustom = new HashSet<>();
            for (String name : customFields) {
                Objects.requireNonNull(name, "custom field name");
                String key = name.toLowerCase(Locale.ROOT);
                if (name.isBlank()) {
                    throw new IllegalArgumentException("custom fields: expected names, found a blank one");
                }
                if (distinctStandard.contains(key)) {
                    throw new IllegalArgumentException("custom fields: expected names other than the standard columns "
                            + standardNames + ", found '" + name + "'");
                }
                if (!seenCustom.add(key)) {
                    throw new IllegalArgumentException("custom fields: expected each once (in any case), found '" + name
                            + "' twice");
                }
                chosen.add(new Column(name, Kind.CUSTOM, name, null));
            }
            if (chosen.isEmpty()) {
                throw new IllegalArgumentException("columns: expected at least one column, found none");
            }
            return new LeadExport(this, chosen);
        }
    }
}
