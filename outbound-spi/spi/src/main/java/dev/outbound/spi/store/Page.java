package dev.outbound.spi.store;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of a query's rows, in query order, and where the next page starts.
 *
 * @param rows the rows, at most the page size
 * @param next the request for the next page, present exactly when more rows match after the last
 * @param <T> the row type
 */
public record Page<T>(List<T> rows, Optional<PageRequest> next) {
    /**
     * Checks and copies the components.
     *
     * @param rows the rows
     * @param next the next page's request
     */
    public Page {
        rows = List.copyOf(Objects.requireNonNull(rows, "rows"));
        Objects.requireNonNull(next, "next");
    }

    /** @return whether more rows follow */
    public boolean hasNext() {
        return next.isPresent();
    }
}
