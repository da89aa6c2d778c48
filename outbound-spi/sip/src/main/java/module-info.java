/**
 * The reference SIP binding of the telephony SPI: {@link dev.outbound.spi.sip.SipTelephony}.
 *
 * <p>JAIN-SIP ({@code javax.sip:jain-sip-ri}) has no module descriptor, so it is required under
 * the automatic module name its jar's file name gives, {@code jain.sip.ri}; its log4j 1.x calls
 * go to {@code log4j-over-slf4j} (module {@code log4j}).
 */
module dev.outbound.spi.sip {
    requires transitive dev.outbound.spi;
    requires jain.sip.ri;
    requires log4j;
    requires org.slf4j;

    exports dev.outbound.spi.sip;
    // The stack instantiates the logger adapter by name.
    exports dev.outbound.spi.sip.internal to jain.sip.ri;
}
