/**
 * Implementation detail of the pacing module, not exported: a small JSON writer for the run
 * report, so that the module needs no JSON library.
 */
package dev.outbound.pacing.internal;
