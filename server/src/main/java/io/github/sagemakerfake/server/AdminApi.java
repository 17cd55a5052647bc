package io.github.sagemakerfake.server;

import io.github.sagemakerfake.control.FakeClock;
import io.github.sagemakerfake.control.FakeSettings;
import io.github.sagemakerfake.control.FaultRule;
import io.github.sagemakerfake.control.JournalEntry;
import io.github.sagemakerfake.control.LabelingJobAction;
import io.github.sagemakerfake.control.StubAnswer;
import io.github.sagemakerfake.internal.admin.FaultRuleJson;
import io.github.sagemakerfake.internal.json.AcceptedNames;
import io.github.sagemakerfake.internal.json.Json;
import io.github.sagemakerfake.internal.persistence.StateDocuments;
import io.github.sagemakerfake.internal.protocol.WireErrors;
import io.github.sagemakerfake.internal.json.WireTime;
import io.github.sagemakerfake.internal.protocol.FakeEndpoint;
import io.github.sagemakerfake.internal.remote.AdminPaths;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The admin API under {@code /_fake/}: the fake's control surface over HTTP, for a server in
 * another process or a container. Bodies are JSON in the forms of the control classes'
 * {@code toMap()}; errors are {@code {"__type": code, "message": how to fix it}} like the AWS
 * operations'. In strict mode the server lets through only requests signed with the strict key
 * pair (health excepted).
 */
final class AdminApi {

    static final String PREFIX = AdminPaths.PREFIX;

    static final String ENDPOINTS = "GET " + AdminPaths.HEALTH + "; POST " + AdminPaths.RESET
            + "[?account=&region=]; GET " + AdminPaths.STATE + "[?account=&region=]; GET " + AdminPaths.REQUESTS
            + "[?after=]; DELETE " + AdminPaths.REQUESTS + "; GET|POST|DELETE " + AdminPaths.FAULTS + "; DELETE "
            + AdminPaths.FAULTS + "/{Id}; POST " + AdminPaths.SEED + "; GET|POST " + AdminPaths.CLOCK + "; POST "
            + AdminPaths.SETTLE + "; GET " + AdminPaths.UI + "; PUT|DELETE " + AdminPaths.IAM_POLICY + "; GET|DELETE "
            + AdminPaths.IAM_POLICIES + "; PUT|DELETE " + AdminPaths.IAM_POLICIES + "/{accessKeyId}; GET "
            + AdminPaths.IAM_REQUIRED_POLICY + "[?account=&region=]" + "; GET|POST " + AdminPaths.SNAPSHOT
            + "[?account=&region=]; GET " + AdminPaths.SNAPSHOTS + "; GET|POST|DELETE " + AdminPaths.SNAPSHOTS
            + "/{name}; POST " + AdminPaths.SNAPSHOTS + "/{name}/restore"
            + "; POST " + AdminPaths.LABELING_JOBS + "/{LabelingJobName}[?account=&region=]; GET|POST|DELETE "
            + AdminPaths.STUBS;

    private static final String ACCOUNT = AdminPaths.ACCOUNT;
    private static final String REGION = AdminPaths.REGION;
    private static final String AFTER = "after";

