/**
 * Where a customer lives in time: time-zone names ({@link dev.outbound.core.zone.TimeZones}),
 * campaign zone rules and area-code tables, and the {@link dev.outbound.core.zone.ZoneResolver}
 * that turns a record into candidate zones with the provenance that says why.
 */
package dev.outbound.core.zone;
