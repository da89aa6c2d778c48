/**
 * Outbound's pure domain: records, phone numbers, custom fields, time zones, calling windows,
 * Do-Not-Call lists and the compliance verdict. No I/O, no threads; time comes through an
 * injected {@link java.time.Clock} or an explicit instant.
 */
@SuppressWarnings("module") // the qualified export names modules that are not on core's own module path
module dev.outbound.core {
    requires com.google.i18n.phonenumbers.libphonenumber;
    requires static jakarta.validation;

    exports dev.outbound.core;
    exports dev.outbound.core.callerid;
    exports dev.outbound.core.compliance;
    exports dev.outbound.core.dnc;
    exports dev.outbound.core.field;
    exports dev.outbound.core.lifecycle;
    exports dev.outbound.core.phone;
    exports dev.outbound.core.record;
    exports dev.outbound.core.schedule;
    exports dev.outbound.core.zone;
    exports dev.outbound.core.internal to dev.outbound.csv, dev.outbound.pacing, dev.outbound.examples;
}
