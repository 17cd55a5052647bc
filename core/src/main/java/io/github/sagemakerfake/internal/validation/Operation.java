package io.github.sagemakerfake.internal.validation;

import java.util.List;
import java.util.Objects;

/**
 * One operation of the service model: its wire name and the shapes it reads, returns and throws.
 *
 * <p>Internal: public only so that the protocol layer can map {@code X-Amz-Target} to the input
 * shape handed to {@link RequestValidator#validate(String, java.util.Map)}.
 */
public record Operation(String name, String input, String output, List<String> errors) {
    public Operation {
        Objects.requireNonNull(name, "name");
        errors = List.copyOf(errors);
    }
}
