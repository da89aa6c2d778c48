/**
 * Outbound's dialer engine and pacing. So far it holds the abandoned-call accounting the engine
 * paces by ({@link dev.outbound.pacing.abandon}): the regulators' definitions, a rolling ledger of
 * live answers and abandons, and run statistics. Pure domain code: no threads, no I/O; time comes
 * in as explicit instants.
 */
module dev.outbound.pacing {
    requires dev.outbound.core;
    requires dev.outbound.spi;

    exports dev.outbound.pacing.abandon;
    exports dev.outbound.pacing.predict;
}
