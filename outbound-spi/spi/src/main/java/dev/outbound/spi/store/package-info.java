/**
 * The record store SPI: where records, their history and the dialers' leases are kept.
 * {@link dev.outbound.spi.store.RecordStore} is the interface; the other types are its requests
 * and results.
 */
package dev.outbound.spi.store;
