package dev.outbound.csv.internal;

import java.util.Locale;

/** How every import of the module compares header names, so that one rule holds for all. */
public final class HeaderNames {
    private HeaderNames() {
    }

    /**
     * The normal form: lower case, without white space, underscores and hyphens
     * ({@code "Customer Reference-ID"} becomes {@code customerreferenceid}).
     *
     * @param header a header cell
     * @return its normal form
     */
    public static String normalise(String header) {
        StringBuilder out = new StringBuilder(header.length());
        String lower = header.toLowerCase(Locale.ROOT);
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            if (c != '_' && c != '-' && !Character.isWhitespace(c) && !Character.isSpaceChar(c)) {
                out.append(c);
            }
        }
        return out.toString();
    }
}
