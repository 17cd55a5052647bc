package io.github.sagemakerfake.control;

import io.github.sagemakerfake.internal.json.Json;
import io.github.sagemakerfake.internal.json.JsonNumbers;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The answer of a stubbed operation, one the fake does not serve itself (docs/stubbing.md): a
 * response body, or an error as the service would send it ({@code {"__type": code, "message": ...}}
 * with an HTTP status). The SDKs turn it into their usual result or exception.
 *
 * <pre>{@code
 * fake.stub("CreateModel", StubAnswer.json("{\"ModelArn\":\"arn:aws:sagemaker:us-east-1:123456789012:model/m\"}"));
 * fake.stub("DescribeModel", StubAnswer.error("ValidationException", 400, "Could not find model m."));
 * }</pre>
 *
 * <p>Immutable. {@link #toMap()} is the admin API's form ({@code POST /_fake/stubs}).
 */
public final class StubAnswer {

    private final Map<String, Object> response;
    private final String errorCode;
    private final int statusCode;
    private final String message;

    private StubAnswer(Map<String, Object> response, String errorCode, int statusCode, String message) {
        this.response = response;
        this.errorCode = errorCode;
        this.statusCode = statusCode;
        this.message = message;
    }

    /** A successful answer with this body, a JSON object. */
    @SuppressWarnings("unchecked")
    public static StubAnswer json(String responseJson) {
        Object parsed;
        try {
            parsed = Json.parse(Objects.requireNonNull(responseJson, "responseJson"));
        } catch (Json.ParseException e) {
            throw new IllegalArgumentException("A stubbed response is a JSON object such as {\"ModelArn\":\"...\"}; "
                    + "this text is not valid JSON: " + e.getMessage(), e);
        }
        if (!(parsed instanceof Map)) {
            throw new IllegalArgumentException("A stubbed response is a JSON object such as {\"ModelArn\":\"...\"}; "
                    + "got " + responseJson);
        }
        return of((Map<String, Object>) parsed);
    }

    /** A successful answer with this body (JSON values: maps, lists, strings, numbers, booleans). */
    public static StubAnswer of(Map<String, Object> response) {
        return new StubAnswer(Json.freeze(Objects.requireNonNull(response, "response")), null, 200, null);
    }

    /** An error answer: the SDK raises its exception for {@code errorCode} (a modeled one when it knows it). */
    public static StubAnswer error(String errorCode, int statusCode, String message) {
        if (errorCode == null || errorCode.isBlank()) {
            throw new IllegalArgumentException("A stubbed error needs an error code such as \"ValidationException\"");
        }
        if (statusCode < 400 || statusCode > 599) {
            throw new IllegalArgumentException("A stubbed error needs an HTTP status from 400 to 599; got " + statusCode);
        }
        return new StubAnswer(null, errorCode, statusCode, message == null ? "" : message);
    }

    public boolean isError() {
        return errorCode != null;
    }

    /** The response body of a successful answer; null for an error. */
    public Map<String, Object> response() {
        return response;
    }

    public String errorCode() {
        return errorCode;
    }

    public int statusCode() {
        return statusCode;
    }

    public String message() {
        return message;
    }

    /** {@code {"Response": {...}}} or {@code {"Error": {"Code", "StatusCode", "Message"}}}. */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        if (isError()) {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("Code", errorCode);
            error.put("StatusCode", statusCode);
            error.put("Message", message);
            map.put("Error", error);
        } else {
            map.put("Response", response);
        }
        return map;
    }

    /** Reads {@link #toMap()}'s form. */
    @SuppressWarnings("unchecked")
    public static StubAnswer fromMap(Map<String, Object> map) {
        Object response = map.get("Response");
        Object error = map.get("Error");
        if ((response == null) == (error == null)) {
            throw new IllegalArgumentException("A stub answers with exactly one of \"Response\": {...} or \"Error\": "
                    + "{\"Code\": \"ValidationException\", \"StatusCode\": 400, \"Message\": \"...\"}");
        }
        if (response != null) {
            if (!(response instanceof Map)) {
                throw new IllegalArgumentException("\"Response\" must be a JSON object: the response body");
            }
            return of((Map<String, Object>) response);
        }
        if (!(error instanceof Map)) {
            throw new IllegalArgumentException("\"Error\" must be an object {\"Code\", \"StatusCode\", \"Message\"}");
        }
        Map<String, Object> e = (Map<String, Object>) error;
        if (!(e.get("Code") instanceof String code) || !(e.get("StatusCode") instanceof Number status)
                || (e.get("Message") != null && !(e.get("Message") instanceof String))) {
            throw new IllegalArgumentException("\"Error\" needs \"Code\" (a string), \"StatusCode\" (400 to 599) and "
                    + "optionally \"Message\" (a string)");
        }
        return error(code, (int) JsonNumbers.wholeNumber(status, "Error.StatusCode", 400, 599, "an HTTP status"),
                (String) e.get("Message"));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StubAnswer other && toMap().equals(other.toMap());
    }

    @Override
    public int hashCode() {
        return toMap().hashCode();
    }

    @Override
    public String toString() {
        return "StubAnswer" + Json.write(toMap());
    }
}
