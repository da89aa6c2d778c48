package dev.outbound.core.dnc;

import dev.outbound.core.InvalidValueException;
import dev.outbound.core.phone.PhoneNumber;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;

/**
 * One Do-Not-Call entry: what it matches ({@link Key}), where it came from, why, and until when
 * it applies.
 *
 * <p><b>Expiry is exclusive:</b> an entry that expires at {@code T} applies at every instant
 * strictly before {@code T} and no longer at {@code T} itself. Expiries are kept to the whole
 * second (a fraction is truncated), because lists store them as epoch seconds.
 *
 * @param key what the entry matches: one number, every number under a prefix, or a customer
 * @param source where the entry came from ({@code "national registry"}, {@code "agent request"}),
 *     non-blank when present
 * @param reason why the entry exists, non-blank when present
 * @param expiresAt the instant from which the entry no longer applies; empty means permanent
 */
public record DncEntry(Key key, Optional<String> source, Optional<String> reason, Optional<Instant> expiresAt) {

    /**
     * Validates the components and truncates the expiry to the whole second.
     *
     * @param key what the entry matches: one number, every number under a prefix, or a customer
     * @param source where the entry came from ({@code "national registry"}, {@code "agent request"}),
     *     non-blank when present
     * @param reason why the entry exists, non-blank when present
     * @param expiresAt the instant from which the entry no longer applies; empty means permanent
     */
    public DncEntry {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(expiresAt, "expiresAt");
        source.ifPresent(s -> requireText("source", s));
        reason.ifPresent(r -> requireText("reason", r));
        expiresAt = expiresAt.map(e -> e.truncatedTo(ChronoUnit.SECONDS));
    }

    /**
     * A permanent entry without source or reason.
     *
     * @param key what the entry matches
     * @return the entry
     */
    public static DncEntry of(Key key) {
        return new DncEntry(key, Optional.empty(), Optional.empty(), Optional.empty());
    }

    /**
     * An entry for one number. The number's extension, if any, is dropped: lists match on the
     * E.164 form.
     *
     * @param number the number
     * @return a permanent entry without source or reason
     */
    public static DncEntry number(PhoneNumber number) {
        return of(new NumberKey(number));
    }

    /**
     * An entry for every number whose E.164 form starts with the given digits.
     *
     * @param digits 1 to 15 digits, with or without a leading {@code +} ({@code "+1201"})
     * @return a permanent entry without source or reason
     * @throws InvalidValueException when the prefix is not 1 to 15 digits or starts with 0
     */
    public static DncEntry prefix(String digits) {
        return of(new PrefixKey(digits));
    }

    /**
     * An entry for one customer, by the record's key within a campaign: it matches every number
     * of that customer.
     *
     * @param customerRef the customer reference, non-blank
     * @return a permanent entry without source or reason
     */
    public static DncEntry customer(String customerRef) {
        return of(new CustomerKey(customerRef));
    }

    /**
     * @param newSource where the entry came from, non-blank
     * @return a copy with that source
     */
    public DncEntry withSource(String newSource) {
        Objects.requireNonNull(newSource, "source");
        return new DncEntry(key, Optional.of(newSource), reason, expiresAt);
    }

    /**
     * @param newReason why the entry exists, non-blank
     * @return a copy with that reason
     */
    public DncEntry withReason(String newReason) {
        Objects.requireNonNull(newReason, "reason");
        return new DncEntry(key, source, Optional.of(newReason), expiresAt);
    }

    /**
     * @param expiry the instant from which the entry no longer applies (exclusive, whole second)
     * @return a copy that expires then
     */
    public DncEntry withExpiry(Instant expiry) {
        Objects.requireNonNull(expiry, "expiresAt");
        return new DncEntry(key, source, reason, Optional.of(expiry));
    }

    /** @return a copy that never expires */
    public DncEntry withoutExpiry() {
        return new DncEntry(key, source, reason, Optional.empty());
    }

