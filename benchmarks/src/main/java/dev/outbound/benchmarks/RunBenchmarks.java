package dev.outbound.benchmarks;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs the JMH benchmarks and prints, for each benchmark class, every measured method's score
 * beside the class's {@code baseline} method measured in the same run, with their ratio. Shared,
 * noisy machines make absolute figures drift; the ratio to a baseline measured alongside is the
 * figure to compare across runs.
 *
 * <p>Arguments are JMH's own ({@code -f 1 -wi 2 -i 3 Verdict}); with none, every benchmark runs
 * with the settings on its class.
 */
public final class RunBenchmarks {
    private RunBenchmarks() {}

    /**
     * @param args JMH command-line options and benchmark name patterns
     * @throws RunnerException when JMH fails
     * @throws CommandLineOptionException when the options are not JMH's
     */
    public static void main(String[] args) throws RunnerException, CommandLineOptionException {
        Options options = new OptionsBuilder().parent(new CommandLineOptions(args)).build();
        Collection<RunResult> results = new Runner(options).run();
        Map<String, List<RunResult>> byClass = new TreeMap<>();
        for (RunResult r : results) {
            String name = r.getParams().getBenchmark();
            String params = String.join(",", r.getParams().getParamsKeys().stream()
                    .map(k -> k + "=" + r.getParams().getParam(k)).toList());
            String cls = name.substring(0, name.lastIndexOf('.')) + (params.isEmpty() ? "" : " [" + params + "]");
            byClass.computeIfAbsent(cls, k -> new ArrayList<>()).add(r);
        }
        System.out.println();
        System.out.println("Ratios to the baseline measured in the same run:");
        for (Map.Entry<String, List<RunResult>> e : byClass.entrySet()) {
            RunResult baseline = null;
            for (RunResult r : e.getValue()) {
                if (method(r).startsWith("baseline")) {
                    baseline = r;
                }
            }
            String key = e.getKey();
            int bracket = key.indexOf(" [");
            String cls = bracket < 0 ? key : key.substring(0, bracket);
            System.out.println(cls.substring(cls.lastIndexOf('.') + 1) + (bracket < 0 ? "" : key.substring(bracket)));
            for (RunResult r : e.getValue()) {
                double score = r.getPrimaryResult().getScore();
                double error = r.getPrimaryResult().getScoreError();
                String unit = r.getPrimaryResult().getScoreUnit();
                String ratio = baseline == null || r == baseline ? ""
                        : String.format(Locale.ROOT, "  = %.3f x baseline (%s)", score / baseline.getPrimaryResult().getScore(),
                                method(baseline));
                // Throughputs print whole; single-shot times in seconds need their decimals.
                String format = score < 100 ? "  %-28s %,16.3f ± %,.3f %s%s%n" : "  %-28s %,16.0f ± %,.0f %s%s%n";
                System.out.printf(Locale.ROOT, format, method(r), score, error, unit, ratio);
            }
        }
    }

    private static String method(RunResult r) {
        String name = r.getParams().getBenchmark();
        return name.substring(name.lastIndexOf('.') + 1);
    }
}
