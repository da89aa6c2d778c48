package dev.outbound.core.dnc;

import dev.outbound.core.phone.LineType;
import dev.outbound.core.phone.PhoneNumber;
import java.util.ArrayList;
import java.util.List;

/** Phone numbers for the Do-Not-Call tests. */
final class TestNumbers {
    private TestNumbers() {
    }

    /**
     * A pool of valid numbers, parsed (and so checked) by {@link PhoneNumber#ofE164}: North
     * American numbers in five area codes with NXX exchanges, and UK mobiles in 07400. They share
     * leading digits a lot, so that random prefixes cut from them often match several.
     */
    static final List<PhoneNumber> POOL = pool();

    private static List<PhoneNumber> pool() {
        List<PhoneNumber> numbers = new ArrayList<>();
        for (String area : List.of("201", "212", "415", "530", "617")) {
            for (String exchange : List.of("234", "555", "987")) {
                for (String line : List.of("0000", "0001", "0010", "0123", "1234", "5550", "9999")) {
                    numbers.add(PhoneNumber.ofE164("+1" + area + exchange + line));
                }
            }
        }
        for (String rest : List.of("000000", "000001", "123456", "123457", "999999")) {
            numbers.add(PhoneNumber.ofE164("+447400" + rest));
        }
        return List.copyOf(numbers);
    }

    /** A parsed, valid number. */
    static PhoneNumber e164(String e164) {
        return PhoneNumber.ofE164(e164);
    }

    /**
     * A North American number in area code 201 built without parsing, for tests that need
     * millions: {@code +1201} then seven digits starting with 2 to 9, which is the shape of a
     * valid NANP subscriber number.
     */
    static PhoneNumber nanp201(int sevenDigits) {
        if (sevenDigits < 2_000_000 || sevenDigits > 9_999_999) {
            throw new IllegalArgumentException("exchange must start with 2-9: " + sevenDigits);
        }
        return new PhoneNumber("+1201" + sevenDigits, 1, "US", LineType.FIXED_LINE_OR_MOBILE, "");
    }
}
