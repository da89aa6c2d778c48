/**
 * Caller-ID number imports (seed 002's DID table): {@link dev.outbound.csv.did.DidImport} reads a
 * CSV file of DIDs into the {@link dev.outbound.core.callerid.Did}s of a campaign's
 * {@link dev.outbound.core.callerid.DidPool}, every row accounted for.
 */
package dev.outbound.csv.did;
