package dev.outbound.core.phone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link NorthAmericanForms} may only take input that libphonenumber reads as country code 1 and
 * the same ten digits, with no extension and no leading zero; and {@link PhoneNumber#tryParse}
 * must answer for such input exactly as it does through libphonenumber.
 */
class NorthAmericanFormsTest {
    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    private static final List<String> REGIONS;

    static {
        List<String> regions = new ArrayList<>(UTIL.getRegionCodesForCountryCode(1));
        regions.add("GB");
        regions.add("DE");
        regions.add("ZZ");
        REGIONS = List.copyOf(regions);
    }

    /** Writes digits with random separators, sometimes a leading +1, sometimes stray characters. */
    private static String written(SplittableRandom random) {
        StringBuilder s = new StringBuilder();
        String separators = " -.()";
        if (random.nextInt(8) == 0) {
            s.append(' ');
        }
        int shape = random.nextInt(10);
        if (shape < 3) {
            s.append("+1");
            if (random.nextBoolean()) {
                s.append(separators.charAt(random.nextInt(separators.length())));
            }
        } else if (shape == 3) {
            s.append(random.nextBoolean() ? "+" : "1 ");
        }
        int digits = 9 + random.nextInt(3);
        for (int i = 0; i < digits; i++) {
            int d = i == 0 && random.nextInt(4) != 0 ? 2 + random.nextInt(8) : random.nextInt(10);
            s.append((char) ('0' + d));
            if (random.nextInt(4) == 0) {
                s.append(separators.charAt(random.nextInt(separators.length())));
            }
        }
        if (random.nextInt(12) == 0) {
            s.insert(random.nextInt(s.length() + 1), "x#,;/ABab+".charAt(random.nextInt(10)));
        }
        if (random.nextInt(8) == 0) {
            s.append(' ');
        }
        return s.toString();
    }

    private static String outcome(PhoneNumberParse parse) {
        if (parse instanceof PhoneNumberParse.Valid) {
            return ((PhoneNumberParse.Valid) parse).number().toString() + " "
                    + ((PhoneNumberParse.Valid) parse).number().regionCode() + " "
                    + ((PhoneNumberParse.Valid) parse).number().type();
        }
        PhoneNumberParse.Invalid invalid = (PhoneNumberParse.Invalid) parse;
        return invalid.problem() + " " + invalid.message();
    }

    @Test
    void takenInput_isReadByLibphonenumberAsCountryCodeOneAndTheSameTenDigits() {
        int[] taken = {0};
        qt().withExamples(40_000).forAll(integers().between(0, REGIONS.size() - 1), longs().all())
                .checkAssert((regionIndex, seed) -> {
                    String region = REGIONS.get(regionIndex);
                    String input = written(new SplittableRandom(seed));
                    String tenDigits = NorthAmericanForms.tenDigits(input, NorthAmericanForms.isNorthAmerican(region));
                    if (tenDigits == null) {
                        return;
                    }
                    taken[0]++;
                    Phonenumber.PhoneNumber parsed;
                    try {
                        parsed = UTIL.parse(input, region);
                    } catch (NumberParseException e) {
                        throw new AssertionError("libphonenumber refused '" + input + "' in " + region, e);
                    }
                    assertThat(parsed.getCountryCode()).as(input).isEqualTo(1);
                    assertThat(Long.toString(parsed.getNationalNumber())).as(input).isEqualTo(tenDigits);
                    assertThat(parsed.getExtension()).as(input).isEmpty();
                    assertThat(parsed.isItalianLeadingZero()).as(input).isFalse();
                });
        assertThat(taken[0]).isGreaterThan(5_000);
    }

    @Test
    void tryParse_givesTheSameAnswerWithAndWithoutThePlainForms() {
        qt().withExamples(20_000).forAll(integers().between(0, REGIONS.size() - 1), longs().all())
                .checkAssert((regionIndex, seed) -> {
                    String region = REGIONS.get(regionIndex);
                    String input = written(new SplittableRandom(seed));
                    // Wrapping the input in a tab makes the plain-form reader decline it; libphonenumber
                    // ignores the tab, so the long way must give the same answer.
                    assertThat(outcome(PhoneNumber.tryParse(input, region)))
                            .as("'%s' in %s", input, region)
                            .isEqualTo(outcome(PhoneNumber.tryParse("\t" + input, region)).replace("\t", ""));
                });
    }

    @Test
    void commonWritings_areTaken_andOthersLeftToLibphonenumber() {
        assertThat(NorthAmericanForms.tenDigits("(212) 555-0147", true)).isEqualTo("2125550147");
        assertThat(NorthAmericanForms.tenDigits("212.555.0147", true)).isEqualTo("2125550147");
        assertThat(NorthAmericanForms.tenDigits(" +1 212 555 0147 ", false)).isEqualTo("2125550147");
        assertThat(NorthAmericanForms.tenDigits("212-555-0147", false)).isNull();
        assertThat(NorthAmericanForms.tenDigits("1 212 555 0147", true)).isNull();
        assertThat(NorthAmericanForms.tenDigits("(112) 555-0147", true)).isNull();
        assertThat(NorthAmericanForms.tenDigits("212-555-0147 x12", true)).isNull();
        assertThat(NorthAmericanForms.tenDigits("+44 20 7946 0123", true)).isNull();
        assertThat(NorthAmericanForms.tenDigits("(+1) 212 555 0147", true)).isNull();
    }
}
