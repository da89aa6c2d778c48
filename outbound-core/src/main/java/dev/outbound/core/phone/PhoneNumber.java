package dev.outbound.core.phone;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import dev.outbound.core.InvalidValueException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A valid telephone number, normalised to E.164 ({@code +15305550147}) when it is made.
 *
 * <p>Parsing happens once, in {@link #parse} or {@link #tryParse}; everything after that (DNC
 * look-ups, zone resolution, window checks) works on the normalised value and never parses
 * again. An extension written after the number ({@code x12}, {@code ext. 12}) is kept apart from
 * the E.164 form, which never includes it.
 *
 * @param e164 the number in E.164 form: {@code +}, country code, national number; 15 digits at most
 * @param countryCode the country calling code ({@code 1}, {@code 44}, ...)
 * @param regionCode the ISO 3166 region the number belongs to ({@code US}, {@code GB}), or
 *     {@code 001} for non-geographic numbers
 * @param type the kind of line, as far as the numbering plan tells
 * @param extension the extension, or the empty string when there is none
 */
public record PhoneNumber(String e164, int countryCode, String regionCode, LineType type, String extension)
        implements Comparable<PhoneNumber> {

    /** The region code that means "no default region: the input must start with + or an IDD". */
    public static final String NO_REGION = "ZZ";

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    /**
     * Validates the components: E.164 shape, consistent country code.
     *
     * @param e164 the number in E.164 form: {@code +}, country code, national number; 15 digits at most
     * @param countryCode the country calling code ({@code 1}, {@code 44}, ...)
     * @param regionCode the ISO 3166 region the number belongs to ({@code US}, {@code GB}), or
     *     {@code 001} for non-geographic numbers
     * @param type the kind of line, as far as the numbering plan tells
     * @param extension the extension, or the empty string when there is none
     */
    public PhoneNumber {
        Objects.requireNonNull(e164, "e164");
        Objects.requireNonNull(regionCode, "regionCode");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(extension, "extension");
        if (!isE164Shape(e164)) {
            throw new InvalidValueException("e164", "'+' then 2 to 15 digits, not starting with 0", e164);
        }
        if (!e164.startsWith("+" + countryCode)) {
            throw new InvalidValueException("countryCode", "the leading digits of " + e164, countryCode);
        }
    }

    /**
     * Parses a number as people write it ({@code (530) 555-0147}, {@code +44 (0)151 496 0071},
     * {@code 0412 345 678}, {@code 530.555.0147 x12}) and normalises it to E.164.
     *
     * @param raw the number as written
     * @param defaultRegion the ISO 3166 region to read national numbers in ({@code "US"}), or
     *     {@link #NO_REGION} when the input must carry its country code
     * @return the valid number
     * @throws InvalidPhoneNumberException when the input is not a valid number, with the reason
     */
    public static PhoneNumber parse(CharSequence raw, String defaultRegion) {
        PhoneNumberParse result = tryParse(raw, defaultRegion);
        if (result instanceof PhoneNumberParse.Invalid invalid) {
            throw new InvalidPhoneNumberException(invalid);
        }
        return ((PhoneNumberParse.Valid) result).number();
    }

    /**
     * Parses an E.164 string ({@code +15305550147}) exactly: nothing but {@code +} and digits is
     * accepted, and the number must be valid.
     *
     * @param e164 the number in E.164 form
     * @return the valid number
     * @throws InvalidPhoneNumberException when the input is not a valid E.164 number
     */
    public static PhoneNumber ofE164(String e164) {
        Objects.requireNonNull(e164, "e164");
        if (!isE164Shape(e164)) {
            throw new InvalidPhoneNumberException(new PhoneNumberParse.Invalid(
                    e164, NO_REGION, PhoneNumberProblem.NOT_E164, "expected '+' then 2 to 15 digits"));
        }
        PhoneNumber number = parse(e164, NO_REGION);
        if (!number.e164().equals(e164)) {
            throw new InvalidPhoneNumberException(new PhoneNumberParse.Invalid(
                    e164, NO_REGION, PhoneNumberProblem.NOT_E164, "normalises to " + number.e164()));
        }
        return number;
    }

    /**
     * Parses a number and says, instead of throwing, why it was refused. Use it for bulk input
     * (an import), where a bad number is reported, never thrown.
     *
     * @param raw the number as written
     * @param defaultRegion the ISO 3166 region to read national numbers in, or {@link #NO_REGION}
     * @return the valid number, or the reason it is not one
     */
    public static PhoneNumberParse tryParse(CharSequence raw, String defaultRegion) {
        Objects.requireNonNull(raw, "raw");
        Objects.requireNonNull(defaultRegion, "defaultRegion");
        String input = raw.toString();
        String region = defaultRegion.trim().toUpperCase(Locale.ROOT);
        if (!region.equals(NO_REGION) && !isSupportedRegion(region)) {
            return new PhoneNumberParse.Invalid(input, defaultRegion, PhoneNumberProblem.UNKNOWN_REGION,
                    "'" + defaultRegion + "' is not an ISO 3166 region with a numbering plan");
        }
        if (input.isBlank()) {
            return new PhoneNumberParse.Invalid(input, region, PhoneNumberProblem.EMPTY, "no digits at all");
        }
        PlainForms.Read plain = PlainForms.read(input, PlainForms.isNorthAmerican(region));
        if (plain != null) {
            // A plain form: libphonenumber would read this country code and national number. An
            // invalid one goes the long way below, for libphonenumber's reason.
            NumberPlans.Classification plan = NumberPlans.standard().classify(plain.countryCode(), plain.nsn());
            String e164 = "+" + plain.countryCode() + plain.nsn();
            if (plan != null && plan.type() != PhoneNumberUtil.PhoneNumberType.UNKNOWN && e164.length() <= 16) {
                return new PhoneNumberParse.Valid(new PhoneNumber(e164, plain.countryCode(),
                        plan.region() == null ? "001" : plan.region(), LineType.of(plan.type()), ""));
            }
        }
        Phonenumber.PhoneNumber parsed;
        try {
            parsed = UTIL.parse(input, region);
        } catch (NumberParseException e) {
            return new PhoneNumberParse.Invalid(input, region, problemOf(e.getErrorType()), e.getMessage());
        }
        // libphonenumber's getRegionCodeForNumber and getNumberType match the number against up to
        // eleven patterns per region, region after region (+1 has 25): two thirds of an import's
        // time. NumberPlans answers the same from the same metadata in one automaton pass.
        String nsn = UTIL.getNationalSignificantNumber(parsed);
        NumberPlans.Classification plan = NumberPlans.standard().classify(parsed.getCountryCode(), nsn);
        String regionOfNumber;
        PhoneNumberUtil.PhoneNumberType type;
        if (plan != null) {
            regionOfNumber = plan.region();
            type = plan.type();
        } else {
            regionOfNumber = UTIL.getRegionCodeForNumber(parsed);
            type = UTIL.getNumberType(parsed);
        }
        if (type == PhoneNumberUtil.PhoneNumberType.UNKNOWN) {
            PhoneNumberProblem problem = switch (UTIL.isPossibleNumberWithReason(parsed)) {
                case TOO_SHORT -> PhoneNumberProblem.TOO_SHORT;
                case TOO_LONG -> PhoneNumberProblem.TOO_LONG;
                case INVALID_LENGTH -> PhoneNumberProblem.INVALID_LENGTH;
                case INVALID_COUNTRY_CODE -> PhoneNumberProblem.INVALID_COUNTRY_CODE;
                case IS_POSSIBLE, IS_POSSIBLE_LOCAL_ONLY -> PhoneNumberProblem.NOT_VALID_FOR_REGION;
            };
            String where = UTIL.getRegionCodeForCountryCode(parsed.getCountryCode());
            return new PhoneNumberParse.Invalid(input, region, problem,
                    "+" + parsed.getCountryCode() + " " + parsed.getNationalNumber()
                            + " is not a valid number in " + where);
        }
        // What format(parsed, E164) gives: '+', the country code, the national significant number.
        String e164 = "+" + parsed.getCountryCode() + nsn;
        if (e164.length() > 16) {
            return new PhoneNumberParse.Invalid(input, region, PhoneNumberProblem.TOO_LONG, e164 + " has over 15 digits");
        }
        String regionCode = regionOfNumber == null ? "001" : regionOfNumber;
        return new PhoneNumberParse.Valid(new PhoneNumber(e164, parsed.getCountryCode(), regionCode,
                LineType.of(type), parsed.getExtension()));
    }

    /**
     * Tells whether national numbers can be read in a region.
     *
     * @param region an ISO 3166 region code, upper case ({@code "US"}, {@code "GB"})
     * @return whether the region has a numbering plan
     */
    public static boolean isSupportedRegion(String region) {
        return UTIL.getSupportedRegions().contains(Objects.requireNonNull(region, "region"));
    }

    private static PhoneNumberProblem problemOf(NumberParseException.ErrorType type) {
        return switch (type) {
            case INVALID_COUNTRY_CODE -> PhoneNumberProblem.INVALID_COUNTRY_CODE;
            case NOT_A_NUMBER -> PhoneNumberProblem.NOT_A_NUMBER;
            case TOO_SHORT_AFTER_IDD, TOO_SHORT_NSN -> PhoneNumberProblem.TOO_SHORT;
            case TOO_LONG -> PhoneNumberProblem.TOO_LONG;
        };
    }

    private static boolean isE164Shape(String s) {
        int n = s.length();
        if (n < 3 || n > 16 || s.charAt(0) != '+' || s.charAt(1) == '0') {
            return false;
        }
        for (int i = 1; i < n; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /**
     * The digits of the E.164 form as one number ({@code +15305550147} gives
     * {@code 15305550147}). E.164 allows 15 digits at most, so the value always fits; it is the
     * key that Do-Not-Call lists and prefix tables use.
     *
     * @return the E.164 digits as a {@code long}
     */
    public long digits() {
        // A plain loop: the shape is checked at construction, and this runs on every DNC look-up.
        long digits = 0;
        for (int i = 1, n = e164.length(); i < n; i++) {
            digits = digits * 10 + (e164.charAt(i) - '0');
        }
        return digits;
    }

    /** @return the extension, when the number was written with one */
    public Optional<String> extensionIfAny() {
        return extension.isEmpty() ? Optional.empty() : Optional.of(extension);
    }

    /** @return the number in international format for people to read ({@code +1 530-555-0147}) */
    public String toInternationalFormat() {
        try {
            return UTIL.format(UTIL.parse(e164, NO_REGION), PhoneNumberUtil.PhoneNumberFormat.INTERNATIONAL);
        } catch (NumberParseException e) {
            throw new IllegalStateException("a valid E.164 number did not parse: " + e164, e);
        }
    }

    @Override
    public int compareTo(PhoneNumber other) {
        return e164.compareTo(other.e164);
    }

    /** @return the E.164 form, with {@code ;ext=} and the extension when there is one */
    @Override
    public String toString() {
        return extension.isEmpty() ? e164 : e164 + ";ext=" + extension;
    }
}
