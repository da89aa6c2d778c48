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
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * {@link PlainForms} may only take input that libphonenumber reads as the same country code and
 * national significant number, with no extension; and {@link PhoneNumber#tryParse} must answer
 * for such input exactly as it does through libphonenumber.
 */
class PlainFormsTest {
    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    private static final List<String> REGIONS;
    private static final List<Integer> CODES;

    static {
        List<String> regions = new ArrayList<>(UTIL.getRegionCodesForCountryCode(1));
        regions.add("GB");
        regions.add("DE");
        regions.add("AR");
        regions.add("ZZ");
        REGIONS = List.copyOf(regions);
        TreeSet<Integer> codes = new TreeSet<>(UTIL.getSupportedCallingCodes());
        CODES = List.copyOf(codes);
    }

    /**
     * Writes a number with random separators: national digits, or + and a random country code (or
     * random digits), sometimes a 0 after the code, sometimes a stray character.
     */
    private static String written(SplittableRandom random) {
        StringBuilder s = new StringBuilder();
        String separators = " -.()";
        if (random.nextInt(8) == 0) {
            s.append(' ');
        }
        int shape = random.nextInt(10);
        int digits;
        if (shape < 2) {
            s.append("+1");
            digits = 9 + random.nextInt(3);
        } else if (shape < 5) {
            s.append('+').append(random.nextInt(4) == 0 ? random.nextInt(1000) : CODES.get(random.nextInt(CODES.size())));
            digits = 1 + random.nextInt(16);
            if (random.nextInt(4) == 0) {
                s.append(" (0)");
            }
        } else if (shape == 5) {
            s.append(random.nextBoolean() ? "+" : "1 ");
            digits = 9 + random.nextInt(3);
        } else {
            digits = 9 + random.nextInt(3);
        }
        if (random.nextBoolean()) {
            s.append(separators.charAt(random.nextInt(separators.length())));
        }
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
            PhoneNumber n = ((PhoneNumberParse.Valid) parse).number();
            return n + " " + n.regionCode() + " " + n.type();
        }
        PhoneNumberParse.Invalid invalid = (PhoneNumberParse.Invalid) parse;
        return invalid.problem() + " " + invalid.message();
    }

    @Test
    void takenInput_isReadByLibphonenumberAsTheSameCountryCodeAndNationalNumber() {
        int[] taken = {0, 0};
        qt().withExamples(60_000).forAll(integers().between(0, REGIONS.size() - 1), longs().all())
                .checkAssert((regionIndex, seed) -> {
                    String region = REGIONS.get(regionIndex);
                    String input = written(new SplittableRandom(seed));
                    PlainForms.Read read = PlainForms.read(input, PlainForms.isNorthAmerican(region));
                    if (read == null) {
                        return;
                    }
                    taken[read.countryCode() == 1 ? 0 : 1]++;
                    Phonenumber.PhoneNumber parsed;
                    try {
                        parsed = UTIL.parse(input, region);
                    } catch (NumberParseException e) {
                        throw new AssertionError("libphonenumber refused '" + input + "' in " + region, e);
                    }
                    assertThat(parsed.getCountryCode()).as(input).isEqualTo(read.countryCode());
                    assertThat(UTIL.getNationalSignificantNumber(parsed)).as(input).isEqualTo(read.nsn());
                    assertThat(parsed.getExtension()).as(input).isEmpty();
                });
        assertThat(taken[0]).as("North American inputs taken").isGreaterThan(5_000);
        assertThat(taken[1]).as("other inputs taken").isGreaterThan(5_000);
    }

    @Test
    void tryParse_givesTheSameAnswerWithAndWithoutThePlainForms() {
        qt().withExamples(30_000).forAll(integers().between(0, REGIONS.size() - 1), longs().all())
                .checkAssert((regionIndex, seed) -> {
                    String region = REGIONS.get(regionIndex);
                    String input = written(new SplittableRandom(seed));
                    // A tab in front makes the plain-form reader decline; libphonenumber ignores it,
                    // so the long way must give the same answer.
                    assertThat(outcome(PhoneNumber.tryParse(input, region)))
                            .as("'%s' in %s", input, region)
                            .isEqualTo(outcome(PhoneNumber.tryParse("\t" + input, region)).replace("\t", ""));
                });
    }

    @Test
    void commonWritings_areTaken_andOthersLeftToLibphonenumber() {
        assertThat(PlainForms.read("(212) 555-0147", true)).isEqualTo(new PlainForms.Read(1, "2125550147"));
        assertThat(PlainForms.read("212.555.0147", true)).isEqualTo(new PlainForms.Read(1, "2125550147"));
        assertThat(PlainForms.read(" +1 212 555 0147 ", false)).isEqualTo(new PlainForms.Read(1, "2125550147"));
        assertThat(PlainForms.read("+44 20 7946 0123", false)).isEqualTo(new PlainForms.Read(44, "2079460123"));
        assertThat(PlainForms.read("+39 06 6982 0000", false)).isEqualTo(new PlainForms.Read(39, "0669820000"));
        // Left to libphonenumber: a national prefix it strips, national forms outside +1, an
        // extension, a leading 1, an area code starting 0 or 1, a bracketed plus.
        assertThat(PlainForms.read("+44 (0)20 7946 0123", false)).isNull();
        assertThat(PlainForms.read("020 7946 0123", false)).isNull();
        assertThat(PlainForms.read("212-555-0147", false)).isNull();
        assertThat(PlainForms.read("212-555-0147 x12", true)).isNull();
        assertThat(PlainForms.read("1 212 555 0147", true)).isNull();
        assertThat(PlainForms.read("+1 1212 555 0147", true)).isNull();
        assertThat(PlainForms.read("(112) 555-0147", true)).isNull();
        assertThat(PlainForms.read("(+1) 212 555 0147", true)).isNull();
    }
}
