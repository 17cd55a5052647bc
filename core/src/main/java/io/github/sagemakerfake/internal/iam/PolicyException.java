package io.github.sagemakerfake.internal.iam;

/**
 * A policy refused at configuration: the message names where it came from, the place in the
 * document (a JSON path such as {@code $.Statement[1].Condition}) and the reason.
 */
public final class PolicyException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    PolicyException(String message, Throwable cause) {
        super(message, cause);
    }
}
