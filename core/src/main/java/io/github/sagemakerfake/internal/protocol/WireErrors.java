package io.github.sagemakerfake.internal.protocol;

import io.github.sagemakerfake.internal.error.ServiceError;
import io.github.sagemakerfake.internal.json.Json;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one writer of the wire's error form, shared by the protocol, the in-memory transports and
 * the HTTP server: {@code {"__type": code, "message": text}} with the HTTP status and
 * {@code x-amzn-RequestId}, whatever refused the request (an operation, the protocol, SigV4, an
 * HTTP limit, the admin API).
 */
public final class WireErrors {

    public static final String REQUEST_ID_HEADER = "x-amzn-RequestId";
    public static final String JSON_1_1 = "application/x-amz-json-1.1";
    /** The admin API's content type: plain JSON, not an AWS protocol. */
    public static final String JSON = "application/json";

    private WireErrors() {
    }

    /** An AWS error answer. */
    public static ProtocolResponse error(String requestId, ServiceError e) {
        return error(requestId, JSON_1_1, e.statusCode(), e.code(), e.getMessage());
    }

    public static ProtocolResponse error(String requestId, String contentType, int status, String code,
                                         String message) {
        return ProtocolResponse.http(status, headers(requestId, contentType), body(code, message));
    }

    /** The JSON body of an error. */
    private static byte[] body(String code, String message) {
        return Json.writeBytes(errorObject(code, message));
    }

    /** The error form, {@code {"__type": code, "message": text}}, as a JSON object: the only place it is built. */
    public static Map<String, Object> errorObject(String code, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("__type", code);
        body.put("message", message);
        return body;
    }

    /** A success (or any JSON) answer with the response headers every answer carries. */
    public static ProtocolResponse json(String requestId, String contentType, int status, Map<String, Object> body) {
        return ProtocolResponse.http(status, headers(requestId, contentType), Json.writeBytes(body));
    }

    public static Map<String, String> headers(String requestId, String contentType) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", contentType);
        headers.put(REQUEST_ID_HEADER, requestId);
        return headers;
    }

    /** The answer to an unexpected failure inside the fake: HTTP 500 InternalFailure, without a stack trace. */
    public static ServiceError internalFailure(RuntimeException e) {
        String detail = e.getMessage() == null ? "" : ": " + e.getMessage();
        if (detail.length() > 300) {
            detail = detail.substring(0, 300) + "...";
        }
        return new ServiceError("InternalFailure", 500, "The SageMaker Workforce Fake failed while answering this "
                + "request" + (detail.isEmpty() ? "" : " (" + detail.substring(2) + ")") + ". This is a bug in the fake, not in your "
                + "code; please report it with the request.");
    }
}
