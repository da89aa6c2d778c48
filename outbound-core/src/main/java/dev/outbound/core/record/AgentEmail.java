package dev.outbound.core.record;

import dev.outbound.core.InvalidValueException;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The user a record is assigned to, by e-mail (seed 000: the agent column holds the e-mail of a
 * user of the system). This value only checks the form; whether such a user exists is the agent
 * directory's answer.
 *
 * @param value a well-formed address, stored in lower case
 */
public record AgentEmail(@NotBlank @Email String value) {
    private static final Pattern FORM = Pattern.compile(
            "[a-z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+");

    /**
     * Validates and lower-cases the value.
     *
     * @param value a well-formed e-mail address; surrounding spaces are stripped and it is
     *     stored in lower case
     */
    public AgentEmail {
        Objects.requireNonNull(value, "value");
        String given = value;
        value = value.strip().toLowerCase(Locale.ROOT);
        // A dot may not start or end the local part, nor follow another dot (RFC 5322 dot-atom).
        if (value.length() > 254 || !FORM.matcher(value).matches() || value.startsWith(".") || value.contains("..")
                || value.contains(".@")) {
            // The message shows the value as it was given, not as it would have been stored.
            throw new InvalidValueException("agent", "the e-mail address of a user, e.g. ann@example.com", "'" + given + "'");
        }
    }

    /**
     * @param value the address
     * @return the agent's e-mail
     */
    public static AgentEmail of(String value) {
        return new AgentEmail(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
