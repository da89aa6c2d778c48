package dev.outbound.spi.store;

import dev.outbound.core.InvalidValueException;
import java.util.Objects;
import java.util.Optional;

/**
 * Which page of a query to return: up to {@code size} rows after a cursor (keyset paging, so a
 * page costs the same wherever it is and survives changes between pages).
 *
 * @param after the cursor to continue after, or empty for the first page
 * @param size the most rows, {@value #MIN_SIZE} to {@value #MAX_SIZE}
 */
public record PageRequest(Optional<PageCursor> after, int size) {
    /** The smallest page. */
    public static final int MIN_SIZE = 1;
    /** The largest page. */
    public static final int MAX_SIZE = 10_000;

    /**
     * Checks the components.
     *
     * @param after the cursor to continue after
     * @param size the most rows
     */
    public PageRequest {
        Objects.requireNonNull(after, "after");
        if (size < MIN_SIZE || size > MAX_SIZE) {
            throw new InvalidValueException("page size", MIN_SIZE + " - " + MAX_SIZE, size);
        }
    }

    /**
     * @param size the most rows
     * @return the first page
     */
    public static PageRequest first(int size) {
        return new PageRequest(Optional.empty(), size);
    }

    /**
     * @param cursor the cursor of the last row seen
     * @param size the most rows
     * @return the page after it
     */
    public static PageRequest after(PageCursor cursor, int size) {
        return new PageRequest(Optional.of(cursor), size);
    }

    /**
     * @param cursor a row's cursor
     * @return whether a row there belongs after this request's start
     */
    public boolean admits(PageCursor cursor) {
        return after.isEmpty() || cursor.compareTo(after.get()) > 0;
    }
}
