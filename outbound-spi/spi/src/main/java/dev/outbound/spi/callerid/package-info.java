/**
 * Where a campaign's caller-id numbers live between runs: {@link dev.outbound.spi.callerid.DidStore},
 * its DID pool per campaign and the uses that the per-DID caps count.
 */
package dev.outbound.spi.callerid;
