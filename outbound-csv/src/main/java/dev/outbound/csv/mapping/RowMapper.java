package dev.outbound.csv.mapping;

import dev.outbound.core.InvalidValueException;
import dev.outbound.core.field.FieldDefinition;
import dev.outbound.core.field.FieldType;
import dev.outbound.core.phone.PhoneField;
import dev.outbound.core.phone.PhoneNumber;
import dev.outbound.core.record.CustomerRef;
import dev.outbound.core.record.ListId;
import dev.outbound.core.record.Record;
import dev.outbound.core.record.RecordDraft;
import dev.outbound.core.record.RecordFactory;
import dev.outbound.core.record.RecordPhone;
import dev.outbound.core.record.RecordProblem;
import dev.outbound.core.zone.TimeZones;
import dev.outbound.core.zone.ZoneResolution;
import dev.outbound.csv.RowProblem;
import dev.outbound.csv.internal.FormulaGuard;
import dev.outbound.csv.read.SourceRow;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns each row of a file into a record, or into the reasons it cannot be one, by a
 * {@link ColumnMapping} and the campaign's {@link RecordFactory}. It never throws for bad input:
 * every problem becomes a {@link RowProblem} with the row, the line, the column and a stable code.
 * Thread-safe; rows are independent of each other.
 *
 * <p>The rules, in the order they apply (seeds 000 and 004):
 * <ul>
 * <li>A row whose CSV syntax is broken is refused whole ({@code ROW_MALFORMED}): nothing half-read
 *     is imported. Cells beyond the header are ignored, with {@code EXTRA_CELLS} when any of them
 *     holds something; missing cells are empty.</li>
 * <li>Every value is trimmed.</li>
 * <li>{@code customer_reference_id} is required ({@code REF_MISSING}) and must be a valid id
 *     ({@code REF_INVALID}: at most 128 characters, no control characters).</li>
 * <li>At least one valid phone number is required: a row without any number, or whose every number
 *     is invalid, is refused ({@code NO_VALID_PHONE}, with {@code PHONE_INVALID} for each invalid
 *     number); a row with a valid and an invalid number is made with the valid one and a
 *     {@code PHONE_INVALID} warning. National numbers are read in the row's region column
 *     ({@code REGION_INVALID} when it is filled but not an ISO 3166 region with a numbering
 *     plan), else in the campaign's default region.</li>
 * <li>An agent must be a well-formed e-mail ({@code AGENT_INVALID}); whether the user exists is
 *     the importer's check.</li>
 * <li>A filled time zone must be an IANA name ({@code TIME_ZONE_INVALID}).</li>
 * <li>{@code scheduled_for} is read in the built-in formats: ISO-8601 with an offset or {@code Z}
 *     ({@code 2026-03-02T15:00:00Z}, {@code 2026-03-02T10:00:00-05:00}) or without
 *     ({@code 2026-03-02T10:00}), {@code yyyy-MM-dd HH:mm[:ss]}, {@code MM/dd/yyyy h:mm a}
 *     (12-hour, AM/PM in any case, one-digit month, day and hour allowed) and
 *     {@code dd.MM.yyyy HH:mm} (one-digit parts allowed), then in the
 *     {@link ValueOptions#dateTimePatterns() user's patterns}; otherwise {@code SCHEDULED_FOR_INVALID},
 *     naming them. A time with an offset is that instant. A local time is in the record's zone:
 *     its explicit time zone, else the one zone its numbers resolved to (a campaign rule, the
 *     number's area, the campaign default); when the numbers give no zone or several,
 *     {@code SCHEDULED_FOR_ZONE_UNKNOWN}. A local time that a daylight-saving change skips is
 *     moved forward by the gap; one that occurs twice is the earlier instant.</li>
 * <li>{@code priority} must be a whole number from {@value Record#MIN_PRIORITY} to
 *     {@value Record#MAX_PRIORITY} ({@code PRIORITY_INVALID}); {@code list} a valid list name
 *     ({@code LIST_INVALID}). Blank means the default.</li>
 * <li>A custom value longer than its text field's size in the campaign's schema is truncated to
 *     that size with a {@code VALUE_TRUNCATED} warning (seed 004); other types are not cut (a cut
 *     number or date would be another value) and are checked by the schema
 *     ({@code FIELD_INVALID}), as are required fields and choices.</li>
 * </ul>
 * All problems of a row are reported together. A blank cell is no value.
 */
public final class RowMapper {
    /** Lists are few and repeat on every row: their validated ids are kept, up to this many. */
    private static final int LIST_CACHE_LIMIT = 1024;

    private final ColumnMapping mapping;
    private final RecordFactory factory;
    private final DateTimes dateTimes;
    private final List<String> header;
    private final int ref;
    private final int agent;
    private final int timeZone;
    private final int scheduledFor;
    private final int region;
    private final int list;
    private final int priority;
    private final PhoneField[] phoneFields;
    private final int[] phoneColumns;
    private final String[] customNames;
    private final int[] customColumns;
    /** The size a custom value is cut to, or -1 when it is not cut. */
    private final int[] customSizes;
    private final Map<String, Integer> customColumnByLowerName;
    private final Map<String, Integer> phoneColumnByField;
    private final String phoneColumnsText;
    private final Map<String, ListId> lists = new ConcurrentHashMap<>();

    private RowMapper(ColumnMapping mapping, RecordFactory factory, ValueOptions options) {
        this.mapping = mapping;
        this.factory = factory;
        this.dateTimes = new DateTimes(options);
        this.header = mapping.header();
        this.ref = column(new Target.CustomerRef());
        this.agent = column(new Target.Agent());
        this.timeZone = column(new Target.TimeZone());
        this.scheduledFor = column(new Target.ScheduledFor());
        this.region = column(new Target.Region());
        this.list = column(new Target.ListName());
        this.priority = column(new Target.Priority());
        List<PhoneField> fields = new ArrayList<>();
        List<Integer> phoneCols = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<Integer> customCols = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        Map<String, Integer> byLowerName = new HashMap<>();
        Map<String, Integer> byField = new HashMap<>();
        List<String> unknownPhones = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            for (Target t : mapping.targets(i)) {
                if (t instanceof Target.Phone p) {
                    if (!factory.phoneFields().contains(p.field())) {
                        unknownPhones.add(ColumnMapping.label(i, header) + " -> " + p.describe());
                    }
                    fields.add(p.field());
                    phoneCols.add(i);
                    byField.put(p.field().name(), i);
                } else if (t instanceof Target.Custom c) {
                    names.add(c.name());
                    customCols.add(i);
                    Optional<FieldDefinition> definition = factory.fieldSchema().definition(c.name());
                    sizes.add(definition.isPresent() && definition.get().type() == FieldType.TEXT
                            ? definition.get().size() : -1);
                    byLowerName.put(c.name().strip().toLowerCase(Locale.ROOT), i);
                }
            }
        }
        if (!unknownPhones.isEmpty()) {
            throw new IllegalArgumentException("phone columns: expected the campaign's phone fields "
                    + factory.phoneFields() + ", found " + unknownPhones);
        }
        if (ref < 0 || fields.isEmpty()) {
            throw new IllegalArgumentException("mapping: expected a column for customer_reference_id and at least "
                    + "one phone column, found " + mapping.notes());
        }
        this.phoneFields = fields.toArray(new PhoneField[0]);
        this.phoneColumns = phoneCols.stream().mapToInt(Integer::intValue).toArray();
        this.customNames = names.toArray(new String[0]);
        this.customColumns = customCols.stream().mapToInt(Integer::intValue).toArray();
        this.customSizes = sizes.stream().mapToInt(Integer::intValue).toArray();
        this.customColumnByLowerName = Map.copyOf(byLowerName);
        this.phoneColumnByField = Map.copyOf(byField);
        List<String> phoneHeaders = new ArrayList<>();
        for (int c : phoneColumns) {
            phoneHeaders.add("'" + header.get(c) + "'");
        }
        this.phoneColumnsText = String.join(", ", new LinkedHashSet<>(phoneHeaders));
    }

    private int column(Target target) {
        return mapping.indexOf(target).orElse(-1);
    }

    /**
     * Prepares the mapping of rows: which column feeds what, and the formats, are worked out once.
     *
     * @param mapping which column feeds which target
     * @param factory the campaign's record factory (region, phone fields, zones, custom fields)
     * @param options the extra date-time patterns
     * @return the mapper
     * @throws IllegalArgumentException when no column feeds {@code customer_reference_id} or no
     *     column feeds a phone field (every row would be refused), or when a column feeds a phone
     *     field the campaign does not have
     */
    public static RowMapper of(ColumnMapping mapping, RecordFactory factory, ValueOptions options) {
        Objects.requireNonNull(mapping, "mapping");
        Objects.requireNonNull(factory, "factory");
        Objects.requireNonNull(options, "options");
        return new RowMapper(mapping, factory, options);
    }

    /** @return the mapping rows are read by */
    public ColumnMapping mapping() {
        return mapping;
    }

    /**
     * Maps one row. Never throws for what the row's cells hold.
     *
     * @param row the row as read, numbered from 1 as {@code CsvSource} numbers rows and lines
     * @return the record with any warnings, or every problem of the row (at least one error)
     */
    public RowOutcome map(SourceRow row) {
        Objects.requireNonNull(row, "row");
        Row r = new Row(row);
        String refText = r.cell(ref);
        Optional<String> usableRef = refText.isEmpty() || !isValidRef(refText) ? Optional.empty() : Optional.of(refText);
        if (row.malformed().isPresent()) {
            r.error(-1, "ROW_MALFORMED", "the row's CSV syntax is broken (" + row.malformed().get()
                    + "), so none of it was imported");
            return new RowOutcome.Invalid(row, usableRef, r.problems);
        }
        checkExtraCells(r);
        if (refText.isEmpty()) {
            r.error(ref, "REF_MISSING", "customer_reference_id is required, but column '" + header.get(ref)
                    + "' is empty");
        }
        RecordDraft draft = factory.newRecord(refText);
        for (int i = 0; i < phoneColumns.length; i++) {
            draft.phone(phoneFields[i], r.cell(phoneColumns[i]));
        }
        if (agent >= 0) {
            draft.agent(r.cell(agent));
        }
        if (timeZone >= 0) {
            draft.timeZone(r.cell(timeZone));
        }
        if (region >= 0) {
            readRegion(r, draft);
        }
        if (priority >= 0) {
            readPriority(r, draft);
        }
        if (list >= 0) {
            readList(r, draft);
        }
        for (int i = 0; i < customColumns.length; i++) {
            draft.field(customNames[i], customValue(r, i));
        }
        Optional<LocalDateTime> localSchedule = scheduledFor >= 0 ? readScheduledFor(r, draft) : Optional.empty();
        // A draft with a blank id is refused, but still checked whole: the row's other problems are
        // reported with REF_MISSING (which stands for the draft's own complaint about the id).
        RecordDraft.Outcome outcome = draft.check();
        if (outcome instanceof RecordDraft.Outcome.Rejected rejected) {
            addProblems(r, rejected.problems(), true);
            return new RowOutcome.Invalid(row, usableRef, r.problems);
        }
        RecordDraft.Outcome.Accepted accepted = (RecordDraft.Outcome.Accepted) outcome;
        addProblems(r, accepted.warnings(), false);
        Record record = accepted.record();
        if (localSchedule.isPresent()) {
            Optional<ZoneId> zone = zoneOf(record);
            if (zone.isPresent()) {
                Instant at = ZonedDateTime.of(localSchedule.get(), zone.get()).toInstant();
                record = record.withScheduledFor(Optional.of(at));
            } else {
                r.error(scheduledFor, "SCHEDULED_FOR_ZONE_UNKNOWN", "'" + r.cell(scheduledFor)
                        + "' is a local time, but the record has no single time zone to read it in ("
                        + zoneEvidence(record) + "); give a time zone column or write the time with an offset");
            }
        }
        if (r.hasError) {
            return new RowOutcome.Invalid(row, usableRef, r.problems);
        }
        return new RowOutcome.Mapped(row, record, r.problems);
    }

    private static boolean isValidRef(String text) {
        if (text.length() > CustomerRef.MAX_LENGTH) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (Character.isISOControl(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private void checkExtraCells(Row r) {
        List<String> cells = r.source.cells();
        if (cells.size() <= header.size()) {
            return;
        }
        List<String> filled = new ArrayList<>();
        for (int i = header.size(); i < cells.size(); i++) {
            if (!cells.get(i).isBlank()) {
                filled.add("'" + cells.get(i) + "'");
            }
        }
        if (!filled.isEmpty()) {
            r.warning(-1, "EXTRA_CELLS", "the row has " + cells.size() + " cells but the header has " + header.size()
                    + " columns; the cells beyond it were ignored: " + String.join(", ", filled));
        }
    }

    private void readRegion(Row r, RecordDraft draft) {
        String text = r.cell(region);
        if (text.isEmpty()) {
            return;
        }
        String upper = text.toUpperCase(Locale.ROOT);
        if (upper.length() == 2 && PhoneNumber.isSupportedRegion(upper)) {
            draft.regionHint(upper);
        } else {
            r.error(region, "REGION_INVALID", "'" + text
                    + "' is not an ISO 3166 region with a numbering plan (two letters, e.g. US, GB, DE)");
        }
    }

    private void readPriority(Row r, RecordDraft draft) {
        String text = r.cell(priority);
        if (text.isEmpty()) {
            return;
        }
        int value = 0;
        boolean ok = text.length() <= 9;
        for (int i = 0; ok && i < text.length(); i++) {
            char c = text.charAt(i);
            ok = c >= '0' && c <= '9';
            value = value * 10 + (c - '0');
        }
        if (ok && value >= Record.MIN_PRIORITY && value <= Record.MAX_PRIORITY) {
            draft.priority(value);
        } else {
            r.error(priority, "PRIORITY_INVALID", "'" + text + "' is not a priority: expected a whole number "
                    + Record.MIN_PRIORITY + " - " + Record.MAX_PRIORITY);
        }
    }

    private void readList(Row r, RecordDraft draft) {
        String text = r.cell(list);
        if (text.isEmpty()) {
            return;
        }
        ListId id = lists.get(text);
        if (id == null) {
            try {
                id = ListId.of(text);
            } catch (InvalidValueException e) {
                r.error(list, "LIST_INVALID", e.getMessage());
                return;
            }
            if (lists.size() < LIST_CACHE_LIMIT) {
                lists.put(text, id);
            }
        }
        draft.list(id);
    }

    private String customValue(Row r, int i) {
        int column = customColumns[i];
        String text = r.cell(column);
        int size = customSizes[i];
        // Characters are counted as the schema counts them: by code point, so no pair is split.
        if (size >= 0 && text.length() > size) {
            int length = text.codePointCount(0, text.length());
            if (length > size) {
                r.warning(column, "VALUE_TRUNCATED", "value of " + length + " characters cut to the " + size
                        + " characters of custom field '" + customNames[i] + "'");
                text = text.substring(0, text.offsetByCodePoints(0, size)).strip();
            }
        }
        return text;
    }

    private Optional<LocalDateTime> readScheduledFor(Row r, RecordDraft draft) {
        String text = r.cell(scheduledFor);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        Optional<DateTimes.Parsed> parsed = dateTimes.parse(text);
        if (parsed.isEmpty()) {
            r.error(scheduledFor, "SCHEDULED_FOR_INVALID", "'" + text + "' is not a date and time in an accepted format: "
                    + dateTimes.accepted());
            return Optional.empty();
        }
        if (parsed.get().instant().isPresent()) {
            draft.scheduledFor(parsed.get().instant().get());
            return Optional.empty();
        }
        return parsed.get().local();
    }

    /** The record's zone: its explicit one, else the single zone all its numbers resolved to. */
    private static Optional<ZoneId> zoneOf(Record record) {
        if (record.timeZone().isPresent()) {
            return Optional.of(record.timeZone().get().zone());
        }
        ZoneId only = null;
        for (RecordPhone phone : record.phones()) {
            if (!(phone.zones() instanceof ZoneResolution.Resolved resolved)) {
                return Optional.empty();
            }
            for (ZoneId z : resolved.zones()) {
                if (only == null) {
                    only = z;
                } else if (!only.equals(z)) {
                    return Optional.empty();
                }
            }
        }
        return Optional.ofNullable(only);
    }

    private static String zoneEvidence(Record record) {
        List<String> parts = new ArrayList<>();
        for (RecordPhone phone : record.phones()) {
            parts.add(phone.field() + " " + phone.number().e164() + ": " + phone.zones().describe());
        }
        return String.join("; ", parts);
    }

    private void addProblems(Row r, List<RecordProblem> problems, boolean rejected) {
        boolean phoneInvalid = false;
        for (RecordProblem p : problems) {
            String field = p.field();
            if (field.equals("customer_reference_id")) {
                if (!r.refMissing()) {
                    r.add(rejected, ref, "REF_INVALID", p.message());
                }
            } else if (field.equals("agent")) {
                r.add(rejected, agent, "AGENT_INVALID", p.message());
            } else if (field.equals(TimeZones.FIELD)) {
                r.add(rejected, timeZone, "TIME_ZONE_INVALID", p.message());
            } else if (field.equals("priority")) {
                r.add(rejected, priority, "PRIORITY_INVALID", p.message());
            } else if (field.equals("phone")) {
                r.add(rejected, -1, "NO_VALID_PHONE", "at least one phone number is required, but columns "
                        + phoneColumnsText + " are empty");
            } else if (field.startsWith("phone ")) {
                Integer column = phoneColumnByField.get(field.substring("phone ".length()));
                r.add(rejected, column == null ? -1 : column, "PHONE_INVALID", p.message());
                phoneInvalid = true;
            } else if (field.startsWith("custom field '") && field.endsWith("'")) {
                String name = field.substring("custom field '".length(), field.length() - 1);
                Integer column = customColumnByLowerName.get(name.strip().toLowerCase(Locale.ROOT));
                r.add(rejected, column == null ? -1 : column, "FIELD_INVALID", p.message());
            } else {
                r.add(rejected, -1, "RECORD_INVALID", p.message());
            }
        }
        // A refused draft lists invalid numbers as problems only when none of its numbers was valid.
        if (rejected && phoneInvalid) {
            r.error(-1, "NO_VALID_PHONE", "at least one valid phone number is required, but every number in columns "
                    + phoneColumnsText + " is invalid");
        }
    }

    /** One row being mapped: its cells trimmed on demand, and the problems found so far. */
    private final class Row {
        final SourceRow source;
        final List<RowProblem> problems = new ArrayList<>(2);
        boolean hasError;

        Row(SourceRow source) {
            this.source = source;
        }

        /**
         * The trimmed cell of a column, without the formula guard an export put on it; empty for
         * a missing cell or an unmapped target.
         */
        String cell(int column) {
            List<String> cells = source.cells();
            return column >= 0 && column < cells.size() ? FormulaGuard.unguard(cells.get(column).strip()) : "";
        }

        boolean refMissing() {
            return cell(ref).isEmpty();
        }

        void add(boolean error, int column, String code, String message) {
            if (error) {
                error(column, code, message);
            } else {
                warning(column, code, message);
            }
        }

        void error(int column, String code, String message) {
            hasError = true;
            problems.add(problem(column, RowProblem.Severity.ERROR, code, message));
        }

        void warning(int column, String code, String message) {
            problems.add(problem(column, RowProblem.Severity.WARNING, code, message));
        }

        private RowProblem problem(int column, RowProblem.Severity severity, String code, String message) {
            Optional<String> name = column >= 0 ? Optional.of(header.get(column)) : Optional.empty();
            return new RowProblem(source.row(), source.line(), name, severity, code, message);
        }
    }
}
