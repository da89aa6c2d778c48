package dev.outbound.csv;

import dev.outbound.core.InvalidValueException;
import java.util.Objects;
import java.util.Optional;

/**
 * Something wrong with one row of a file, said so that a person can find and fix it: the data
 * row number, the physical line it starts on, the column, a stable code and a message.
 *
 * @param row the data row, 1 for the first row after the header
 * @param line the physical line of the file the row starts on, 1 for the first line
 * @param column the column's header, when one column is at fault
 * @param severity whether the row was refused or imported with a warning
 * @param code a stable code for programs (upper case with underscores, e.g. {@code PHONE_INVALID})
 * @param message what was wrong, naming the value and what was expected
 */
public record RowProblem(long row, long line, Optional<String> column, Severity severity, String code,
        String message) {
    /** Whether a problem refused the row. */
    public enum Severity {
        /** The row made no record: refused as invalid, or a later duplicate of an id in the file. */
        ERROR,
        /** The row was imported; something in it was changed or dropped. */
        WARNING
    }

    /**
     * Checks the components.
     *
     * @param row the data row
     * @param line the physical line
     * @param column the column
     * @param severity the severity
     * @param code the code
     * @param message the message
     */
    public RowProblem {
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        if (row < 1 || line < 1) {
            throw new InvalidValueException("row problem position", "row and line 1 or more", row + "/" + line);
        }
        if (!isCode(code)) {
            throw new InvalidValueException("row problem code", "upper case letters, digits and underscores", code);
        }
    }

    /** Upper case letter, then upper case letters, digits and underscores; checked without a regex, once per problem. */
    private static boolean isCode(String code) {
        if (code.isEmpty() || code.charAt(0) < 'A' || code.charAt(0) > 'Z') {
            return false;
        }
        for (int i = 1; i < code.length(); i++) {
            char c = code.charAt(i);
            if (!(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_')) {
                return false;
            }
        }
        return true;
    }

    /** @return whether the problem refused the row */
    public boolean isError() {
        return severity == Severity.ERROR;
    }

    @Override
    public String toString() {
        return "row " + row + " (line " + line + ")" + column.map(c -> ", column " + c).orElse("") + ": " + severity
                + " " + code + ": " + message;
    }
}
