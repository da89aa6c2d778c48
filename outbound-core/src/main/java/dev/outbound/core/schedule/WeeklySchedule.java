package dev.outbound.core.schedule;

import dev.outbound.core.InvalidValueException;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * When calls are allowed, per day of the week, in the called party's local time: zero or more
 * {@link TimeWindow}s on each day. A day with no window is closed.
 *
 * <p>Schedules are immutable. Windows given for one day are sorted and merged where they overlap
 * or touch, so two schedules that allow the same times are {@link #equals equal}. The text form
 * is {@code Mon-Fri 09:00-17:00; Sat 10:00-14:00}; {@link #parse} reads it and {@link #toString}
 * writes it.
 */
public final class WeeklySchedule {
    private static final DayOfWeek[] DAYS = DayOfWeek.values();
    private static final WeeklySchedule ALWAYS = everyDay(TimeWindow.ALL_DAY);
    private static final WeeklySchedule NEVER = new WeeklySchedule(new int[7][0]);
    private static final WeeklySchedule US_FEDERAL = everyDay(TimeWindow.parse("08:00-21:00"));

    /** Per day (Monday = 0), pairs of [start, end) seconds, sorted and merged. */
    private final int[][] windows;

    private WeeklySchedule(int[][] windows) {
        this.windows = windows;
    }

    /** @return the schedule that allows every second of every day */
    public static WeeklySchedule always() {
        return ALWAYS;
    }

    /** @return the schedule that allows nothing */
    public static WeeklySchedule never() {
        return NEVER;
    }

    /**
     * The US federal rule (47 CFR 64.1200(c)(1)): no telephone solicitation before 8 a.m. or after
     * 9 p.m. at the called party's location, every day. It is the default campaign schedule.
     *
     * @return {@code 08:00-21:00} on every day
     */
    public static WeeklySchedule usFederal() {
        return US_FEDERAL;
    }

    /**
     * @param window the window to allow on each of the seven days
     * @return a schedule with the same window on every day
     */
    public static WeeklySchedule everyDay(TimeWindow window) {
        Objects.requireNonNull(window, "window");
        return newBuilder().on(window, DAYS).build();
    }

    /** @return a builder for a schedule that starts with every day closed */
    public static Builder newBuilder() {
        return new Builder();
    }

    /**
     * Parses a schedule: entries separated by {@code ;} or new lines, each a day or a day range
     * ({@code Mon}, {@code Mon-Fri}, {@code Sat,Sun}, {@code daily}) followed by one or more windows
     * separated by commas, or by {@code closed}. Days not named are closed.
     * Example: {@code Mon-Fri 09:00-12:00, 13:00-17:00; Sat 10:00-14:00}.
     *
     * @param text the schedule
     * @return the schedule
     * @throws InvalidValueException naming the entry that could not be read
     */
    public static WeeklySchedule parse(String text) {
        Objects.requireNonNull(text, "text");
        Builder builder = newBuilder();
        for (String rawEntry : text.split("[;\\n]")) {
            String entry = rawEntry.trim();
            if (entry.isEmpty()) {
                continue;
            }
            int space = firstWhitespace(entry);
            if (space < 0) {
                throw new InvalidValueException("weekly schedule",
                        "days then windows, e.g. 'Mon-Fri 09:00-17:00'", "'" + entry + "'");
            }
            DayOfWeek[] days = parseDays(entry.substring(0, space), entry);
            String rest = entry.substring(space).trim();
            if (rest.equalsIgnoreCase("closed")) {
                continue;
            }
            // -1 keeps trailing empty parts, so that "09:00-12:00," is refused like ",,"
            for (String w : rest.split(",", -1)) {
                builder.on(window(w, entry), days);
            }
        }
        return builder.build();
    }

    /** Parses one window, naming the whole entry when it is refused, as a long schedule may repeat it. */
    private static TimeWindow window(String text, String entry) {
        try {
            return TimeWindow.parse(text);
        } catch (InvalidValueException e) {
            throw new InvalidValueException("weekly schedule", e.rule(), "'" + text.strip() + "' in '" + entry + "'");
        }
    }

    private static int firstWhitespace(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isWhitespace(s.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    private static DayOfWeek[] parseDays(String spec, String entry) {
        String s = spec.toLowerCase(Locale.ROOT);
        if (s.equals("daily") || s.equals("every") || s.equals("all")) {
            return DAYS.clone();
        }
        List<DayOfWeek> result = new ArrayList<>();
        // The parts keep the case they were written in, so that a refused day is quoted as given.
        for (String part : spec.split(",", -1)) {
            int dash = part.indexOf('-');
            if (dash < 0) {
                result.add(day(part, entry));
            } else {
                DayOfWeek from = day(part.substring(0, dash), entry);
                DayOfWeek to = day(part.substring(dash + 1), entry);
                for (DayOfWeek d = from; ; d = d.plus(1)) {
                    result.add(d);
                    if (d == to) {
                        break;
                    }
                }
            }
        }
        return result.toArray(new DayOfWeek[0]);
    }

    private static DayOfWeek day(String name, String entry) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        for (DayOfWeek d : DAYS) {
            String full = d.name().toLowerCase(Locale.ROOT);
            if (n.length() >= 2 && full.startsWith(n)) {
                return d;
            }
        }
        throw new InvalidValueException("weekly schedule",
                "a day such as Mon, Tue, ... Sun, or a range Mon-Fri", "'" + name + "' in '" + entry + "'");
    }

    /**
     * @param day a day of the week
     * @return the windows on that day, sorted and merged; empty when the day is closed
     */
    public List<TimeWindow> windows(DayOfWeek day) {
        int[] w = windows[day.ordinal()];
        List<TimeWindow> list = new ArrayList<>(w.length / 2);
        for (int i = 0; i < w.length; i += 2) {
            list.add(new TimeWindow(w[i], w[i + 1]));
        }
        return Collections.unmodifiableList(list);
    }

    /**
     * Tells whether a local time on a given day is inside the schedule.
     *
     * @param day the local day of the week
     * @param secondOfDay the local second of the day, 0 to 86 399
     * @return whether a window of that day contains it
     */
    public boolean allows(DayOfWeek day, int secondOfDay) {
        return allows(day.ordinal(), secondOfDay);
    }

    /** Hot-path form of {@link #allows(DayOfWeek, int)}: {@code dayIndex} 0 is Monday. */
    boolean allows(int dayIndex, int secondOfDay) {
        int[] w = windows[dayIndex];
        for (int i = 0; i < w.length; i += 2) {
            if (secondOfDay < w[i]) {
                return false;
            }
            if (secondOfDay < w[i + 1]) {
                return true;
            }
        }
        return false;
    }

    /**
     * How many windows a day has; with {@link #windowStartSecond} it walks a day's windows without
     * allocating, for searches on the hot path.
     *
     * @param day a day of the week
     * @return the number of windows on that day, after merging
     */
    public int windowCount(DayOfWeek day) {
        return windows[day.ordinal()].length / 2;
    }

    /**
     * @param day a day of the week
     * @param index 0 to {@link #windowCount}{@code (day) - 1}, in order of start
     * @return the first second of the day inside that window
     */
    public int windowStartSecond(DayOfWeek day, int index) {
        return windows[day.ordinal()][2 * index];
    }

    /**
     * The times both schedules allow. Per-phone-field windows narrow the campaign's this way.
     *
     * @param other another schedule
     * @return a schedule allowing exactly the local times that both allow
     */
    public WeeklySchedule intersect(WeeklySchedule other) {
        Objects.requireNonNull(other, "other");
        int[][] out = new int[7][];
        for (int d = 0; d < 7; d++) {
            int[] a = windows[d];
            int[] b = other.windows[d];
            int[] r = new int[a.length + b.length];
            int n = 0;
            int i = 0;
            int j = 0;
            while (i < a.length && j < b.length) {
                int lo = Math.max(a[i], b[j]);
                int hi = Math.min(a[i + 1], b[j + 1]);
                if (lo < hi) {
                    r[n++] = lo;
                    r[n++] = hi;
                }
                if (a[i + 1] < b[j + 1]) {
                    i += 2;
                } else {
                    j += 2;
                }
            }
            out[d] = Arrays.copyOf(r, n);
        }
        return new WeeklySchedule(out);
    }

    /** @return whether no day has any window */
    public boolean isNever() {
        for (int[] w : windows) {
            if (w.length > 0) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WeeklySchedule other && Arrays.deepEquals(windows, other.windows);
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(windows);
    }

    /**
     * @return the schedule in the form {@link #parse} reads, runs of days with the same windows
     *     joined: {@code daily 08:00-21:00}, {@code Mon-Fri 09:00-17:00; Sat-Sun closed}
     */
    @Override
    public String toString() {
        if (allDaysEqual()) {
            return "daily " + windowsText(windows[0]);
        }
        StringBuilder sb = new StringBuilder();
        int d = 0;
        while (d < 7) {
            int end = d;
            while (end + 1 < 7 && Arrays.equals(windows[end + 1], windows[d])) {
                end++;
            }
            if (sb.length() > 0) {
                sb.append("; ");
            }
            sb.append(shortName(d));
            if (end > d) {
                sb.append('-').append(shortName(end));
            }
            sb.append(' ').append(windowsText(windows[d]));
            d = end + 1;
        }
        return sb.toString();
    }

    private boolean allDaysEqual() {
        for (int d = 1; d < 7; d++) {
            if (!Arrays.equals(windows[d], windows[0])) {
                return false;
            }
        }
        return true;
    }

    private static String shortName(int day) {
        String name = DAYS[day].name();
        return name.charAt(0) + name.substring(1, 3).toLowerCase(Locale.ROOT);
    }

    private static String windowsText(int[] w) {
        if (w.length == 0) {
            return "closed";
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < w.length; i += 2) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(TimeWindow.format(w[i])).append('-').append(TimeWindow.format(w[i + 1]));
        }
        return sb.toString();
    }

    /** Builds a {@link WeeklySchedule}; every day starts closed. Not thread-safe. */
    public static final class Builder {
        private final Map<DayOfWeek, List<TimeWindow>> days = new EnumMap<>(DayOfWeek.class);

        private Builder() {}

        /**
         * Opens a window on the given days (adds to any windows they already have).
         *
         * @param window the window
         * @param onDays the days; at least one
         * @return this builder
         */
        public Builder on(TimeWindow window, DayOfWeek... onDays) {
            Objects.requireNonNull(window, "window");
            if (onDays.length == 0) {
                throw new InvalidValueException("days", "at least one day", "none");
            }
            for (DayOfWeek d : onDays) {
                days.computeIfAbsent(Objects.requireNonNull(d, "day"), k -> new ArrayList<>()).add(window);
            }
            return this;
        }

        /** @return the schedule, with each day's windows sorted and merged */
        public WeeklySchedule build() {
            int[][] out = new int[7][];
            for (DayOfWeek d : DAYS) {
                List<TimeWindow> list = new ArrayList<>(days.getOrDefault(d, List.of()));
                Collections.sort(list);
                int[] r = new int[list.size() * 2];
                int n = 0;
                for (TimeWindow w : list) {
                    if (n > 0 && w.startSecond() <= r[n - 1]) {
                        r[n - 1] = Math.max(r[n - 1], w.endSecond());
                    } else {
                        r[n++] = w.startSecond();
                        r[n++] = w.endSecond();
                    }
                }
                out[d.ordinal()] = Arrays.copyOf(r, n);
            }
            return new WeeklySchedule(out);
        }
    }
}
