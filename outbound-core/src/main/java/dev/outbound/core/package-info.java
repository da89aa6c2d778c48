/**
 * The root of the Outbound domain: the SDK's exception hierarchy. The concepts live in the
 * sub-packages: {@code record}, {@code phone}, {@code zone}, {@code schedule}, {@code dnc} and
 * {@code field}.
 */
package dev.outbound.core;
