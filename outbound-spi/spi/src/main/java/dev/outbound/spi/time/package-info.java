/**
 * Time for the SPI's implementations and the engine: a {@link dev.outbound.spi.time.Scheduler}
 * interface and {@link dev.outbound.spi.time.VirtualTime}, which runs it in virtual time.
 */
package dev.outbound.spi.time;
