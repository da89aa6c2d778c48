/**
 * The reference SIP binding of the telephony SPI.
 */
package dev.outbound.spi.sip;
