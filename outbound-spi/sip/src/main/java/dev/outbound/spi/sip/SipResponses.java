package dev.outbound.spi.sip;

import dev.outbound.spi.telephony.CallEvent;
import dev.outbound.spi.telephony.CallId;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/** How SIP final responses, transfer progress and AMD values map to the SPI. */
final class SipResponses {
    private SipResponses() {
    }

    /**
     * The terminal event for a final failure response to an INVITE.
     *
     * @param call the call
     * @param at when
     * @param status the SIP status, 300 - 699
     * @param reason the reason phrase
     * @return the event, its cause holding the status line
     */
    static CallEvent terminal(CallId call, Instant at, int status, String reason) {
        Optional<String> cause = Optional.of("SIP " + status + (reason.isEmpty() ? "" : " " + reason));
        switch (status) {
            case 486:
            case 600:
                return new CallEvent.Busy(call, at, cause);
            case 408:
            case 480:
                return new CallEvent.NoAnswer(call, at, cause);
            case 404:
            case 484:
            case 604:
                return new CallEvent.InvalidNumber(call, at, cause);
            case 403:
            case 603:
                return new CallEvent.Rejected(call, at, cause);
            default:
                return new CallEvent.Failed(call, at, cause);
        }
    }

    /**
     * The status in a NOTIFY's message/sipfrag body: {@code SIP/2.0 200 OK}.
     *
     * @param body the body
     * @return the status, or 0 if the body holds none
     */
    static int sipfragStatus(String body) {
        String s = body.trim();
        if (!s.startsWith("SIP/2.0 ") || s.length() < 11) {
            return 0;
        }
        try {
            return Integer.parseInt(s.substring(8, 11));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /**
     * @param value an AMD result from the PBX, or null
     * @return MACHINE for {@code MACHINE} (any case), HUMAN for any other value, empty for none
     */
    static Optional<CallEvent.AnsweredBy> amd(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(value.trim().toUpperCase(Locale.ROOT).startsWith("MACHINE")
                ? CallEvent.AnsweredBy.MACHINE : CallEvent.AnsweredBy.HUMAN);
    }
}
