package io.github.sagemakerfake.internal.protocol;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An HTTP request as the protocol layer sees it, whichever transport carried it.
 *
 * @param method   the HTTP method
 * @param path     the request path, without the query
 * @param rawQuery the raw query string, or empty
 * @param headers  header values by name; names are matched case-insensitively
 * @param body     the request body
 */
public record ProtocolRequest(String method, String path, String rawQuery, Map<String, List<String>> headers,
                              byte[] body) {

    public ProtocolRequest {
        TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((k, v) -> copy.merge(k, List.copyOf(v), (a, b) -> {
            List<String> all = new ArrayList<>(a);
            all.addAll(b);
            return List.copyOf(all);
        }));
        headers = Collections.unmodifiableMap(copy);
        rawQuery = rawQuery == null ? "" : rawQuery;
    }

    /** The first value of a header, or null. */
    public String header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
