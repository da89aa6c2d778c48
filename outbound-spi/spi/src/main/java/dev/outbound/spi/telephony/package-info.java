/**
 * The telephony SPI: placing calls and receiving their events.
 * {@link dev.outbound.spi.telephony.Telephony} is the interface;
 * {@link dev.outbound.spi.telephony.CallEvent} the events, in the order every implementation keeps.
 */
package dev.outbound.spi.telephony;
