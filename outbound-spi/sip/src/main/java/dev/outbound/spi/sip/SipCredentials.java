package dev.outbound.spi.sip;

import dev.outbound.core.InvalidValueException;
import java.util.Objects;

/**
 * The user name and password the binding answers digest challenges (401, 407) with. The password
 * never appears in {@link #toString()} nor in any log line.
 *
 * @param username the user name, 1 - 128 characters, no control characters or quotes
 * @param password the password, 1 - 256 characters
 */
public record SipCredentials(String username, String password) {
    /**
     * Checks the components.
     *
     * @param username the user name
     * @param password the password
     */
    public SipCredentials {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        if (username.isEmpty() || username.length() > 128
                || username.chars().anyMatch(c -> c < 0x20 || c == 0x7f || c == '"' || c == '\\')) {
            throw new InvalidValueException("SIP user name", "1 - 128 characters, no control characters, quotes or backslashes",
                    username);
        }
        if (password.isEmpty() || password.length() > 256) {
            throw new InvalidValueException("SIP password", "1 - 256 characters", "(" + password.length() + " characters)");
        }
    }

    /**
     * @param username the user name
     * @param password the password
     * @return the credentials
     */
    public static SipCredentials of(String username, String password) {
        return new SipCredentials(username, password);
    }

    @Override
    public String toString() {
        return "SipCredentials[username=" + username + ", password=****]";
    }
}
