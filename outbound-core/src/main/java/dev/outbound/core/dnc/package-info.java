/**
 * Do-Not-Call lists: block lists and allow lists (white lists) of numbers, number prefixes and
 * customer references, with source, reason and expiry, checked on the hot path of every call
 * decision by a {@link dev.outbound.core.dnc.DncRegistry} that combines the global lists with a
 * campaign's own.
 */
package dev.outbound.core.dnc;
