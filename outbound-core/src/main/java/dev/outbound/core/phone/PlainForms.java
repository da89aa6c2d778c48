package dev.outbound.core.phone;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonemetadata.PhoneMetadata;
import com.google.i18n.phonenumbers.metadata.DefaultMetadataDependenciesProvider;
import com.google.i18n.phonenumbers.metadata.source.MetadataSource;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.regex.Pattern;

/**
 * Reads the plain ways numbers are written, {@code +44 20 7946 0123}, {@code +1 212 555 0147},
 * {@code (212) 555-0147}, {@code 212.555.0147}, without libphonenumber's parser, which costs
 * several microseconds a number in regular expressions (extension labels, punctuation, national
 * and international prefixes) that such input never needs.
 *
 * <p>Only input that libphonenumber reads the same way is taken: nothing but digits, spaces and
 * {@code - . ( )}, with at most one {@code +}, first. Then either
 * <ul>
 * <li>{@code +}, a country calling code and the national number, not starting with 0, where the
 *     national number is 2 to 17 digits and the country's national prefix for parsing does not
 *     match its start (libphonenumber would try to strip it): libphonenumber reads that country
 *     code and those digits; or
 * <li>exactly ten digits starting with 2 to 9, with a default region of the North American plan
 *     (+1): an area code, so no national prefix, international prefix or country code can be read
 *     from them, and libphonenumber reads country code 1 and the ten digits.
 * </ul>
 * In both cases there is no extension. Tests check this against libphonenumber's parse on
 * generated input for every country code and every +1 region. Everything else goes to
 * libphonenumber.
 */
final class PlainForms {
    /** A country code and a national significant number, as libphonenumber would read them. */
    record Read(int countryCode, String nsn) {
    }

    private static final int MAX_INPUT = 64;
    private static final int MAX_DIGITS = 20;
    private static final int MIN_NSN = 2;
    private static final int MAX_NSN = 17;
    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    private static final MetadataSource METADATA =
            DefaultMetadataDependenciesProvider.getInstance().getPhoneNumberMetadataSource();
    private static final Set<String> NORTH_AMERICAN = Set.copyOf(UTIL.getRegionCodesForCountryCode(1));
    private static final boolean[] CALLING_CODES = new boolean[1000];
    /** Per country code, its main region's national prefix for parsing, or NONE; filled on first use. */
    private static final AtomicReferenceArray<Pattern> PREFIXES = new AtomicReferenceArray<>(1000);
    private static final Pattern NONE = Pattern.compile("$^");

    static {
        for (int code : UTIL.getSupportedCallingCodes()) {
            if (code > 0 && code < CALLING_CODES.length) {
                CALLING_CODES[code] = true;
            }
        }
    }

    private PlainForms() {
    }

    /** @return whether national numbers are read in the North American plan in this region */
    static boolean isNorthAmerican(String region) {
        return NORTH_AMERICAN.contains(region);
    }

    /**
     * @param input the number as written
     * @param northAmericanRegion whether the default region is in the North American plan
     * @return the country code and national number, or {@code null} when the input is not one of
     *     the plain forms and libphonenumber must read it
     */
    static Read read(String input, boolean northAmericanRegion) {
        int n = input.length();
        if (n > MAX_INPUT) {
            return null;
        }
        char[] digits = new char[MAX_DIGITS];
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
                if (seenNonSpace) {
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
        return plus ? international(digits, count) : northAmerican(digits, count, northAmericanRegion);
    }

    private static Read northAmerican(char[] digits, int count, boolean northAmericanRegion) {
        if (count != 10 || !northAmericanRegion || digits[0] < '2') {
            return null;
        }
        return new Read(1, new String(digits, 0, 10));
    }

    private static Read international(char[] digits, int count) {
        if (count <= MIN_NSN || digits[0] == '0') {
            return null;
        }
        int code = 0;
        int length = 0;
        for (int i = 0; i < 3 && i < count; i++) {
            code = code * 10 + (digits[i] - '0');
            if (CALLING_CODES[code]) {
                length = i + 1;
                break;
            }
        }
        if (length == 0) {
            return null;
        }
        int nsnLength = count - length;
        if (nsnLength < MIN_NSN || nsnLength > MAX_NSN) {
            return null;
        }
        String nsn = new String(digits, length, nsnLength);
        if (nationalPrefix(code).matcher(nsn).lookingAt()) {
            return null;
        }
        return new Read(code, nsn);
    }

    /** The national prefix for parsing of the country code's main region, which libphonenumber tries to strip. */
    private static Pattern nationalPrefix(int code) {
        Pattern p = PREFIXES.get(code);
        if (p == null) {
            String region = UTIL.getRegionCodeForCountryCode(code);
            PhoneMetadata metadata = "001".equals(region)
                    ? METADATA.getMetadataForNonGeographicalRegion(code) : METADATA.getMetadataForRegion(region);
            String prefix = metadata == null ? "" : metadata.getNationalPrefixForParsing();
            p = prefix.isEmpty() ? NONE : Pattern.compile(prefix);
            PREFIXES.set(code, p);
        }
        return p;
    }
}
