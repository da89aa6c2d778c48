package dev.outbound.core.schedule;

import dev.outbound.core.InvalidValueException;
import dev.outbound.core.internal.DataLines;
import java.io.Reader;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Dates on which no call is placed (holidays), in the called party's local calendar: a record in
 * Los Angeles is not called on 25 December in Los Angeles, whatever the date is elsewhere.
 * Immutable; each date may carry a name for messages.
 */
public final class ClosedDates {
    private static final ClosedDates NONE = new ClosedDates(new TreeMap<>());

    private final Map<LocalDate, String> names;
    private final long[] epochDays;

    private ClosedDates(TreeMap<LocalDate, String> names) {
        this.names = Collections.unmodifiableMap(names);
        this.epochDays = names.keySet().stream().mapToLong(LocalDate::toEpochDay).toArray();
    }

    /** @return no closed dates */
    public static ClosedDates none() {
        return NONE;
    }

    /**
     * @param dates the closed dates, without names
     * @return the set
     */
    public static ClosedDates of(LocalDate... dates) {
        TreeMap<LocalDate, String> map = new TreeMap<>();
        for (LocalDate d : dates) {
            map.put(Objects.requireNonNull(d, "date"), "");
        }
        return new ClosedDates(map);
    }

    /**
     * Reads closed dates, one a line: an ISO date, then optionally a name
     * ({@code 2026-12-25 Christmas Day}). Blank lines and lines starting with {@code #} are skipped.
     *
     * @param reader the text; read to the end, not closed
     * @return the set
     * @throws InvalidValueException naming the line that is not a date
     */
    public static ClosedDates parse(Reader reader) {
        Objects.requireNonNull(reader, "reader");
        TreeMap<LocalDate, String> map = new TreeMap<>();
        DataLines.read(reader, "closed dates", (lineNo, t, line) -> {
            int space = firstWhitespace(t);
            String date = space < 0 ? t : t.substring(0, space);
            try {
                map.put(LocalDate.parse(date), space < 0 ? "" : t.substring(space + 1).strip());
            } catch (DateTimeParseException e) {
                throw new InvalidValueException("closed date on line " + lineNo,
                        "an ISO date such as 2026-12-25, then an optional name", "'" + line + "'");
            }
        });
        return new ClosedDates(map);
    }

    private static int firstWhitespace(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isWhitespace(s.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    /**
     * @param other more closed dates
     * @return the dates closed in either set, each with its name from this set, or from
     *     {@code other} when this set gives it none
     */
    public ClosedDates union(ClosedDates other) {
        Objects.requireNonNull(other, "other");
        TreeMap<LocalDate, String> map = new TreeMap<>(names);
        other.names.forEach((date, name) -> map.merge(date, name, (mine, theirs) -> mine.isEmpty() ? theirs : mine));
        return new ClosedDates(map);
    }

    /**
     * @param date a local date
     * @return whether calls are barred on that date
     */
    public boolean isClosed(LocalDate date) {
        return isClosedOnEpochDay(date.toEpochDay());
    }

    /**
     * Hot-path form of {@link #isClosed}: a binary search over a primitive array, no allocation.
     *
     * @param epochDay the local date as {@link LocalDate#toEpochDay()}
     * @return whether calls are barred on that date
     */
    public boolean isClosedOnEpochDay(long epochDay) {
        return epochDays.length != 0 && Arrays.binarySearch(epochDays, epochDay) >= 0;
    }

    /**
     * @param date a local date
     * @return the date's name when it is closed and was given one
     */
    public Optional<String> name(LocalDate date) {
        String n = names.get(date);
        return n == null || n.isEmpty() ? Optional.empty() : Optional.of(n);
    }

    /** @return the closed dates, in order, with their names (empty when none was given) */
    public Map<LocalDate, String> asMap() {
        return names;
    }

    /** @return whether there is no closed date */
    public boolean isEmpty() {
        return epochDays.length == 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ClosedDates other && names.equals(other.names);
    }

    @Override
    public int hashCode() {
        return names.hashCode();
    }

    @Override
    public String toString() {
        return "ClosedDates" + names.keySet();
    }
}
