/**
 * Outbound's pure domain: records, phone numbers, time zones, calling windows and Do-Not-Call
 * lists. No I/O, no threads; time comes through an injected {@link java.time.Clock}.
 */
module dev.outbound.core {
    requires com.google.i18n.phonenumbers.libphonenumber;
    requires static jakarta.validation;

    exports dev.outbound.core;
    exports dev.outbound.core.phone;
    exports dev.outbound.core.field;
}
