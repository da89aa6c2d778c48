/**
 * A simulated telephony on virtual time: calls answered, busy, unanswered or failed with
 * configured probabilities, ringing and talking for times drawn from configured distributions,
 * seeded and reproducible.
 */
package dev.outbound.spi.simulation;
