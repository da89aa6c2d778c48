package dev.outbound.csv.dnc;

import dev.outbound.core.InvalidValueException;
import dev.outbound.core.dnc.DncList;
import dev.outbound.core.phone.PhoneNumber;
import dev.outbound.csv.read.ReadOptions;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Imports a Do-Not-Call file (seed 002's campaign blacklist, black list and white list; seed 003's
 * blacklist) into a {@link DncList}, through the lead import's reading: {@link
 * dev.outbound.csv.read.CsvSource} with its encoding and separator detection, rows numbered with
 * their lines, every row accounted for, problems with row, line, column, code and message, and
 * result files written as it streams. Block lists and allow lists alike: the list's
 * {@linkplain DncList#mode() mode} says what an entry means, the import only fills it. A global
 * list or a campaign's own is the caller's choice of list. Immutable and thread-safe; each
 * {@linkplain #newJob job} reads one file.
 *
 * <pre>{@code
 * DncList national = DncList.newBuilder("national registry").build();
 * DncImportResult result = DncImport.newBuilder(national).defaultRegion("US")
 *         .resultDirectory(Path.of("imports/dnc")).build().newJob(Path.of("dnc.csv")).run();
 * }</pre>
 *
 * <p><b>Columns</b> are matched from the header ({@code phone}, {@code number},
 * {@code phone_number}, {@code telephone}, {@code mobile}, ... for numbers; {@code prefix};
 * {@code customer_reference_id} or {@code customer_key}; {@code source}, {@code reason},
 * {@code expires_at}, {@code region}), or given by hand with {@link Builder#column}; the
 * result's {@link DncImportResult#columns()} says what each column became. A file with no number,
 * prefix or customer column fails.
 *
 * <p><b>Rows.</b> Every filled number, prefix and customer cell of a row is one entry, with the
 * row's source (or the {@linkplain Builder#defaultSource default}), reason and expiry. National
 * numbers are read in the row's region column, else the {@linkplain Builder#defaultRegion default
 * region}; a number's extension plays no part (lists match E.164 numbers). Prefixes are
 * international digits ({@code +1201}, {@code 1201}; spaces, hyphens, dots and parentheses are
 * dropped): a national prefix such as {@code 0201} is refused rather than guessed. An expiry is
 * an ISO-8601 instant or offset date-time, a local date-time, or a date (the start of that day),
 * the last two in the {@linkplain Builder#zone zone}. Each row then ends in exactly one count of
 * {@link DncImportCounts}:
 * <ul>
 * <li><em>invalid</em> ({@code errors.csv}): the row's CSV syntax is broken ({@code ROW_MALFORMED}),
 *     its region ({@code REGION_INVALID}) or expiry ({@code EXPIRES_AT_INVALID}) cannot be read,
 *     it names no key at all ({@code NO_KEY}), or none of its keys can be read
 *     ({@code NUMBER_INVALID}, {@code PREFIX_INVALID}, {@code CUSTOMER_REF_INVALID}). A key
 *     that cannot be read beside one that can is a warning, and the row goes on with the
 *     readable ones: a number that cannot be read never enters the list.</li>
 * <li><em>expired</em> ({@code errors.csv}, code {@code EXPIRED}): the row's expiry is at or
 *     before the import's time (its {@linkplain Builder#clock clock}), so its entries would never
 *     apply; nothing is listed.</li>
 * <li><em>duplicate</em> ({@code duplicates.csv}, code {@code DUPLICATE_IN_FILE}): every key of
 *     the row was given by an earlier accepted row (or an earlier column of the same row); the
 *     first occurrence wins, as in the lead import. A row with a new key and a repeated one is
 *     accepted with a {@code DUPLICATE_IN_FILE} (or {@code DUPLICATE_IN_ROW}) warning for the
 *     repeat. Invalid and expired rows take no keys.</li>
 * <li>otherwise the row is accepted ({@code success.csv}) and its new keys are compared with the
 *     list: <em>added</em> when the list lacked at least one of them; else <em>updated</em> when
 *     at least one was held with another source, reason or expiry (the file's entry replaces
 *     it, as {@link DncList#add} does); else <em>unchanged</em> (already listed).</li>
 * </ul>
 * So {@code total = added + updated + unchanged + duplicates + expired + invalid}, and each data
 * row is in exactly one of {@code success.csv}, {@code errors.csv} and {@code duplicates.csv}.
 *
 * <p><b>Append</b> (the default) puts the entries in the list as the file is read, a chunk of
 * rows at a time, so checks see them at once; a cancelled or failed job leaves in the list the
 * entries of the rows it counted. <b>Replace</b> ({@link Builder#replace}) makes the list hold
 * exactly the entries the file gave, and nothing else: they are gathered aside while the file is
 * read and swapped in at once ({@link DncList#replaceContents}) only after a complete successful
 * read: the whole file read, not cancelled, the result files written, and at most
 * {@linkplain Builder#replaceMaxInvalid N} invalid rows (0 unless set). Otherwise the job fails
 * (or is cancelled) and the list is left exactly as it was: an invalid row is an entry the file
 * meant to list, and dropping it from a block list would let calls through. Expired and duplicate
 * rows do not stop a replace; an expired row's key is not in the list afterwards. The counts
 * compare the rows with the list as it was when each row was read; {@code removed} is the
 * entries that left it. Jobs filling one list should run one after the other.
 *
 * <p><b>Result files</b>, when a {@linkplain Builder#resultDirectory directory} is given:
 * {@code success.csv} with one line per entry of the accepted rows ({@code number}, {@code prefix},
 * {@code customer_reference_id}, {@code source}, {@code reason}, {@code expires_at},
 * {@code outcome}, {@code row}, {@code line}), which imports again as it is; {@code errors.csv}
 * (invalid and expired rows) and {@code duplicates.csv} in the lead import's format (the original
 * cells, then the reasons); {@code original-<name>}, the file byte for byte; and
 * {@code summary.json}, {@link DncImportResult#toJson()}. All UTF-8 and comma-separated.
 */
public final class DncImport {
    private final DncList target;
    private final ReadOptions readOptions;
    private final Map<String, DncColumn> columns;
    private final String defaultRegion;
    private final Optional<String> defaultSource;
    private final ZoneId zone;
    private final Clock clock;
    private final boolean replace;
    private final long replaceMaxInvalid;
    private final Optional<Path> resultDirectory;
    private final long skipRows;

    private DncImport(Builder b) {
        this.skipRows = b.skipRows;
        this.target = b.target;
        this.readOptions = b.readOptions != null ? b.readOptions : ReadOptions.detect();
        this.columns = Collections.unmodifiableMap(new LinkedHashMap<>(b.columns));
        this.defaultRegion = b.defaultRegion;
        this.defaultSource = Optional.ofNullable(b.defaultSource);
        this.zone = b.zone;
        this.clock = b.clock;
        this.replace = b.replace;
        this.replaceMaxInvalid = b.replaceMaxInvalid;
        this.resultDirectory = Optional.ofNullable(b.resultDirectory);
    }

    /**
     * @param target the list the entries go into; its mode says what they mean
     * @return a builder: detected reading, automatic columns, numbers with their country code
     *     only ({@link PhoneNumber#NO_REGION}), no default source, dates in UTC, the system clock,
     *     append, no result files
     */
    public static Builder newBuilder(DncList target) {
        return new Builder(Objects.requireNonNull(target, "target"));
    }

    /**
     * Makes a job that imports a file when {@linkplain DncImportJob#run() run}. Nothing is read
     * until then.
     *
     * @param file the CSV file, header in its first non-blank row
     * @return the job, pending
     */
    public DncImportJob newJob(Path file) {
        return new DncImportJob(this, Objects.requireNonNull(file, "file"));
    }

    /** @return the list the entries go into */
    public DncList target() {
        return target;
    }

    /** @return how many data rows at the top of the file are dropped */
    long skipRows() {
        return skipRows;
    }

    ReadOptions readOptions() {
        return readOptions;
    }

    Map<String, DncColumn> columns() {
        return columns;
    }

    String defaultRegion() {
        return defaultRegion;
    }

    Optional<String> defaultSource() {
        return defaultSource;
    }

    ZoneId zone() {
        return zone;
    }

    Clock clock() {
        return clock;
    }

    boolean replace() {
        return replace;
    }

    long replaceMaxInvalid() {
        return replaceMaxInvalid;
    }

    Optional<Path> resultDirectory() {
        return resultDirectory;
    }

    /**
     * Builds a {@link DncImport}. Each option may be set once ({@link #column} once per header);
     * setting one twice, giving two columns a role only one may have, or
     * {@link #replaceMaxInvalid} without {@link #replace}, fails at {@link #build()} naming them.
     * Not thread-safe.
     */
    public static final class Builder {
        private final DncList target;
        private ReadOptions readOptions;
        private long skipRows;
        private final Map<String, DncColumn> columns = new LinkedHashMap<>();
        private String defaultRegion = PhoneNumber.NO_REGION;
        private String defaultSource;
        private ZoneId zone = ZoneOffset.UTC;
        private Clock clock = Clock.systemUTC();
        private boolean replace;
        private long replaceMaxInvalid;
        private Path resultDirectory;
        private final List<String> set = new ArrayList<>();
        private final List<String> twice = new ArrayList<>();

        private Builder(DncList target) {
            this.target = target;
        }

        private void once(String option) {
            if (set.contains(option)) {
                twice.add(option);
            }
            set.add(option);
        }

        /**
         * @param options the separator and encoding, each detected unless given (default: both detected)
         * @return this builder
         */
        public Builder readOptions(ReadOptions options) {
            once("readOptions");
            readOptions = Objects.requireNonNull(options, "options");
            return this;
        }

        /**
         * Seed 002's "remove top records", as {@link dev.outbound.csv.imports.LeadImport.Builder#skipRows}:
         * drops the first {@code n} data rows (the header is not one of them) before the import;
         * {@link DncImportResult#skipped()} and {@code skipped_rows} in {@code summary.json} count
         * them, and they are in none of the counts nor the result files but the original copy.
         * With {@link #replace}, their entries are not in the list afterwards.
         *
         * @param n how many data rows to drop, 0 or more (default 0)
         * @return this builder
         */
        public Builder skipRows(long n) {
            once("skipRows");
            if (n < 0) {
                throw new InvalidValueException("skipRows", "0 or more", n);
            }
            skipRows = n;
            return this;
        }

        /**
         * Gives a column its role by its header, instead of matching it automatically; the other
         * columns are still matched. {@link DncColumn#IGNORED} keeps a column from being read.
         *
         * @param header the column's header as the file has it (surrounding spaces ignored); a
         *     file without it fails
         * @param role what the column holds
         * @return this builder
         */
        public Builder column(String header, DncColumn role) {
            Objects.requireNonNull(header, "header");
            Objects.requireNonNull(role, "role");
            if (header.isBlank()) {
                throw new InvalidValueException("column header", "non-blank text", "'" + header + "'");
            }
            once("column '" + header.strip() + "'");
            columns.put(header.strip(), role);
            return this;
        }

        /**
         * @param region the ISO 3166 region national numbers are read in when a row has no region
         *     of its own ({@code "US"}); default {@link PhoneNumber#NO_REGION}: numbers must then
         *     carry their country code
         * @return this builder
         */
        public Builder defaultRegion(String region) {
            once("defaultRegion");
            Objects.requireNonNull(region, "region");
            String upper = region.strip().toUpperCase(Locale.ROOT);
            if (!upper.equals(PhoneNumber.NO_REGION) && !PhoneNumber.isSupportedRegion(upper)) {
                throw new InvalidValueException("defaultRegion", "an ISO 3166 region with a numbering plan, or "
                        + PhoneNumber.NO_REGION, "'" + region + "'");
            }
            defaultRegion = upper;
            return this;
        }

        /**
         * @param source the source of entries whose row has none ({@code "national registry"}),
         *     non-blank; default none
         * @return this builder
         */
        public Builder defaultSource(String source) {
            once("defaultSource");
            Objects.requireNonNull(source, "source");
            if (source.isBlank()) {
                throw new InvalidValueException("defaultSource", "non-blank text", "'" + source + "'");
            }
            defaultSource = source.strip();
            return this;
        }

        /**
         * @param z the zone an expiry given as a date or a local date-time is read in (default UTC)
         * @return this builder
         */
        public Builder zone(ZoneId z) {
            once("zone");
            zone = Objects.requireNonNull(z, "zone");
            return this;
        }

        /**
         * @param c gives the import's time, which an expiry must be after (default the system clock)
         * @return this builder
         */
        public Builder clock(Clock c) {
            once("clock");
            clock = Objects.requireNonNull(c, "clock");
            return this;
        }

        /**
         * @param on whether the list is to hold exactly the file's entries afterwards, swapped in
         *     after a complete successful read (default false: append)
         * @return this builder
         */
        public Builder replace(boolean on) {
            once("replace");
            replace = on;
            return this;
        }

        /**
         * @param rows how many invalid rows a replace tolerates, 0 or more (default 0: any invalid
         *     row leaves the list as it was); only with {@link #replace}
         * @return this builder
         */
        public Builder replaceMaxInvalid(long rows) {
            once("replaceMaxInvalid");
            if (rows < 0) {
                throw new InvalidValueException("replaceMaxInvalid", "0 or more", rows);
            }
            replaceMaxInvalid = rows;
            return this;
        }

        /**
         * @param dir where each job writes {@code success.csv}, {@code errors.csv},
         *     {@code duplicates.csv}, {@code original-<name>} and {@code summary.json}; created if
         *     missing, files in it replaced (default: no result files)
         * @return this builder
         */
        public Builder resultDirectory(Path dir) {
            once("resultDirectory");
            resultDirectory = Objects.requireNonNull(dir, "dir");
            return this;
        }

        /**
         * @return the import
         * @throws InvalidValueException when an option was set twice, two columns were given a role
         *     only one column may have, or {@code replaceMaxInvalid} was set without replace
         */
        public DncImport build() {
            if (!twice.isEmpty()) {
                throw new InvalidValueException("Do-Not-Call import", "each option set once", "set twice: " + twice);
            }
            Map<DncColumn, String> single = new LinkedHashMap<>();
            for (Map.Entry<String, DncColumn> c : columns.entrySet()) {
                if (c.getValue().repeats()) {
                    continue;
                }
                String earlier = single.putIfAbsent(c.getValue(), c.getKey());
                if (earlier != null) {
                    throw new InvalidValueException("Do-Not-Call import columns", "one column at most as "
                            + c.getValue().describe(), "'" + earlier + "' and '" + c.getKey() + "'");
                }
            }
            if (set.contains("replaceMaxInvalid") && !replace) {
                throw new InvalidValueException("Do-Not-Call import", "replaceMaxInvalid only with replace(true)",
                        "replaceMaxInvalid without replace");
            }
            return new DncImport(this);
        }
    }
}
