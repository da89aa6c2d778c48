package dev.outbound.core.phone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import org.junit.jupiter.api.Test;

/**
 * {@link PhoneNumber#tryParse} reads validity from the number's type rather than asking
 * libphonenumber's {@code isValidNumber} as well; this checks that the two agree.
 */
class PhoneNumberValidityTest {
    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    private static final int[] COUNTRY_CODES = {1, 7, 33, 44, 49, 61, 81, 86, 91, 351, 353, 800, 882, 979};

    private static boolean libphonenumberValid(String raw, String region) {
        try {
            Phonenumber.PhoneNumber n = UTIL.parse(raw, region);
            return UTIL.isValidNumber(n) && UTIL.format(n, PhoneNumberUtil.PhoneNumberFormat.E164).length() <= 16;
        } catch (NumberParseException e) {
            return false;
        }
    }

    @Test
    void tryParse_validExactlyWhenLibphonenumberSaysValid_forGeneratedNumbers() {
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
                    boolean ours = PhoneNumber.tryParse(raw, region) instanceof PhoneNumberParse.Valid;
                    return ours == libphonenumberValid(raw.toString(), region);
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
