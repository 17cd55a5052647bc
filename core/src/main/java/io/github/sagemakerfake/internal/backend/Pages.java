package io.github.sagemakerfake.internal.backend;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Cursor pagination with opaque NextTokens. A token names the last item returned (by a key that
 * sorts like the listing) and the query it belongs to, so pages stay correct when items are
 * created or deleted between calls, and a token replayed with other filters is refused.
 */
final class Pages {

    static final int DEFAULT_MAX_RESULTS = 10;

    private Pages() {
    }

    record Page<T>(List<T> items, String nextToken) {
    }

    /**
     * @param sorted      the items, already filtered and sorted as the listing requires
     * @param key         a unique key per item whose natural order matches ascending listing order
     * @param descending  whether the listing runs in descending key order
     * @param query       the operation and the filters, bound into the token
     */
    static <T> Page<T> page(List<T> sorted, Function<T, String> key, boolean descending, String query,
                            String nextToken, Object maxResults, int defaultMax) {
        // Validation bounds MaxResults below; ListTags has no upper bound, so clamp huge values here.
        long max = maxResults == null ? defaultMax
                : ((BigDecimal) maxResults).min(BigDecimal.valueOf(Integer.MAX_VALUE)).longValue();
        int start = 0;
        if (nextToken != null && !nextToken.isEmpty()) {
            String lastKey = decode(nextToken, query);
            Comparator<String> order = descending ? Comparator.<String>reverseOrder() : Comparator.naturalOrder();
            while (start < sorted.size() && order.compare(key.apply(sorted.get(start)), lastKey) <= 0) {
                start++;
            }
        }
        int end = (int) Math.min(sorted.size(), start + max);
        List<T> items = new ArrayList<>(sorted.subList(start, end));
        String token = end < sorted.size() ? encode(query, key.apply(sorted.get(end - 1))) : null;
        return new Page<>(items, token);
    }

    /** The query part of a token: the operation and each filter that shapes the listing. */
    static String query(String operation, Map<String, Object> request, String... members) {
        StringBuilder sb = new StringBuilder(operation);
        for (String member : members) {
            sb.append('\u0001').append(member).append('=').append(request.get(member));
        }
        return sb.toString();
    }

    private static String encode(String query, String lastKey) {
        String raw = Integer.toHexString(query.hashCode()) + "\u0000" + lastKey;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String token, String query) {
        String raw;
        try {
            raw = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        int sep = raw.indexOf('\u0000');
        if (sep < 0 || !raw.substring(0, sep).equals(Integer.toHexString(query.hashCode()))) {
            throw invalid();
        }
        return raw.substring(sep + 1);
    }

    private static ServiceError invalid() {
        return ServiceError.validation("The NextToken is not valid for this request. Pass the NextToken from the "
                + "previous response of the same operation, with the same filters and sort order.");
    }
}
