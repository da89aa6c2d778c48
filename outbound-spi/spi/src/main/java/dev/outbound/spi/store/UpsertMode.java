package dev.outbound.spi.store;

/** What an upsert does with a record whose key the store already holds (seed 000's duplicates). */
public enum UpsertMode {
    /** Keep the stored record; the new one is not written ("skip the duplicates in your file"). */
    KEEP_EXISTING,
    /** Replace the stored record with the new one ("overwrite the duplicates in the table"). */
    OVERWRITE
}
