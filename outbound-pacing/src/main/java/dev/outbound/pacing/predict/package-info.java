/**
 * Predictive pacing: Outbound's own algorithm for how many numbers to dial. It learns from the
 * calls it makes ({@link dev.outbound.pacing.predict.PacingModel}: the answer probability and the
 * ring, talk and wrap-up times, with forgetting so that it follows drift), forecasts the next
 * seconds ({@link dev.outbound.pacing.predict.Forecast}: which agents will be free, how many live
 * answers will arrive), decides the dials
 * ({@link dev.outbound.pacing.predict.PredictivePacer}) and adapts its safety margin to the
 * abandon rate measured ({@link dev.outbound.pacing.predict.MarginController}). It is never told
 * the true distributions.
 *
 * <p>Pure code: no threads, no I/O, no clock; elapsed times come in as durations in a
 * {@link dev.outbound.pacing.predict.Snapshot}.
 */
package dev.outbound.pacing.predict;
