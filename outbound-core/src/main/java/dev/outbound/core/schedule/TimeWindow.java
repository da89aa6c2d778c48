package dev.outbound.core.schedule;

import dev.outbound.core.InvalidValueException;
import java.time.LocalTime;
import java.util.Objects;

/**
 * A span of local time within one day, from {@code start} (inclusive) to {@code end} (exclusive):
 * {@code 08:00-21:00} allows 08:00:00 up to 20:59:59.999. An end of {@code 24:00} means "until the
 * end of the day". A window never crosses midnight; write {@code 22:00-24:00} and
 * {@code 00:00-02:00} on the two days instead.
 *
 * @param startSecond the first second of the day inside the window, 0 to 86 399
 * @param endSecond the first second of the day after the window, 1 to 86 400
 */
public record TimeWindow(int startSecond, int endSecond) implements Comparable<TimeWindow> {
    /** Seconds in a day without a daylight-saving change; windows are written on this clock. */
    public static final int DAY = 86_400;

    /** The whole day, {@code 00:00-24:00}. */
    public static final TimeWindow ALL_DAY = new TimeWindow(0, DAY);

    /**
     * Validates the bounds.
     *
     * @param startSecond the first second of the day inside the window, 0 to 86 399
     * @param endSecond the first second of the day after the window, 1 to 86 400
     */
    public TimeWindow {
        if (startSecond < 0 || startSecond >= DAY || endSecond <= startSecond || endSecond > DAY) {
            throw new InvalidValueException("time window",
                    "start from 00:00 to 23:59:59, end after start and at most 24:00",
                    describe(startSecond, endSecond));
        }
    }

    /**
     * Makes a window from two local times; an {@code end} of {@link LocalTime#MIDNIGHT} means 24:00.
     *
     * @param start the first instant inside the window
     * @param end the first instant after it
     * @return the window
     */
    public static TimeWindow of(LocalTime start, LocalTime end) {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        int endSecond = end.equals(LocalTime.MIDNIGHT) ? DAY : end.toSecondOfDay();
        return new TimeWindow(start.toSecondOfDay(), endSecond);
    }

    /**
     * Parses {@code HH:mm-HH:mm} (seconds optional, {@code 24:00} allowed as an end).
     *
     * @param text the window, e.g. {@code 08:00-21:00}
     * @return the window
     * @throws InvalidValueException naming the text when it is not a window
     */
    public static TimeWindow parse(String text) {
        Objects.requireNonNull(text, "text");
        String t = text.trim();
        int dash = t.indexOf('-');
        if (dash < 0) {
            throw new InvalidValueException("time window", "HH:mm-HH:mm, e.g. 08:00-21:00", "'" + text + "'");
        }
        int start = parseTime(t.substring(0, dash).trim(), text, false);
        int end = parseTime(t.substring(dash + 1).trim(), text, true);
        if (end <= start) {
            throw new InvalidValueException("time window",
                    "end after start; split a window that crosses midnight into two days", "'" + text + "'");
        }
        return new TimeWindow(start, end);
    }

    private static int parseTime(String s, String whole, boolean isEnd) {
        String[] parts = s.split(":", -1);
        if (parts.length < 2 || parts.length > 3) {
            throw new InvalidValueException("time window", "HH:mm-HH:mm, e.g. 08:00-21:00", "'" + whole + "'");
        }
        try {
            int h = Integer.parseInt(parts[0]);
            int m = Integer.parseInt(parts[1]);
            int sec = parts.length == 3 ? Integer.parseInt(parts[2]) : 0;
            boolean endOfDay = isEnd && h == 24 && m == 0 && sec == 0;
            if (!endOfDay && (h < 0 || h > 23 || m < 0 || m > 59 || sec < 0 || sec > 59)) {
                throw new NumberFormatException();
            }
            return h * 3600 + m * 60 + sec;
        } catch (NumberFormatException e) {
            throw new InvalidValueException("time window",
                    "hours 00-23 (24:00 only as an end), minutes and seconds 00-59", "'" + whole + "'");
        }
    }

    /** @return the first local time inside the window */
    public LocalTime start() {
        return LocalTime.ofSecondOfDay(startSecond);
    }

    /** @return whether the window runs to the end of the day (24:00) */
    public boolean endsAtMidnight() {
        return endSecond == DAY;
    }

    /**
     * Tells whether a second of the day lies inside the window.
     *
     * @param secondOfDay 0 to 86 399
     * @return whether {@code start <= secondOfDay < end}
     */
    public boolean contains(int secondOfDay) {
        return secondOfDay >= startSecond && secondOfDay < endSecond;
    }

    @Override
    public int compareTo(TimeWindow o) {
        return startSecond != o.startSecond
                ? Integer.compare(startSecond, o.startSecond)
                : Integer.compare(endSecond, o.endSecond);
    }

    /** @return the window as {@code HH:mm-HH:mm} */
    @Override
    public String toString() {
        return format(startSecond) + "-" + format(endSecond);
    }

    /** The bounds for a message: as clock times when both lie in the day, else as the seconds given. */
    private static String describe(int startSecond, int endSecond) {
        boolean inDay = startSecond >= 0 && startSecond <= DAY && endSecond >= 0 && endSecond <= DAY;
        return inDay
                ? format(startSecond) + "-" + format(endSecond)
                : "start " + startSecond + " s, end " + endSecond + " s";
    }

    static String format(int second) {
        int h = second / 3600;
        int m = (second % 3600) / 60;
        int s = second % 60;
        return s == 0 ? String.format("%02d:%02d", h, m) : String.format("%02d:%02d:%02d", h, m, s);
    }
}
