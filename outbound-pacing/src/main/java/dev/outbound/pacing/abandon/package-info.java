/**
 * Abandoned-call accounting for the dialer engine. A live answer that is not connected to an agent
 * within the connect limit (2 s by default) is abandoned; regulators cap abandoned calls as a share
 * of live answers over a window. {@link dev.outbound.pacing.abandon.AbandonRule} is such a
 * definition (the US FCC's, the UK Ofcom's or a plain rolling window),
 * {@link dev.outbound.pacing.abandon.AbandonLedger} keeps one campaign's rolling counts in fixed
 * memory and tells the engine how many more abandons the window can take, and
 * {@link dev.outbound.pacing.abandon.AbandonStats} reports a run's rate and its worst clock hour.
 * Pure domain code: no threads, no I/O; time comes in as instants.
 */
package dev.outbound.pacing.abandon;
