package io.github.sagemakerfake.assertions;

import io.github.sagemakerfake.control.JournalEntry;
import io.github.sagemakerfake.internal.json.Json;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** How failure messages print values: strings quoted, lists in brackets, requests as compact JSON. */
final class Texts {

    /** Requests longer than this are cut in failure messages; the journal keeps them whole. */
    private static final int MAX_REQUEST_CHARS = 240;

    /** How many journal lines a failure message shows at most (the most recent ones). */
    static final int MAX_JOURNAL_LINES = 20;

    private Texts() {
    }

    static String quote(Object value) {
        return value == null ? "null" : value instanceof String s ? "\"" + s + "\"" : String.valueOf(value);
    }

    static String list(Collection<?> values) {
        return values.stream().map(Texts::quote).collect(Collectors.joining(", ", "[", "]"));
    }

    static String map(Map<String, ?> values) {
        return values.entrySet().stream()
                .map(e -> quote(e.getKey()) + "=" + quote(e.getValue()))
                .collect(Collectors.joining(", ", "{", "}"));
    }

    static String json(Object value) {
        return Json.write(value);
    }

    /** One journal entry on one line: sequence, operation, request, outcome. */
    static String call(JournalEntry entry) {
        String request = Json.write(entry.request());
        if (request.length() > MAX_REQUEST_CHARS) {
            request = request.substring(0, MAX_REQUEST_CHARS) + "...";
        }
        StringBuilder sb = new StringBuilder("#").append(entry.sequence()).append(' ').append(entry.operation())
                .append(' ').append(request).append(" -> ").append(entry.statusCode());
        if (entry.errorCode() != null) {
            sb.append(' ').append(entry.errorCode()).append(": ").append(entry.errorMessage());
        }
        if (entry.fault() != null) {
            sb.append(" (fault: ").append(entry.fault()).append(')');
        }
        return sb.toString();
    }

    /** The calls, one per indented line; only the most recent {@link #MAX_JOURNAL_LINES}. */
    static String calls(List<JournalEntry> entries) {
        if (entries.isEmpty()) {
            return "  (no requests)";
        }
        int skipped = Math.max(0, entries.size() - MAX_JOURNAL_LINES);
        StringBuilder sb = new StringBuilder();
        if (skipped > 0) {
            sb.append("  ... ").append(skipped).append(" earlier request(s)\n");
        }
        entries.subList(skipped, entries.size()).forEach(e -> sb.append("  ").append(call(e)).append('\n'));
        return sb.substring(0, sb.length() - 1);
    }

    static String plural(int count, String singular, String plural) {
        return count + " " + (count == 1 ? singular : plural);
    }
}
