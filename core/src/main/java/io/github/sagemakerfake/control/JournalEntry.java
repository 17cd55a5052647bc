package io.github.sagemakerfake.control;

import io.github.sagemakerfake.internal.json.Json;
import io.github.sagemakerfake.internal.json.WireTime;
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
 */
public record JournalEntry(long sequence, Instant time, String requestId, String operation, String account,
                           String region, Map<String, Object> request, int statusCode, String errorCode,
                           String errorMessage, String fault) {

    public JournalEntry {
        request = Json.freeze(request == null ? Map.of() : request);
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
        return map;
    }

    @SuppressWarnings("unchecked")
    public static JournalEntry fromMap(Map<String, Object> map) {
        return new JournalEntry(((Number) map.get("Sequence")).longValue(), WireTime.instant(map.get("Time")),
                (String) map.get("RequestId"), (String) map.get("Operation"), (String) map.get("Account"),
                (String) map.get("Region"), (Map<String, Object>) map.get("Request"),
                ((Number) map.get("StatusCode")).intValue(), (String) map.get("ErrorCode"),
                (String) map.get("ErrorMessage"), (String) map.get("Fault"));
    }

    @Override
    public String toString() {
        return "#" + sequence + " " + operation + " [" + account + "/" + region + "] " + Json.write(request) + " -> "
                + statusCode + (errorCode == null ? "" : " " + errorCode + ": " + errorMessage)
                + (fault == null ? "" : " (fault: " + fault + ")");
    }
}
