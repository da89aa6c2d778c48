package dev.outbound.core.phone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * {@link NumberPlans} must give exactly libphonenumber's region and type: over every region's
 * example numbers of every type, their neighbours (a digit changed, added or removed), and random
 * digit strings for every country code.
 */
class NumberPlansTest {
    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    private static final NumberPlans PLANS = NumberPlans.standard();
    private static final PhoneNumberType[] TYPES = {
        PhoneNumberType.FIXED_LINE, PhoneNumberType.MOBILE, PhoneNumberType.TOLL_FREE, PhoneNumberType.PREMIUM_RATE,
        PhoneNumberType.SHARED_COST, PhoneNumberType.VOIP, PhoneNumberType.PERSONAL_NUMBER, PhoneNumberType.PAGER,
        PhoneNumberType.UAN, PhoneNumberType.VOICEMAIL,
    };

    /** libphonenumber's own answer for a country code and national significant number. */
    private static NumberPlans.Classification libphonenumber(int countryCode, String nsn) {
        Phonenumber.PhoneNumber number = new Phonenumber.PhoneNumber().setCountryCode(countryCode)
                .setNationalNumber(Long.parseLong(nsn));
        int zeros = 0;
        while (zeros < nsn.length() - 1 && nsn.charAt(zeros) == '0') {
            zeros++;
        }
        if (zeros > 0) {
            number.setItalianLeadingZero(true).setNumberOfLeadingZeros(zeros);
        }
        return new NumberPlans.Classification(UTIL.getRegionCodeForNumber(number), UTIL.getNumberType(number));
    }

    private static List<Integer> countryCodes() {
        TreeSet<Integer> codes = new TreeSet<>();
        for (String region : UTIL.getSupportedRegions()) {
            codes.add(UTIL.getCountryCodeForRegion(region));
        }
        codes.addAll(UTIL.getSupportedGlobalNetworkCallingCodes());
        return new ArrayList<>(codes);
    }

    private static List<Phonenumber.PhoneNumber> exampleNumbers() {
        List<Phonenumber.PhoneNumber> examples = new ArrayList<>();
        for (String region : UTIL.getSupportedRegions()) {
            for (PhoneNumberType type : TYPES) {
                Phonenumber.PhoneNumber example = UTIL.getExampleNumberForType(region, type);
                if (example != null) {
                    examples.add(example);
                }
            }
            Phonenumber.PhoneNumber invalid = UTIL.getInvalidExampleNumber(region);
            if (invalid != null) {
                examples.add(invalid);
            }
        }
        for (int code : UTIL.getSupportedGlobalNetworkCallingCodes()) {
            for (PhoneNumberType type : TYPES) {
                Phonenumber.PhoneNumber example = UTIL.getExampleNumberForNonGeoEntity(code);
                if (example != null) {
                    examples.add(example);
                }
            }
        }
        return examples;
    }

    @Test
    void everyCountryCode_compilesEveryRegion_soNothingFallsBackToLibphonenumber() {
        List<Integer> failing = new ArrayList<>();
        for (int code : countryCodes()) {
            String nsn = "1234567";
            if (PLANS.classify(code, nsn) == null) {
                failing.add(code);
            }
        }
        assertThat(failing).isEmpty();
        assertThat(countryCodes()).hasSizeGreaterThan(200);
    }

    @Test
    void exampleNumbersOfEveryRegionAndType_andTheirNeighbours_classifyAsLibphonenumberDoes() {
        List<Phonenumber.PhoneNumber> examples = exampleNumbers();
        assertThat(examples).hasSizeGreaterThan(1_000);
        List<String> disagreements = new ArrayList<>();
        int checked = 0;
        for (Phonenumber.PhoneNumber example : examples) {
            int code = example.getCountryCode();
            String nsn = UTIL.getNationalSignificantNumber(example);
            List<String> variants = new ArrayList<>();
            variants.add(nsn);
            variants.add(nsn + "5");
            if (nsn.length() > 2) {
                variants.add(nsn.substring(0, nsn.length() - 1));
            }
            for (int i = 0; i < nsn.length(); i++) {
                char changed = (char) ('0' + (nsn.charAt(i) - '0' + 3) % 10);
                variants.add(nsn.substring(0, i) + changed + nsn.substring(i + 1));
            }
            for (String variant : variants) {
                NumberPlans.Classification expected = libphonenumber(code, variant);
                NumberPlans.Classification actual = PLANS.classify(code, variant);
                checked++;
                if (!expected.equals(actual)) {
                    disagreements.add("+" + code + " " + variant + ": expected " + expected + ", got " + actual);
                }
            }
        }
        assertThat(checked).isGreaterThan(10_000);
        assertThat(disagreements).isEmpty();
    }

