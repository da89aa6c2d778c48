/**
 * Thread-safe in-memory implementations of the SPI, for test harnesses and single-node
 * campaigns, and the defaults when a host registers nothing.
 */
package dev.outbound.spi.memory;
