package dev.outbound.csv.read;

import de.siegmar.fastcsv.reader.CsvCallbackHandler;
import de.siegmar.fastcsv.reader.RecordType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Collects FastCSV's fields into rows. Its own limits keep one row's memory bounded whatever the
 * file holds: past {@code maxCells} cells or {@code maxChars} characters the rest of the row's
 * cells are dropped and the row says so (FastCSV's own handlers would throw instead).
 */
final class RowHandler extends CsvCallbackHandler<RowHandler.Cells> {
    /**
     * One record as FastCSV read it.
     *
     * @param line the line FastCSV counted for its start
     * @param values the cells (none for an empty line)
     * @param problem the limit it went past, if any
     */
    record Cells(long line, List<String> values, Optional<String> problem) {
    }

    private final int maxCells;
    private final long maxChars;
    private final ArrayList<String> values = new ArrayList<>();
    private long line;
    private long chars;
    private int dropped;
    private boolean empty;

    RowHandler(int maxCells, long maxChars) {
        this.maxCells = maxCells;
        this.maxChars = maxChars;
    }

    @Override
    protected RecordType getRecordType() {
        return empty ? RecordType.EMPTY : RecordType.DATA;
    }

    @Override
    protected int getFieldCount() {
        return values.size();
    }

    @Override
    protected void beginRecord(long startingLineNumber) {
        line = startingLineNumber;
        values.clear();
        chars = 0;
        dropped = 0;
        empty = false;
    }

    @Override
    protected void addField(char[] buf, int offset, int len, boolean quoted) {
        if (values.size() >= maxCells || chars + len > maxChars) {
            dropped++;
            return;
        }
        values.add(new String(buf, offset, len));
        chars += len;
    }

    @Override
    protected void setComment(char[] buf, int offset, int len) {
        // Comments are off (CommentStrategy.NONE), so FastCSV never calls this; were it to, the
        // text is kept as a cell rather than lost.
        addField(buf, offset, len, false);
    }

    @Override
    protected void setEmpty() {
        empty = true;
    }

    @Override
    protected Cells buildRecord() {
        return new Cells(line, List.copyOf(values), dropped == 0 ? Optional.empty()
                : Optional.of(dropped + " cells past the limit of " + maxCells + " cells or " + maxChars
                        + " characters a row were dropped"));
    }

    /** @return the cells of the record FastCSV was reading, so far */
    List<String> partial() {
        return List.copyOf(values);
    }

    /** @return the line FastCSV counted for the record it was reading */
    long line() {
        return line;
    }
}
