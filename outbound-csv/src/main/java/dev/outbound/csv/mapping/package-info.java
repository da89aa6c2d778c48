/**
 * From columns to records: a {@link dev.outbound.csv.mapping.ColumnMapping} says which column
 * feeds which {@link dev.outbound.csv.mapping.Target} (matched from headers, given by hand, or
 * loaded from a JSON template), and a {@link dev.outbound.csv.mapping.RowMapper} turns each
 * {@link dev.outbound.csv.read.SourceRow} into a {@link dev.outbound.csv.mapping.RowOutcome}.
 */
package dev.outbound.csv.mapping;
