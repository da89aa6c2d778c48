/**
 * Directories the host owns and the SDK consults: agents by e-mail, and external Do-Not-Call
 * look-ups.
 */
package dev.outbound.spi.directory;
