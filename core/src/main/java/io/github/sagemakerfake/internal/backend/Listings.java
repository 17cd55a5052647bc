package io.github.sagemakerfake.internal.backend;

import static io.github.sagemakerfake.internal.backend.WireMaps.single;
import static io.github.sagemakerfake.internal.backend.WireMaps.str;

import io.github.sagemakerfake.internal.json.WireTime;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What every List operation shares: sorting and paging ({@link Pages}), the NameContains filter and
 * the response form. docs/fidelity.md ("Listing and pagination") lists the rules.
 */
final class Listings {

    private Listings() {
    }

    /** A page of {@code items} in the request's SortOrder, from its NextToken, of at most its MaxResults. */
    static <T> Pages.Page<T> sortAndPage(List<T> items, Pages.Order<T> order, Map<String, Object> r, String query) {
        boolean descending = "Descending".equals(str(r, "SortOrder"));
        return Pages.page(items, order, descending, query, str(r, "NextToken"), r.get("MaxResults"),
                Pages.DEFAULT_MAX_RESULTS);
    }

    /** NameContains matches case-insensitively, as SageMaker's other NameContains filters (docs/fidelity.md). */
    static boolean nameContains(String name, String contains) {
        return contains == null || name.toLowerCase(Locale.ROOT).contains(contains.toLowerCase(Locale.ROOT));
    }

    /** {@code {key: items, "NextToken": nextToken}}, the token only when there is a next page. */
    static Map<String, Object> listResponse(String key, List<Object> items, String nextToken) {
        Map<String, Object> map = single(key, items);
        if (nextToken != null) {
            map.put("NextToken", nextToken);
        }
        return map;
    }

    /** A timestamp filter member, or null when absent. */
    static Instant time(Object epochSeconds) {
        return epochSeconds == null ? null : WireTime.instant(epochSeconds);
    }
}
