/**
 * Writing records out as CSV: chosen fields, separator, header, encoding, and cells neutralised
 * against spreadsheet formula injection.
 */
package dev.outbound.csv.export;
