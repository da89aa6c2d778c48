package dev.outbound.spi.sip;

/** The transport the binding sends its SIP messages over. */
public enum SipTransport {
    /** UDP, the default of most trunks. */
    UDP("udp"),
    /** TCP. */
    TCP("tcp"),
    /** TLS over TCP; the JVM's default key and trust stores (javax.net.ssl properties) apply. */
    TLS("tls");

    private final String jainName;

    SipTransport(String jainName) {
        this.jainName = jainName;
    }

    /** @return the transport's name in a Via header and a {@code transport=} URI parameter */
    public String token() {
        return jainName;
    }
}
