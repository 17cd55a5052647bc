package io.github.sagemakerfake.internal.validation;

/**
 * A request member has the wrong JSON type for its shape (a number where a string is modeled, a
 * fraction for an integer, ...). The real service fails such bodies while deserializing, before
 * any constraint is checked, so the protocol layer answers it with HTTP 400
 * {@code SerializationException} and this message.
 */
public final class RequestSerializationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String path;

    RequestSerializationException(String path, String message) {
        // No stack trace: an expected answer to bad input, not a fault in the fake.
        super(message, null, false, false);
        this.path = path;
    }

    /** The member path in the validation-message notation, e.g. {@code tags.1.member.key}. */
    public String path() {
        return path;
    }
}
