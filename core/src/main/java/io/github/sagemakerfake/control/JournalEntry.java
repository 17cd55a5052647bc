package io.github.sagemakerfake.control;

import io.github.sagemakerfake.internal.json.Json;
import io.github.sagemakerfake.internal.json.WireTime;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One request the fake received, with what it answered. Sensitive members (ClientSecret) are
 * masked in {@link #request()}.
 *
 * @param sequence     position in the journal, from 1, in arrival order
 * @param time         the fake clock when the request arrived
 * @param requestId    the {@code x-amzn-RequestId} the fake answered with
 * @param operation    e.g. {@code CreateWorkteam}; the raw target for operations the fake does not serve
 * @param account      the account the request was attributed to
 * @param region       the region the request was attributed to
 * @param request      the request body (wire form); empty when it could not be parsed
 * @param statusCode   the HTTP status answered
 * @param errorCode    the {@code __type} answered, or null on success
 * @param errorMessage the error message answered, or null on success
 * @param fault        a description of the fault rule applied to this request, or null
 * @param requestTruncated true when the body was too large to keep whole: {@link #request()} then
 *                     holds a prefix of it (long strings cut and ending in {@code ...}, long lists
 *                     and objects cut short); see docs/limitations.md
 * @param latency      real time from the fake's receipt of the request to its answer, any latency
 *                     fault included; null when not measured
 * @param response     the response body answered (wire form; an error's is {@code __type} and
 *                     {@code message}), bounded like the request; null when none was sent (a
 *                     connection fault) or not recorded
 * @param responseTruncated true when {@link #response()} holds only a prefix of the body
 */
public record JournalEntry(long sequence, Instant time, String requestId, String operation, String account,
                           String region, Map<String, Object> request, int statusCode, String errorCode,
                           String errorMessage, String fault, boolean requestTruncated, Duration latency,
                           Map<String, Object> response, boolean responseTruncated) {

    public JournalEntry {
        request = Json.freeze(request == null ? Map.of() : request);
        response = response == null ? null : Json.freeze(response);
    }

    /** An entry without latency or response body. */
    public JournalEntry(long sequence, Instant time, String requestId, String operation, String account,
                        String region, Map<String, Object> request, int statusCode, String errorCode,
                        String errorMessage, String fault, boolean requestTruncated) {
        this(sequence, time, requestId, operation, account, region, request, statusCode, errorCode, errorMessage,
                fault, requestTruncated, null, null, false);
    }

    /** An entry whose request body is kept whole. */
    public JournalEntry(long sequence, Instant time, String requestId, String operation, String account,
                        String region, Map<String, Object> request, int statusCode, String errorCode,
                        String errorMessage, String fault) {
        this(sequence, time, requestId, operation, account, region, request, statusCode, errorCode, errorMessage,
                fault, false);
    }

    public boolean succeeded() {
        return errorCode == null;
    }

    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("Sequence", sequence);
        map.put("Time", WireTime.epochSeconds(time));
        map.put("RequestId", requestId);
        map.put("Operation", operation);
        map.put("Account", account);
        map.put("Region", region);
        map.put("Request", request);
        map.put("StatusCode", statusCode);
        map.put("ErrorCode", errorCode);
        map.put("ErrorMessage", errorMessage);
        map.put("Fault", fault);
        map.put("RequestTruncated", requestTruncated);
        map.put("LatencyMillis", latency == null ? null
                : BigDecimal.valueOf(latency.toNanos(), 6).setScale(3, RoundingMode.HALF_UP));
        map.put("Response", response);
        map.put("ResponseTruncated", responseTruncated);
        return map;
    }

    @SuppressWarnings("unchecked")
    public static JournalEntry fromMap(Map<String, Object> map) {
        return new JournalEntry(((Number) map.get("Sequence")).longValue(), WireTime.instant(map.get("Time")),
                (String) map.get("RequestId"), (String) map.get("Operation"), (String) map.get("Account"),
                (String) map.get("Region"), (Map<String, Object>) map.get("Request"),
                ((Number) map.get("StatusCode")).intValue(), (String) map.get("ErrorCode"),
                (String) map.get("ErrorMessage"), (String) map.get("Fault"),
                Boolean.TRUE.equals(map.get("RequestTruncated")),
                map.get("LatencyMillis") instanceof Number n
                        ? Duration.ofNanos(new BigDecimal(n.toString()).movePointRight(6).longValue()) : null,
                (Map<String, Object>) map.get("Response"), Boolean.TRUE.equals(map.get("ResponseTruncated")));
    }

    @Override
    public String toString() {
        return "#" + sequence + " " + operation + " [" + account + "/" + region + "] " + Json.write(request) + " -> "
                + statusCode + (errorCode == null ? "" : " " + errorCode + ": " + errorMessage)
                + (requestTruncated ? " (request truncated)" : "")
                + (fault == null ? "" : " (fault: " + fault + ")");
    }
}
