package dev.outbound.csv.mapping;

import dev.outbound.core.InvalidValueException;
import java.text.Format;
import java.text.ParsePosition;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalQueries;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads {@code scheduled_for} cells: the built-in formats, then the user's patterns. Parsing goes
 * through {@link Format#parseObject(String, ParsePosition)}, which reports a mismatch by returning
 * null instead of throwing: a file whose times are all in the third format would otherwise pay for
 * two exceptions a row. The formats are built once; {@link DateTimeFormatter} and the
 * {@link Format} it gives are immutable and safe to share.
 */
final class DateTimes {
    /** The built-in formats, as error messages name them. */
    static final String BUILT_IN = "ISO-8601 (2026-03-02T15:00:00Z, 2026-03-02T10:00:00-05:00, or local "
            + "2026-03-02T10:00), yyyy-MM-dd HH:mm[:ss], MM/dd/yyyy h:mm a (12-hour with AM/PM), dd.MM.yyyy HH:mm";

    private static final List<Format> BUILT_IN_FORMATS = List.of(
            DateTimeFormatter.ISO_DATE_TIME.toFormat(),
            strict("uuuu-MM-dd HH:mm[:ss]").toFormat(),
            // One or two digits for month, day and hour: 3/2/2026 3:05 PM is as common as 03/02/2026 03:05 PM.
            strict("M/d/uuuu h:mm a").toFormat(),
            strict("d.M.uuuu H:mm").toFormat());

    /** A date-time: either an exact instant, or a local time still to be placed in a zone. */
    record Parsed(Optional<Instant> instant, Optional<LocalDateTime> local) {
    }

    private final List<Format> formats;
    private final String accepted;

    DateTimes(ValueOptions options) {
        List<Format> all = new ArrayList<>(BUILT_IN_FORMATS);
        for (String pattern : options.dateTimePatterns()) {
            all.add(compile(pattern).toFormat());
        }
        this.formats = List.copyOf(all);
        this.accepted = options.dateTimePatterns().isEmpty() ? BUILT_IN
                : BUILT_IN + ", " + String.join(", ", options.dateTimePatterns());
    }

    /** @return the accepted formats, in words, for messages */
    String accepted() {
        return accepted;
    }

    /**
     * @param text a trimmed, non-blank cell
     * @return the date-time, or empty when no format reads the whole text
     */
    Optional<Parsed> parse(String text) {
        for (Format format : formats) {
            ParsePosition position = new ParsePosition(0);
            Object result = format.parseObject(text, position);
            if (result == null || position.getIndex() != text.length()) {
                continue;
            }
            Optional<Parsed> parsed = toParsed((TemporalAccessor) result);
            if (parsed.isPresent()) {
                return parsed;
            }
        }
        return Optional.empty();
    }

    private static Optional<Parsed> toParsed(TemporalAccessor t) {
        LocalDate date = t.query(TemporalQueries.localDate());
        LocalTime time = t.query(TemporalQueries.localTime());
        if (date == null || time == null) {
            return Optional.empty();
        }
        LocalDateTime local = LocalDateTime.of(date, time);
        ZoneOffset offset = t.query(TemporalQueries.offset());
        if (offset != null) {
            return Optional.of(new Parsed(Optional.of(local.toInstant(offset)), Optional.empty()));
        }
        ZoneId zone = t.query(TemporalQueries.zoneId());
        if (zone != null) {
            return Optional.of(new Parsed(Optional.of(ZonedDateTime.of(local, zone).toInstant()), Optional.empty()));
        }
        return Optional.of(new Parsed(Optional.empty(), Optional.of(local)));
    }

    /**
     * Builds a user's pattern and checks that it reads back a date and a time it wrote.
     *
     * @param pattern a {@link DateTimeFormatter} pattern
     * @return the formatter: English, case ignored, strict; {@code yyyy} works without an era
     * @throws InvalidValueException for {@code dateTimePattern} when it is not a usable pattern
     */
    static DateTimeFormatter compile(String pattern) {
        DateTimeFormatter formatter;
        try {
            formatter = strict(pattern);
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException("dateTimePattern", "a java.time DateTimeFormatter pattern ("
                    + e.getMessage() + ")", "'" + pattern + "'");
        }
        ZonedDateTime sample = ZonedDateTime.of(2001, 11, 23, 16, 5, 0, 0, ZoneId.of("Europe/Paris"));
        Optional<Parsed> back;
        try {
            String written = formatter.format(sample);
            ParsePosition position = new ParsePosition(0);
            Object result = formatter.toFormat().parseObject(written, position);
            back = result == null || position.getIndex() != written.length() ? Optional.empty()
                    : toParsed((TemporalAccessor) result);
        } catch (RuntimeException e) {
            back = Optional.empty();
        }
        if (back.isEmpty()) {
            throw new InvalidValueException("dateTimePattern",
                    "a pattern with a date and a time of day that reads back what it writes", "'" + pattern + "'");
        }
        return formatter;
    }

    private static DateTimeFormatter strict(String pattern) {
        // STRICT refuses 30 February; with it, yyyy (year of era) needs an era, so era 1 (AD) is the default.
        return new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern(pattern)
                .parseDefaulting(ChronoField.ERA, 1).toFormatter(Locale.US).withResolverStyle(ResolverStyle.STRICT);
    }
}
