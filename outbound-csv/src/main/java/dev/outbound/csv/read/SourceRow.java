package dev.outbound.csv.read;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One data row of a CSV file as read, before any mapping: its cells, and where it is in the file.
 *
 * @param row the data row number, 1 for the first row after the header (blank lines not counted)
 * @param line the physical line the row starts on, 1 for the file's first line (a quoted line
 *     break inside a field makes a row span several lines)
 * @param cells the cells, as read (quotes removed, not trimmed)
 * @param malformed what is wrong with the row's CSV syntax (an unterminated quote at the end of
 *     the file, say), if anything; the cells are then what could be read
 */
public record SourceRow(long row, long line, List<String> cells, Optional<String> malformed) {
    /**
     * Checks and copies the components.
     *
     * @param row the data row number
     * @param line the physical line
     * @param cells the cells
     * @param malformed what is wrong with its syntax
     */
    public SourceRow {
        cells = List.copyOf(Objects.requireNonNull(cells, "cells"));
        Objects.requireNonNull(malformed, "malformed");
    }

    /**
     * @param index a column index, from 0
     * @return the cell there, or empty when the row is shorter
     */
    public Optional<String> cell(int index) {
        return index < cells.size() ? Optional.of(cells.get(index)) : Optional.empty();
    }
}
