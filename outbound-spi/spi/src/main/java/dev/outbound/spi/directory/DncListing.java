package dev.outbound.spi.directory;

import dev.outbound.core.InvalidValueException;
import java.util.Objects;
import java.util.Optional;

/**
 * An external Do-Not-Call directory's answer that a number must not be called.
 *
 * @param source which directory said so (a national registry, the CRM), 1 to 200 characters
 * @param reason why, as the directory gave it, if it did
 */
public record DncListing(String source, Optional<String> reason) {
    /**
     * Checks the components.
     *
     * @param source the directory
     * @param reason why
     */
    public DncListing {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(reason, "reason");
        if (source.isBlank() || source.length() > 200) {
            throw new InvalidValueException("DNC listing source", "1 - 200 characters, not blank", source);
        }
    }

    /**
     * @param source the directory
     * @return a listing without reason
     */
    public static DncListing of(String source) {
        return new DncListing(source, Optional.empty());
    }
}
