package dev.outbound.csv.imports;

import dev.outbound.core.InvalidValueException;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * How far an import has got, for a progress bar: rows read, bytes of the file consumed, and the
 * file's size when it is known.
 *
 * @param rows data rows read so far
 * @param bytes bytes of the file consumed so far (the reader reads ahead, so this runs a little
 *     ahead of {@code rows})
 * @param size the file's size in bytes, or empty when reading from a stream of unknown length
 */
public record ImportProgress(long rows, long bytes, OptionalLong size) {
    /**
     * Checks the components.
     *
     * @param rows rows read
     * @param bytes bytes consumed
     * @param size the file's size
     */
    public ImportProgress {
        Objects.requireNonNull(size, "size");
        if (rows < 0 || bytes < 0 || (size.isPresent() && size.getAsLong() < 0)) {
            throw new InvalidValueException("import progress", "rows, bytes and size 0 or more",
                    rows + " rows, " + bytes + " bytes, size " + size);
        }
    }

    /** @return nothing read of a file of unknown size */
    static ImportProgress none() {
        return new ImportProgress(0, 0, OptionalLong.empty());
    }

    /**
     * @return the share of the file consumed, 0 to 100 (an empty file is 100), or empty when the
     *     size is unknown
     */
    public OptionalInt percent() {
        if (size.isEmpty()) {
            return OptionalInt.empty();
        }
        long total = size.getAsLong();
        if (total == 0) {
            return OptionalInt.of(100);
        }
        return OptionalInt.of((int) Math.min(100, bytes * 100 / total));
    }
}
