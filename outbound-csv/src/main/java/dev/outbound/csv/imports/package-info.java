/**
 * Running an import: {@link dev.outbound.csv.imports.LeadImport} (configured once per campaign)
 * makes {@link dev.outbound.csv.imports.ImportJob}s that read, map, check agents and in-file
 * duplicates, and write to a record store in batches as the {@link dev.outbound.csv.imports.ImportRules}
 * say (seed 003's import, update and merge rules), accounting for every row in
 * {@link dev.outbound.csv.imports.ImportCounts} and writing result files as they stream. A job
 * reports its {@link dev.outbound.csv.imports.ImportStatus} and
 * {@link dev.outbound.csv.imports.ImportProgress} to an
 * {@link dev.outbound.csv.imports.ImportListener} and ends with an
 * {@link dev.outbound.csv.imports.ImportResult}; a preview checks the first rows without writing.
 */
package dev.outbound.csv.imports;
