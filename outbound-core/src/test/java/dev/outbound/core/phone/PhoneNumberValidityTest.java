package dev.outbound.core.phone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import org.junit.jupiter.api.Test;

/**
 * {@link PhoneNumber#tryParse} reads validity from the number's type, found by {@link NumberPlans}
 * rather than by libphonenumber's {@code isValidNumber}, {@code getRegionCodeForNumber} and
 * {@code getNumberType}; this checks that validity, E.164 form, region and type all agree.
 */
class PhoneNumberValidityTest {
    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    private static final int[] COUNTRY_CODES = {1, 7, 33, 44, 49, 61, 81, 86, 91, 351, 353, 800, 882, 979};

    /** @return libphonenumber's E.164 form, region and type of a valid number, else "invalid" */
    private static String libphonenumber(String raw, String region) {
        try {
            Phonenumber.PhoneNumber n = UTIL.parse(raw, region);
            String e164 = UTIL.format(n, PhoneNumberUtil.PhoneNumberFormat.E164);
            if (!UTIL.isValidNumber(n) || e164.length() > 16) {
                return "invalid";
            }
            String regionOfNumber = UTIL.getRegionCodeForNumber(n);
            return e164 + " " + (regionOfNumber == null ? "001" : regionOfNumber) + " "
                    + LineType.of(UTIL.getNumberType(n));
        } catch (NumberParseException e) {
            return "invalid";
        }
    }

    private static String ours(CharSequence raw, String region) {
        PhoneNumberParse result = PhoneNumber.tryParse(raw, region);
        if (result instanceof PhoneNumberParse.Valid) {
            PhoneNumber n = ((PhoneNumberParse.Valid) result).number();
            return n.e164() + " " + n.regionCode() + " " + n.type();
        }
        return "invalid";
    }

    @Test
    void tryParse_validExactlyWhenLibphonenumberSaysValid_withItsE164RegionAndType_forGeneratedNumbers() {
        qt().withExamples(20_000).forAll(integers().between(0, COUNTRY_CODES.length), integers().between(4, 13),
                integers().all()).check((cc, length, seed) -> {
                    java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
                    StringBuilder raw = new StringBuilder();
                    if (cc < COUNTRY_CODES.length) {
                        raw.append('+').append(COUNTRY_CODES[cc]);
                    }
                    for (int i = 0; i < length; i++) {
                        raw.append((char) ('0' + random.nextInt(10)));
                    }
                    String region = random.nextBoolean() ? "US" : "GB";
                    return ours(raw, region).equals(libphonenumber(raw.toString(), region));
                });
    }

    @Test
    void tryParse_validNumbersOfSeveralTypes_keepTheirLineType() {
        PhoneNumberParse mobile = PhoneNumber.tryParse("+44 7400 123456", "GB");
        PhoneNumberParse tollFree = PhoneNumber.tryParse("+1 800 555 0199", "US");
        assertThat(mobile).isInstanceOfSatisfying(PhoneNumberParse.Valid.class,
                v -> assertThat(v.number().type()).isEqualTo(LineType.MOBILE));
        assertThat(tollFree).isInstanceOfSatisfying(PhoneNumberParse.Valid.class,
                v -> assertThat(v.number().type()).isEqualTo(LineType.TOLL_FREE));
    }
}
