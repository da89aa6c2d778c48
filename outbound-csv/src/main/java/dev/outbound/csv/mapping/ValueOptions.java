package dev.outbound.csv.mapping;

import dev.outbound.core.InvalidValueException;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How cell values are read, beyond the fixed rules: the extra date-time patterns a user adds for
 * {@code scheduled_for}. The built-in formats ({@link RowMapper} lists them) are always tried
 * first; these patterns after them, in order.
 *
 * @param dateTimePatterns extra {@link DateTimeFormatter} patterns (e.g. {@code dd/MM/yyyy HH:mm}),
 *     read with English month names and AM/PM, ignoring case, and strictly (no 30 February). A
 *     pattern with an offset ({@code xxx}) or a zone ({@code VV}) gives an exact instant; one
 *     without is a local time in the record's zone. Each must hold a date and a time of day
 */
public record ValueOptions(List<String> dateTimePatterns) {
    /**
     * Checks and copies the patterns.
     *
     * @param dateTimePatterns the extra patterns, each a valid {@link DateTimeFormatter} pattern
     */
    public ValueOptions {
        dateTimePatterns = List.copyOf(Objects.requireNonNull(dateTimePatterns, "dateTimePatterns"));
        for (String pattern : dateTimePatterns) {
            DateTimes.compile(pattern);
        }
    }

    /** @return no extra patterns: only the built-in formats */
    public static ValueOptions defaults() {
        return new ValueOptions(List.of());
    }

    /**
     * @param pattern a {@link DateTimeFormatter} pattern, tried after the built-in formats and the
     *     patterns already added
     * @return these options with the pattern added
     * @throws InvalidValueException for {@code dateTimePattern} when the pattern is not valid
     */
    public ValueOptions withDateTimePattern(String pattern) {
        Objects.requireNonNull(pattern, "pattern");
        List<String> patterns = new ArrayList<>(dateTimePatterns);
        patterns.add(pattern);
        return new ValueOptions(patterns);
    }
}
