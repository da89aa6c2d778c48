package dev.outbound.core.phone;

import com.google.i18n.phonenumbers.PhoneNumberUtil;

/**
 * The kind of line a number belongs to, as far as the numbering plan tells. North American
 * numbers cannot tell fixed from mobile and are {@link #FIXED_LINE_OR_MOBILE}.
 */
public enum LineType {
    /** A landline. */
    FIXED_LINE,
    /** A mobile phone. */
    MOBILE,
    /** Either; the plan does not distinguish them (North America). */
    FIXED_LINE_OR_MOBILE,
    /** A free-phone number. */
    TOLL_FREE,
    /** A premium-rate number. */
    PREMIUM_RATE,
    /** A shared-cost number. */
    SHARED_COST,
    /** A voice-over-IP number. */
    VOIP,
    /** A personal number. */
    PERSONAL_NUMBER,
    /** A pager. */
    PAGER,
    /** A universal access number. */
    UAN,
    /** A voicemail access number. */
    VOICEMAIL,
    /** The plan does not say. */
    UNKNOWN;

    static LineType of(PhoneNumberUtil.PhoneNumberType type) {
        return switch (type) {
            case FIXED_LINE -> FIXED_LINE;
            case MOBILE -> MOBILE;
            case FIXED_LINE_OR_MOBILE -> FIXED_LINE_OR_MOBILE;
            case TOLL_FREE -> TOLL_FREE;
            case PREMIUM_RATE -> PREMIUM_RATE;
            case SHARED_COST -> SHARED_COST;
            case VOIP -> VOIP;
            case PERSONAL_NUMBER -> PERSONAL_NUMBER;
            case PAGER -> PAGER;
            case UAN -> UAN;
            case VOICEMAIL -> VOICEMAIL;
            case UNKNOWN -> UNKNOWN;
        };
    }
}
