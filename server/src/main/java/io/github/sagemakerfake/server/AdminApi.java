package io.github.sagemakerfake.server;

import io.github.sagemakerfake.control.FakeClock;
import io.github.sagemakerfake.control.FakeSettings;
import io.github.sagemakerfake.control.FaultRule;
import io.github.sagemakerfake.control.JournalEntry;
import io.github.sagemakerfake.internal.admin.FaultRuleJson;
import io.github.sagemakerfake.internal.json.Json;
import io.github.sagemakerfake.internal.protocol.WireErrors;
import io.github.sagemakerfake.internal.json.WireTime;
import io.github.sagemakerfake.internal.protocol.FakeEndpoint;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The admin API under {@code /_fake/}: the fake's control surface over HTTP, for a server in
 * another process or a container. Bodies are JSON in the forms of the control classes'
 * {@code toMap()}; errors are {@code {"__type": code, "message": how to fix it}} like the AWS
 * operations'. In strict mode the server lets through only requests signed with the strict key
 * pair (health excepted).
 */
final class AdminApi {

    static final String PREFIX = "/_fake";

    static final String ENDPOINTS = "GET /_fake/health; POST /_fake/reset[?account=&region=]; "
            + "GET /_fake/state[?account=&region=]; GET|DELETE /_fake/requests; GET|POST|DELETE /_fake/faults; "
            + "DELETE /_fake/faults/{Id}; POST /_fake/seed; GET|POST /_fake/clock; POST /_fake/settle; GET /_fake/ui; "
            + "GET|POST /_fake/snapshot[?account=&region=]; GET /_fake/snapshots; "
            + "GET|POST|DELETE /_fake/snapshots/{name}; POST /_fake/snapshots/{name}/restore";

    /** One admin answer: HTTP status and a JSON object. */
    record Reply(int status, Map<String, Object> body) {
    }

    /** A request the admin API refuses, with the status and a message that says how to fix it. */
    static final class Refusal extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int status;
        final String code;

