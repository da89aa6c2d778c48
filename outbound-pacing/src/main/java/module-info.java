/**
 * Outbound's dialer engine and pacing. So far it holds the abandoned-call accounting the engine
 * paces by ({@link dev.outbound.pacing.abandon}): the regulators' definitions, a rolling ledger of
 * live answers and abandons, and run statistics; the learning, forecasting and dial decision of
 * predictive pacing ({@link dev.outbound.pacing.predict}); and the run report
 * ({@link dev.outbound.pacing.report}) that turns a run's events into a summary, a per-minute time
 * series and a chart. Pure domain code: no threads, and no I/O but writing the report's files;
 * time comes in as explicit instants.
 */
module dev.outbound.pacing {
    requires dev.outbound.core;
    requires dev.outbound.spi;

    requires org.slf4j;

    exports dev.outbound.pacing.abandon;
    exports dev.outbound.pacing.engine;
    exports dev.outbound.pacing.predict;
    exports dev.outbound.pacing.report;
    exports dev.outbound.pacing.sim;
}