    /**
     * Whether the entry still applies at an instant: always when permanent, otherwise only
     * strictly before its expiry.
     *
     * @param at the instant of the check
     * @return {@code true} when the entry applies at {@code at}
     */
    public boolean appliesAt(Instant at) {
        Objects.requireNonNull(at, "at");
        return expiresAt.isEmpty() || at.isBefore(expiresAt.get());
    }

    private static void requireText(String field, String value) {
        if (value.isBlank()) {
            throw new InvalidValueException(field, "non-blank text when present", "'" + value + "'");
        }
    }

    /**
     * What an entry matches. Two entries with equal keys are the same entry as far as a list
     * is concerned: adding the second replaces the first.
     */
    public sealed interface Key permits NumberKey, PrefixKey, CustomerKey {
    }

    /**
     * One number, compared by its E.164 digits.
     *
     * @param number the number, kept without extension
     */
    public record NumberKey(PhoneNumber number) implements Key {
        /**
         * Drops the extension, which plays no part in matching.
         *
         * @param number the number; its extension is dropped
         */
        public NumberKey {
            Objects.requireNonNull(number, "number");
            if (!number.extension().isEmpty()) {
                number = new PhoneNumber(number.e164(), number.countryCode(), number.regionCode(), number.type(), "");
            }
        }

        @Override
        public String toString() {
            return number.e164();
        }
    }

    /**
     * Every number whose E.164 digits start with these digits ({@code 1201} covers
     * {@code +12015550123}). A number equal to the prefix is covered too.
     *
     * @param digits 1 to 15 digits, kept without {@code +}; never starts with 0, since no country
     *     code does
     */
    public record PrefixKey(String digits) implements Key {
        /** The most digits a prefix can have: the length of the longest E.164 number. */
        public static final int MAX_DIGITS = 15;

        /**
         * Strips a leading {@code +} and validates the digits.
         *
         * @param digits 1 to 15 digits, optionally after a {@code +}, which is dropped; never starts
         *     with 0, since no country code does
         */
        public PrefixKey {
            Objects.requireNonNull(digits, "prefix");
            String given = digits;
            String d = digits.startsWith("+") ? digits.substring(1) : digits;
            if (d.isEmpty()) {
                throw new InvalidValueException("prefix", "1 to " + MAX_DIGITS + " digits, optionally after '+'",
                        "'" + given + "'");
            }
            for (int i = 0; i < d.length(); i++) {
                char c = d.charAt(i);
                if (c < '0' || c > '9') {
                    throw new InvalidValueException("prefix",
                            "digits only after an optional '+', found '" + c + "' at position "
                                    + (i + 1 + given.length() - d.length()),
                            "'" + given + "'");
                }
            }
            if (d.length() > MAX_DIGITS) {
                throw new InvalidValueException("prefix",
                        "at most " + MAX_DIGITS + " digits, found " + d.length(), "'" + given + "'");
            }
            if (d.charAt(0) == '0') {
                throw new InvalidValueException("prefix", "must not start with 0, as no country code does",
                        "'" + given + "'");
            }
            digits = d;
        }

        /** @return the prefix as E.164 starts: {@code +} and the digits */
        public String e164Prefix() {
            return "+" + digits;
        }

        /**
         * @param number a number
         * @return whether the number's E.164 form starts with this prefix
         */
        public boolean covers(PhoneNumber number) {
            Objects.requireNonNull(number, "number");
            return number.e164().startsWith(digits, 1);
        }

        @Override
        public String toString() {
            return e164Prefix() + "*";
        }
    }

    /**
     * A customer, by the record's key within a campaign; matched exactly (case and spaces count).
     *
     * @param customerRef the reference, non-blank
     */
    public record CustomerKey(String customerRef) implements Key {
        /**
         * Validates the reference.
         *
         * @param customerRef the reference, non-blank
         */
        public CustomerKey {
            Objects.requireNonNull(customerRef, "customerRef");
            if (customerRef.isBlank()) {
                throw new InvalidValueException("customerRef", "non-blank text", "'" + customerRef + "'");
            }
        }

        @Override
        public String toString() {
            return "customer " + customerRef;
        }
    }
}
