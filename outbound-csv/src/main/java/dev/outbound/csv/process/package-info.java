/**
 * A campaign's list processes (seed 003's "Pending ... Processes" and "Contact List Processes",
 * seed 002's shell jobs): {@link dev.outbound.csv.process.ListProcesses} schedules an import, an
 * export or a bulk delete for an instant, runs it then on the SDK's
 * {@link dev.outbound.spi.time.Scheduler}, and keeps a
 * {@link dev.outbound.csv.process.ProcessSnapshot} of each (status, percent, times, file, comment,
 * details) in a {@link dev.outbound.csv.process.ProcessStore} that a host may persist.
 */
package dev.outbound.csv.process;
