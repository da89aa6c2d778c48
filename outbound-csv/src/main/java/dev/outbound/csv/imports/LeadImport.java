package dev.outbound.csv.imports;

import dev.outbound.core.InvalidValueException;
import dev.outbound.core.field.FieldDefinition;
import dev.outbound.core.record.RecordFactory;
import dev.outbound.csv.mapping.ColumnMapping;
import dev.outbound.csv.mapping.MappingOptions;
import dev.outbound.csv.mapping.RowMapper;
import dev.outbound.csv.mapping.ValueOptions;
import dev.outbound.csv.read.CsvSource;
import dev.outbound.csv.read.ReadOptions;
import dev.outbound.spi.directory.AgentDirectory;
import dev.outbound.spi.store.RecordStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * Imports lead lists into a campaign's {@link RecordStore}, accounting for every row (seeds 000,
 * 002, 003, 004). Immutable and thread-safe: one {@code LeadImport} per campaign setting makes any
 * number of {@linkplain #newJob jobs}, each for one file.
 *
 * <pre>{@code
 * LeadImport imports = LeadImport.newBuilder(factory, store)
 *         .onExisting(OnExisting.OVERWRITE).resultDirectory(Path.of("imports/42")).build();
 * ImportResult result = imports.newJob(Path.of("leads.csv")).run();
 * }</pre>
 *
 * <p><b>Rows.</b> Every data row ends in exactly one count of {@link ImportCounts}: a row the
 * mapper refuses, or whose agent the {@linkplain Builder#agentDirectory directory} does not know
 * ({@code AGENT_UNKNOWN}), is <em>invalid</em>. With duplicate detection on (the default), the
 * first row that makes a record for a customer reference id takes the id and later rows that
 * make a record for it are <em>duplicates</em> (seed 000: "the first occurrences will be used");
 * an invalid row takes no id, so a valid row after it with the same id is imported. With detection
 * off, a later row is written like any other and meets the earlier row's record as an existing
 * one. A row that makes a record is then written, in batches, as the {@linkplain Builder#rules
 * rules} say, and is <em>imported</em> (new key, written), <em>updated</em> (the stored record
 * changed by the merge rule: replaced, updated, activated, inactivated or deleted) or
 * <em>unchanged</em> (the store left as it was: the merge rule had nothing to change, a dialer
 * holds the record, reported as a {@code RECORD_IN_CALL} warning when the rule would have changed
 * it, a record that kept changing under the import's read-and-write (another writer, four times
 * over), reported as a {@code RECORD_CHANGED} warning, or the import rule {@code DO_NOTHING} did not
 * append a new contact, reported as a {@code NOT_APPENDED} warning).
 *
 * <p><b>Rules</b> (seed 003's import, update and merge rules, seed 002's reset of status and
 * agent; {@link ImportRules}). The default appends new contacts, keeps stored records
 * ({@link OnExisting#SKIP}) and leaves the campaign's other records alone. Append with skip or
 * replace ({@link OnExisting#OVERWRITE}) writes each batch in one upsert; the other rules read the
 * batch's stored records first ({@link RecordStore#stream} by reference id) and then write, change
 * or delete them, each by the store's own rules, so that a record under a lease is never changed.
 *
 * <p><b>Update rule and replace</b> (seed 000's append/replace; seed 003's update rule and "deletes
 * all contacts from the campaign before importing"): after a run that read the whole file and was
 * not cancelled, the campaign's records whose reference id no accepted row took are deleted,
 * activated or inactivated, except those a dialer holds (counted as {@code deleteSkipped}, or
 * {@code storeOnlySkipped}). This comes last, so a failed or cancelled run never changes them; a
 * file that makes no record at all deletes the whole campaign, as replace says.
 *
 * <p><b>Result files</b> (seed 002's success, error, duplicated and original data), when a
 * {@linkplain Builder#resultDirectory result directory} is given, written as the import streams:
 * {@code success.csv} holds the record of every accepted row (imported, updated or unchanged, as
 * the file gave it) in {@link dev.outbound.csv.export.LeadExport}'s standard columns for the
 * factory's phone fields and the campaign's custom fields; {@code errors.csv} every invalid row,
 * its original cells under the original header followed by {@code row, line, column, code,
 * message} (one line per row: several problems are joined with {@code " | "}, the n-th column,
 * code and message belonging together); {@code duplicates.csv} every duplicate row, its cells
 * followed by {@code row, line, first_row}. So each data row is in exactly one of the three.
 * Beside them, {@code original-<name>} is the input copied byte for byte and
 * {@code summary.json} is {@link ImportResult#toJson()}. All are UTF-8 and comma-separated,
 * whatever the input was, so that an error file can be fixed and imported again. Two jobs must
 * not share a result directory at the same time.
 *
 * <p><b>Not in this class.</b> Do-Not-Call, black and white lists import through
 * {@link dev.outbound.csv.dnc.DncImport}, on the same reading. Seed 002's dial-list rule ("import
 * to diallist when duplicated") is not built; it would be a further builder option here.
 */
public final class LeadImport {
    /** The default number of records per {@link RecordStore#upsert}. */
    public static final int DEFAULT_BATCH_SIZE = 1_000;

    /** The most {@linkplain Builder#threads mapping threads} a job may use. */
    public static final int MAX_THREADS = 64;

    /** The settings the pipeline reads; package-private so that tests can run it directly. */
    record Settings(RecordFactory factory, RecordStore store, ImportRules rules, boolean dedupe,
            Optional<AgentDirectory> agentDirectory, int batchSize, int threads) {
    }

    private final Settings settings;
    private final ReadOptions readOptions;
    private final Optional<ColumnMapping> mapping;
    private final MappingOptions mappingOptions;
    private final ValueOptions valueOptions;
    private final Optional<Path> resultDirectory;
    private final ImportListener listener;
    private final Optional<ImportJournal> journal;
    private final long skipRows;

    private LeadImport(Builder b) {
        this.skipRows = b.skipRows;
        this.journal = Optional.ofNullable(b.journal);
        ImportRules rules = b.rules != null ? b.rules : ImportRules.of(b.onExisting, b.replace);
        this.settings = new Settings(b.factory, b.store, rules, b.dedupe, Optional.ofNullable(b.agentDirectory),
                b.batchSize, b.threads);
        this.readOptions = b.readOptions != null ? b.readOptions : ReadOptions.detect();
        this.mapping = Optional.ofNullable(b.mapping);
        this.mappingOptions = b.mappingOptions != null ? b.mappingOptions
                : MappingOptions.defaults(List.copyOf(b.factory.phoneFields()));
        this.valueOptions = b.valueOptions != null ? b.valueOptions : ValueOptions.defaults();
        this.resultDirectory = Optional.ofNullable(b.resultDirectory);
        this.listener = b.listener != null ? b.listener : new ImportListener() {
        };
    }

    /**
     * @param factory makes the campaign's records; its clock gives the instants the store sees
     * @param store where the records go
     * @return a builder: detected reading, automatic mapping, {@linkplain ImportRules#defaults() default
     *     rules} (append new contacts, skip existing records, leave the others),
     *     duplicate detection on, no agent directory, no result files, batches of
     *     {@value #DEFAULT_BATCH_SIZE}, rows mapped on the caller's thread
     */
    public static Builder newBuilder(RecordFactory factory, RecordStore store) {
        return new Builder(Objects.requireNonNull(factory, "factory"), Objects.requireNonNull(store, "store"));
    }

    /**
     * Makes a job that imports a file when {@linkplain ImportJob#run() run}. Nothing is read
     * until then.
     *
     * @param file the CSV file
     * @return the job, pending
     */
    public ImportJob newJob(Path file) {
        Objects.requireNonNull(file, "file");
        return newJob(Optional.of(file), () -> RowSource.of(CsvSource.open(file, readOptions)), this::mapperFor);
    }

    /**
     * Validates the first rows of a file without writing anything (seed 002 shows the first 10
     * rows; seed 004 "check data"): maps them, checks agents and in-file duplicates as an import
     * would, and looks each accepted record's key up in the store ({@link RecordStore#get} or
     * {@link RecordStore#stream}, and {@link RecordStore#lease} where a rule would change the
     * record) to say what the rules would do to it: imported, updated, or unchanged with the same
     * warnings as the import. A later row of the preview with the same key meets the record as
     * the earlier row would have left it. The update rule (and replace) is not previewed (nothing
     * is counted as deleted, activated or inactivated), no result files are written and the
     * listener is not called.
     *
     * @param file the CSV file
     * @param rows how many data rows to check, 1 or more
     * @return the result, {@code FINISHED} (or {@code FAILED} when the file cannot be read), with
     *     {@link ImportResult#preview()} set
     */
    public ImportResult preview(Path file, int rows) {
        Objects.requireNonNull(file, "file");
        return preview(Optional.of(file), () -> RowSource.of(CsvSource.open(file, readOptions)), this::mapperFor,
                rows);
    }

    ImportJob newJob(Optional<Path> file, RowSource.Opener opener, Function<List<String>, Mapper> mapperFor) {
        return new ImportJob(this, file, opener, mapperFor, false, 0, UUID.randomUUID().toString());
    }

    /**
     * Makes a job with a given id: with a {@linkplain Builder#journal journal}, a job that ran
     * before under this id and did not finish resumes after the rows it wrote.
     *
     * @param file the CSV file
     * @param jobId the job's id, 1 to 128 characters
     * @return the job, pending
     */
    public ImportJob newJob(Path file, String jobId) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(jobId, "jobId");
        if (jobId.isBlank() || jobId.length() > 128) {
            throw new InvalidValueException("import job id", "1 - 128 characters, not blank", jobId);
        }
        return new ImportJob(this, Optional.of(file), () -> RowSource.of(CsvSource.open(file, readOptions)),
                this::mapperFor, false, 0, jobId);
    }

    /**
     * Makes a job with a given id and a listener of its own, told after the import's
     * {@linkplain Builder#listener listener}: what a scheduler of jobs
     * ({@link dev.outbound.csv.process.ListProcesses}) uses to follow and cancel the job it runs.
     *
     * @param file the CSV file
     * @param jobId the job's id, 1 to 128 characters
     * @param listener told of this job's status and progress
     * @return the job, pending
     */
    public ImportJob newJob(Path file, String jobId, ImportListener listener) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(listener, "listener");
        if (jobId.isBlank() || jobId.length() > 128) {
            throw new InvalidValueException("import job id", "1 - 128 characters, not blank", jobId);
        }
        return new ImportJob(this, Optional.of(file), () -> RowSource.of(CsvSource.open(file, readOptions)),
                this::mapperFor, false, 0, jobId, Optional.of(listener));
    }

    /** @return the journal that checkpoints each batch, if one was given */
    Optional<ImportJournal> journal() {
        return journal;
    }

    ImportResult preview(Optional<Path> file, RowSource.Opener opener, Function<List<String>, Mapper> mapperFor,
            int rows) {
        if (rows < 1) {
            throw new InvalidValueException("preview rows", "1 or more", rows);
        }
        return new ImportJob(this, file, opener, mapperFor, true, rows, UUID.randomUUID().toString()).run();
    }

    /**
     * The mapping for a file's header: the given one, which must have been made for exactly this
     * header, or the automatic one.
     *
     * @throws InvalidValueException when the given mapping's header is not the file's
     */
    Mapper mapperFor(List<String> header) {
        ColumnMapping m;
        if (mapping.isPresent()) {
            m = mapping.get();
            if (!m.header().equals(header)) {
                throw new InvalidValueException("column mapping", "made for the file's header " + header,
                        m.header());
            }
        } else {
            m = ColumnMapping.auto(header, mappingOptions);
        }
        List<String> schemaFields = new ArrayList<>();
        for (FieldDefinition d : settings.factory().fieldSchema().definitions()) {
            schemaFields.add(d.name());
        }
        return Mapper.of(m, RowMapper.of(m, settings.factory(), valueOptions), schemaFields);
    }

    /** @return how many data rows at the top of each file are dropped before the import */
    long skipRows() {
        return skipRows;
    }

    Settings settings() {
        return settings;
    }

    Optional<Path> resultDirectory() {
        return resultDirectory;
    }

    ImportListener listener() {
        return listener;
    }

    /**
     * Builds a {@link LeadImport}. Each option may be set once; setting one twice, or setting
     * both {@link #mapping} and {@link #mappingOptions}, fails at {@link #build()} naming them.
     * Not thread-safe.
     */
    public static final class Builder {
        private final RecordFactory factory;
        private final RecordStore store;
        private ReadOptions readOptions;
        private ColumnMapping mapping;
        private MappingOptions mappingOptions;
        private ValueOptions valueOptions;
        private OnExisting onExisting = OnExisting.SKIP;
        private boolean replace;
        private ImportRules rules;
        private boolean dedupe = true;
        private AgentDirectory agentDirectory;
        private Path resultDirectory;
        private ImportListener listener;
        private ImportJournal journal;
        private int batchSize = DEFAULT_BATCH_SIZE;
        private int threads = 1;
        private long skipRows;
        private final List<String> set = new ArrayList<>();
        private final List<String> twice = new ArrayList<>();

        private Builder(RecordFactory factory, RecordStore store) {
            this.factory = factory;
            this.store = store;
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
         * @param m the column mapping, made for the header of the files this import reads (a file
         *     with another header fails); default: {@link ColumnMapping#auto} on each file's header
         * @return this builder
         */
        public Builder mapping(ColumnMapping m) {
            once("mapping");
            mapping = Objects.requireNonNull(m, "m");
            return this;
        }

        /**
         * Seed 002's "remove top records": drops the first {@code n} data rows of each file
         * before the import. The header is not one of them: with a header row (every lead file
         * has one), row 1 is the first row after it, as in {@link dev.outbound.csv.read.SourceRow#row()},
         * and blank lines are not rows. The dropped rows are not in {@link ImportCounts} and are in
         * none of the result files but the original copy; {@link ImportResult#skipped()} (and
         * {@code skipped_rows} in {@code summary.json}) says how many there were, fewer than
         * {@code n} when the file is shorter. The rows after them keep their numbers, so a problem
         * on the file's row 7 is reported as row 7 whatever {@code n} is. A
         * {@linkplain LeadImport#preview preview} skips them too. With the update rule (or
         * replace), a record named only in a dropped row counts as not named by the file.
         *
         * @param n how many data rows to drop, 0 or more (default 0)
         * @return this builder
         */
        public Builder skipRows(long n) {
            once("skipRows");
            skipRows = n;
            return this;
        }

        /**
         * @param options how the automatic mapping treats columns (default:
         *     {@link MappingOptions#defaults} with the factory's phone fields); not with {@link #mapping}
         * @return this builder
         */
        public Builder mappingOptions(MappingOptions options) {
            once("mappingOptions");
            mappingOptions = Objects.requireNonNull(options, "options");
            return this;
        }

        /**
         * @param options how cell values are read (default: {@link ValueOptions#defaults()})
         * @return this builder
         */
        public Builder valueOptions(ValueOptions options) {
            once("valueOptions");
            valueOptions = Objects.requireNonNull(options, "options");
            return this;
        }

        /**
         * Seed 000's shorthand for the merge rule: {@code SKIP} is {@link ImportRules.MergeRule#DO_NOTHING},
         * {@code OVERWRITE} is {@link ImportRules.MergeRule#REPLACE}. Not with {@link #rules}.
         *
         * @param choice what happens to a row whose key the store holds (default {@link OnExisting#SKIP})
         * @return this builder
         */
        public Builder onExisting(OnExisting choice) {
            once("onExisting");
            onExisting = Objects.requireNonNull(choice, "choice");
            return this;
        }

        /**
         * Seed 000's shorthand for the update rule: true is {@link ImportRules.UpdateRule#DELETE},
         * false {@link ImportRules.UpdateRule#DO_NOTHING}. Not with {@link #rules}.
         *
         * @param on whether, after a complete and uncancelled run, the campaign's records the file
         *     did not name are deleted (default false: append)
         * @return this builder
         */
        public Builder replace(boolean on) {
            once("replace");
            replace = on;
            return this;
        }

        /**
         * Seed 003's import, update and merge rules and seed 002's resets, in full; the class
         * javadoc and {@link ImportRules} say what each does and how its rows are counted. The
         * shorthands {@link #onExisting} and {@link #replace} set a part of the same rules, so
         * either this or those may be set, not both.
         *
         * @param r the rules (default: {@link ImportRules#defaults()}, or what the shorthands say)
         * @return this builder
         */
        public Builder rules(ImportRules r) {
            once("rules");
            rules = Objects.requireNonNull(r, "r");
            return this;
        }

        /**
         * @param on whether later rows with a customer reference id an earlier row took are
         *     reported as duplicates and not written (default true; seed 000's per-campaign switch)
         * @return this builder
         */
        public Builder dedupe(boolean on) {
            once("dedupe");
            dedupe = on;
            return this;
        }

        /**
         * @param directory the host's agents: a record whose agent it does not know is invalid
         *     ({@code AGENT_UNKNOWN}); default none, only the e-mail's syntax is checked
         * @return this builder
         */
        public Builder agentDirectory(AgentDirectory directory) {
            once("agentDirectory");
            agentDirectory = Objects.requireNonNull(directory, "directory");
            return this;
        }

        /**
         * @param dir where each job writes {@code success.csv}, {@code errors.csv},
         *     {@code duplicates.csv}, a byte-for-byte copy of the input named {@code original-}
         *     and the input's name, and {@code summary.json}; created if missing, files in it
         *     replaced (default: no result files)
         * @return this builder
         */
        public Builder resultDirectory(Path dir) {
            once("resultDirectory");
            resultDirectory = Objects.requireNonNull(dir, "dir");
            return this;
        }

        /**
         * @param l told of each job's status and progress (default: nobody)
         * @return this builder
         */
        public Builder listener(ImportListener l) {
            once("listener");
            listener = Objects.requireNonNull(l, "l");
            return this;
        }

        /**
         * @param n rows per batch, 1 to {@value RecordStore#MAX_BATCH} (default
         *     {@value #DEFAULT_BATCH_SIZE}); each batch is one upsert and one chance to report progress
         * @return this builder
         */
        public Builder batchSize(int n) {
            once("batchSize");
            batchSize = n;
            return this;
        }

        /**
         * How many threads map rows to records, the costly step of an import (parsing phone
         * numbers above all). With 1, the default, a job reads, maps and writes each row in turn
         * on the thread that {@linkplain ImportJob#run() runs} it.
         *
         * <p>With more, the job's thread reads the rows of a batch ({@link #batchSize} rows), the
         * batch's rows are mapped on {@code n} worker threads, each mapping a contiguous slice,
         * and the job's thread then handles the mapped rows one by one in file order as with one
         * thread: the agent check, duplicate detection (the first occurrence wins), the upsert,
         * the counts, the problems, the result files, progress and cancellation. The result is
         * exactly that of one thread: the same counts, problems, records and result files.
         * Only mapping runs in parallel; the row mapper is thread-safe, and a mapping of one's
         * own must be too. Reading and handling wait for the batch's mapping and do not overlap
         * with it, so the job's thread and the workers take turns.
         *
         * <p>Cancellation still stops before the next row is read; the rows read of the current
         * batch are mapped, written and counted. A mapper that throws fails the job and the
         * exception of the batch's first failing row is rethrown from {@code run()}, as with one
         * thread; the rows of that batch are not written (with one thread they are not written
         * either). Progress then counts the whole batch as read.
         *
         * <p>Memory: one batch of rows and their mapped records is in flight, split between the
         * workers, as with one thread. The workers are daemon threads named
         * {@code outbound-import-<job id>-<i>} ({@code i} from 1), started by each job's run and
         * stopped before {@code run()} returns or throws, however the run ends.
         *
         * @param n mapping threads, 1 to {@value #MAX_THREADS} (default 1: no worker threads);
         *     more than the machine's cores gains nothing
         * @return this builder
         */
        public Builder threads(int n) {
            once("threads");
            threads = n;
            return this;
        }

        /**
         * Checkpoints every batch in a journal the store binding provides, so that a run that died
         * can be resumed ({@link LeadImport#newJob(Path, String)} with the same id) or rolled back.
         * Only for rules that are plain upserts ({@link ImportRules#upsertOnly()}).
         *
         * @param j the journal
         * @return this builder
         */
        public Builder journal(ImportJournal j) {
            once("journal");
            this.journal = Objects.requireNonNull(j, "journal");
            return this;
        }

        /**
         * @return the import
         * @throws InvalidValueException when an option was set twice, both {@code mapping} and
         *     {@code mappingOptions} were set, {@code rules} was set with {@code onExisting} or
         *     {@code replace}, a journal was set with rules that are not plain upserts, or the batch
         *     size or the number of threads is out of range
         */
        public LeadImport build() {
            if (!twice.isEmpty()) {
                throw new InvalidValueException("lead import", "each option set once", "set twice: " + twice);
            }
            if (mapping != null && mappingOptions != null) {
                throw new InvalidValueException("lead import", "mapping or mappingOptions, not both: "
                        + "mappingOptions only shape the automatic mapping", "mapping and mappingOptions both set");
            }
            if (rules != null && (set.contains("onExisting") || set.contains("replace"))) {
                List<String> shorthands = new ArrayList<>();
                for (String s : List.of("onExisting", "replace")) {
                    if (set.contains(s)) {
                        shorthands.add(s);
                    }
                }
                throw new InvalidValueException("lead import", "rules or the shorthands onExisting and replace, not "
                        + "both: the rules hold the merge and update rules the shorthands set",
                        "rules and " + String.join(" and ", shorthands) + " both set");
            }
            if (journal != null && !(rules != null ? rules : ImportRules.of(onExisting, replace)).upsertOnly()) {
                throw new InvalidValueException("lead import", "a journal with rules that are plain upserts "
                        + "(the update rule and the rules that read records first cannot be resumed)",
                        "journal with rules " + rules);
            }
            if (batchSize < 1 || batchSize > RecordStore.MAX_BATCH) {
                throw new InvalidValueException("batchSize", "1 - " + RecordStore.MAX_BATCH, batchSize);
            }
            if (skipRows < 0) {
                throw new InvalidValueException("skipRows", "0 or more", skipRows);
            }
            if (threads < 1 || threads > MAX_THREADS) {
                throw new InvalidValueException("threads", "1 - " + MAX_THREADS, threads);
            }
            return new LeadImport(this);
        }
    }
}
