package dev.outbound.pacing.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * Draws a report's chart as SVG text by hand: two panels sharing the time axis, occupancy above
 * and abandon rates below. Numbers are written with {@link Locale#ROOT}, so that the text is the
 * same on every machine.
 */
final class Chart {
    static final int WIDTH = 960;
    static final int HEIGHT = 580;
    private static final double LEFT = 70;
    private static final double RIGHT = 930;
    private static final double PANEL_HEIGHT = 190;
    private static final double OCCUPANCY_TOP = 90;
    private static final double ABANDON_TOP = 320;

    static final String OCCUPANCY_COLOUR = "#1f77b4";
    static final String CUMULATIVE_COLOUR = "#d62728";
    static final String ROLLING_COLOUR = "#ff7f0e";
    static final String TARGET_COLOUR = "#555555";

    /** Tick steps in minutes, finest first; the finest that gives at most {@link #MAX_TICKS} ticks is used. */
    private static final int[] TICK_STEPS = {1, 2, 5, 10, 15, 30, 60, 120, 180, 240, 360, 720, 1440};
    private static final int MAX_TICKS = 12;
    /** Upper ends of the abandon panel, as fractions. */
    private static final double[] ABANDON_SCALES = {0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1};

    private Chart() {
    }

    static String svg(RunReport report) {
        List<RunReport.Minute> minutes = report.minutes();
        int n = minutes.size();
        double target = report.rule().target();
        double highest = 2 * target;
        for (RunReport.Minute m : minutes) {
            highest = Math.max(highest, Math.max(m.cumulativeAbandonRate(), m.rollingHourAbandonRate()));
        }
        double scale = 1;
        for (double s : ABANDON_SCALES) {
            if (s >= highest) {
                scale = s;
                break;
            }
        }

        StringBuilder out = new StringBuilder();
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        out.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\""
                + " viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"12\">\n", WIDTH, HEIGHT, WIDTH, HEIGHT));
        out.append("<title>").append(escape(report.title())).append("</title>\n");
        out.append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
        text(out, WIDTH / 2.0, 28, "middle", "font-size=\"18\" font-weight=\"bold\"", report.title());
        text(out, WIDTH / 2.0, 48, "middle", "fill=\"#444444\"", subtitle(report));
        legend(out, target);

        panel(out, OCCUPANCY_TOP, "Occupancy %", 1, new double[] {0, 0.25, 0.5, 0.75, 1});
        double[] abandonTicks = new double[6];
        for (int i = 0; i <= 5; i++) {
            abandonTicks[i] = scale * i / 5;
        }
        panel(out, ABANDON_TOP, "Abandon rate %", scale, abandonTicks);
        timeAxis(out, report, n);

        double[] occupancy = new double[n];
        double[] cumulative = new double[n];
        double[] rolling = new double[n];
        for (int i = 0; i < n; i++) {
            RunReport.Minute m = minutes.get(i);
            occupancy[i] = m.occupancy();
            cumulative[i] = m.cumulativeAbandonRate();
            rolling[i] = m.rollingHourAbandonRate();
        }
        polyline(out, "occupancy", OCCUPANCY_COLOUR, OCCUPANCY_TOP, 1, occupancy);
        double targetY = y(ABANDON_TOP, scale, target);
        out.append(String.format(Locale.ROOT,
                "<line class=\"target\" x1=\"%.2f\" y1=\"%.2f\" x2=\"%.2f\" y2=\"%.2f\" stroke=\"%s\""
                        + " stroke-width=\"1.5\" stroke-dasharray=\"6 4\"/>\n",
                LEFT, targetY, RIGHT, targetY, TARGET_COLOUR));
        polyline(out, "abandon-rolling-hour", ROLLING_COLOUR, ABANDON_TOP, scale, rolling);
        polyline(out, "abandon-cumulative", CUMULATIVE_COLOUR, ABANDON_TOP, scale, cumulative);
        out.append("</svg>\n");
        return out.toString();
    }

    private static String subtitle(RunReport report) {
        DateTimeFormatter f = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);
        return report.rule().name() + ", target " + percent(report.rule().target()) + "; "
                + report.start().atZone(report.zone()).format(f) + " to "
                + report.end().atZone(report.zone()).format(f) + " " + report.zone().getId();
    }

    private static void legend(StringBuilder out, double target) {
        String[][] entries = {
            {OCCUPANCY_COLOUR, "", "Occupancy"},
            {CUMULATIVE_COLOUR, "", "Abandon rate, cumulative"},
            {ROLLING_COLOUR, "", "Abandon rate, rolling hour"},
            {TARGET_COLOUR, " stroke-dasharray=\"6 4\"", "Target " + percent(target)},
        };
        double x = LEFT;
        for (String[] e : entries) {
            out.append(String.format(Locale.ROOT,
                    "<line x1=\"%.2f\" y1=\"66\" x2=\"%.2f\" y2=\"66\" stroke=\"%s\" stroke-width=\"2\"%s/>\n",
                    x, x + 24, e[0], e[1]));
            text(out, x + 30, 70, "start", "", e[2]);
            x += 215;
        }
    }

    /** A panel's frame, horizontal grid lines with their labels, and the axis title. */
    private static void panel(StringBuilder out, double top, String label, double scale, double[] ticks) {
        for (double t : ticks) {
            double y = y(top, scale, t);
            out.append(String.format(Locale.ROOT,
                    "<line x1=\"%.2f\" y1=\"%.2f\" x2=\"%.2f\" y2=\"%.2f\" stroke=\"#dddddd\"/>\n", LEFT, y, RIGHT, y));
            text(out, LEFT - 6, y + 4, "end", "", percent(t));
        }
        out.append(String.format(Locale.ROOT,
                "<rect x=\"%.2f\" y=\"%.2f\" width=\"%.2f\" height=\"%.2f\" fill=\"none\" stroke=\"#333333\"/>\n",
                LEFT, top, RIGHT - LEFT, PANEL_HEIGHT));
        double mid = top + PANEL_HEIGHT / 2;
        out.append(String.format(Locale.ROOT,
                "<text x=\"18\" y=\"%.2f\" text-anchor=\"middle\" transform=\"rotate(-90 18 %.2f)\">%s</text>\n",
                mid, mid, escape(label)));
    }

    /** Ticks at minute boundaries whose local time is a multiple of the step, on both panels. */
    private static void timeAxis(StringBuilder out, RunReport report, int n) {
        int step = TICK_STEPS[TICK_STEPS.length - 1];
        for (int s : TICK_STEPS) {
            if (n / s <= MAX_TICKS) {
                step = s;
                break;
            }
        }
        DateTimeFormatter f = DateTimeFormatter.ofPattern(step >= 1440 ? "MM-dd" : "HH:mm", Locale.ROOT);
        Instant first = n == 0 ? report.start() : report.minutes().get(0).start();
        double bottom = ABANDON_TOP + PANEL_HEIGHT;
        for (int b = 0; b <= n; b++) {
            ZonedDateTime local = first.plus(Duration.ofMinutes(b)).atZone(report.zone());
            int minuteOfDay = local.getHour() * 60 + local.getMinute();
            if (local.getSecond() != 0 || minuteOfDay % step != 0) {
                continue;
            }
            double x = x(b, n);
            out.append(String.format(Locale.ROOT,
                    "<line x1=\"%.2f\" y1=\"%.2f\" x2=\"%.2f\" y2=\"%.2f\" stroke=\"#eeeeee\"/>\n",
                    x, OCCUPANCY_TOP, x, OCCUPANCY_TOP + PANEL_HEIGHT));
            out.append(String.format(Locale.ROOT,
                    "<line x1=\"%.2f\" y1=\"%.2f\" x2=\"%.2f\" y2=\"%.2f\" stroke=\"#eeeeee\"/>\n",
                    x, ABANDON_TOP, x, bottom));
            out.append(String.format(Locale.ROOT,
                    "<line x1=\"%.2f\" y1=\"%.2f\" x2=\"%.2f\" y2=\"%.2f\" stroke=\"#333333\"/>\n",
                    x, bottom, x, bottom + 5));
            text(out, x, bottom + 18, "middle", "", local.format(f));
        }
        text(out, (LEFT + RIGHT) / 2, bottom + 44, "middle", "", "Time (" + report.zone().getId() + ")");
    }

    /** One point a minute, at the middle of the minute. */
    private static void polyline(StringBuilder out, String name, String colour, double top, double scale,
                                 double[] values) {
        out.append("<polyline class=\"").append(name).append("\" fill=\"none\" stroke=\"").append(colour)
                .append("\" stroke-width=\"1.5\" points=\"");
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                out.append(' ');
            }
            out.append(String.format(Locale.ROOT, "%.2f,%.2f", x(i + 0.5, values.length), y(top, scale, values[i])));
        }
        out.append("\"/>\n");
    }

    private static double x(double minutes, int n) {
        return n == 0 ? LEFT : LEFT + (RIGHT - LEFT) * minutes / n;
    }

    /** A value's height in a panel, clipped to the panel. */
    private static double y(double top, double scale, double value) {
        return top + PANEL_HEIGHT * (1 - Math.min(1, Math.max(0, value / scale)));
    }

    private static void text(StringBuilder out, double x, double y, String anchor, String attributes, String text) {
        out.append(String.format(Locale.ROOT, "<text x=\"%.2f\" y=\"%.2f\" text-anchor=\"%s\"", x, y, anchor));
        if (!attributes.isEmpty()) {
            out.append(' ').append(attributes);
        }
        out.append('>').append(escape(text)).append("</text>\n");
    }

    /** A fraction as a percentage with at most two decimals, e.g. {@code 3%}, {@code 0.4%}. */
    static String percent(double fraction) {
        BigDecimal p = BigDecimal.valueOf(fraction).movePointRight(2).setScale(2, RoundingMode.HALF_EVEN)
                .stripTrailingZeros();
        return (p.signum() == 0 ? "0" : p.toPlainString()) + "%";
    }

    /** Text made safe for XML content and attribute values. */
    static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> {
                    // XML 1.0 cannot hold most control characters, even escaped.
                    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                        out.append('\uFFFD');
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
