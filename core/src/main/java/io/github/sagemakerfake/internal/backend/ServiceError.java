package io.github.sagemakerfake.internal.backend;

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

    private final String code;
    private final int statusCode;

    public ServiceError(String code, int statusCode, String message) {
        super(message, null, false, false); // no stack trace: this is an answer, not a bug
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

    public String code() {
        return code;
    }

    public int statusCode() {
        return statusCode;
    }
}
