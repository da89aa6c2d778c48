package dev.outbound.pacing.report;

import dev.outbound.core.InvalidValueException;
import dev.outbound.core.internal.Json;
import dev.outbound.pacing.abandon.AbandonCounts;
import dev.outbound.pacing.abandon.AbandonRule;
import dev.outbound.pacing.abandon.AbandonStats;
import dev.outbound.spi.agent.AgentState;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a dialer run did, made by {@link RunRecorder#finish(Instant)}: the agents' occupancy, the
 * abandon rate over the run and in its worst clock hour, dials and connects per agent-hour, the
 * mean wait of an agent between calls, and the same figures minute by minute. Immutable.
 * {@link #writeTo(Path)} writes it as {@value #SUMMARY_FILE}, {@value #TIME_SERIES_FILE} and
 * {@value #CHART_FILE}; the same events always give the same files, byte for byte.
 *
 * <h2>Definitions</h2>
 * <ul>
 * <li><b>Logged-in time</b> is the agents' time in any {@link AgentState}, paused included;
 *     <b>agent-hours</b> are that time in hours.
 * <li><b>Occupancy</b> is busy time (talk, i.e. {@link AgentState#ON_CALL}, plus
 *     {@link AgentState#WRAP_UP}) over logged-in time, 0 without logged-in time.
 * <li><b>Live answers</b> are connected plus abandoned calls, as in {@link AbandonStats};
 *     <b>connects</b> are the live answers connected within the connect limit.
 * <li><b>Abandon rates</b> follow the rule's formula ({@link AbandonRule#rate(AbandonCounts)}),
 *     so an Ofcom rule adds its estimate of AMD false positives; the run's rate and its worst clock
 *     hour are {@link AbandonStats}'s.
 * <li><b>A wait</b> is the time an agent is {@link AgentState#AVAILABLE} from the end of a call
 *     (the end of its wrap-up, or of the call itself when there is none) until it is
 *     {@link AgentState#ON_CALL} again. A wait cut short by a pause or a log-out, the time from
 *     logging in to the first call, and a wait still running at the end of the run are not waits
 *     between calls and are left out. The mean wait is the waits' total over their number.
 * </ul>
 */
public final class RunReport {
    /** The summary's file name. */
    public static final String SUMMARY_FILE = "summary.json";
    /** The time series' file name. */
    public static final String TIME_SERIES_FILE = "timeseries.csv";
    /** The chart's file name. */
    public static final String CHART_FILE = "chart.svg";

    /**
     * The time series' header. Columns: the minute's first instant in the report's zone (ISO-8601
     * with offset), calls dialed, live answers (abandoned included), abandoned, machine-detected
     * and connected calls, the mean number of agents logged in over the minute (logged-in seconds
     * over 60), the minute's occupancy, and the abandon rate from the run's start to the minute's
     * end and over the 60 minutes ending with it. Fractions are from 0 to 1.
     */
    public static final String TIME_SERIES_HEADER = "minute_start,dials,live_answers,abandoned,machine_detected,"
            + "connected,agents_logged_in,occupancy,abandon_rate_cumulative,abandon_rate_rolling_hour";

    private static final double NANOS_PER_HOUR = 3_600_000_000_000.0;

    private final String title;
    private final AbandonRule rule;
    private final ZoneId zone;
    private final Instant start;
    private final Instant end;
    private final Map<String, Object> parameters;
    private final long dials;
    private final AbandonCounts counts;
    private final Duration talk;
    private final Duration wrapUp;
    private final Duration available;
    private final Duration paused;
    private final long waits;
    private final long waitNanos;
    private final double abandonRate;
    private final Optional<AbandonStats.Hour> worstHour;
    private final List<AbandonStats.Hour> hours;
    private final List<Minute> minutes;

    RunReport(String title, AbandonRule rule, ZoneId zone, Instant start, Instant end, Map<String, Object> parameters,
              long dials, AbandonCounts counts, Duration talk, Duration wrapUp, Duration available, Duration paused,
              long waits, long waitNanos, double abandonRate, Optional<AbandonStats.Hour> worstHour,
              List<AbandonStats.Hour> hours, List<Minute> minutes) {
        this.title = title;
        this.rule = rule;
        this.zone = zone;
        this.start = start;
        this.end = end;
        this.parameters = parameters;
        this.dials = dials;
        this.counts = counts;
        this.talk = talk;
        this.wrapUp = wrapUp;
        this.available = available;
        this.paused = paused;
        this.waits = waits;
        this.waitNanos = waitNanos;
        this.abandonRate = abandonRate;
        this.worstHour = worstHour;
        this.hours = List.copyOf(hours);
        this.minutes = List.copyOf(minutes);
    }

    /** @return the chart's title */
    public String title() {
        return title;
    }

    /** @return the rule whose formula works out the abandon rates and whose target the chart shows */
    public AbandonRule rule() {
        return rule;
    }

    /** @return the zone of the clock hours and of the times written */
    public ZoneId zone() {
        return zone;
    }

    /** @return when the run started */
    public Instant start() {
        return start;
    }

    /** @return when the run ended */
    public Instant end() {
        return end;
    }

    /** @return what describes the run (seed, strategy, settings) as the caller gave it, sorted by name */
    public Map<String, Object> parameters() {
        return parameters;
    }

    /** @return the calls dialed */
    public long dials() {
        return dials;
    }

    /** @return the run's live answers, abandoned and machine-detected calls */
    public AbandonCounts counts() {
        return counts;
    }

    /** @return the live answers connected within the connect limit */
    public long connected() {
        return counts.connected();
    }

    /** @return the agents' time on calls */
    public Duration talk() {
        return talk;
    }

    /** @return the agents' time in wrap-up */
    public Duration wrapUp() {
        return wrapUp;
    }

    /** @return the agents' time available, waiting for a call */
    public Duration available() {
        return available;
    }

    /** @return the agents' time paused */
    public Duration paused() {
        return paused;
    }

    /** @return the agents' logged-in time: talk, wrap-up, available and paused */
    public Duration loggedIn() {
        return talk.plus(wrapUp).plus(available).plus(paused);
    }

    /** @return the logged-in time in hours */
    public double agentHours() {
        return loggedIn().toNanos() / NANOS_PER_HOUR;
    }

    /** @return (talk + wrap-up) / logged-in time, 0 to 1; 0 without logged-in time */
    public double occupancy() {
        return fraction(talk.plus(wrapUp).toNanos(), loggedIn().toNanos());
    }

    /** @return dials over agent-hours; 0 without logged-in time */
    public double dialsPerAgentHour() {
        return perAgentHour(dials);
    }

    /** @return connects over agent-hours; 0 without logged-in time */
    public double connectsPerAgentHour() {
        return perAgentHour(counts.connected());
    }

    /** @return the number of waits between calls (see the class description) */
    public long waits() {
        return waits;
    }

    /** @return the mean wait between calls, to the nanosecond; empty when there was no such wait */
    public Optional<Duration> meanWait() {
        return waits == 0 ? Optional.empty() : Optional.of(Duration.ofNanos(Math.round((double) waitNanos / waits)));
    }

    /** @return the abandon rate of the whole run by the rule's formula, 0 to 1 */
    public double abandonRate() {
        return abandonRate;
    }

    /** @return the clock hour with the highest abandon rate (the earliest of equals); empty without calls */
    public Optional<AbandonStats.Hour> worstHour() {
        return worstHour;
    }

    /** @return every clock hour with calls, earliest first */
    public List<AbandonStats.Hour> hours() {
        return hours;
    }

    /** @return one row per minute from the one holding the start to the one holding the end, in order */
    public List<Minute> minutes() {
        return minutes;
    }

    /**
     * The summary as written to {@value #SUMMARY_FILE}: one JSON object whose keys are, in order,
     * {@code occupancy}, {@code abandon_rate}, {@code worst_hour_abandon_rate},
     * {@code worst_hour_start} (both {@code null} without calls), {@code dials},
     * {@code live_answers}, {@code abandoned}, {@code connected}, {@code machine_detected},
     * {@code agent_hours}, {@code dials_per_agent_hour}, {@code connects_per_agent_hour},
     * {@code mean_wait_seconds} ({@code null} without waits), {@code waits}, {@code talk_seconds},
     * {@code wrap_up_seconds}, {@code available_seconds}, {@code paused_seconds},
     * {@code logged_in_seconds}, {@code rule}, {@code target}, {@code start}, {@code end},
     * {@code zone}, {@code minutes} and {@code parameters}. Fractions and seconds have at most six
     * decimals.
     *
     * @return the JSON text, ending with a line break
     */
    public String summaryJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("occupancy", Numbers.decimal(occupancy()));
        json.put("abandon_rate", Numbers.decimal(abandonRate));
        json.put("worst_hour_abandon_rate",
                worstHour.<Object>map(h -> Numbers.decimal(h.rate())).orElse(Json.NULL));
        json.put("worst_hour_start",
                worstHour.<Object>map(h -> h.start().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)).orElse(Json.NULL));
        json.put("dials", dials);
        json.put("live_answers", counts.liveAnswers());
        json.put("abandoned", counts.abandoned());
        json.put("connected", counts.connected());
        json.put("machine_detected", counts.machineDetected());
        json.put("agent_hours", Numbers.decimal(agentHours()));
        json.put("dials_per_agent_hour", Numbers.decimal(dialsPerAgentHour()));
        json.put("connects_per_agent_hour", Numbers.decimal(connectsPerAgentHour()));
        json.put("mean_wait_seconds", waits == 0 ? Json.NULL : Numbers.decimal(waitNanos / 1e9 / waits));
        json.put("waits", waits);
        json.put("talk_seconds", Numbers.seconds(talk.toNanos()));
        json.put("wrap_up_seconds", Numbers.seconds(wrapUp.toNanos()));
        json.put("available_seconds", Numbers.seconds(available.toNanos()));
        json.put("paused_seconds", Numbers.seconds(paused.toNanos()));
        json.put("logged_in_seconds", Numbers.seconds(loggedIn().toNanos()));
        json.put("rule", rule.name());
        json.put("target", Numbers.decimal(rule.target()));
        json.put("start", format(start));
        json.put("end", format(end));
        json.put("zone", zone.getId());
        json.put("minutes", minutes.size());
        json.put("parameters", parameters);
        return Json.write(json) + "\n";
    }

    /**
     * The time series as written to {@value #TIME_SERIES_FILE}: the header
     * {@link #TIME_SERIES_HEADER}, then one row per minute; lines end with {@code \n}.
     *
     * @return the CSV text
     */
    public String timeSeriesCsv() {
        StringBuilder out = new StringBuilder(TIME_SERIES_HEADER).append('\n');
        for (Minute m : minutes) {
            out.append(format(m.start())).append(',')
                    .append(m.dials()).append(',')
                    .append(m.liveAnswers()).append(',')
                    .append(m.abandoned()).append(',')
                    .append(m.machineDetected()).append(',')
                    .append(m.connected()).append(',')
                    .append(Numbers.text(m.agentsLoggedIn())).append(',')
                    .append(Numbers.text(m.occupancy())).append(',')
                    .append(Numbers.text(m.cumulativeAbandonRate())).append(',')
                    .append(Numbers.text(m.rollingHourAbandonRate())).append('\n');
        }
        return out.toString();
    }

    /**
     * The chart as written to {@value #CHART_FILE}: a self-contained SVG document (no scripts, no
     * external fonts or images) with two panels over the run's minutes, occupancy in percent above
     * and the cumulative and rolling-hour abandon rates in percent below, with the rule's target as
     * a dashed line, time ticks at clock hours (or finer steps for short runs) in the report's
     * zone, a title and a legend.
     *
     * @return the SVG text
     */
    public String chartSvg() {
        return Chart.svg(this);
    }

    /**
     * Writes {@value #SUMMARY_FILE}, {@value #TIME_SERIES_FILE} and {@value #CHART_FILE} into a
     * directory, in UTF-8, replacing files of those names; the directory is made if missing.
     *
     * @param dir the directory
     * @throws IOException when the directory cannot be made or a file cannot be written
     */
    public void writeTo(Path dir) throws IOException {
        Objects.requireNonNull(dir, "dir");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(SUMMARY_FILE), summaryJson(), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve(TIME_SERIES_FILE), timeSeriesCsv(), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve(CHART_FILE), chartSvg(), StandardCharsets.UTF_8);
    }

    /** An instant as ISO-8601 with the offset of the report's zone, e.g. {@code 2024-03-01T09:00:00Z}. */
    String format(Instant at) {
        return at.atZone(zone).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    private double perAgentHour(long count) {
        long nanos = loggedIn().toNanos();
        return nanos == 0 ? 0 : count / (nanos / NANOS_PER_HOUR);
    }

    static double fraction(long part, long whole) {
        return whole == 0 ? 0 : (double) part / whole;
    }

    /**
     * One clock minute of a run (a UTC minute, which is a clock minute in every zone whose offset
     * is whole minutes). The first and last minutes may be only partly in the run; the times
     * count only the part that is.
     *
     * @param start the minute's first instant
     * @param dials calls dialed in the minute
     * @param liveAnswers live answers in the minute, abandoned ones included
     * @param abandoned abandoned live answers in the minute
     * @param machineDetected calls taken for machines in the minute
     * @param talk the agents' time on calls in the minute
     * @param wrapUp the agents' time in wrap-up in the minute
     * @param available the agents' time available in the minute
     * @param paused the agents' time paused in the minute
     * @param cumulativeAbandonRate the abandon rate from the run's start to the minute's end, 0 to 1
     * @param rollingHourAbandonRate the abandon rate of the 60 minutes ending with this one (fewer in
     *     the run's first hour), 0 to 1
     */
    public record Minute(Instant start, long dials, long liveAnswers, long abandoned, long machineDetected,
                         Duration talk, Duration wrapUp, Duration available, Duration paused,
                         double cumulativeAbandonRate, double rollingHourAbandonRate) {
        /**
         * Validates the minute.
         *
         * @param start the minute's first instant, on a whole minute
         * @param dials 0 or more
         * @param liveAnswers 0 or more
         * @param abandoned 0 to {@code liveAnswers}
         * @param machineDetected 0 or more
         * @param talk 0 or more
         * @param wrapUp 0 or more
         * @param available 0 or more
         * @param paused 0 or more
         * @param cumulativeAbandonRate 0 to 1
         * @param rollingHourAbandonRate 0 to 1
         */
        public Minute {
            Objects.requireNonNull(start, "start");
            if (start.getEpochSecond() % 60 != 0 || start.getNano() != 0) {
                throw new InvalidValueException("start", "the first instant of a minute", start);
            }
            if (dials < 0) {
                throw new InvalidValueException("dials", "0 or more", dials);
            }
            AbandonCounts.of(liveAnswers, abandoned, machineDetected);
            checkTime("talk", talk);
            checkTime("wrapUp", wrapUp);
            checkTime("available", available);
            checkTime("paused", paused);
            checkRate("cumulativeAbandonRate", cumulativeAbandonRate);
            checkRate("rollingHourAbandonRate", rollingHourAbandonRate);
        }

        /** @return the live answers connected within the connect limit */
        public long connected() {
            return liveAnswers - abandoned;
        }

        /** @return the agents' logged-in time in the minute */
        public Duration loggedIn() {
            return talk.plus(wrapUp).plus(available).plus(paused);
        }

        /** @return the mean number of agents logged in over the minute: logged-in time over 60 s */
        public double agentsLoggedIn() {
            return loggedIn().toNanos() / 60e9;
        }

        /** @return (talk + wrap-up) / logged-in time in the minute, 0 to 1; 0 when no agent was logged in */
        public double occupancy() {
            return fraction(talk.plus(wrapUp).toNanos(), loggedIn().toNanos());
        }

        private static void checkTime(String field, Duration time) {
            Objects.requireNonNull(time, field);
            // Several agents share a minute, so only the sign is checked.
            if (time.isNegative()) {
                throw new InvalidValueException(field, "0 or more", time);
            }
        }

        private static void checkRate(String field, double rate) {
            if (!(rate >= 0 && rate <= 1)) {
                throw new InvalidValueException(field, "a fraction from 0 to 1", rate);
            }
        }
    }
}
