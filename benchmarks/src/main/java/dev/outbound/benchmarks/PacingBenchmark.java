package dev.outbound.benchmarks;

import dev.outbound.pacing.abandon.AbandonRule;
import dev.outbound.pacing.engine.DialMode;
import dev.outbound.pacing.engine.EngineSettings;
import dev.outbound.pacing.engine.Pacer;
import dev.outbound.pacing.engine.Pacers;
import dev.outbound.pacing.predict.MarginController;
import dev.outbound.pacing.predict.PacingModel;
import dev.outbound.pacing.predict.PredictivePacer;
import dev.outbound.pacing.report.RunReport;
import dev.outbound.pacing.sim.Simulation;
import dev.outbound.pacing.sim.StandardModel;
import dev.outbound.spi.simulation.CallProfile;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The pacing benchmark: every strategy on the standard model ({@link StandardModel}), side by side
 * from one run, for 20 and 100 agents at answer rates 0.25 and 0.5, seeds 1 to 5, and the engine's
 * speed in simulated events per second. Progressive pacing is the baseline the others are compared
 * with. Strategies:
 * <ul>
 * <li>progressive: one call per available agent;
 * <li>best fixed ratio in hindsight: power pacing at ratios 2 to 4 by halves, the best whose abandon rate
 *     stays at or under 3% in every seed;
 * <li>adaptive ratio: {@link Pacers#adaptiveRatio};
 * <li>predictive: Outbound's, under the FCC rule (30-day window) and under a rolling 1-hour window;
 * <li>oracle: the same predictive decision told the true distributions (a model trained on a
 *     million draws from them, never updated) and a fixed allowed chance of 3%.
 * </ul>
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.outbound.benchmarks.PacingBenchmark [seeds] [hours]
 * java -XX:+UseParallelGC -cp benchmarks/target/benchmarks.jar dev.outbound.benchmarks.PacingBenchmark speed [hours]
 * </pre>
 * The engine's speed depends on the JVM's garbage collector (a simulation is a batch job, and the
 * throughput collector suits it); the speed line names the collector in use.
 */
public final class PacingBenchmark {
    private static final double[] RATIOS = {2, 2.5, 3, 3.5, 4};
    private static final double LIMIT = 0.03;

    private PacingBenchmark() {
    }

    /**
     * @param args the number of seeds (default 5) and the shift in hours (default 8); or {@code speed}
     *     and the shift in hours, for the engine's speed alone
     */
    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("speed")) {
            speed(args.length > 1 ? Double.parseDouble(args[1]) : 8);
            return;
        }
        int seeds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        double hours = args.length > 1 ? Double.parseDouble(args[1]) : 8;
        int[][] configs = {{20, 25}, {20, 50}, {100, 25}, {100, 50}};
        System.out.printf(Locale.ROOT, "Pacing benchmark: standard model, %.1f h shift, seeds 1-%d%n%n", hours, seeds);
        for (int[] c : configs) {
            StandardModel model = StandardModel.of(c[0], c[1] / 100.0)
                    .withShift(Duration.ofMinutes(Math.round(hours * 60)));
            Map<String, List<Simulation.Result>> results = new LinkedHashMap<>();
            results.put("progressive", runs(model, seeds, settings(model, DialMode.PROGRESSIVE, 2, fcc()), null));
            String bestRatio = null;
            double bestOccupancy = -1;
            Map<String, List<Simulation.Result>> ratios = new LinkedHashMap<>();
            for (double r : RATIOS) {
                List<Simulation.Result> runs = runs(model, seeds, settings(model, DialMode.POWER, r, fcc()), null);
                String name = "ratio " + r;
                ratios.put(name, runs);
                if (maxAbandon(runs) <= LIMIT && mean(runs, true) > bestOccupancy) {
                    bestOccupancy = mean(runs, true);
                    bestRatio = name;
                }
            }
            if (bestRatio != null) {
                results.put("best fixed " + bestRatio, ratios.get(bestRatio));
            }
            results.put("adaptive ratio", runs(model, seeds, settings(model, DialMode.PREDICTIVE, 2, fcc()),
                    m -> Pacers.adaptiveRatio(1.5, 8)));
            results.put("predictive (FCC)", runs(model, seeds, settings(model, DialMode.PREDICTIVE, 2, fcc()), null));
            results.put("predictive (1 h window)", runs(model, seeds,
                    settings(model, DialMode.PREDICTIVE, 2, AbandonRule.rolling(Duration.ofHours(1))), null));
            PacingModel truth = trueModel(model);
            results.put("oracle (true distributions)", runs(model, seeds,
                    settings(model, DialMode.PREDICTIVE, 2, fcc()), m -> oracle(truth)));
            print(model, results, results.get("progressive"));
        }
        speed(hours);
    }

    private static AbandonRule fcc() {
        return AbandonRule.fcc();
    }

    private static EngineSettings settings(StandardModel model, DialMode mode, double ratio, AbandonRule rule) {
        EngineSettings.Builder b = EngineSettings.newBuilder().mode(mode).ringTimeout(model.ringOut()).abandonRule(rule);
        if (mode == DialMode.POWER) {
            b.powerRatio(ratio);
        }
        return b.build();
    }

    private static List<Simulation.Result> runs(StandardModel model, int seeds, EngineSettings settings,
            Function<PacingModel, Pacer> pacer) {
        List<Simulation.Result> out = new ArrayList<>();
        for (int seed = 1; seed <= seeds; seed++) {
            Simulation.Builder b = Simulation.newBuilder(model).seed(seed).settings(settings);
            if (pacer != null) {
                b.pacer(pacer);
            }
            Simulation.Result r = b.build().run();
            if (!r.errors().isEmpty()) {
                throw new IllegalStateException("the engine reported errors: " + r.errors());
            }
            out.add(r);
        }
        return out;
    }

    /** A model trained on a million draws from the standard model's true distributions, never updated. */
    private static PacingModel trueModel(StandardModel model) {
        PacingModel m = PacingModel.newBuilder().dialMemory(1_000_000_000).answerMemory(1_000_000_000)
                .talkMemory(1_000_000_000).wrapMemory(1_000_000_000).build();
        CallProfile profile = model.callProfile();
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < 1_000_000; i++) {
            double u = random.nextDouble();
            if (u < model.answerRate()) {
                m.answered(profile.ringTime().sample(random));
            } else if (u < model.answerRate() + (1 - model.answerRate()) * model.failShare()) {
                m.unanswered(profile.resultTime().sample(random));
            } else {
                m.unanswered(model.ringOut());
            }
            if (i % 4 == 0) {
                m.talked(profile.talkTime().sample(random));
                m.wrapped(model.wrapUp());
            }
        }
        return m;
    }

    private static Pacer oracle(PacingModel truth) {
        return Pacers.predictive(PredictivePacer.newBuilder(truth).refreshEvery(1_000).build(),
                MarginController.newBuilder(LIMIT).bounds(LIMIT, LIMIT).build());
    }

    private static void print(StandardModel model, Map<String, List<Simulation.Result>> results,
            List<Simulation.Result> baseline) {
        System.out.printf(Locale.ROOT, "%d agents, p = %.2f%n", model.agents(), model.answerRate());
        System.out.printf(Locale.ROOT, "  %-30s %-22s %-9s %-10s %-10s %-10s%n", "strategy", "occupancy mean (min-max)",
                "vs prog.", "abandon max", "worst hour", "conn/ag-h");
        double base = mean(baseline, true);
        for (Map.Entry<String, List<Simulation.Result>> e : results.entrySet()) {
            List<Simulation.Result> runs = e.getValue();
            double min = 1;
            double max = 0;
            double worst = 0;
            double connects = 0;
            for (Simulation.Result r : runs) {
                RunReport rep = r.report();
                min = Math.min(min, rep.occupancy());
                max = Math.max(max, rep.occupancy());
                worst = Math.max(worst, rep.worstHour().map(h -> h.rate()).orElse(0.0));
                connects += rep.connectsPerAgentHour() / runs.size();
            }
            System.out.printf(Locale.ROOT, "  %-30s %5.1f%% (%4.1f-%4.1f)     %5.2fx    %5.2f%%     %5.2f%%     %5.1f%n",
                    e.getKey(), 100 * mean(runs, true), 100 * min, 100 * max, mean(runs, true) / base,
                    100 * maxAbandon(runs), 100 * worst, connects);
        }
        System.out.println();
    }

    private static double mean(List<Simulation.Result> runs, boolean occupancy) {
        double sum = 0;
        for (Simulation.Result r : runs) {
            sum += occupancy ? r.report().occupancy() : r.report().abandonRate();
        }
        return sum / runs.size();
    }

    private static double maxAbandon(List<Simulation.Result> runs) {
        double max = 0;
        for (Simulation.Result r : runs) {
            max = Math.max(max, r.report().abandonRate());
        }
        return max;
    }

    /**
     * The engine's speed: simulated events per second of wall time for 100 agents, predictive and
     * progressive, each after a warm-up run and the fastest of three, against the cheapest engine
     * run in the same process
     * (progressive, which makes no pacing decision), so that the ratio shows what predictive pacing
     * costs.
     */
    private static void speed(double hours) {
        StandardModel model = StandardModel.of(100, 0.25).withShift(Duration.ofMinutes(Math.round(hours * 60)));
        EngineSettings predictive = settings(model, DialMode.PREDICTIVE, 2, fcc());
        EngineSettings progressive = settings(model, DialMode.PROGRESSIVE, 2, fcc());
        Simulation.newBuilder(model).seed(99).settings(predictive).build().run();
        Simulation.newBuilder(model).seed(99).settings(progressive).build().run();
        // Each mode three times, interleaved, keeping the fastest: the machines are shared.
        Simulation.Result p = null;
        Simulation.Result b = null;
        for (int i = 0; i < 3; i++) {
            Simulation.Result pi = Simulation.newBuilder(model).seed(1).settings(predictive).build().run();
            Simulation.Result bi = Simulation.newBuilder(model).seed(1).settings(progressive).build().run();
            p = p == null || pi.eventsPerSecond() > p.eventsPerSecond() ? pi : p;
            b = b == null || bi.eventsPerSecond() > b.eventsPerSecond() ? bi : b;
        }
        // The collector matters: see "Engine speed" in docs/benchmarks.md.
        System.out.printf(Locale.ROOT, "Engine speed, 100 agents, p = 0.25, %.1f h simulated (Java %s; %s):%n",
                hours, Runtime.version(), collectors());
        System.out.printf(Locale.ROOT, "  predictive:  %,d events in %.2f s = %,.0f events/s (%.2fx progressive)%n",
                p.counts().events(), p.wallTime().toNanos() / 1e9, p.eventsPerSecond(),
                p.eventsPerSecond() / b.eventsPerSecond());
        System.out.printf(Locale.ROOT, "  progressive: %,d events in %.2f s = %,.0f events/s (baseline)%n",
                b.counts().events(), b.wallTime().toNanos() / 1e9, b.eventsPerSecond());
    }

    /** @return the names of the JVM's garbage collectors: the speed depends on them (docs/benchmarks.md) */
    private static String collectors() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .map(GarbageCollectorMXBean::getName)
                .collect(Collectors.joining(", "));
    }
}
