/**
 * The reference SIP binding of the telephony SPI: {@link dev.outbound.spi.sip.SipTelephony}, a
 * JAIN-SIP user agent client that places calls through a PBX or SIP trunk, with its
 * configuration types ({@link dev.outbound.spi.sip.SipTransport},
 * {@link dev.outbound.spi.sip.SipCredentials}) and the hook for connecting agents
 * ({@link dev.outbound.spi.sip.AgentConnector}, {@link dev.outbound.spi.sip.SipDialog}).
 * docs/sip.md describes how to point it at Asterisk, FreeSWITCH or a trunk.
 */
package dev.outbound.spi.sip;
