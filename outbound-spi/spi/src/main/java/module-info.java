/**
 * Outbound's service provider interfaces: the record store, telephony, agent routing and
 * directories a host plugs in, with thread-safe in-memory implementations, a simulated telephony
 * on virtual time, and {@link dev.outbound.spi.OutboundServices}, which wires them.
 */
module dev.outbound.spi {
    requires transitive dev.outbound.core;
    requires org.slf4j;

    exports dev.outbound.spi;
    exports dev.outbound.spi.store;
    exports dev.outbound.spi.telephony;
    exports dev.outbound.spi.agent;
    exports dev.outbound.spi.directory;
    exports dev.outbound.spi.time;
    exports dev.outbound.spi.memory;
    exports dev.outbound.spi.simulation;
    exports dev.outbound.spi.callerid;

    uses dev.outbound.spi.OutboundProvider;
}
