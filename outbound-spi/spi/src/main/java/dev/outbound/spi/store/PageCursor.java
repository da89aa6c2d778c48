package dev.outbound.spi.store;

import dev.outbound.core.InvalidValueException;
import java.util.Objects;

/**
 * A place in query order: rows are ordered by {@link RecordKey}, then by the matching number's
 * position. A page that continues after a cursor starts with the first row strictly after it, so
 * records created or deleted between pages neither repeat nor shift other rows.
 *
 * @param key the key of the row
 * @param position the matching number's position, 0 for a query without a phone criterion
 */
public record PageCursor(RecordKey key, int position) implements Comparable<PageCursor> {
    /**
     * Checks the components.
     *
     * @param key the key of the row
     * @param position the matching number's position
     */
    public PageCursor {
        Objects.requireNonNull(key, "key");
        if (position < 0) {
            throw new InvalidValueException("cursor position", "0 or more", position);
        }
    }

    @Override
    public int compareTo(PageCursor o) {
        int c = key.compareTo(o.key);
        return c != 0 ? c : Integer.compare(position, o.position);
    }
}