    private static final AcceptedNames FAULT_MEMBERS = AcceptedNames.of("member", "A fault rule",
            new TreeSet<>(FaultRuleJson.MEMBERS));
    private static final AcceptedNames STUB_MEMBERS = AcceptedNames.of("member", "A stub", "Operation", "Response",
            "Error");
    private static final AcceptedNames ACTION_MEMBERS = AcceptedNames.of("member", "A labeling job action", "Action",
            "Count", "HumanLabeled", "MachineLabeled", "FailedNonRetryableError", "OutputDatasetS3Uri",
            "FinalActiveLearningModelArn", "FailureReason");
    private static final AcceptedNames CLOCK_MEMBERS = AcceptedNames.of("member", "The body of POST " + AdminPaths.CLOCK,
            "AdvanceMillis");

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
        return path.equals(AdminPaths.HEALTH) || path.equals(AdminPaths.HEALTH + "/");
    }

    static boolean handles(String path) {
        return path.equals(PREFIX) || path.startsWith(PREFIX + "/");
    }

    Reply handle(String method, String path, String rawQuery, byte[] body) {
        try {
            return route(method, path, rawQuery, body);
        } catch (Refusal r) {
            return error(r.status, r.code, r.getMessage());
        }
    }

    /**
     * Each endpoint names the query parameters and body members it takes (see {@link AdminInput});
     * anything else is refused before anything is done.
     */
    private Reply route(String method, String path, String rawQuery, byte[] body) {
        String resource = path.endsWith("/") && path.length() > PREFIX.length() + 1
                ? path.substring(0, path.length() - 1) : path;
        if (resource.startsWith(PREFIX + "/iam/")) {
            try {
                return iam(method, resource, rawQuery, body);
            } catch (io.github.sagemakerfake.internal.iam.PolicyException e) { // refused with its place and reason
                throw invalid(e.getMessage());
            }
        }
        switch (resource) {
            case AdminPaths.HEALTH:
                AdminInput.none(allow(method, "GET") + " " + resource, rawQuery, body);
                return ok(health());
            case AdminPaths.RESET: {
                String where = allow(method, "POST") + " " + resource;
                AdminInput.noBody(where, body);
                return reset(AdminInput.query(where, rawQuery, ACCOUNT, REGION));
            }
            case AdminPaths.STATE: {
                String where = allow(method, "GET") + " " + resource;
                AdminInput.noBody(where, body);
                return state(AdminInput.query(where, rawQuery, ACCOUNT, REGION));
            }
            case AdminPaths.REQUESTS: {
                String verb = allow(method, "GET", "DELETE");
                if (verb.equals("DELETE")) {
                    AdminInput.none(verb + " " + resource, rawQuery, body);
                    fake.clearJournal();
                    return ok(Map.of());
                }
                AdminInput.noBody(verb + " " + resource, body);
                long after = after(AdminInput.query(verb + " " + resource, rawQuery, AFTER));
                List<Object> entries = new ArrayList<>();
                for (JournalEntry e : fake.journal()) {
                    if (e.sequence() > after) {
                        entries.add(e.toMap());
                    }
                }
                return ok(Map.of("Requests", entries));
            }
            case AdminPaths.FAULTS: {
                String verb = allow(method, "GET", "POST", "DELETE");
                AdminInput.query(verb + " " + resource, rawQuery);
                if (!verb.equals("POST")) {
                    AdminInput.noBody(verb + " " + resource, body);
                }
                return faults(verb, body);
            }
            case AdminPaths.SEED:
                AdminInput.query(allow(method, "POST") + " " + resource, rawQuery);
                return seed(body);
            case AdminPaths.CLOCK: {
                String verb = allow(method, "GET", "POST");
                AdminInput.query(verb + " " + resource, rawQuery);
                if (verb.equals("POST")) {
                    advanceClock(body);
                } else {
                    AdminInput.noBody(verb + " " + resource, body);
                }
                return ok(Map.of("Now", WireTime.epochSeconds(fake.now())));
            }
            case AdminPaths.SETTLE:
                AdminInput.none(allow(method, "POST") + " " + resource, rawQuery, body);
                return ok(Map.of("Settled", fake.settleTransitions()));
            case AdminPaths.SNAPSHOT: {
                String verb = allow(method, "GET", "POST");
                Map<String, String> query = AdminInput.query(verb + " " + resource, rawQuery, ACCOUNT, REGION);
                if (verb.equals("GET")) {
                    AdminInput.noBody(verb + " " + resource, body);
                    return snapshotDocument(query);
                }
                return restore(body, query);
            }
            case AdminPaths.SNAPSHOTS: {
                AdminInput.none(allow(method, "GET") + " " + resource, rawQuery, body);
                List<Object> list = new ArrayList<>();
                snapshots.list().forEach(e -> list.add(NamedSnapshots.describe(e)));
                return ok(Map.of("Snapshots", list));
            }
            case AdminPaths.STUBS: {
                String verb = allow(method, "GET", "POST", "DELETE");
                AdminInput.query(verb + " " + resource, rawQuery);
                if (!verb.equals("POST")) {
                    AdminInput.noBody(verb + " " + resource, body);
                }
                return stubs(verb, body);
            }
            default:
                if (resource.startsWith(AdminPaths.SNAPSHOTS + "/")) {
                    return namedSnapshot(method, resource.substring((AdminPaths.SNAPSHOTS + "/").length()), rawQuery,
                            body);
                }
                if (resource.startsWith(AdminPaths.LABELING_JOBS + "/")
                        && resource.length() > AdminPaths.LABELING_JOBS.length() + 1
                        && resource.indexOf('/', AdminPaths.LABELING_JOBS.length() + 1) < 0) {
                    String where = allow(method, "POST") + " " + AdminPaths.LABELING_JOBS + "/{LabelingJobName}";
                    return driveLabelingJob(resource.substring(AdminPaths.LABELING_JOBS.length() + 1),
                            AdminInput.query(where, rawQuery, ACCOUNT, REGION), body);
                }
                if (resource.startsWith(AdminPaths.FAULTS + "/") && resource.length() > AdminPaths.FAULTS.length() + 1) {
                    AdminInput.none(allow(method, "DELETE") + " " + AdminPaths.FAULTS + "/{Id}", rawQuery, body);
                    String id = URLDecoder.decode(resource.substring(AdminPaths.FAULTS.length() + 1),
                            StandardCharsets.UTF_8);
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
        String text = query.isEmpty() ? StateDocuments.write(fake.backend().exportState())
                : fake.snapshotDocument(account(query), region(query));
        return ok((Map<String, Object>) Json.parse(text));
    }

    private Reply restore(byte[] body, Map<String, String> query) {
        Map<String, Object> document = object(body, "a state document, as GET " + AdminPaths.SNAPSHOT + " answers it");
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

    @SuppressWarnings("unchecked")
    private Reply namedSnapshot(String method, String rest, String rawQuery, byte[] body) {
        boolean restore = rest.endsWith("/restore");
        String name = URLDecoder.decode(restore ? rest.substring(0, rest.length() - "/restore".length()) : rest,
                StandardCharsets.UTF_8);
        if (!NamedSnapshots.NAME.matcher(name).matches()) {
            throw invalid("A snapshot name is " + NamedSnapshots.NAME_RULE + "; got '" + name + "'.");
        }
        String path = AdminPaths.SNAPSHOTS + "/" + name + (restore ? "/restore" : "");
        if (restore) {
            AdminInput.none(allow(method, "POST") + " " + path, rawQuery, body);
            NamedSnapshots.Entry entry = requireSnapshot(name);
            try {
                fake.restore(entry.document());
            } catch (IllegalArgumentException e) {
                throw invalid("The snapshot " + name + " cannot be restored: " + e.getMessage());
            }
            return ok(Map.of("Restored", name));
        }
        String verb = allow(method, "GET", "POST", "DELETE");
        AdminInput.none(verb + " " + path, rawQuery, body); // POST keeps the current state: no body
        switch (verb) {
            case "GET":
                return ok((Map<String, Object>) Json.parse(requireSnapshot(name).document()));
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
                try {
                    return ok(NamedSnapshots.describe(snapshots.put(name,
                            StateDocuments.write(fake.backend().exportState()))));
                } catch (java.io.IOException e) {
                    throw new Refusal(500, "SnapshotNotSaved", "The snapshot " + name + " could not be written to "
                            + snapshots.directory() + ": " + e);
                }
        }
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
                + (names.isEmpty() ? "none" : names) + ". Save one with POST " + AdminPaths.SNAPSHOTS + "/" + name + ".");
    }

    private Reply reset(Map<String, String> query) {
        if (query.containsKey(ACCOUNT) || query.containsKey(REGION)) {
            String account = account(query);
            String region = region(query);
            fake.reset(account, region);
            return ok(Map.of("Reset", account + "/" + region));
        }
        fake.reset();
        return ok(Map.of("Reset", "all"));
    }

    private Reply state(Map<String, String> query) {
        if (query.containsKey(ACCOUNT) || query.containsKey(REGION)) {
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
        AdminInput.check(FAULT_MEMBERS, map.keySet());
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

    /** What a labeling job's workers do (docs/labeling.md): {"Action": "Label", "HumanLabeled": 5}, ... */
    private Reply driveLabelingJob(String rawName, Map<String, String> query, byte[] body) {
        String name = URLDecoder.decode(rawName, StandardCharsets.UTF_8);
        Map<String, Object> map = object(body, "{\"Action\": \"Label\", \"HumanLabeled\": 10}");
        AdminInput.check(ACTION_MEMBERS, map.keySet());
        LabelingJobAction action;
        try {
            action = LabelingJobAction.fromMap(map);
        } catch (IllegalArgumentException e) {
            throw invalid(e.getMessage());
        }
        String account = account(query);
        String region = region(query);
        try {
            fake.driveLabelingJob(account, region, name, action);
        } catch (IllegalArgumentException e) {
            throw invalid(e.getMessage());
        } catch (IllegalStateException e) {
            throw new Refusal(409, "LabelingJobStatusConflict", e.getMessage());
        }
        return ok(fake.state(account, region).labelingJob(name).orElseThrow().toMap());
    }

    /** Stubs of operations the fake does not serve (docs/stubbing.md). */
    private Reply stubs(String method, byte[] body) {
        switch (method) {
            case "DELETE":
                fake.clearStubs();
                return ok(Map.of());
            case "POST":
                Map<String, Object> map = new LinkedHashMap<>(object(body, "{\"Operation\": \"CreateModel\", "
                        + "\"Response\": {\"ModelArn\": \"arn:aws:sagemaker:us-east-1:123456789012:model/m\"}}"));
                AdminInput.check(STUB_MEMBERS, map.keySet());
                if (!(map.remove("Operation") instanceof String operation)) {
                    throw invalid("A stub needs \"Operation\": the operation name, such as \"CreateModel\".");
                }
                try {
                    fake.stub(operation, StubAnswer.fromMap(map));
                } catch (IllegalArgumentException e) {
                    throw invalid(e.getMessage());
                }
                return ok(Map.of("Stubs", fake.stubbedOperations()));
            default:
                return ok(Map.of("Stubs", fake.stubbedOperations()));
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
        String form = "POST /_fake/clock takes {\"AdvanceMillis\": n} with n a whole number of milliseconds to move "
                + "the fake clock forward";
        try {
            CLOCK_MEMBERS.check(map.keySet());
        } catch (IllegalArgumentException e) {
            throw invalid(e.getMessage() + " " + form + ".");
        }
        if (!map.containsKey("AdvanceMillis")) {
            throw invalid(form + "; got no member.");
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

    /**
     * IAM (docs/iam.md): the policies the fake enforces, and the policy the journal's calls needed.
     * A policy is sent as the body, exactly the document IAM takes; the admin API itself is never
     * subject to a policy.
     */
    private Reply iam(String method, String resource, String rawQuery, byte[] body) {
        if (resource.equals(AdminPaths.IAM_REQUIRED_POLICY)) {
            String where = allow(method, "GET") + " " + resource;
            AdminInput.noBody(where, body);
            Map<String, String> query = AdminInput.query(where, rawQuery, ACCOUNT, REGION);
            return ok(fake.requiredPolicy(account(query), region(query)).toMap());
        }
        if (resource.equals(AdminPaths.IAM_POLICY)) {
            String verb = allow(method, "PUT", "DELETE");
            AdminInput.query(verb + " " + resource, rawQuery);
            if (verb.equals("DELETE")) {
                AdminInput.noBody(verb + " " + resource, body);
                fake.iamPolicies().setForEveryone(null, "DELETE " + resource);
            } else {
                fake.iamPolicies().setForEveryone(policyBody(body), "PUT " + resource);
            }
            return ok(policies());
        }
        if (resource.equals(AdminPaths.IAM_POLICIES)) {
            String verb = allow(method, "GET", "DELETE");
            AdminInput.none(verb + " " + resource, rawQuery, body);
            if (verb.equals("DELETE")) {
                fake.clearIamPolicies();
            }
            return ok(policies());
        }
        if (resource.startsWith(AdminPaths.IAM_POLICIES + "/") && resource.length() > AdminPaths.IAM_POLICIES.length() + 1) {
            String key = URLDecoder.decode(resource.substring(AdminPaths.IAM_POLICIES.length() + 1), StandardCharsets.UTF_8);
            String verb = allow(method, "PUT", "DELETE");
            AdminInput.query(verb + " " + resource, rawQuery);
            if (verb.equals("DELETE")) {
                AdminInput.noBody(verb + " " + resource, body);
                fake.iamPolicies().setFor(key, null, "DELETE " + resource);
            } else {
                fake.iamPolicies().setFor(key, policyBody(body), "PUT " + resource);
            }
            return ok(policies());
        }
        throw new Refusal(404, "UnknownAdminEndpoint", "No admin endpoint " + method + " " + resource
                + ". The admin API serves: " + ENDPOINTS + ".");
    }

    private static String policyBody(byte[] body) {
        if (body.length == 0) {
            throw invalid("Send the identity policy document as the body, e.g. {\"Version\":\"2012-10-17\","
                    + "\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"sagemaker:*\",\"Resource\":\"*\"}]}.");
        }
        return new String(body, StandardCharsets.UTF_8);
    }

    /** The policies in force: {"Everyone": document (absent when none), "ByAccessKey": {key: document}}. */
    private Map<String, Object> policies() {
        Map<String, Object> map = new LinkedHashMap<>();
        io.github.sagemakerfake.internal.iam.Policy everyone = fake.iamPolicies().everyone();
        map.put("Everyone", everyone == null ? null : Json.parse(everyone.json()));
        Map<String, Object> byKey = new LinkedHashMap<>();
        fake.iamPolicies().byAccessKey().forEach((k, p) -> byKey.put(k, Json.parse(p.json())));
        map.put("ByAccessKey", byKey);
        return map;
    }

    private String account(Map<String, String> query) {
        String account = query.getOrDefault(ACCOUNT, fake.defaultAccount());
        try {
            return FakeSettings.requireAccount(account);
        } catch (IllegalArgumentException e) {
            throw invalid("Query parameter account: " + e.getMessage());
        }
    }

    private String region(Map<String, String> query) {
        String region = query.getOrDefault(REGION, fake.defaultRegion());
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

    static Refusal invalid(String message) {
        return new Refusal(400, "InvalidAdminRequest", message);
    }

    private static Reply ok(Map<String, Object> body) {
        return new Reply(200, body);
    }

    static Reply error(int status, String code, String message) {
        return new Reply(status, WireErrors.errorObject(code, message));
    }
}
