package io.github.sagemakerfake.internal.protocol;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;

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
        if (!(headers instanceof Headers)) { // a Headers is in the kept form already: no second copy
            Headers.Builder copy = new Headers.Builder();
            headers.forEach(copy::add);
            headers = copy.build();
        }
        rawQuery = rawQuery == null ? "" : rawQuery;
    }

    /** The first value of a header, or null. */
    public String header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /**
     * Headers in the form a request keeps them: names case-insensitive, values of a name repeated
     * merged in order, nothing modifiable. A transport that builds them with {@link Builder}, or
     * hands a {@link #view view} of headers that cannot change, gives them to the request as they
     * are; any other map is copied into this form.
     */
    public abstract static sealed class Headers extends AbstractMap<String, List<String>> {

        private Headers() {
        }

        /**
         * A view of headers that never change (an SDK request's), looked up by name where they are:
         * the protocol reads two or three of them per request, so nothing is copied until something
         * walks them all (docs/benchmarks.md, "The cost of a test in process").
         *
         * @param lookup the values of a name, matched case-insensitively; empty or null when absent
         * @param each   every header with its values, for a walk over them all
         */
        public static Headers view(Function<String, List<String>> lookup,
                                   Consumer<BiConsumer<String, List<String>>> each) {
            return new View(lookup, each);
        }

        /** Collects headers; {@link #build()} once. */
        public static final class Builder {
            private TreeMap<String, List<String>> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

            /** Adds a header's values (copied), after any values of the same name already added. */
            public void add(String name, List<String> values) {
                byName.merge(name, List.copyOf(values), (a, b) -> {
                    List<String> all = new ArrayList<>(a);
                    all.addAll(b);
                    return List.copyOf(all);
                });
            }

            public Headers build() {
                Headers headers = new Kept(byName);
                byName = null; // no change after the request holds them
                return headers;
            }
        }
    }

    /** Headers copied in: a case-insensitive map. */
    private static final class Kept extends Headers {
        private final Map<String, List<String>> byName;

        Kept(TreeMap<String, List<String>> byName) {
            this.byName = Collections.unmodifiableMap(byName);
        }

        @Override
        public List<String> get(Object name) {
            return byName.get(name);
        }

        @Override
        public boolean containsKey(Object name) {
            return byName.containsKey(name);
        }

        @Override
        public int size() {
            return byName.size();
        }

        @Override
        public Set<Entry<String, List<String>>> entrySet() {
            return byName.entrySet();
        }
    }

    /** Headers read where they are; copied into a {@link Kept} form only for a walk over them all. */
    private static final class View extends Headers {
        private final Function<String, List<String>> lookup;
        private final Consumer<BiConsumer<String, List<String>>> each;
        private volatile Headers all;

        View(Function<String, List<String>> lookup, Consumer<BiConsumer<String, List<String>>> each) {
            this.lookup = lookup;
            this.each = each;
        }

        @Override
        public List<String> get(Object name) {
            if (!(name instanceof String s)) {
                return null;
            }
            List<String> values = lookup.apply(s);
            return values == null || values.isEmpty() ? null : Collections.unmodifiableList(values);
        }

        @Override
        public boolean containsKey(Object name) {
            return get(name) != null;
        }

        @Override
        public int size() {
            return all().size();
        }

        @Override
        public Set<Entry<String, List<String>>> entrySet() {
            return all().entrySet();
        }

        private Headers all() {
            Headers copy = all;
            if (copy == null) {
                Headers.Builder builder = new Headers.Builder();
                each.accept(builder::add);
                copy = builder.build();
                all = copy;
            }
            return copy;
        }
    }
}
