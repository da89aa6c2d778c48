package dev.outbound.core.record;

import dev.outbound.core.InvalidValueException;
import java.util.Objects;
import java.util.Optional;

/**
 * Seed 003's reason code: why the system put a record in its status, as a major code ("Call
 * Disconnected", "Suspended") and an optional minor one ("Abandoned in queue").
 *
 * @param major the major reason, 1 to 64 characters, not blank
 * @param minor the minor reason, if any, 1 to 64 characters, not blank
 */
public record ReasonCode(String major, Optional<String> minor) {
    /**
     * Validates the components.
     *
     * @param major the major reason
     * @param minor the minor reason, if any
     */
    public ReasonCode {
        check("major reason code", major);
        Objects.requireNonNull(minor, "minor");
        minor.ifPresent(m -> check("minor reason code", m));
    }

    /**
     * @param major the major reason
     * @return a code with no minor reason
     */
    public static ReasonCode of(String major) {
        return new ReasonCode(major, Optional.empty());
    }

    /**
     * @param major the major reason
     * @param minor the minor reason
     * @return the code
     */
    public static ReasonCode of(String major, String minor) {
        return new ReasonCode(major, Optional.of(minor));
    }

    private static void check(String field, String value) {
        Objects.requireNonNull(value, field);
        if (value.isBlank() || value.length() > 64) {
            throw new InvalidValueException(field, "1 to 64 characters, not blank", "'" + value + "'");
        }
    }

    @Override
    public String toString() {
        return minor.map(m -> major + " / " + m).orElse(major);
    }
}
