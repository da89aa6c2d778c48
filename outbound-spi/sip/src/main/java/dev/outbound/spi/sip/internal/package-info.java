/**
 * Glue the JAIN-SIP stack loads by name; not part of the binding's API.
 */
package dev.outbound.spi.sip.internal;
