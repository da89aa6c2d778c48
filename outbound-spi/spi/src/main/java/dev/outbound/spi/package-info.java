/**
 * Wiring the SPI: {@link dev.outbound.spi.OutboundServices} holds the implementations a host
 * registers, and finds the others through {@link java.util.ServiceLoader}.
 */
package dev.outbound.spi;
