package dev.outbound.csv.internal;

/**
 * The single quote that keeps a spreadsheet from running a cell as a formula, put on by export and
 * taken off by import so that a round trip gives back the value.
 *
 * <p>A cell starting with {@code = + - @}, tab or carriage return gets a {@code '} in front (OWASP's
 * advice). So that this can be undone without guessing, a cell that already starts with {@code '}
 * gets one too. Taking it off is then exact: a cell starting with {@code '} followed by one of
 * those characters or by another {@code '} loses its first character, and only such a cell.
 */
public final class FormulaGuard {
    /** The first characters that make a spreadsheet evaluate a cell. */
    public static final String FORMULA_STARTS = "=+-@\t\r";

    private FormulaGuard() {
    }

    /**
     * @param value a cell's value
     * @return whether export puts a quote in front of it
     */
    public static boolean needsGuard(String value) {
        if (value.isEmpty()) {
            return false;
        }
        char c = value.charAt(0);
        return c == '\'' || FORMULA_STARTS.indexOf(c) >= 0;
    }

    /**
     * @param value a cell's value
     * @return the value as export writes it
     */
    public static String guard(String value) {
        return needsGuard(value) ? "'" + value : value;
    }

    /**
     * @param cell a cell as read
     * @return the cell without the quote {@link #guard} put in front, or the cell itself
     */
    public static String unguard(String cell) {
        if (cell.length() >= 2 && cell.charAt(0) == '\'') {
            char c = cell.charAt(1);
            if (c == '\'' || FORMULA_STARTS.indexOf(c) >= 0) {
                return cell.substring(1);
            }
        }
        return cell;
    }
}
