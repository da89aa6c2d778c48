/**
 * Do-Not-Call list imports: {@link dev.outbound.csv.dnc.DncImport} reads block lists and allow
 * lists, global or a campaign's, from CSV files into a {@link dev.outbound.core.dnc.DncList},
 * through the lead import's reading, accounting and result files.
 */
package dev.outbound.csv.dnc;
