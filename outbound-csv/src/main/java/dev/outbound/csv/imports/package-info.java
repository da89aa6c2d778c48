/**
 * Running an import: {@link dev.outbound.csv.imports.LeadImport} reads, maps, de-duplicates and
 * writes to a record store, accounting for every row and writing result files as it streams.
 */
package dev.outbound.csv.imports;
