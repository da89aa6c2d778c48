package dev.outbound.csv.process;

/** What a list process does (seed 003's three scheduled processes). */
public enum ProcessKind {
    /** Imports a lead file into the campaign ({@link dev.outbound.csv.imports.LeadImport}). */
    IMPORT,
    /** Writes the campaign's matching records to a CSV file ({@link dev.outbound.csv.export.LeadExport}). */
    EXPORT,
    /** Deletes the campaign's records that match the filters. */
    DELETE
}
