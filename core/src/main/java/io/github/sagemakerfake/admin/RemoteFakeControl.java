package io.github.sagemakerfake.admin;

import io.github.sagemakerfake.control.FakeControl;
import io.github.sagemakerfake.control.FaultRule;
import io.github.sagemakerfake.control.JournalEntry;
import io.github.sagemakerfake.control.LabelingJobAction;
import io.github.sagemakerfake.control.StubAnswer;
import io.github.sagemakerfake.control.RegionSnapshot;
import io.github.sagemakerfake.control.StateSnapshot;
import io.github.sagemakerfake.internal.admin.FaultRuleJson;
import io.github.sagemakerfake.internal.json.Json;
import io.github.sagemakerfake.internal.json.WireTime;
import io.github.sagemakerfake.internal.protocol.SigV4Signing;
import io.github.sagemakerfake.internal.remote.AdminPaths;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The control surface of a fake in another process or a container, over its admin API
 * ({@code /_fake/}): the same {@link FakeControl} as the in-process fake, so a test, the JUnit
 * extension and the AssertJ assertions work the same way against either.
 *
 * <pre>{@code
 * FakeControl fake = RemoteFakeControl.connect(URI.create("http://127.0.0.1:9324"));
 * fake.reset();
 * // ... run the code under test against the server ...
 * assertThat(fake.state().workteamNames()).containsExactly("labelers");
 * }</pre>
 *
 * <p>Errors the server reports become exceptions with the server's message: a request the admin
 * API refuses (a bad seed, an invalid fault rule) throws {@link IllegalArgumentException}, as the
 * in-process fake does; an unreachable server or any other failure throws
 * {@link IllegalStateException}. Fault rules with a Java predicate cannot travel to a server; use
 * {@link FaultRule.Builder#whenMember(String, Object)} instead. Uses only the JDK's
 * {@link HttpClient}; its threads are daemons. Thread-safe.
 */
public final class RemoteFakeControl implements FakeControl {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final AtomicInteger CLIENTS = new AtomicInteger();

    /** The region an admin request is signed for: any valid region; the admin API is not regional. */
    private static final String SIGNING_REGION = "us-east-1";

    private final URI base;
    private final HttpClient http;
    private final Signer signer;
    private final String defaultAccount;
    private final String defaultRegion;

    /** Signs admin requests for a server in strict mode; null signs nothing. */
    private record Signer(String accessKeyId, String secretAccessKey) {
    }

    private RemoteFakeControl(URI base, HttpClient http, Signer signer, Map<String, Object> health) {
        this.base = base;
        this.http = http;
        this.signer = signer;
        this.defaultAccount = (String) health.get("DefaultAccount");
        this.defaultRegion = (String) health.get("DefaultRegion");
    }

    /**
     * Connects to the server at {@code endpoint} (e.g. {@code http://127.0.0.1:9324}, the same URI
     * the AWS clients use) and checks that it answers {@code GET /_fake/health}.
     *
     * @throws IllegalStateException when no SageMaker Workforce Fake answers there
     */
    public static RemoteFakeControl connect(URI endpoint) {
        return connect(endpoint, null);
    }

    /**
     * Connects to a server in strict mode ({@code --strict-auth KEY:SECRET}): every admin request
     * is signed (AWS Signature Version 4, with the JDK's HMAC) with this key pair, which must be
     * the server's strict pair; the server refuses unsigned admin requests with 403.
     *
     * @throws IllegalStateException when no SageMaker Workforce Fake answers there
     */
    public static RemoteFakeControl connect(URI endpoint, String accessKeyId, String secretAccessKey) {
        if (accessKeyId == null || accessKeyId.isBlank() || secretAccessKey == null || secretAccessKey.isEmpty()) {
            throw new IllegalArgumentException("Signing admin requests needs the strict key pair's access key id "
                    + "and secret access key, e.g. connect(endpoint, \"123456789012\", \"mysecret\")");
        }
        return connect(endpoint, new Signer(accessKeyId, secretAccessKey));
    }

    private static RemoteFakeControl connect(URI endpoint, Signer signer) {
        Objects.requireNonNull(endpoint, "endpoint");
        if (endpoint.getScheme() == null || endpoint.getHost() == null) {
            throw new IllegalArgumentException("The endpoint must be an absolute URI such as http://127.0.0.1:9324; "
                    + "got " + endpoint);
        }
        String text = endpoint.toString();
        URI base = URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
        int id = CLIENTS.incrementAndGet();
        AtomicInteger threads = new AtomicInteger();
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(CONNECT_TIMEOUT)
                .executor(Executors.newCachedThreadPool(r -> {
                    Thread t = new Thread(r, "sagemaker-fake-admin-" + id + "-" + threads.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                }))
                .build();
        Map<String, Object> health = send(http, base, signer, "GET", AdminPaths.HEALTH, null);
        if (!"UP".equals(health.get("Status"))) {
            throw new IllegalStateException("The SageMaker Workforce Fake at " + base + " is not up: "
                    + Json.write(health));
        }
        return new RemoteFakeControl(base, http, signer, health);
    }

    /** The server's base URI, as given to {@link #connect(URI)}. */
    public URI endpoint() {
        return base;
    }

    /** The server's {@code GET /_fake/health} answer: Status, Version, DefaultAccount, DefaultRegion. */
    public Map<String, Object> health() {
        return call("GET", AdminPaths.HEALTH, null);
    }

    @Override
    public String defaultAccount() {
        return defaultAccount;
    }

    @Override
    public String defaultRegion() {
        return defaultRegion;
    }

    @Override
    public void reset() {
        call("POST", AdminPaths.RESET, null);
    }

    @Override
    public void reset(String account, String region) {
        call("POST", AdminPaths.RESET + regionQuery(account, region), null);
    }

    /** {@code GET /_fake/snapshot}: the views and the state document of one instant. */
    @Override
    public StateSnapshot snapshot() {
        return StateSnapshot.fromDocument(Json.write(call("GET", AdminPaths.SNAPSHOT, null)));
    }

    /** {@code POST /_fake/snapshot}: puts the document back on the server. */
    @Override
    public void restore(String stateDocument) {
        call("POST", AdminPaths.SNAPSHOT, Objects.requireNonNull(stateDocument, "stateDocument"));
    }

    /** {@code POST /_fake/snapshots/{name}}: keeps the server's current state under a name, on the server. */
    public void saveSnapshot(String name) {
        call("POST", snapshotPath(name), null);
    }

    /** {@code POST /_fake/snapshots/{name}/restore}: puts a named snapshot back. */
    public void restoreSnapshot(String name) {
        call("POST", snapshotPath(name) + "/restore", null);
    }

    /** {@code GET /_fake/snapshots}: the names of the server's snapshots, sorted. */
    @SuppressWarnings("unchecked")
    public List<String> snapshotNames() {
        List<String> names = new ArrayList<>();
        for (Object s : (List<Object>) call("GET", AdminPaths.SNAPSHOTS, null).get("Snapshots")) {
            names.add((String) ((Map<String, Object>) s).get("Name"));
        }
        return List.copyOf(names);
    }

    private static String snapshotPath(String name) {
        return AdminPaths.SNAPSHOTS + "/" + URLEncoder.encode(Objects.requireNonNull(name, "name"), StandardCharsets.UTF_8);
    }

    /** {@code DELETE /_fake/snapshots/{name}}. */
    public void deleteSnapshot(String name) {
        call("DELETE", snapshotPath(name), null);
    }

    @Override
    public RegionSnapshot state(String account, String region) {
        return RegionSnapshot.fromMap(call("GET", AdminPaths.STATE + regionQuery(account, region), null));
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<JournalEntry> journal() {
        List<JournalEntry> entries = new ArrayList<>();
        for (Object e : (List<Object>) call("GET", AdminPaths.REQUESTS, null).get("Requests")) {
            entries.add(JournalEntry.fromMap((Map<String, Object>) e));
        }
        return List.copyOf(entries);
    }

    @Override
    public void clearJournal() {
        call("DELETE", AdminPaths.REQUESTS, null);
    }

    @Override
    public void seed(String seedJson) {
        call("POST", AdminPaths.SEED, Objects.requireNonNull(seedJson, "seedJson"));
    }

    @Override
    public Instant now() {
        return WireTime.instant(call("GET", AdminPaths.CLOCK, null).get("Now"));
    }

    @Override
    public void advanceClock(Duration duration) {
        Objects.requireNonNull(duration, "duration");
        if (duration.isNegative()) {
            throw new IllegalArgumentException("The fake clock only moves forward; got " + duration);
        }
        call("POST", AdminPaths.CLOCK, Json.write(Map.of("AdvanceMillis", duration.toMillis())));
    }

    @Override
    public FaultRule addFault(FaultRule rule) {
        Objects.requireNonNull(rule, "rule");
        if (rule.predicate() != null) {
            throw new IllegalArgumentException("A fault rule with a Java predicate (when(...)) cannot travel to a "
                    + "server; match request members with whenMember(member, value) instead. Rule: "
                    + rule.describe());
        }
        return FaultRuleJson.fromJson(call("POST", AdminPaths.FAULTS, Json.write(FaultRuleJson.toJson(rule))));
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<FaultRule> faults() {
        List<FaultRule> rules = new ArrayList<>();
        for (Object r : (List<Object>) call("GET", AdminPaths.FAULTS, null).get("Faults")) {
            rules.add(FaultRuleJson.fromJson((Map<String, Object>) r));
        }
        return List.copyOf(rules);
    }

    @Override
    public void clearFaults() {
        call("DELETE", AdminPaths.FAULTS, null);
    }

    @Override
    public void driveLabelingJob(String account, String region, String labelingJobName, LabelingJobAction action) {
        Objects.requireNonNull(labelingJobName, "labelingJobName");
        call("POST", AdminPaths.LABELING_JOBS + "/" + URLEncoder.encode(labelingJobName, StandardCharsets.UTF_8)
                + regionQuery(account, region), Json.write(Objects.requireNonNull(action, "action").toMap()));
    }

    @Override
    public void stub(String operation, StubAnswer answer) {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("Operation", Objects.requireNonNull(operation, "operation"));
        body.putAll(Objects.requireNonNull(answer, "answer").toMap());
        call("POST", AdminPaths.STUBS, Json.write(body));
    }

    @Override
    public void clearStubs() {
        call("DELETE", AdminPaths.STUBS, null);
    }

    @Override
    public void setIamPolicy(String policyJson) {
        if (policyJson == null) {
            call("DELETE", AdminPaths.IAM_POLICY, null);
        } else {
            call("PUT", AdminPaths.IAM_POLICY, policyJson);
        }
    }

    @Override
    public void setIamPolicy(String accessKeyId, String policyJson) {
        Objects.requireNonNull(accessKeyId, "accessKeyId");
        String path = AdminPaths.IAM_POLICIES + "/" + URLEncoder.encode(accessKeyId, StandardCharsets.UTF_8);
        if (policyJson == null) {
            call("DELETE", path, null);
        } else {
            call("PUT", path, policyJson);
        }
    }

    @Override
    public void clearIamPolicies() {
        call("DELETE", AdminPaths.IAM_POLICIES, null);
    }

    @Override
    public void removeFault(String id) {
        call("DELETE", AdminPaths.FAULTS + "/" + URLEncoder.encode(Objects.requireNonNull(id, "id"),
                StandardCharsets.UTF_8), null);
    }

    @Override
    public int settleTransitions() {
        return ((Number) call("POST", AdminPaths.SETTLE, null).get("Settled")).intValue();
    }

    @Override
    public String toString() {
        return "RemoteFakeControl[" + base + "]";
    }

    private Map<String, Object> call(String method, String resource, String body) {
        return send(http, base, signer, method, resource, body);
    }

    private static String regionQuery(String account, String region) {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(region, "region");
        return "?" + AdminPaths.ACCOUNT + "=" + URLEncoder.encode(account, StandardCharsets.UTF_8) + "&"
                + AdminPaths.REGION + "=" + URLEncoder.encode(region, StandardCharsets.UTF_8);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> send(HttpClient http, URI base, Signer signer, String method, String resource,
                                            String body) {
        URI uri = URI.create(base + resource);
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
                .timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(bytes));
        if (signer != null) {
            // The JDK client sends Host as the URI's authority; sign exactly that.
            String host = uri.getHost() + (uri.getPort() >= 0 ? ":" + uri.getPort() : "");
            SigV4Signing.sign(signer.accessKeyId(), signer.secretAccessKey(), SIGNING_REGION, "sagemaker", method,
                    uri.getRawPath(), uri.getRawQuery(), Map.of("host", host), bytes, Instant.now())
                    .forEach(builder::header);
        }
        HttpRequest request = builder.build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (ConnectException e) {
            throw new IllegalStateException("No SageMaker Workforce Fake answers at " + base + " (connection refused)."
                    + " Is the server running on that port?", e);
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + uri + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while calling " + method + " " + uri, e);
        }
        Object parsed;
        try {
            parsed = Json.parse(response.body());
        } catch (Json.ParseException e) {
            throw new IllegalStateException(method + " " + uri + " answered HTTP " + response.statusCode()
                    + " with a body that is not JSON; is this a SageMaker Workforce Fake? Body: "
                    + abbreviate(response.body()), e);
        }
        Map<String, Object> map = parsed instanceof Map ? (Map<String, Object>) parsed : Map.of();
        int status = response.statusCode();
        if (status == 403) {
            throw new IllegalStateException(method + " " + uri + " was refused (HTTP 403): " + message(map,
                    response.body()) + (signer == null ? " Connect with RemoteFakeControl.connect(endpoint, "
                    + "accessKeyId, secretAccessKey) to sign admin requests for a server in strict mode." : ""));
        }
        if (status == 400) {
            throw new IllegalArgumentException(message(map, response.body()));
        }
        if (status != 200) {
            throw new IllegalStateException(method + " " + uri + " answered HTTP " + status + ": "
                    + message(map, response.body()));
        }
        return map;
    }

    private static String message(Map<String, Object> map, String body) {
        Object message = map.get("message");
        return message instanceof String s ? s : abbreviate(body);
    }

    private static String abbreviate(String body) {
        return body.length() > 300 ? body.substring(0, 300) + "..." : body;
    }
}
