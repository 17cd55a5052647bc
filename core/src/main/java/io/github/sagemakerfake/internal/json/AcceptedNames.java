package io.github.sagemakerfake.internal.json;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The names a document or a request may use (JSON members, query parameters), and the one check
 * that refuses any other: an unknown or wrongly cased name is an error that names the accepted
 * ones, never silently ignored. Names are case-sensitive, as AWS's are; a name that differs only
 * in case gets a "did you mean" hint. The admin API (docs/server.md, "Strict admin requests") and
 * the seed document (docs/seeding.md) check with it.
 */
public final class AcceptedNames {

    private final String kind;
    private final String where;
    private final Set<String> names;
    private final List<String> order;

    private AcceptedNames(String kind, String where, Collection<String> names) {
        this.kind = kind;
        this.where = where;
        this.names = Set.copyOf(new LinkedHashSet<>(names));
        this.order = List.copyOf(new LinkedHashSet<>(names));
    }

    /**
     * @param kind  what the names are, e.g. "member" or "query parameter"
     * @param where what takes them, e.g. "a seed document" or "POST /_fake/reset"
     * @param names the accepted names, in the order messages list them
     */
    public static AcceptedNames of(String kind, String where, String... names) {
        return new AcceptedNames(kind, where, List.of(names));
    }

    public static AcceptedNames of(String kind, String where, Collection<String> names) {
        return new AcceptedNames(kind, where, names);
    }

    /** The accepted names, in their declared order. */
    public List<String> names() {
        return order;
    }

    public boolean accepts(String name) {
        return names.contains(name);
    }

    /**
     * Refuses any name that is not accepted.
     *
     * @throws IllegalArgumentException naming the first unknown names and every accepted one
     */
    public void check(Collection<String> given) {
        List<String> unknown = new ArrayList<>();
        for (String name : given) {
            if (!names.contains(name)) {
                unknown.add(name);
            }
        }
        if (unknown.isEmpty()) {
            return;
        }
        StringBuilder message = new StringBuilder();
        message.append(where).append(unknown.size() == 1 ? " has no " + kind + " " : " has no " + kind + "s ");
        for (int i = 0; i < unknown.size(); i++) {
            message.append(i == 0 ? "" : ", ").append('\'').append(unknown.get(i)).append('\'');
            String hint = sameIgnoringCase(unknown.get(i));
            if (hint != null) {
                message.append(" (names are case-sensitive: did you mean '").append(hint).append("'?)");
            }
        }
        message.append(order.isEmpty() ? "; it takes no " + kind + "s." : "; it takes: " + String.join(", ", order)
                + ".");
        throw new IllegalArgumentException(message.toString());
    }

    private String sameIgnoringCase(String name) {
        for (String accepted : order) {
            if (accepted.equalsIgnoreCase(name)) {
                return accepted;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return kind + "s of " + where + ": " + order;
    }
}