        Refusal(int status, String code, String message) {
            super(message, null, false, false);
            this.status = status;
            this.code = code;
        }
    }

    private final FakeEndpoint fake;
    private final String version;
    private volatile StateFile stateFile;
    private volatile NamedSnapshots snapshots = new NamedSnapshots(null);

    AdminApi(FakeEndpoint fake, String version) {
        this.fake = fake;
        this.version = version;
    }

    /** The state file health reports on, and where named snapshots are kept (null: in memory). */
    void persistence(StateFile file, java.nio.file.Path snapshotDirectory) {
        this.stateFile = file;
        this.snapshots = new NamedSnapshots(snapshotDirectory);
    }

    static boolean isHealth(String path) {
        return path.equals(PREFIX + "/health") || path.equals(PREFIX + "/health/");
    }

    static boolean handles(String path) {
        return path.equals(PREFIX) || path.startsWith(PREFIX + "/");
    }

    Reply handle(String method, String path, String rawQuery, byte[] body) {
        try {
            return route(method, path, query(rawQuery), body);
        } catch (Refusal r) {
            return error(r.status, r.code, r.getMessage());
        }
    }

    private Reply route(String method, String path, Map<String, String> query, byte[] body) {
        String resource = path.endsWith("/") && path.length() > PREFIX.length() + 1
                ? path.substring(0, path.length() - 1) : path;
        switch (resource) {
            case PREFIX + "/health":
                allow(method, "GET");
                return ok(health());
            case PREFIX + "/reset":
                allow(method, "POST");
                return reset(query);
            case PREFIX + "/state":
                allow(method, "GET");
                return state(query);
            case PREFIX + "/requests":
                if (allow(method, "GET", "DELETE").equals("DELETE")) {
                    fake.clearJournal();
                    return ok(Map.of());
                }
                long after = after(query);
                List<Object> entries = new ArrayList<>();
                for (JournalEntry e : fake.journal()) {
                    if (e.sequence() > after) {
                        entries.add(e.toMap());
                    }
                }
                return ok(Map.of("Requests", entries));
            case PREFIX + "/faults":
                return faults(allow(method, "GET", "POST", "DELETE"), body);
            case PREFIX + "/seed":
                allow(method, "POST");
                return seed(body);
            case PREFIX + "/clock":
                if (allow(method, "GET", "POST").equals("POST")) {
                    advanceClock(body);
                }
                return ok(Map.of("Now", WireTime.epochSeconds(fake.now())));
            case PREFIX + "/settle":
                allow(method, "POST");
                return ok(Map.of("Settled", fake.settleTransitions()));
            case PREFIX + "/snapshot":
                onlyParameters(query, "account", "region");
                if (allow(method, "GET", "POST").equals("GET")) {
                    return snapshotDocument(query);
                }
                return restore(body, query);
            case PREFIX + "/snapshots":
                allow(method, "GET");
                onlyParameters(query);
                List<Object> list = new ArrayList<>();
                snapshots.list().forEach(e -> list.add(NamedSnapshots.describe(e)));
                return ok(Map.of("Snapshots", list));
            default:
                if (resource.startsWith(PREFIX + "/snapshots/")) {
                    onlyParameters(query);
                    return namedSnapshot(method, resource.substring((PREFIX + "/snapshots/").length()), body);
                }
                if (resource.startsWith(PREFIX + "/faults/") && resource.length() > PREFIX.length() + 8) {
                    allow(method, "DELETE");
                    String id = URLDecoder.decode(resource.substring(PREFIX.length() + 8), StandardCharsets.UTF_8);
                    try {
                        fake.removeFault(id);
                    } catch (IllegalArgumentException e) {
                        throw invalid(e.getMessage());
                    }
                    return ok(Map.of("Removed", id));
                }
                throw new Refusal(404, "UnknownAdminEndpoint", "No admin endpoint " + method + " " + path
                        + ". The admin API serves: " + ENDPOINTS + ". AWS operations go to POST /.");
        }
    }

    private Map<String, Object> health() {
        Map<String, Object> map = new LinkedHashMap<>();
        StateFile file = stateFile;
        map.put("Status", file != null && file.degraded() ? "DEGRADED" : "UP");
        map.put("Version", version);
        map.put("DefaultAccount", fake.defaultAccount());
        map.put("DefaultRegion", fake.defaultRegion());
        if (file != null) {
            map.put("StateFile", file.health());
        }
        return map;
    }

    // ------------------------------------------------------------------ snapshots

    @SuppressWarnings("unchecked")
    private Reply snapshotDocument(Map<String, String> query) {
        String text = query.isEmpty() ? io.github.sagemakerfake.internal.persistence.StateDocuments.write(
                fake.backend().exportState()) : fake.snapshotDocument(account(query), region(query));
        return ok((Map<String, Object>) Json.parse(text));
    }

    @SuppressWarnings("unchecked")
    private Reply restore(byte[] body, Map<String, String> query) {
        Map<String, Object> document = object(body, "a state document, as GET /_fake/snapshot answers it");
        if (!query.isEmpty()) { // only this pair, from a document of every pair or of this one
            String account = account(query);
            String region = region(query);
            if (document.get("Scope") instanceof Map<?, ?> scope
                    && !(account.equals(scope.get("Account")) && region.equals(scope.get("Region")))) {
                throw invalid("The document is a snapshot of account " + scope.get("Account") + " region "
                        + scope.get("Region") + ", not of " + account + "/" + region + ".");
            }
            Map<String, Object> scoped = new LinkedHashMap<>(document);
            scoped.put("Scope", Map.of("Account", account, "Region", region));
            if (document.get("Regions") instanceof List<?> regions) {
                scoped.put("Regions", regions.stream().filter(r -> r instanceof Map<?, ?> m
                        && account.equals(m.get("Account")) && region.equals(m.get("Region"))).toList());
            }
            document = scoped;
        }
        try {
            fake.restore(Json.write(document));
        } catch (IllegalArgumentException e) {
            throw invalid(e.getMessage());
        }
        return ok(Map.of("Restored", query.isEmpty() ? "all" : account(query) + "/" + region(query)));
    }

    private Reply namedSnapshot(String method, String rest, byte[] body) {
        boolean restore = rest.endsWith("/restore");
        String name = restore ? rest.substring(0, rest.length() - "/restore".length()) : rest;
        name = java.net.URLDecoder.decode(name, StandardCharsets.UTF_8);
        if (!NamedSnapshots.NAME.matcher(name).matches()) {
            throw invalid("A snapshot name is " + NamedSnapshots.NAME_RULE + "; got '" + name + "'.");
        }
        if (body.length > 0 && !restore && !"POST".equals(method)) {
            throw invalid("This endpoint takes no body.");
        }
        if (restore) {
            allow(method, "POST");
            NamedSnapshots.Entry entry = requireSnapshot(name);
            try {
                fake.restore(entry.document());
            } catch (IllegalArgumentException e) {
                throw invalid("The snapshot " + name + " cannot be restored: " + e.getMessage());
            }
            return ok(Map.of("Restored", name));
        }
        switch (allow(method, "GET", "POST", "DELETE")) {
            case "GET":
                return snapshotText(requireSnapshot(name).document());
            case "DELETE":
                try {
                    if (!snapshots.remove(name)) {
                        throw missing(name);
                    }
                } catch (java.io.IOException e) {
                    throw new Refusal(500, "SnapshotNotDeleted", "The snapshot " + name + " could not be deleted: "
                            + e);
                }
                return ok(Map.of());
            default:
                if (body.length > 0) {
                    throw invalid("POST /_fake/snapshots/" + name + " keeps the current state and takes no body; "
                            + "to keep a document of your own, POST it to /_fake/snapshot first.");
                }
                try {
                    return ok(NamedSnapshots.describe(snapshots.put(name,
                            io.github.sagemakerfake.internal.persistence.StateDocuments.write(
                                    fake.backend().exportState()))));
                } catch (java.io.IOException e) {
                    throw new Refusal(500, "SnapshotNotSaved", "The snapshot " + name + " could not be written to "
                            + snapshots.directory() + ": " + e);
                }
        }
    }

    @SuppressWarnings("unchecked")
    private static Reply snapshotText(String document) {
        return ok((Map<String, Object>) Json.parse(document));
    }

    private NamedSnapshots.Entry requireSnapshot(String name) {
        NamedSnapshots.Entry entry = snapshots.get(name);
        if (entry == null) {
            throw missing(name);
        }
        return entry;
    }

    private Refusal missing(String name) {
        List<String> names = snapshots.list().stream().map(NamedSnapshots.Entry::name).toList();
        return new Refusal(404, "SnapshotNotFound", "No snapshot named " + name + "; the server has "
                + (names.isEmpty() ? "none" : names) + ". Save one with POST /_fake/snapshots/" + name + ".");
    }

    /** Refuses query parameters other than these (names are case-sensitive). */
    private static void onlyParameters(Map<String, String> query, String... accepted) {
        List<String> allowed = List.of(accepted);
        for (String name : query.keySet()) {
            if (!allowed.contains(name)) {
                throw invalid("Unknown query parameter '" + name + "'; this endpoint takes "
                        + (allowed.isEmpty() ? "none" : String.join(" and ", allowed)) + ".");
            }
        }
    }

    private Reply reset(Map<String, String> query) {
        if (query.containsKey("account") || query.containsKey("region")) {
            String account = account(query);
            String region = region(query);
            fake.reset(account, region);
            return ok(Map.of("Reset", account + "/" + region));
        }
        fake.reset();
        return ok(Map.of("Reset", "all"));
    }

    private Reply state(Map<String, String> query) {
        if (query.containsKey("account") || query.containsKey("region")) {
            return ok(fake.state(account(query), region(query)).toMap());
        }
        return ok(fake.snapshot().toMap());
    }

    private Reply faults(String method, byte[] body) {
        switch (method) {
            case "DELETE":
                fake.clearFaults();
                return ok(Map.of());
            case "POST":
                Map<String, Object> map = object(body, "a fault rule such as {\"Operation\":\"CreateWorkteam\","
                        + "\"Times\":1,\"Outcome\":\"ERROR\",\"ErrorCode\":\"ThrottlingException\",\"StatusCode\":400,"
                        + "\"Message\":\"Rate exceeded\"}");
                FaultRule rule = faultRule(map);
                try {
                    return ok(FaultRuleJson.toJson(fake.addFault(rule)));
                } catch (IllegalArgumentException e) {
                    throw invalid(e.getMessage());
                }
            default:
                List<Object> rules = new ArrayList<>();
                for (FaultRule r : fake.faults()) {
                    rules.add(FaultRuleJson.toJson(r));
                }
                return ok(Map.of("Faults", rules));
        }
    }

    /** Checks each member's type first, so a mistake gets a message naming the member, not a ClassCastException. */
    private static FaultRule faultRule(Map<String, Object> map) {
        List<String> unknown = map.keySet().stream().filter(k -> !FaultRuleJson.MEMBERS.contains(k)).sorted()
                .collect(Collectors.toList());
        if (!unknown.isEmpty()) {
            throw invalid("Unknown member(s) " + unknown + " in the fault rule; a rule has: "
                    + FaultRuleJson.MEMBERS.stream().sorted().collect(Collectors.joining(", ")) + ".");
        }
        requireType(map, "Operation", String.class, "a wire operation name such as \"CreateWorkteam\"");
        requireType(map, "Match", Map.class, "an object of top-level request members, e.g. {\"WorkteamName\":\"a\"}");
        requireType(map, "Times", Number.class, "a positive whole number");
        requireType(map, "Probability", Number.class, "a number in (0, 1]");
        requireType(map, "MinLatencyMillis", Number.class, "a number of milliseconds");
        requireType(map, "MaxLatencyMillis", Number.class, "a number of milliseconds");
        requireType(map, "ErrorCode", String.class, "an error code such as \"ThrottlingException\"");
        requireType(map, "StatusCode", Number.class, "an HTTP status from 400 to 599");
        requireType(map, "Message", String.class, "the error message text");
        requireType(map, "Id", String.class, "a string (ignored: the server assigns ids)");
        requireType(map, "FiredCount", Number.class, "a number (ignored)");
        requireEnum(map, "Phase", FaultRuleJson.PHASES);
        requireEnum(map, "Outcome", FaultRuleJson.OUTCOMES);
        if ("ERROR".equals(map.get("Outcome")) && (map.get("ErrorCode") == null || map.get("StatusCode") == null)) {
            throw invalid("A fault rule with \"Outcome\":\"ERROR\" needs \"ErrorCode\" and \"StatusCode\", e.g. "
                    + "\"ErrorCode\":\"ThrottlingException\",\"StatusCode\":400.");
        }
        Map<String, Object> copy = new LinkedHashMap<>(map);
        copy.remove("FiredCount");
        try {
            return FaultRuleJson.fromJson(copy);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw invalid("Not a valid fault rule: " + e.getMessage());
        }
    }

    private static void requireType(Map<String, Object> map, String member, Class<?> type, String what) {
        Object value = map.get(member);
        if (value != null && !type.isInstance(value)) {
            throw invalid("Fault rule member \"" + member + "\" must be " + what + "; got " + Json.write(value) + ".");
        }
    }

    private static void requireEnum(Map<String, Object> map, String member, List<String> values) {
        Object value = map.get(member);
        if (value == null) {
            return;
        }
        if (!(value instanceof String s) || !values.contains(s)) {
            throw invalid("Fault rule member \"" + member + "\" must be one of " + values + "; got "
                    + Json.write(value) + ".");
        }
    }

    private Reply seed(byte[] body) {
        if (body.length == 0) {
            throw invalid("POST /_fake/seed needs a seed document as its JSON body, e.g. {\"Workteams\":[...]}; see "
                    + "docs/seeding.md.");
        }
        try {
            fake.seed(new String(body, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw invalid(e.getMessage());
        }
        return ok(Map.of());
    }

    private void advanceClock(byte[] body) {
        Map<String, Object> map = object(body, "{\"AdvanceMillis\": 60000}");
        if (!map.containsKey("AdvanceMillis") || map.size() != 1) {
            throw invalid("POST /_fake/clock takes {\"AdvanceMillis\": n} with n a whole number of milliseconds "
                    + "to move the fake clock forward; got the member(s) " + map.keySet() + ".");
        }
        try { // the range checks live in core, so every form refuses the same values the same way
            fake.advanceClock(FakeClock.advanceFromMillis(map.get("AdvanceMillis")));
        } catch (IllegalArgumentException e) {
            throw invalid(e.getMessage());
        }
    }

    /** {@code ?after=N}: only the entries whose Sequence is greater (a poller's increment); 0 by default. */
    private static long after(Map<String, String> query) {
        String after = query.get("after");
        if (after == null) {
            return 0;
        }
        try {
            return Long.parseLong(after);
        } catch (NumberFormatException e) {
            throw invalid("Query parameter after must be a journal Sequence (a whole number); got '" + after + "'.");
        }
    }

    private String account(Map<String, String> query) {
        String account = query.getOrDefault("account", fake.defaultAccount());
        try {
            return FakeSettings.requireAccount(account);
        } catch (IllegalArgumentException e) {
            throw invalid("Query parameter account: " + e.getMessage());
        }
    }

    private String region(Map<String, String> query) {
        String region = query.getOrDefault("region", fake.defaultRegion());
        try {
            return FakeSettings.requireRegion(region);
        } catch (IllegalArgumentException e) {
            throw invalid("Query parameter region: " + e.getMessage());
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(byte[] body, String example) {
        Object parsed;
        try {
            parsed = Json.parse(body);
        } catch (Json.ParseException e) {
            throw invalid("The body is not valid JSON (" + e.getMessage() + "); send a JSON object such as "
                    + example + ".");
        }
        if (!(parsed instanceof Map)) {
            throw invalid("The body must be a JSON object such as " + example + ".");
        }
        return (Map<String, Object>) parsed;
    }

    private static String allow(String method, String... allowed) {
        for (String a : allowed) {
            if (a.equals(method)) {
                return a;
            }
        }
        throw new Refusal(405, "MethodNotAllowed", "This admin endpoint answers " + String.join(" or ", allowed)
                + ", not " + method + ". The admin API serves: " + ENDPOINTS + ".");
    }

    private static Map<String, String> query(String rawQuery) {
        Map<String, String> map = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return map;
        }
        for (String part : rawQuery.split("&")) {
            if (part.isEmpty()) {
                continue;
            }
            int eq = part.indexOf('=');
            try {
                String name = URLDecoder.decode(eq < 0 ? part : part.substring(0, eq), StandardCharsets.UTF_8);
                String value = URLDecoder.decode(eq < 0 ? "" : part.substring(eq + 1), StandardCharsets.UTF_8);
                map.put(name, value);
            } catch (IllegalArgumentException e) {
                throw invalid("The query string is not URL-encoded correctly: " + rawQuery);
            }
        }
        return map;
    }

    private static Refusal invalid(String message) {
        return new Refusal(400, "InvalidAdminRequest", message);
    }

    private static Reply ok(Map<String, Object> body) {
        return new Reply(200, body);
    }

    static Reply error(int status, String code, String message) {
        return new Reply(status, WireErrors.errorObject(code, message));
    }
}
