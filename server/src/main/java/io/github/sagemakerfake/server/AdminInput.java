package io.github.sagemakerfake.server;

import io.github.sagemakerfake.internal.json.AcceptedNames;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one check every admin endpoint runs on what it was sent (docs/server.md, "Strict admin
 * requests"): each endpoint names the query parameters and JSON members it takes, and a request
 * with any other name, a name in the wrong case, a repeated parameter or a body where none belongs
 * is a 400 naming the accepted ones, before anything is done. An endpoint added later declares its
 * names here the same way, so "reset one account" never silently becomes "reset everything".
 */
final class AdminInput {

    private AdminInput() {
    }

    /**
     * The query parameters of {@code where}, each at most once and each one of {@code accepted}.
     *
     * @throws AdminApi.Refusal a 400 naming the accepted parameters
     */
    static Map<String, String> query(String where, String rawQuery, String... accepted) {
        AcceptedNames names = AcceptedNames.of("query parameter", where, accepted);
        Map<String, String> map = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return map;
        }
        List<String[]> pairs = new ArrayList<>();
        for (String part : rawQuery.split("&", -1)) {
            if (part.isEmpty()) {
                continue;
            }
            int eq = part.indexOf('=');
            try {
                pairs.add(new String[] {
                        URLDecoder.decode(eq < 0 ? part : part.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(eq < 0 ? "" : part.substring(eq + 1), StandardCharsets.UTF_8)});
            } catch (IllegalArgumentException e) {
                throw AdminApi.invalid("The query string is not URL-encoded correctly: " + rawQuery);
            }
        }
        check(names, pairs.stream().map(p -> p[0]).toList());
        for (String[] pair : pairs) {
            if (map.put(pair[0], pair[1]) != null) {
                throw AdminApi.invalid(where + " got the query parameter '" + pair[0] + "' more than once; give "
                        + "it once.");
            }
        }
        return map;
    }

    /** Refuses names outside {@code accepted}, as a 400. */
    static void check(AcceptedNames accepted, Collection<String> given) {
        try {
            accepted.check(given);
        } catch (IllegalArgumentException e) {
            throw AdminApi.invalid(e.getMessage());
        }
    }

    /**
     * Refuses a body on an endpoint that reads none; an empty JSON object is as good as no body
     * (some clients always send one).
     */
    static void noBody(String where, byte[] body) {
        if (body.length == 0 || new String(body, StandardCharsets.UTF_8).replaceAll("\\s", "").equals("{}")) {
            return;
        }
        throw AdminApi.invalid(where + " takes no body; what it acts on is given in the query string, if anywhere. "
                + "See docs/server.md for each admin endpoint.");
    }

    /** For an endpoint that takes neither query parameters nor a body; returns {@code where}. */
    static String none(String where, String rawQuery, byte[] body) {
        query(where, rawQuery);
        noBody(where, body);
        return where;
    }
}
