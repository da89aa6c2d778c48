/**
 * A record's lifecycle: whether it may be dialled now and why not ({@link
 * dev.outbound.core.lifecycle.Lifecycle#explain}), what each call result does to it (treatments,
 * attempts, caps), callbacks, and how a campaign's lists share calls and in which order records
 * are loaded. Configured per campaign by {@link dev.outbound.core.lifecycle.DialingRules}.
 */
package dev.outbound.core.lifecycle;
