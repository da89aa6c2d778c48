/**
 * Lead-list import and export: {@code read} reads CSV files, {@code mapping} turns columns into
 * record fields, {@code imports} runs an import and accounts for every row, {@code export}
 * writes records out. {@link dev.outbound.csv.RowProblem} is what every stage reports.
 */
package dev.outbound.csv;
