package dev.outbound.examples.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code outbound} command line: imports lead lists into a record store and exports them,
 * with the SDK's own import and export; explains and plans a campaign; and simulates a shift of
 * its pacing; and dials a lead list for real over SIP ({@code run}). {@code docs/cli.md} describes every command. Run as {@code java -jar examples/target/outbound.jar}.
 */
@Command(name = "outbound", mixinStandardHelpOptions = true, version = "outbound 0.1.0",
        description = "Import and export lead lists, and explain, plan and simulate a campaign, with the Outbound "
                + "SDK.",
        subcommands = {ImportCommand.class, ExportCommand.class, ImportDncCommand.class, ImportDidsCommand.class,
                ExplainCommand.class, PlanCommand.class, SimulateCommand.class, RunCommand.class,
                WrapCodeCommand.class, ReassignCommand.class, JobsCommand.class})
public final class OutboundCli implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /**
     * Runs a command and exits with its code.
     *
     * @param args the command line
     */
    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /**
     * Runs a command without exiting: what tests call.
     *
     * @param args the command line
     * @param out where results go
     * @param err where errors go
     * @return the exit code: 0 when the command did its work, non-zero with a one-line reason on
     *     {@code err} when it could not
     */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new OutboundCli());
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("outbound: " + oneLine(e));
            return 2;
        });
        // A bad option is one line, like every other refusal, with where to read about the options.
        cli.setParameterExceptionHandler((e, arguments) -> {
            CommandLine failed = e.getCommandLine();
            failed.getErr().println("outbound: " + oneLine(e) + " (see: " + failed.getCommandSpec().qualifiedName()
                    + " --help)");
            return failed.getCommandSpec().exitCodeOnInvalidInput();
        });
        return cli.execute(args);
    }

    private static String oneLine(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return m.replace('\n', ' ').replace('\r', ' ');
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
