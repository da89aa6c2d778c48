package dev.outbound.core.field;

/**
 * The data type of a custom field. Each type has a default size: the most characters its values
 * take as text when a definition does not say otherwise.
 */
public enum FieldType {
    /** Free text; multi-line if the definition says so. */
    TEXT(255),
    /** A whole number that fits a {@code long}. */
    INTEGER(20),
    /** A decimal number, written plain with {@code .} as separator. */
    DECIMAL(40),
    /** A calendar date, written {@code yyyy-MM-dd}. */
    DATE(10),
    /** A local date and time to the second, written {@code yyyy-MM-dd'T'HH:mm:ss}. */
    DATE_TIME(19),
    /** Yes or no. */
    BOOLEAN(5),
    /** One of the values the definition allows. */
    CHOICE(255);

    private final int defaultSize;

    FieldType(int defaultSize) {
        this.defaultSize = defaultSize;
    }

    /** @return the size a definition of this type gets when it does not set one */
    public int defaultSize() {
        return defaultSize;
    }
}
