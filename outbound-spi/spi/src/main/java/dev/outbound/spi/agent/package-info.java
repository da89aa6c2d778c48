/**
 * The agent routing SPI: agents' presence, and which agent takes an answered call.
 */
package dev.outbound.spi.agent;
