package io.github.sagemakerfake.internal.backend;

import io.github.sagemakerfake.internal.error.ServiceError;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.function.Function;

/**
 * Cursor pagination with opaque NextTokens. A token names the last item returned (by its sort key)
 * and the query it belongs to, so pages stay correct when items are created or deleted between
 * calls (no item that exists throughout is listed twice or skipped), and a token replayed with
 * other filters is refused.
 *
 * <p>Each call sorts once, with a comparator over the items' fields, and finds where the page
 * starts by binary search: a full listing of n items in pages of p costs O((n/p) n log n) at worst
 * and no text formatting per comparison.
 */
final class Pages {

    static final int DEFAULT_MAX_RESULTS = 10;

    private Pages() {
    }

    record Page<T>(List<T> items, String nextToken) {
    }

    /**
     * How a listing orders its items and names a position in that order.
     *
     * @param order  the ascending order, total over the items (ties broken by a unique field)
     * @param cursor the token text naming an item's position
     * @param probe  an item, possibly partial, that sorts exactly where the named one did; null
     *               when the text is not a cursor of this listing
     */
    record Order<T>(Comparator<T> order, Function<T, String> cursor, Function<String, T> probe) {
    }

    /**
     * @param items      the items, already filtered; sorted here
     * @param descending whether the listing runs in descending order
     * @param query      the operation and the filters, bound into the token
     */
    static <T> Page<T> page(List<T> items, Order<T> order, boolean descending, String query, String nextToken,
                            Object maxResults, int defaultMax) {
        // Validation bounds MaxResults below; ListTags has no upper bound, so clamp huge values here.
        long max = maxResults == null ? defaultMax
                : ((BigDecimal) maxResults).min(BigDecimal.valueOf(Integer.MAX_VALUE)).longValue();
        Comparator<T> comparator = descending ? order.order().reversed() : order.order();
        List<T> sorted = new ArrayList<>(items);
        sorted.sort(comparator);
        int start = 0;
        if (nextToken != null && !nextToken.isEmpty()) {
            T last = order.probe().apply(decode(nextToken, query));
            if (last == null) {
                throw invalid();
            }
            start = firstAfter(sorted, last, comparator);
        }
        int end = (int) Math.min(sorted.size(), start + max);
        List<T> page = new ArrayList<>(sorted.subList(start, end));
        String token = end < sorted.size() ? encode(query, order.cursor().apply(sorted.get(end - 1))) : null;
        return new Page<>(page, token);
    }

    /**
     * A page of a set kept in the listing's order (ascending by {@code order}): no sort at all, the
     * page starts at the cursor in O(log n) and reads only as far as it needs. A full listing of n
     * items costs O(n log n) in all, whatever the page size.
     *
     * @param filter which items the listing shows (its NameContains filter, say)
     */
    static <T> Page<T> page(NavigableSet<T> ascending, Order<T> order, java.util.function.Predicate<T> filter,
                            boolean descending, String query, String nextToken, Object maxResults, int defaultMax) {
        long max = maxResults == null ? defaultMax
                : ((BigDecimal) maxResults).min(BigDecimal.valueOf(Integer.MAX_VALUE)).longValue();
        NavigableSet<T> view = descending ? ascending.descendingSet() : ascending;
        if (nextToken != null && !nextToken.isEmpty()) {
            T last = order.probe().apply(decode(nextToken, query));
            if (last == null) {
                throw invalid();
            }
            view = view.tailSet(last, false);
        }
        List<T> page = new ArrayList<>();
        boolean more = false;
        for (T item : view) {
            if (!filter.test(item)) {
                continue;
            }
            if (page.size() == max) {
                more = true;
                break;
            }
            page.add(item);
        }
        String token = more ? encode(query, order.cursor().apply(page.get(page.size() - 1))) : null;
        return new Page<>(page, token);
    }

    /** The index of the first item that sorts after {@code last}. */
    private static <T> int firstAfter(List<T> sorted, T last, Comparator<T> comparator) {
        int low = 0;
        int high = sorted.size();
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (comparator.compare(sorted.get(mid), last) <= 0) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    /** An order by one unique text field; the cursor is the field itself. */
    static <T> Order<T> byText(Function<T, String> field, Function<String, T> probe) {
        return new Order<>(Comparator.comparing(field), field, probe);
    }

    /** An order by time (epoch milliseconds), then by a unique text field; the cursor holds both. */
    static <T> Order<T> byTimeThenText(Function<T, Long> millis, Function<T, String> text,
                                       java.util.function.BiFunction<Long, String, T> probe) {
        return byTimeThenText(Comparator.<T>comparingLong(t -> millis.apply(t)).thenComparing(text), millis, text,
                probe);
    }

    /** As above, with the comparator given (the one a sorted set of the items already uses). */
    static <T> Order<T> byTimeThenText(Comparator<T> order, Function<T, Long> millis, Function<T, String> text,
                                       java.util.function.BiFunction<Long, String, T> probe) {
        return new Order<>(order, t -> millis.apply(t) + "\u0000" + text.apply(t), cursor -> {
            int sep = cursor.indexOf('\u0000');
            if (sep < 0) {
                return null;
            }
            try {
                return probe.apply(Long.parseLong(cursor.substring(0, sep)), cursor.substring(sep + 1));
            } catch (NumberFormatException e) {
                return null;
            }
        });
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
