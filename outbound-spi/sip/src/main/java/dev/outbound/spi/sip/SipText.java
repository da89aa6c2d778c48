package dev.outbound.spi.sip;

import dev.outbound.core.InvalidValueException;

/**
 * Guards what goes into SIP messages from outside data: a value either fits the grammar it is
 * put into or is escaped, so that no record can add a header line or a parameter (CR/LF
 * injection, {@code >} or {@code ;} smuggled into an address).
 */
final class SipText {
    private SipText() {
    }

    /**
     * Escapes a URI user part (RFC 3261 {@code user}): unreserved and user-unreserved characters
     * stay, everything else is percent-encoded.
     *
     * @param s the text
     * @return the escaped text
     */
    static String uriUser(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (byte x : s.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            int c = x & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || "-_.!~*'()&=+$,;?/".indexOf(c) >= 0) {
                b.append((char) c);
            } else {
                b.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return b.toString();
    }

    /**
     * Makes a header value safe: control characters (CR, LF, NUL...) become spaces, so the value
     * stays on its one line.
     *
     * @param s the text
     * @return the one-line text
     */
    static String headerValue(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            b.append(c < 0x20 || c == 0x7f ? ' ' : c);
        }
        return b.toString().trim();
    }

    /**
     * Checks a SIP URI that comes from data (an agent's endpoint): {@code sip:} or {@code sips:},
     * then only characters a URI may hold and none that would end an address ({@code <>"} ,
     * space, controls).
     *
     * @param field what the URI is, for the message
     * @param uri the URI
     * @return the URI
     */
    static String sipUri(String field, String uri) {
        boolean scheme = uri.regionMatches(true, 0, "sip:", 0, 4) || uri.regionMatches(true, 0, "sips:", 0, 5);
        boolean clean = uri.length() <= 512 && uri.chars().allMatch(c -> c > 0x20 && c < 0x7f && "<>\"{}|\\^`".indexOf(c) < 0);
        if (!scheme || !clean) {
            throw new InvalidValueException(field, "a sip: or sips: URI without spaces, quotes, angle brackets or control characters", uri);
        }
        return uri;
    }
}
