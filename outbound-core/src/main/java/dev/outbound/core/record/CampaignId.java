package dev.outbound.core.record;

import dev.outbound.core.InvalidValueException;
import java.util.Objects;

/**
 * Names a campaign: every record belongs to exactly one, and its customer reference id is unique
 * within it.
 *
 * @param value 1 to 64 of letters, digits, {@code .}, {@code _} and {@code -}
 */
public record CampaignId(String value) {
    /**
     * Validates the value.
     *
     * @param value 1 to 64 of letters, digits, {@code .}, {@code _} and {@code -}
     */
    public CampaignId {
        Objects.requireNonNull(value, "value");
        if (!value.matches("[A-Za-z0-9._-]{1,64}")) {
            throw new InvalidValueException("campaign id", "1 to 64 of A-Z a-z 0-9 . _ -", "'" + value + "'");
        }
    }

    /**
     * @param value the id
     * @return the campaign id
     */
    public static CampaignId of(String value) {
        return new CampaignId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
