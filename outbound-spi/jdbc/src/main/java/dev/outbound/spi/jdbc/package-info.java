/**
 * The record store on PostgreSQL: {@link dev.outbound.spi.jdbc.PostgresRecordStore}, shared by
 * several dialer nodes through row leases, and {@link dev.outbound.spi.jdbc.PostgresImportJournal},
 * which makes an import resumable and reversible.
 */
package dev.outbound.spi.jdbc;
