package io.github.sagemakerfake.internal.protocol;

import io.github.sagemakerfake.internal.backend.Operation;
import io.github.sagemakerfake.internal.backend.ServiceError;
import io.github.sagemakerfake.internal.backend.WorkforceBackend;
import io.github.sagemakerfake.control.FaultRule;
import io.github.sagemakerfake.internal.json.Json;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The awsJson1_1 protocol (facts §4): {@code POST /} with {@code X-Amz-Target: SageMaker.<Op>},
 * a JSON body, and errors as {@code {"__type": code, "message": text}} with the HTTP status, each
 * response carrying {@code x-amzn-RequestId}. Transport-independent: the in-memory SDK HTTP
 * clients and the HTTP server both hand their bytes to {@link #handle(ProtocolRequest)}.
 */
public final class AwsJsonProtocol {

    static final String CONTENT_TYPE = "application/x-amz-json-1.1";
    private static final String TARGET_PREFIX = "SageMaker.";

    private static final byte[] MALFORMED_BODY = utf8("<html><body>Bad Gateway (malformed response injected by "
            + "the SageMaker Workforce Fake)</body></html>");

    private final WorkforceBackend backend;
    private final FaultEngine faults = new FaultEngine();

    public AwsJsonProtocol(WorkforceBackend backend) {
        this.backend = backend;
    }

    public FaultEngine faults() {
        return faults;
    }

    public WorkforceBackend backend() {
        return backend;
    }

    public ProtocolResponse handle(ProtocolRequest request) {
        String requestId = RequestIds.next();
        Instant arrived = backend.clock().now();
        RequestIdentity identity = RequestIdentity.of(request.header("Authorization"),
                backend.settings().defaultAccount(), backend.settings().defaultRegion());
        String target = request.header("X-Amz-Target");
        String operationName = target == null ? "(no X-Amz-Target)"
                : target.startsWith(TARGET_PREFIX) ? target.substring(TARGET_PREFIX.length()) : target;
        Map<String, Object> body = Map.of();
        FaultRule fault = null;
        Map<String, Object> result = null;
        ServiceError error = null;
        try {
            Operation op = route(request, target);
            body = parseBody(request);
            fault = faults.select(op.wireName(), body);
            if (fault != null) {
                applyLatency(fault);
            }
            boolean failsProvisioning = fault != null && fault.outcome() == FaultRule.Outcome.PROVISIONING_FAILURE;
            boolean faulted = fault != null && fault.outcome() != FaultRule.Outcome.NONE && !failsProvisioning;
            if (!faulted || fault.phase() == FaultRule.Phase.AFTER_STATE_CHANGE) {
                try {
                    result = backend.execute(op, identity.account(), identity.region(), body,
                            failsProvisioning ? fault.message() : null);
                } catch (ServiceError e) {
                    error = e;
                } catch (RuntimeException e) { // a bug of ours: answer as the service would, never crash the caller
                    error = internalFailure(e);
                }
            }
            if (faulted) {
                result = null; // the fault replaces whatever the operation answered
                error = fault.outcome() == FaultRule.Outcome.ERROR
                        ? new ServiceError(fault.errorCode(), fault.statusCode(), fault.message()) : null;
            }
        } catch (ServiceError e) {
            error = e;
        }
        ProtocolResponse.ConnectionFault connectionFault = fault == null ? null : connectionFault(fault.outcome());
        ProtocolResponse response = connectionFault != null ? connectionFaultResponse(requestId, connectionFault)
                : error != null ? error(requestId, error) : success(requestId, result);
        backend.journal().record(arrived, requestId, operationName, identity.account(), identity.region(),
                redact(body), connectionFault != null ? 0 : response.statusCode(),
                connectionFault != null ? connectionFault.name() : error == null ? null : error.code(),
                error == null ? null : error.getMessage(), fault == null ? null : fault.describe());
        return response;
    }

    private void applyLatency(FaultRule fault) {
        long min = fault.minLatency().toNanos();
        long max = fault.maxLatency().toNanos();
        long nanos = max > min ? ThreadLocalRandom.current().nextLong(min, max + 1) : min;
        if (nanos == 0) {
            return;
        }
        if (backend.clock().isManual()) {
            backend.clock().advance(Duration.ofNanos(nanos)); // latency observed through the clock, no waiting
            return;
        }
        try {
            Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The answer to an unexpected failure inside the fake: HTTP 500 InternalFailure, without a stack trace. */
    public static ServiceError internalFailure(RuntimeException e) {
        String detail = e.getMessage() == null ? "" : ": " + e.getMessage();
        if (detail.length() > 300) {
            detail = detail.substring(0, 300) + "...";
        }
        return new ServiceError("InternalFailure", 500, "The SageMaker Workforce Fake failed while answering this "
                + "request (" + e.getClass().getSimpleName() + detail + "). This is a bug in the fake, not in your "
                + "code; please report it with the request.");
    }

    private static ProtocolResponse.ConnectionFault connectionFault(FaultRule.Outcome outcome) {
        return switch (outcome) {
            case CONNECTION_RESET -> ProtocolResponse.ConnectionFault.CONNECTION_RESET;
            case EMPTY_RESPONSE -> ProtocolResponse.ConnectionFault.EMPTY_RESPONSE;
            case MALFORMED_RESPONSE -> ProtocolResponse.ConnectionFault.MALFORMED_RESPONSE;
            case NONE, ERROR, PROVISIONING_FAILURE -> null;
        };
    }

    private static ProtocolResponse connectionFaultResponse(String requestId, ProtocolResponse.ConnectionFault fault) {
        return fault == ProtocolResponse.ConnectionFault.MALFORMED_RESPONSE
                ? new ProtocolResponse(200, headers(requestId), MALFORMED_BODY, fault)
                : new ProtocolResponse(0, Map.of(), new byte[0], fault);
    }

    private static Operation route(ProtocolRequest request, String target) {
        if (!"POST".equals(request.method()) || !"/".equals(request.path())) {
            throw new ServiceError(ServiceError.UNKNOWN_OPERATION, 404, "The SageMaker API answers POST / only; got "
                    + request.method() + " " + request.path() + ". Point the client at the endpoint root.");
        }
        if (target == null || target.isBlank()) {
            throw new ServiceError(ServiceError.UNKNOWN_OPERATION, 400, "The request has no X-Amz-Target header; "
                    + "awsJson1_1 requests name their operation as X-Amz-Target: SageMaker.<Operation>.");
        }
        String contentType = request.header("Content-Type");
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("application/x-amz-json-1.")) {
            throw new ServiceError(ServiceError.SERIALIZATION, 400, "Unsupported Content-Type '" + contentType
                    + "'; send application/x-amz-json-1.1.");
        }
        if (!target.startsWith(TARGET_PREFIX)) {
            throw new ServiceError(ServiceError.UNKNOWN_OPERATION, 400, "Unknown target " + target
                    + "; this endpoint serves SageMaker.<Operation>.");
        }
        String name = target.substring(TARGET_PREFIX.length());
        Operation op = Operation.fromWireName(name);
        if (op == null) {
            throw new ServiceError(ServiceError.UNKNOWN_OPERATION, 400, "Operation " + name + " is not served by the "
                    + "SageMaker Workforce Fake. It serves: " + Operation.servedNames() + ".");
        }
        return op;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> parseBody(ProtocolRequest request) {
        byte[] bytes = request.body();
        if (bytes == null || bytes.length == 0) {
            return new LinkedHashMap<>(); // the SDK treats an absent body as {}; so does the fake
        }
        Object parsed;
        try {
            parsed = Json.parse(bytes);
        } catch (Json.ParseException e) {
            throw new ServiceError(ServiceError.SERIALIZATION, 400, "The request body is not valid JSON: "
                    + e.getMessage());
        }
        if (!(parsed instanceof Map)) {
            throw new ServiceError(ServiceError.SERIALIZATION, 400,
                    "The request body must be a JSON object; found " + kind(parsed) + ".");
        }
        return (Map<String, Object>) parsed;
    }

    private static String kind(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof List) {
            return "an array";
        }
        if (value instanceof String) {
            return "a string";
        }
        return value instanceof Boolean ? "a boolean" : "a number";
    }

    /** ClientSecret never reaches the journal. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> redact(Map<String, Object> body) {
        Map<String, Object> copy = new LinkedHashMap<>();
        body.forEach((k, v) -> {
            if ("ClientSecret".equals(k) && v != null) {
                copy.put(k, "*** redacted ***");
            } else if (v instanceof Map) {
                copy.put(k, redact((Map<String, Object>) v));
            } else {
                copy.put(k, Json.copy(v));
            }
        });
        return copy;
    }

    static ProtocolResponse success(String requestId, Map<String, Object> result) {
        return new ProtocolResponse(200, headers(requestId), Json.writeBytes(result), null);
    }

    static ProtocolResponse error(String requestId, ServiceError e) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("__type", e.code());
        body.put("message", e.getMessage());
        return new ProtocolResponse(e.statusCode(), headers(requestId), Json.writeBytes(body), null);
    }

    private static Map<String, String> headers(String requestId) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", CONTENT_TYPE);
        headers.put("x-amzn-RequestId", requestId);
        return headers;
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