    @Test
    void randomDigitStringsForEveryCountryCode_classifyAsLibphonenumberDoes() {
        List<Integer> codes = countryCodes();
        qt().withExamples(30_000).forAll(integers().between(0, codes.size() - 1), integers().between(2, 14),
                longs().all()).checkAssert((index, length, seed) -> {
                    SplittableRandom random = new SplittableRandom(seed);
                    StringBuilder nsn = new StringBuilder();
                    nsn.append((char) ('1' + random.nextInt(9)));
                    for (int i = 1; i < length; i++) {
                        nsn.append((char) ('0' + random.nextInt(10)));
                    }
                    int code = codes.get(index);
                    assertThat(PLANS.classify(code, nsn.toString()))
                            .as("+%d %s", code, nsn)
                            .isEqualTo(libphonenumber(code, nsn.toString()));
                });
    }

    @Test
    void northAmericanNumbers_findTheirRegionByArea_asLibphonenumberDoes() {
        // +1 is shared by 25 regions: the United States first, then the others by area code or type.
        assertThat(PLANS.classify(1, "2125550147")).isEqualTo(
                new NumberPlans.Classification("US", PhoneNumberType.FIXED_LINE_OR_MOBILE));
        assertThat(PLANS.classify(1, "4165550147").region()).isEqualTo("CA");
        assertThat(PLANS.classify(1, "8685550147").region()).isEqualTo("TT");
        assertThat(PLANS.classify(1, "8005550199").type()).isEqualTo(PhoneNumberType.TOLL_FREE);
        assertThat(PLANS.classify(1, "1125550147")).isEqualTo(new NumberPlans.Classification(null, PhoneNumberType.UNKNOWN));
    }

    @Test
    void compiler_refusesSyntaxTheMetadataDoesNotUse() {
        assertThatThrownBy(() -> NumberPlans.Dfa.compile(new String[] {"1*"}))
                .isInstanceOf(NumberPlans.UnsupportedPatternException.class);
        assertThatThrownBy(() -> NumberPlans.Dfa.compile(new String[] {"(1)"}))
                .isInstanceOf(NumberPlans.UnsupportedPatternException.class);
        assertThatThrownBy(() -> NumberPlans.Dfa.compile(new String[] {"[^1]"}))
                .isInstanceOf(NumberPlans.UnsupportedPatternException.class);
    }

    @Test
    void compiledPatterns_matchWholeStringsOrPrefixes_likeJavaRegex() {
        String[] patterns = {"1[2-4]\\d{2,3}|(?:56)?7", "9?8{2}", ""};
        NumberPlans.Dfa dfa = NumberPlans.Dfa.compile(patterns);
        List<java.util.regex.Pattern> regexes = List.of(java.util.regex.Pattern.compile(patterns[0]),
                java.util.regex.Pattern.compile(patterns[1]));
        qt().withExamples(5_000).forAll(integers().between(0, 6), longs().all()).checkAssert((length, seed) -> {
            SplittableRandom random = new SplittableRandom(seed);
            StringBuilder s = new StringBuilder();
            for (int i = 0; i < length; i++) {
                s.append("1234567898".charAt(random.nextInt(10)));
            }
            int expected = 0;
            for (int i = 0; i < regexes.size(); i++) {
                if (regexes.get(i).matcher(s).matches()) {
                    expected |= 1 << i;
                }
            }
            assertThat(dfa.run(s)).as(s.toString()).isEqualTo(expected);
            NumberPlans.Dfa prefix = NumberPlans.Dfa.compile(new String[] {patterns[0]});
            assertThat(prefix.matchesPrefixOf(s)).as(s.toString()).isEqualTo(regexes.get(0).matcher(s).lookingAt());
        });
    }
}
