package io.github.sagemakerfake.internal.error;

/**
 * An error the fake answers with, as the service would: the wire code ({@code __type}), the HTTP
 * status and the message. Thrown by the rules, turned into a response by the protocol layer.
 */
public final class ServiceError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    // Modeled SageMaker errors: the wire code is the shape name, which the SDK maps to
    // ResourceInUseException, ResourceLimitExceededException, ResourceNotFoundException, ConflictException.
    public static final String RESOURCE_IN_USE = "ResourceInUse";
    public static final String RESOURCE_LIMIT_EXCEEDED = "ResourceLimitExceeded";
    public static final String RESOURCE_NOT_FOUND = "ResourceNotFound";
    public static final String CONFLICT = "ConflictException";
    // Coral framework errors, not modeled: the SDK raises a plain SageMakerException with this code.
    public static final String VALIDATION = "ValidationException";
    public static final String SERIALIZATION = "SerializationException";
    public static final String UNKNOWN_OPERATION = "UnknownOperationException";

    /** DECISION: how much of a header or other raw value an error message echoes, in characters. */
    public static final int MAX_ECHO_CHARS = 256;
    /** A last bound on any message, in characters: past it the message is cut and ends in "...". */
    public static final int MAX_MESSAGE_CHARS = 32 * 1024;

    private final String code;
    private final int statusCode;

    public ServiceError(String code, int statusCode, String message) {
        super(bounded(message), null, false, false); // no stack trace: this is an answer, not a bug
        this.code = code;
        this.statusCode = statusCode;
    }

    public static ServiceError validation(String message) {
        return new ServiceError(VALIDATION, 400, message);
    }

    public static ServiceError resourceInUse(String message) {
        return new ServiceError(RESOURCE_IN_USE, 400, message);
    }

    public static ServiceError limitExceeded(String message) {
        return new ServiceError(RESOURCE_LIMIT_EXCEEDED, 400, message);
    }

    public static ServiceError notFound(String message) {
        return new ServiceError(RESOURCE_NOT_FOUND, 400, message);
    }

    public static ServiceError conflict(String message) {
        return new ServiceError(CONFLICT, 400, message);
    }

    /** A value as an error message echoes it: whole when short, else its first characters and "...". */
    public static String echo(Object value) {
        String text = String.valueOf(value);
        return text.length() <= MAX_ECHO_CHARS ? text : text.substring(0, MAX_ECHO_CHARS) + "...";
    }

    private static String bounded(String message) {
        return message == null || message.length() <= MAX_MESSAGE_CHARS ? message
                : message.substring(0, MAX_MESSAGE_CHARS) + "...";
    }

    public String code() {
        return code;
    }

    public int statusCode() {
        return statusCode;
    }
}
