/**
 * Reading CSV files: {@link dev.outbound.csv.read.CsvSource} detects the encoding and separator
 * and hands out {@link dev.outbound.csv.read.SourceRow}s with their row and line numbers.
 */
package dev.outbound.csv.read;
