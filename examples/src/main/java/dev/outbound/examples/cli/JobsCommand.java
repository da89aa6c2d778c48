package dev.outbound.examples.cli;

import dev.outbound.core.record.CampaignId;
import dev.outbound.core.record.RecordStatus;
import dev.outbound.csv.process.ListProcesses;
import dev.outbound.csv.process.ProcessKind;
import dev.outbound.csv.process.ProcessSnapshot;
import dev.outbound.csv.process.ProcessStatus;
import dev.outbound.spi.OutboundServices;
import dev.outbound.spi.store.RecordQuery;
import dev.outbound.spi.store.RecordStore;
import dev.outbound.spi.time.RealTimeScheduler;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code outbound jobs}: seed 003's scheduled import, export and delete, and seed 002's shell
 * jobs, kept in a job directory ({@link JobDirectory}) and run by {@code jobs run} with the SDK's
 * {@link ListProcesses}.
 */
@Command(name = "jobs", mixinStandardHelpOptions = true,
        description = "Schedule imports, exports and deletes for later, list them with their status and progress, "
                + "cancel them, and run them.",
        subcommands = {JobsCommand.Schedule.class, JobsCommand.ListJobs.class, JobsCommand.Cancel.class,
                JobsCommand.Run.class})
final class JobsCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The command line's options as given, rebuilt from what picocli matched; paths made absolute. */
    static List<String> givenArgs(CommandSpec spec) {
        CommandLine.ParseResult r = spec.commandLine().getParseResult();
        List<String> args = new ArrayList<>();
        for (PositionalParamSpec p : r.matchedPositionals()) {
            for (String v : p.originalStringValues()) {
                args.add(p.type() == Path.class ? Path.of(v).toAbsolutePath().toString() : v);
            }
        }
        for (OptionSpec o : r.matchedOptions()) {
            if (o.arity().max() == 0) {
                args.add(o.longestName());
                continue;
            }
            for (String v : o.originalStringValues()) {
                args.add(o.longestName());
                args.add(o.type() == Path.class || (o.type() == Optional.class && o.auxiliaryTypes().length > 0
                        && o.auxiliaryTypes()[0] == Path.class) ? Path.of(v).toAbsolutePath().toString() : v);
            }
        }
        return args;
    }

    static Instant instant(String option, String text, Clock clock) {
        if (text.equalsIgnoreCase("now")) {
            return clock.instant();
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(option + " must be an ISO-8601 instant such as 2026-03-02T22:00:00Z, "
                    + "or now; not " + text);
        }
    }

    /** {@code jobs schedule}: writes a pending job. */
    @Command(name = "schedule", mixinStandardHelpOptions = true,
            description = "Schedule an import, an export or a delete for an instant; jobs run runs it then.",
            subcommands = {ScheduleImport.class, ScheduleExport.class, ScheduleDelete.class})
    static final class Schedule implements Runnable {
        @Spec
        CommandSpec spec;

        @Option(names = "--dir", required = true, paramLabel = "DIR", description = "The job directory.")
        Path dir;

        @Option(names = "--at", paramLabel = "INSTANT", defaultValue = "now",
                description = "When to run it: an ISO-8601 instant (2026-03-02T22:00:00Z) or now (default).")
        String at;

        @Option(names = "--comment", paramLabel = "TEXT", defaultValue = "",
                description = "A comment kept with the job.")
        String comment;

        @Option(names = "--id", paramLabel = "ID", description = "The job's id (default: a new random one).")
        Optional<String> id = Optional.empty();

        @Override
        public void run() {
            spec.commandLine().usage(spec.commandLine().getOut());
        }

        int schedule(ProcessKind kind, String campaign, Optional<String> file, List<String> args, PrintWriter out) {
            String jobId = id.orElse(UUID.randomUUID().toString());
            Instant when = instant("--at", at, Clock.systemUTC());
            JobDirectory jobs = new JobDirectory(dir);
            if (jobs.get(jobId).isPresent()) {
                throw new IllegalArgumentException("job " + jobId + " already exists in " + dir);
            }
            CampaignId.of(campaign);
            ProcessSnapshot pending = ProcessSnapshot.pending(jobId, kind, when, file, comment);
            jobs.writeJob(new JobDirectory.Job(jobId, kind.name().toLowerCase(Locale.ROOT), campaign, when, comment,
                    args));
            jobs.save(pending);
            out.println("scheduled " + kind.name().toLowerCase(Locale.ROOT) + " job " + jobId + " for " + when);
            return 0;
        }
    }

    /** {@code jobs schedule import}: the options of {@code import}. */
    @Command(name = "import", description = "Schedule an import; takes the options of the import command, "
            + "--skip-rows among them.")
    static final class ScheduleImport implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @ParentCommand
        Schedule parent;

        @Mixin
        ImportCommand options;

        @Override
        public Integer call() {
            options.rules();
            if (options.skipRows < 0) {
                throw new IllegalArgumentException("--skip-rows must be 0 or more, not " + options.skipRows);
            }
            return parent.schedule(ProcessKind.IMPORT, options.campaign,
                    Optional.of(options.file.toAbsolutePath().toString()), givenArgs(spec),
                    spec.commandLine().getOut());
        }
    }

    /** {@code jobs schedule export}. */
    @Command(name = "export", description = "Schedule an export of a campaign's records to a CSV file.")
    static final class ScheduleExport implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @ParentCommand
        Schedule parent;

        @Mixin
        ExportCommand options;

        @Override
        public Integer call() {
            return parent.schedule(ProcessKind.EXPORT, options.campaign,
                    Optional.of(options.out.toAbsolutePath().toString()), givenArgs(spec),
                    spec.commandLine().getOut());
        }
    }

    /** {@code jobs schedule delete}. */
    @Command(name = "delete", description = "Schedule a delete of a campaign's records that match the filters "
            + "(no filter: every record of the campaign).")
    static final class ScheduleDelete implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @ParentCommand
        Schedule parent;

        @Mixin
        DeleteOptions options;

        @Override
        public Integer call() {
            options.query();
            return parent.schedule(ProcessKind.DELETE, options.campaign, Optional.empty(), givenArgs(spec),
                    spec.commandLine().getOut());
        }
    }

    /** The options of a scheduled delete: seed 003's filters on record status, reason code and content. */
    @Command(name = "delete")
    static final class DeleteOptions {
        @Option(names = "--store", paramLabel = "URL",
                description = "The record store (a binding on the class path takes it); without it, records live in "
                        + "memory.")
        Optional<String> store = Optional.empty();

        @Option(names = "--campaign", required = true, paramLabel = "NAME", description = "The campaign.")
        String campaign;

        @Option(names = "--status", paramLabel = "STATUS",
                description = "Only records in this status (repeatable: any of them), e.g. inactive, postponed, done.")
        List<String> statuses = new ArrayList<>();

        @Option(names = "--reason-major", paramLabel = "TEXT", description = "Only records with this major reason code.")
        Optional<String> reasonMajor = Optional.empty();

        @Option(names = "--reason-minor", paramLabel = "TEXT", description = "Only records with this minor reason code.")
        Optional<String> reasonMinor = Optional.empty();

        @Option(names = "--field", paramLabel = "NAME=VALUE",
                description = "Only records whose custom field has this value (repeatable: all of them).")
        List<String> fields = new ArrayList<>();

        /** @throws IllegalArgumentException naming the option when a status or a field is malformed */
        RecordQuery query() {
            RecordQuery.Builder b = RecordQuery.newBuilder().campaign(CampaignId.of(campaign));
            for (String s : statuses) {
                b.status(status(s));
            }
            reasonMajor.ifPresent(b::reasonMajor);
            reasonMinor.ifPresent(b::reasonMinor);
            for (String f : fields) {
                int eq = f.indexOf('=');
                if (eq <= 0) {
                    throw new IllegalArgumentException("--field must be NAME=VALUE, not " + f);
                }
                b.field(f.substring(0, eq), f.substring(eq + 1));
            }
            return b.build();
        }

        private static RecordStatus status(String text) {
            String name = text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
            for (RecordStatus s : RecordStatus.values()) {
                if (s.name().equals(name)) {
                    return s;
                }
            }
            List<String> names = new ArrayList<>();
            for (RecordStatus s : RecordStatus.values()) {
                names.add(s.name().toLowerCase(Locale.ROOT).replace('_', '-'));
            }
            throw new IllegalArgumentException("--status must be one of " + String.join(", ", names) + ", not "
                    + text);
        }
    }

    /** {@code jobs list}. */
    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "List the jobs: status, percent, scheduled, start and end times, file, comment and details.")
    static final class ListJobs implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--dir", required = true, paramLabel = "DIR", description = "The job directory.")
        Path dir;

        @Option(names = "--json", description = "A JSON array of the jobs instead of a table.")
        boolean json;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            List<ProcessSnapshot> all = new JobDirectory(dir).list();
            if (json) {
                out.println(all.isEmpty() ? "[]" : "[\n" + all.stream().map(ProcessSnapshot::toJson)
                        .collect(Collectors.joining(",\n")) + "\n]");
                return 0;
            }
            out.printf(Locale.ROOT, "%-36s  %-6s  %-9s  %4s  %-20s  %-20s  %-20s  %s%n", "ID", "KIND", "STATUS", "%",
                    "SCHEDULED", "STARTED", "ENDED", "FILE / COMMENT / DETAILS");
            for (ProcessSnapshot s : all) {
                List<String> rest = new ArrayList<>();
                s.file().ifPresent(rest::add);
                if (!s.comment().isEmpty()) {
                    rest.add("\"" + s.comment() + "\"");
                }
                if (!s.counts().isEmpty()) {
                    rest.add(counts(s));
                }
                s.message().ifPresent(rest::add);
                out.printf(Locale.ROOT, "%-36s  %-6s  %-9s  %4d  %-20s  %-20s  %-20s  %s%n", s.id(),
                        s.kind().name().toLowerCase(Locale.ROOT), s.status().name().toLowerCase(Locale.ROOT),
                        s.percent(), s.scheduledFor(), s.started().map(Instant::toString).orElse("-"),
                        s.ended().map(Instant::toString).orElse("-"), String.join("; ", rest));
            }
            return 0;
        }
    }

    /** {@code jobs cancel}. */
    @Command(name = "cancel", mixinStandardHelpOptions = true,
            description = "Cancel a job: a pending one never runs, a running one stops between batches.")
    static final class Cancel implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--dir", required = true, paramLabel = "DIR", description = "The job directory.")
        Path dir;

        @Parameters(index = "0", paramLabel = "ID", description = "The job's id.")
        String id;

        @Override
        public Integer call() {
            JobDirectory jobs = new JobDirectory(dir);
            JobDirectory.Job job = jobs.job(id).orElseThrow(() -> new IllegalArgumentException("no job " + id
                    + " in " + dir));
            try (RealTimeScheduler scheduler = RealTimeScheduler.create()) {
                ListProcesses list = ListProcesses.newBuilder(CampaignId.of(job.campaign()), scheduler).store(jobs)
                        .build();
                ProcessStatus before = list.get(id).map(ProcessSnapshot::status).orElse(ProcessStatus.PENDING);
                if (!list.cancel(id)) {
                    spec.commandLine().getErr().println("outbound: job " + id + " has already ended ("
                            + before.name().toLowerCase(Locale.ROOT) + ")");
                    return 1;
                }
                spec.commandLine().getOut().println(before == ProcessStatus.PENDING
                        ? "cancelled job " + id + ": it will not run"
                        : "asked job " + id + " to stop: it stops between batches");
                return 0;
            }
        }
    }

    /** {@code jobs run}. */
    @Command(name = "run", mixinStandardHelpOptions = true,
            description = "Run the pending jobs, each at its time (waiting for it), and return when all have ended.")
    static final class Run implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--dir", required = true, paramLabel = "DIR", description = "The job directory.")
        Path dir;

        @Option(names = "--due-only", description = "Run only the jobs whose time has come; leave the others pending.")
        boolean dueOnly;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            JobDirectory jobs = new JobDirectory(dir);
            List<OutboundServices> opened = new ArrayList<>();
            Set<String> ids = new LinkedHashSet<>();
            // Ended is read from the list that runs a job: it knows even when the job directory
            // could not be written.
            Map<String, ListProcesses> runBy = new HashMap<>();
            try (RealTimeScheduler scheduler = RealTimeScheduler.create()) {
                Instant now = scheduler.clock().instant();
                Map<String, ListProcesses> lists = new HashMap<>();
                for (ProcessSnapshot s : jobs.list()) {
                    if (s.status() != ProcessStatus.PENDING || (dueOnly && s.scheduledFor().isAfter(now))) {
                        continue;
                    }
                    Optional<JobDirectory.Job> job = jobs.job(s.id());
                    if (job.isEmpty()) {
                        continue;
                    }
                    ListProcesses list = lists.computeIfAbsent(job.get().campaign(), c -> ListProcesses
                            .newBuilder(CampaignId.of(c), scheduler).store(jobs).build());
                    try {
                        schedule(list, job.get(), opened);
                        ids.add(s.id());
                        runBy.put(s.id(), list);
                    } catch (RuntimeException e) {
                        jobs.save(new ProcessSnapshot(s.id(), s.kind(), ProcessStatus.FAILED, 0, s.scheduledFor(),
                                Optional.of(now), Optional.of(now), s.file(), s.comment(), Map.of(),
                                Optional.of("cannot start: " + e.getMessage())));
                        ids.add(s.id());
                    }
                }
                while (!ids.stream().allMatch(id -> latest(id, runBy, jobs).map(p -> p.status().isTerminal())
                        .orElse(true))) {
                    Thread.sleep(50);
                }
            } finally {
                for (OutboundServices s : opened) {
                    s.close();
                }
            }
            boolean failed = false;
            for (String id : ids) {
                ProcessSnapshot s = latest(id, runBy, jobs).orElseThrow();
                failed |= s.status() == ProcessStatus.FAILED;
                out.println("job " + id + " (" + s.kind().name().toLowerCase(Locale.ROOT) + "): "
                        + s.status().name().toLowerCase(Locale.ROOT) + ", " + s.percent() + "%"
                        + (s.counts().isEmpty() ? "" : ", " + counts(s))
                        + s.message().map(m -> "; " + m).orElse(""));
            }
            if (ids.isEmpty()) {
                out.println("no " + (dueOnly ? "due " : "") + "pending jobs in " + dir);
            }
            return failed ? 1 : 0;
        }

        /** A job's latest snapshot: from the list that runs it, else from the directory. */
        private static Optional<ProcessSnapshot> latest(String id, Map<String, ListProcesses> runBy,
                JobDirectory jobs) {
            ListProcesses list = runBy.get(id);
            return list != null ? list.get(id) : jobs.get(id);
        }

        private static void schedule(ListProcesses list, JobDirectory.Job job, List<OutboundServices> opened)
                throws Exception {
            String[] args = job.args().toArray(new String[0]);
            switch (job.kind()) {
                case "import": {
                    ImportCommand o = new ImportCommand();
                    new CommandLine(o).parseArgs(args);
                    OutboundServices services = Stores.open(o.store);
                    opened.add(services);
                    list.scheduleImport(job.id(), job.at(), job.comment(), o.builder(services.recordStore()).build(),
                            o.file);
                    return;
                }
                case "export": {
                    ExportCommand o = new ExportCommand();
                    new CommandLine(o).parseArgs(args);
                    OutboundServices services = Stores.open(o.store);
                    opened.add(services);
                    RecordStore records = services.recordStore();
                    list.scheduleExport(job.id(), job.at(), job.comment(), records, o.query(), o.export(records),
                            o.out);
                    return;
                }
                case "delete": {
                    DeleteOptions o = new DeleteOptions();
                    new CommandLine(o).parseArgs(args);
                    OutboundServices services = Stores.open(o.store);
                    opened.add(services);
                    list.scheduleDelete(job.id(), job.at(), job.comment(), services.recordStore(), o.query());
                    return;
                }
                default:
                    throw new IllegalArgumentException("unknown job kind " + job.kind());
            }
        }
    }

    /** @return a process's details as {@code name=value} pairs, as {@code list} and {@code run} print them */
    static String counts(ProcessSnapshot s) {
        return s.counts().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(" "));
    }
}
