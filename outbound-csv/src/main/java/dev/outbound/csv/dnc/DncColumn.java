package dev.outbound.csv.dnc;

/**
 * What a column of a Do-Not-Call file holds. A file needs at least one key column
 * ({@link #NUMBER}, {@link #PREFIX} or {@link #CUSTOMER_REF}); every other role is optional and
 * taken by one column at most, except {@link #NUMBER}, which any number of columns may have.
 */
public enum DncColumn {
    /** A phone number, national (read in the row's region) or international; one entry per filled cell. */
    NUMBER,
    /** A number prefix in international digits ({@code +1201} or {@code 1201}); one entry per filled cell. */
    PREFIX,
    /** A customer reference id, as the campaign's records are keyed; one entry per filled cell. */
    CUSTOMER_REF,
    /** Where the entry came from; blank means the import's default source, if any. */
    SOURCE,
    /** Why the entry exists; blank means none. */
    REASON,
    /** When the entry stops applying; blank means never. */
    EXPIRES_AT,
    /** The ISO 3166 region the row's national numbers are read in; blank means the import's default. */
    REGION,
    /** Not read. */
    IGNORED;

    /** @return whether any number of columns may have this role */
    boolean repeats() {
        return this == NUMBER || this == IGNORED;
    }

    /** @return whether cells of this role give entries */
    boolean isKey() {
        return this == NUMBER || this == PREFIX || this == CUSTOMER_REF;
    }

    /** @return the role in words, as notes and messages name it */
    String describe() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
