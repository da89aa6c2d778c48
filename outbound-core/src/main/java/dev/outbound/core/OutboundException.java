package dev.outbound.core;

/**
 * The root of every exception the Outbound SDK throws. It is unchecked: a caller that wants to
 * handle all of the SDK's failures in one place catches this type; subclasses carry the context
 * (field, value, record) that says what was wrong and where.
 */
public class OutboundException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception with a message that names what was wrong.
     *
     * @param message what was wrong, where, what was expected and what was found
     */
    public OutboundException(String message) {
        super(message);
    }

    /**
     * Creates an exception with a message and the failure that caused it.
     *
     * @param message what was wrong, where, what was expected and what was found
     * @param cause the underlying failure
     */
    public OutboundException(String message, Throwable cause) {
        super(message, cause);
    }
}
