package dev.outbound.core.phone;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.util.Set;

/**
 * Reads the plain ways North American numbers are written ({@code (212) 555-0147},
 * {@code 212-555-0147}, {@code 212.555.0147}, {@code +1 212 555 0147}) without libphonenumber's
 * parser, which costs several microseconds a number in regular expressions (extension labels,
 * punctuation, national prefixes) that such input never needs.
 *
 * <p>Only input that libphonenumber reads the same way is taken: nothing but digits, spaces,
 * {@code - . ( )} and at most one leading {@code +} directly followed by {@code 1}; with the
 * {@code +1}, ten more digits, and without it, exactly ten digits and a default region of the
 * North American plan (+1); the ten digits must start with 2 to 9, as area codes do, so that no
 * national prefix, international prefix or country code can be read from them. libphonenumber
 * then gives country code 1 and the ten digits as the national number, with no extension and no
 * leading zero; tests check that on generated input for every region of the plan. Everything else
 * goes to libphonenumber.
 */
final class NorthAmericanForms {
    private static final int MAX_INPUT = 64;
    private static final Set<String> REGIONS = Set.copyOf(PhoneNumberUtil.getInstance().getRegionCodesForCountryCode(1));

    private NorthAmericanForms() {
    }

    /** @return whether national numbers are read in the North American plan in this region */
    static boolean isNorthAmerican(String region) {
        return REGIONS.contains(region);
    }

    /**
     * @param input the number as written
     * @param northAmericanRegion whether the default region is in the North American plan
     * @return the ten-digit national number, or {@code null} when the input is not one of the
     *     plain forms and libphonenumber must read it
     */
    static String tenDigits(String input, boolean northAmericanRegion) {
        int n = input.length();
        if (n > MAX_INPUT) {
            return null;
        }
        char[] digits = new char[11];
        int count = 0;
        boolean plus = false;
        boolean seenNonSpace = false;
        for (int i = 0; i < n; i++) {
            char c = input.charAt(i);
            if (c >= '0' && c <= '9') {
                if (count == digits.length) {
                    return null;
                }
                digits[count++] = c;
                seenNonSpace = true;
            } else if (c == '+') {
                if (seenNonSpace || i + 1 >= n || input.charAt(i + 1) != '1') {
                    return null;
                }
                plus = true;
                seenNonSpace = true;
            } else if (c == ' ' || c == '-' || c == '.' || c == '(' || c == ')') {
                if (c != ' ') {
                    seenNonSpace = true;
                }
            } else {
                return null;
            }
        }
        int start;
        if (plus) {
            if (count != 11) {
                return null;
            }
            start = 1;
        } else {
            if (count != 10 || !northAmericanRegion) {
                return null;
            }
            start = 0;
        }
        if (digits[start] < '2') {
            return null;
        }
        return new String(digits, start, 10);
    }
}
