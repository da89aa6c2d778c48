/**
 * The run report of a dialer run, real or simulated, so that a user sees at a glance what the
 * pacing did. The engine feeds a {@link dev.outbound.pacing.report.RunRecorder} the agents' state
 * changes and the calls' outcomes as they happen;
 * {@link dev.outbound.pacing.report.RunRecorder#finish} gives a
 * {@link dev.outbound.pacing.report.RunReport} with occupancy, abandon rates (over the run, per
 * minute and in the worst clock hour, by {@link dev.outbound.pacing.abandon.AbandonStats}), dials and
 * connects per agent-hour and the mean wait between calls, which it writes as a JSON summary, a
 * per-minute CSV time series and an SVG chart. Pure domain code apart from writing those files: no
 * threads; time comes in as instants.
 */
package dev.outbound.pacing.report;
