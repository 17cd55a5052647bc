package io.github.sagemakerfake.internal.validation;

import java.util.List;

/**
 * A request broke one or more model constraints; the protocol layer answers it with HTTP 400
 * {@code ValidationException} and {@link #getMessage()} as the message, which is already the
 * complete AWS text ({@code "2 validation errors detected: ...; ..."}).
 */
public final class RequestValidationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final List<String> violations;

    RequestValidationException(List<String> violations) {
        this(violations, violations.size());
    }

    RequestValidationException(List<String> violations, int total) {
        // No stack trace: this is an expected answer to bad input, thrown per request, and the
        // trace would only ever point into the validator.
        super(aggregate(violations, total), null, false, false);
        this.violations = List.copyOf(violations);
    }

    /**
     * The violations listed, each {@code "Value '...' at '...' failed to satisfy constraint: ..."};
     * at most {@link RequestValidator#MAX_LISTED_VIOLATIONS}, the first ones found.
     */
    public List<String> violations() {
        return violations;
    }

    static String aggregate(List<String> violations) {
        return aggregate(violations, violations.size());
    }

    static String aggregate(List<String> violations, int total) {
        int n = violations.size();
        StringBuilder sb = new StringBuilder(64 * n + 40);
        sb.append(total).append(total == 1 ? " validation error detected: " : " validation errors detected: ");
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                sb.append("; ");
            }
            sb.append(violations.get(i));
        }
        if (total > n) {
            sb.append("; and ").append(total - n).append(" more not shown");
        }
        return sb.toString();
    }
}
