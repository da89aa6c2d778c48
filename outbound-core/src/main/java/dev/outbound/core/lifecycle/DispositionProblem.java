package dev.outbound.core.lifecycle;

import java.util.Objects;

/**
 * One reason an agent's disposition (or a correction of a wrap code) breaks the campaign's
 * {@link DispositionRules}: what was wrong, where, in words.
 *
 * @param kind what kind of problem it is
 * @param subject what it is about: the field's name for {@link Kind#FIELD_REQUIRED}, the wrap
 *     code's name, or the setting ({@code "wrapCode"}, {@code "nextCall"}, {@code "newUser"})
 * @param message one sentence for people, naming the subject and the rule
 */
public record DispositionProblem(Kind kind, String subject, String message) {

    /** The kinds of problem. */
    public enum Kind {
        /** The campaign defines wrap codes and the disposition chose none. */
        WRAP_CODE_REQUIRED,
        /** The wrap code is not one of the campaign's. */
        UNKNOWN_WRAP_CODE,
        /** The wrap code requires a next call and none was set. */
        NEXT_CALL_REQUIRED,
        /** The wrap code forbids a next call (it completes the record, or hands it to the dialer). */
        NEXT_CALL_FORBIDDEN,
        /** A field the wrap code makes required has no value; the subject is the field's name. */
        FIELD_REQUIRED,
        /** The record is passed to another agent and the campaign does not allow Change user. */
        CHANGE_USER_NOT_ALLOWED,
        /** The next call is for one agent and the record is passed to another. */
        CALLBACK_AGENT_MISMATCH
    }

    /**
     * Checks the components.
     *
     * @param kind the kind
     * @param subject what it is about, not blank
     * @param message the sentence, not blank
     */
    public DispositionProblem {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(message, "message");
        if (subject.isBlank() || message.isBlank()) {
            throw new IllegalArgumentException("a disposition problem needs a subject and a message, got '" + subject
                    + "' and '" + message + "'");
        }
    }
}
