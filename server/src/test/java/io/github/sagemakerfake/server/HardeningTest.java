package io.github.sagemakerfake.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sagemakerfake.control.FakeLimits;
import io.github.sagemakerfake.control.FakeControl;
import io.github.sagemakerfake.control.FakeSettings;
import io.github.sagemakerfake.control.FaultRule;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.ResourceLimitExceededException;
import software.amazon.awssdk.services.sagemaker.model.Tag;

/** The server under hostile or careless clients: it answers clearly, drops what it must, and keeps serving. */
class HardeningTest {

    private static final String TEAM = "{\"WorkteamName\":\"%s\",\"Description\":\"d\",\"MemberDefinitions\":"
            + "[{\"CognitoMemberDefinition\":{\"UserPool\":\"us-east-1_abc123\",\"UserGroup\":\"g\",\"ClientId\":\"c\"}}]}";

    private final List<AutoCloseable> resources = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        Collections.reverse(resources);
        for (AutoCloseable r : resources) {
            r.close();
        }
    }

    private SageMakerWorkforceServer server(ServerOptions options) {
        return server(FakeSettings.defaults(), options);
    }

    private SageMakerWorkforceServer server(FakeSettings settings, ServerOptions options) {
        SageMakerWorkforceServer server = SageMakerWorkforceServer.start(settings, options);
        resources.add(server);
        return server;
    }

    private static void assertServing(SageMakerWorkforceServer server) {
        TestClients.Raw r = TestClients.awsJson(server.endpoint(), "ListWorkteams", "{}");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json()).containsKey("Workteams");
    }

    private static void assertAwsError(TestClients.Raw r, int status, String code) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.header("x-amzn-RequestId")).isNotBlank();
        assertThat(r.json().get("__type")).isEqualTo(code);
        assertThat((String) r.json().get("message")).isNotBlank();
        assertNoStackTrace(r.body());
    }

    private static void assertNoStackTrace(String body) {
        assertThat(body).doesNotContain("\tat ").doesNotContain(".java:").doesNotContain("Exception:\n");
    }

    @Test
    void malformedJsonIsASerializationError() {
        SageMakerWorkforceServer server = server(ServerOptions.defaults());
        assertAwsError(TestClients.awsJson(server.endpoint(), "ListWorkteams", "{\"MaxResults\": "),
                400, "SerializationException");
        assertAwsError(TestClients.awsJson(server.endpoint(), "ListWorkteams", "[1, 2]"), 400, "SerializationException");
        assertServing(server);
    }

    @Test
    void wrongContentTypeIsASerializationError() {
        SageMakerWorkforceServer server = server(ServerOptions.defaults());
        TestClients.Raw r = TestClients.send(server.endpoint(), "POST", "/", Map.of("Content-Type", "text/plain",
                "X-Amz-Target", "SageMaker.ListWorkteams"), "{}");
        assertAwsError(r, 400, "SerializationException");
        assertThat((String) r.json().get("message")).contains("application/x-amz-json-1.1");
    }

    @Test
    void missingAndUnknownTargetsAreUnknownOperations() {
        SageMakerWorkforceServer server = server(ServerOptions.defaults());
        assertAwsError(TestClients.send(server.endpoint(), "POST", "/",
                Map.of("Content-Type", "application/x-amz-json-1.1"), "{}"), 400, "UnknownOperationException");
        TestClients.Raw unknown = TestClients.awsJson(server.endpoint(), "CreateTrainingJob", "{}");
        assertAwsError(unknown, 400, "UnknownOperationException");
        assertThat((String) unknown.json().get("message")).contains("CreateWorkteam");
        assertAwsError(TestClients.send(server.endpoint(), "POST", "/", Map.of("Content-Type",
                "application/x-amz-json-1.1", "X-Amz-Target", "DynamoDB_20120810.ListTables"), "{}"),
                400, "UnknownOperationException");
    }

    @Test
    void wrongMethodOrPathIsNotFound() {
        SageMakerWorkforceServer server = server(ServerOptions.defaults());
        assertAwsError(TestClients.send(server.endpoint(), "GET", "/", Map.of(), null), 404, "UnknownOperationException");
        assertAwsError(TestClients.send(server.endpoint(), "POST", "/v1/workteams", Map.of("Content-Type",
                "application/x-amz-json-1.1", "X-Amz-Target", "SageMaker.ListWorkteams"), "{}"),
                404, "UnknownOperationException");
        assertServing(server);
    }

    @Test
    void oversizedBodiesAreRefusedWith413AndTheServerGoesOn() throws Exception {
        SageMakerWorkforceServer server = server(ServerOptions.defaults().withMaxBodyBytes(1024));
        FakeControl fake = server.control();
        String big = "{\"WorkteamName\":\"" + "x".repeat(4000) + "\"}";

        TestClients.Raw declared = TestClients.awsJson(server.endpoint(), "DescribeWorkteam", big);
        assertAwsError(declared, 413, "SerializationException");
        assertThat((String) declared.json().get("message")).contains("at most 1024 bytes");

        // Chunked: no Content-Length to check up front, so the limit applies while reading.
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpResponse<String> chunked = http.send(HttpRequest.newBuilder(server.endpoint())
                .header("Content-Type", "application/x-amz-json-1.1")
                .header("X-Amz-Target", "SageMaker.DescribeWorkteam")
                .POST(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new ByteArrayInputStream(big.getBytes(StandardCharsets.UTF_8))))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(chunked.statusCode()).isEqualTo(413);
        assertThat(chunked.body()).contains("SerializationException");

        // A huge declared length is refused before a byte of the body is read.
        try (Socket socket = send(server.endpoint(), "POST / HTTP/1.1\r\nHost: fake\r\n"
                + "Content-Type: application/x-amz-json-1.1\r\nX-Amz-Target: SageMaker.ListWorkteams\r\n"
                + "Content-Length: 5000000000\r\n\r\n")) {
            String head = responseHead(socket);
            assertThat(head).startsWith("HTTP/1.1 413").containsIgnoringCase("x-amzn-requestid")
                    .containsIgnoringCase("connection: close");
        }

        assertThat(server.control().journal()).isEmpty();
        assertServing(server);
    }

    @Test
    void aClientThatStallsHalfwayIsDroppedWhileOthersAreServed() throws Exception {
        SageMakerWorkforceServer server = server(ServerOptions.defaults().withThreads(4)
                .withRequestTimeout(Duration.ofSeconds(1)));
        FakeControl fake = server.control();
        List<Socket> stalled = new ArrayList<>();
        // Half the headers, and half a body: each holds a worker until the request timeout.
        stalled.add(send(server.endpoint(), "POST / HTTP/1.1\r\nHost: fake\r\nX-Amz-Tar"));
        stalled.add(send(server.endpoint(), "POST / HTTP/1.1\r\nHost: fake\r\nContent-Type: "
                + "application/x-amz-json-1.1\r\nX-Amz-Target: SageMaker.ListWorkteams\r\nContent-Length: 100\r\n\r\n{\"Ma"));
        for (int i = 0; i < 20; i++) {
            assertServing(server);
        }
        for (Socket s : stalled) {
            assertDroppedWithoutAnswer(s);
        }
        assertServing(server);
    }

    /**
     * One timer per connection checks its deadline (docs/benchmarks.md, "The server's tail"): a
     * slow but steady client on one keep-alive connection, each request taking a good part of the
     * timeout and all of them together many times it, is never cut off by a deadline of an
     * earlier request or phase.
     */
    @Test
    void aSteadyKeepAliveClientOutlivesManyTimeoutsOfItsEarlierRequests() throws Exception {
        SageMakerWorkforceServer server = server(ServerOptions.defaults().withRequestTimeout(Duration.ofMillis(300)));
        String body = "{}";
        String head = "POST / HTTP/1.1\r\nHost: fake\r\nContent-Type: application/x-amz-json-1.1\r\n";
        String rest = "X-Amz-Target: SageMaker.ListWorkteams\r\nContent-Length: " + body.length() + "\r\n\r\n";
        try (Socket socket = new Socket(server.endpoint().getHost(), server.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            for (int i = 0; i < 12; i++) { // about 1.2 s on one connection, four times the timeout
                out.write(head.getBytes(StandardCharsets.US_ASCII));
                out.flush();
                Thread.sleep(50); // the client's own pace, inside the headers (not a wait for the server)
                out.write(rest.getBytes(StandardCharsets.US_ASCII));
                out.flush();
                Thread.sleep(50); // inside the body
                out.write(body.getBytes(StandardCharsets.US_ASCII));
                out.flush();
                String answer = responseHead(socket);
                assertThat(answer).as("request %s", i).startsWith("HTTP/1.1 200");
                int length = Integer.parseInt(answer.lines().filter(l -> l.toLowerCase(java.util.Locale.ROOT)
                        .startsWith("content-length:")).findFirst().orElseThrow().substring(15).trim());
                socket.getInputStream().readNBytes(length);
            }
        }
        assertThat(server.control().journal()).hasSize(12);
    }

    /**
     * A refusal of the HTTP layer (a body too large, a request that is not HTTP) carries a request
     * id from the fake's own sequence, so an id seed makes it the same on every run
     * (docs/seeding.md).
     */
    @Test
    void refusalsOfTheHttpLayerCarrySeededRequestIds() throws Exception {
        List<String> first = refusalIds(server(FakeSettings.defaults().withIdSeed(42L), ServerOptions.defaults()));
        List<String> again = refusalIds(server(FakeSettings.defaults().withIdSeed(42L), ServerOptions.defaults()));
        List<String> other = refusalIds(server(FakeSettings.defaults().withIdSeed(43L), ServerOptions.defaults()));

        assertThat(first).hasSize(2).doesNotHaveDuplicates().isEqualTo(again);
        assertThat(other).doesNotContainAnyElementsOf(first);
    }

    private List<String> refusalIds(SageMakerWorkforceServer server) throws IOException {
        List<String> ids = new ArrayList<>();
        for (String request : List.of("POST / HTTP/1.1\r\nHost: fake\r\nContent-Type: application/x-amz-json-1.1\r\n"
                + "X-Amz-Target: SageMaker.ListWorkteams\r\nContent-Length: 5000000000\r\n\r\n",
                "POST / HTTP/1.1\r\nHost: fake\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\n{}")) {
            try (Socket socket = send(server.endpoint(), request)) {
                String head = responseHead(socket);
                assertThat(head).startsWith("HTTP/1.1 4");
                ids.add(head.lines().filter(l -> l.toLowerCase(java.util.Locale.ROOT).startsWith("x-amzn-requestid:"))
                        .findFirst().orElseThrow().substring("x-amzn-requestid:".length()).trim());
            }
        }
        return ids;
    }

    @Test
    void moreStalledClientsThanWorkersCannotBlockTheServerForGood() throws Exception {
        SageMakerWorkforceServer server = server(ServerOptions.defaults().withThreads(2)
                .withRequestTimeout(Duration.ofSeconds(1)));
        FakeControl fake = server.control();
        List<Socket> stalled = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            stalled.add(send(server.endpoint(), "POST / HTTP/1.1\r\nHost: fake\r\nContent-Le"));
        }
        assertServing(server); // waits its turn, then is served once the stalled ones are cut off
        for (Socket s : stalled) {
            assertDroppedWithoutAnswer(s);
        }
    }

    @Test
    void abandonedConnectionsDoNotDisturbTheServer() throws Exception {
        SageMakerWorkforceServer server = server(ServerOptions.defaults().withThreads(2));
        FakeControl fake = server.control();
        // Connects and never says a word.
        Socket silent = new Socket(server.endpoint().getHost(), server.port());
        resources.add(silent);
        // Sends a whole request and leaves before the answer.
        String body = String.format(TEAM, "left-behind");
        try (Socket s = send(server.endpoint(), "POST / HTTP/1.1\r\nHost: fake\r\nContent-Type: "
                + "application/x-amz-json-1.1\r\nX-Amz-Target: SageMaker.CreateWorkteam\r\nContent-Length: "
                + body.length() + "\r\n\r\n" + body)) {
            s.setSoLinger(true, 0); // leave abruptly (RST)
        }
        // Sends half a request and leaves.
        try (Socket s = send(server.endpoint(), "POST / HTTP/1.1\r\nHost: fake\r\nContent-Length: 50\r\n\r\n{")) {
            s.setSoLinger(true, 0);
        }
        for (int i = 0; i < 10; i++) {
            assertServing(server);
        }
    }

    @Test
    void manyConcurrentClientsGetAnswersWithoutErrors() throws Exception {
        SageMakerWorkforceServer server = server(FakeSettings.defaults(), ServerOptions.defaults());
        FakeControl fake = server.control();
        SageMakerClient client = TestClients.urlConnection(server.endpoint());
        resources.add(client);
        client.createWorkteam(r -> r.workteamName("shared").description("d")
                .memberDefinitions(TestClients.cognitoMember("us-east-1_abc123")));
        int threads = 16;
        int perThread = 200;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int id = t;
                results.add(pool.submit(() -> {
                    int ok = 0;
                    for (int i = 0; i < perThread; i++) {
                        if ((i + id) % 2 == 0) {
                            ok += client.describeWorkteam(r -> r.workteamName("shared")).workteam()
                                    .workteamName().equals("shared") ? 1 : 0;
                        } else {
                            ok += client.listWorkteams(r -> { }).workteams().size() == 1 ? 1 : 0;
                        }
                    }
                    return ok;
                }));
            }
            int total = 0;
            for (Future<Integer> f : results) {
                total += f.get(5, TimeUnit.MINUTES);
            }
            assertThat(total).isEqualTo(threads * perThread);
        } finally {
            pool.shutdownNow();
        }
        assertThat(fake.journal()).hasSize(threads * perThread + 1).allMatch(e -> e.statusCode() == 200);
    }

    @Test
    void concurrentAddTagsLoseNoUpdate() throws Exception {
        SageMakerWorkforceServer server = server(FakeSettings.defaults(), ServerOptions.defaults());
        SageMakerClient client = TestClients.apache(server.endpoint());
        resources.add(client);
        String arn = client.createWorkteam(r -> r.workteamName("tagged").description("d")
                .memberDefinitions(TestClients.cognitoMember("us-east-1_abc123")))
                .workteamArn();
        int threads = 8;
        int tagsEach = 6;
        runTogether(threads, t -> {
            for (int i = 0; i < tagsEach; i++) {
                String key = "k-" + t + "-" + i;
                client.addTags(r -> r.resourceArn(arn).tags(Tag.builder().key(key).value("v").build()));
            }
        });
        Set<String> keys = ConcurrentHashMap.newKeySet();
        client.listTagsPaginator(r -> r.resourceArn(arn)).tags().forEach(tag -> keys.add(tag.key()));
        assertThat(keys).hasSize(threads * tagsEach);
    }

    @Test
    void concurrentCreatesNeverExceedTheWorkteamLimit() throws Exception {
        SageMakerWorkforceServer server = server(FakeSettings.defaults().withLimits(FakeLimits.service().withMaxWorkteams(25)), ServerOptions.defaults());
        FakeControl fake = server.control();
        SageMakerClient client = TestClients.urlConnection(server.endpoint());
        resources.add(client);
        AtomicInteger created = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        int threads = 8;
        int each = 10;
        runTogether(threads, t -> {
            for (int i = 0; i < each; i++) {
                String name = "team-" + t + "-" + i;
                try {
                    client.createWorkteam(r -> r.workteamName(name).description("d")
                            .memberDefinitions(TestClients.cognitoMember("us-east-1_abc123")));
                    created.incrementAndGet();
                } catch (ResourceLimitExceededException e) {
                    refused.incrementAndGet();
                }
            }
        });
        assertThat(created.get()).isEqualTo(25);
        assertThat(refused.get()).isEqualTo(threads * each - 25);
        assertThat(fake.state().workteams()).hasSize(25);
        assertThat(client.listWorkteamsPaginator(r -> { }).workteams().stream().count()).isEqualTo(25);
    }

    @Test
    void anUnexpectedFailureIsAnInternalFailureWithoutStackTraceAndTheServerGoesOn() {
        SageMakerWorkforceServer server = server(FakeSettings.defaults(), ServerOptions.defaults());
        FakeControl fake = server.control();
        fake.addFault(FaultRule.forOperation("DescribeWorkteam").when(request -> {
            throw new IllegalStateException("a bug inside the fake");
        }).throttle());
        TestClients.Raw r = TestClients.awsJson(server.endpoint(), "DescribeWorkteam", "{\"WorkteamName\":\"a\"}");
        assertAwsError(r, 500, "InternalFailure");
        assertThat((String) r.json().get("message")).contains("a bug inside the fake").contains("bug in the fake");
        assertServing(server);
    }

    @Test
    void injectedConnectionFaultsAreActedOutOnTheSocket() throws Exception {
        SageMakerWorkforceServer server = server(FakeSettings.defaults(), ServerOptions.defaults());
        FakeControl fake = server.control();
        String request = "POST / HTTP/1.1\r\nHost: fake\r\nContent-Type: application/x-amz-json-1.1\r\n"
                + "X-Amz-Target: SageMaker.ListWorkteams\r\nConnection: close\r\nContent-Length: 2\r\n\r\n{}";

        fake.addFault(FaultRule.forOperation("ListWorkteams").once().resetConnection());
        assertThat(rawExchangeOrReset(server.endpoint(), request)).isEmpty();

        fake.addFault(FaultRule.forOperation("ListWorkteams").once().emptyResponse());
        assertThat(rawExchangeOrReset(server.endpoint(), request)).isEmpty();

        fake.addFault(FaultRule.forOperation("ListWorkteams").once().malformedResponse());
        String malformed = rawExchange(server.endpoint(), request);
        assertThat(malformed).startsWith("HTTP/1.1 200").contains("<html>");

        assertServing(server);
        assertThat(fake.journal()).extracting(e -> e.errorCode())
                .containsExactly("CONNECTION_RESET", "EMPTY_RESPONSE", "MALFORMED_RESPONSE", null);
    }

    @Test
    void everyResponseCarriesARequestId() {
        SageMakerWorkforceServer server = server(ServerOptions.defaults());
        assertThat(TestClients.awsJson(server.endpoint(), "ListWorkteams", "{}").header("x-amzn-RequestId")).isNotBlank();
        assertThat(TestClients.send(server.endpoint(), "GET", "/_fake/health", Map.of(), null)
                .header("x-amzn-RequestId")).isNotBlank();
        assertThat(TestClients.send(server.endpoint(), "GET", "/_fake/nothing", Map.of(), null)
                .header("x-amzn-RequestId")).isNotBlank();
    }

    @Test
    void closeIsIdempotentAndRefusesLaterConnections() {
        SageMakerWorkforceServer server = SageMakerWorkforceServer.start(FakeSettings.defaults());
        URI endpoint = server.endpoint();
        assertServing(server);
        server.close();
        server.close();
        assertThatThrownBy(() -> new Socket(endpoint.getHost(), endpoint.getPort()).close())
                .isInstanceOf(IOException.class);
    }

    // ------------------------------------------------------------------ helpers

    private interface ThreadBody {
        void run(int thread) throws Exception;
    }

    private static void runTogether(int threads, ThreadBody body) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CyclicBarrier start = new CyclicBarrier(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int id = t;
                futures.add(pool.submit(() -> {
                    start.await();
                    body.run(id);
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get(5, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private Socket send(URI endpoint, String text) throws IOException {
        Socket socket = new Socket(endpoint.getHost(), endpoint.getPort());
        resources.add(socket);
        socket.setSoTimeout(30_000); // a guard against a hung test, not a timing assertion
        OutputStream out = socket.getOutputStream();
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
        return socket;
    }

    /** The server closes the connection (EOF or reset) without sending a byte. */
    private static void assertDroppedWithoutAnswer(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        try {
            assertThat(in.read()).isEqualTo(-1);
        } catch (SocketTimeoutException e) {
            throw new AssertionError("the server never dropped the stalled connection", e);
        } catch (SocketException e) {
            assertThat(e.getMessage()).containsIgnoringCase("reset");
        }
    }

    private String rawExchange(URI endpoint, String request) throws IOException {
        try (Socket socket = send(endpoint, request)) {
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (SocketException e) {
            throw new AssertionError("expected an answer, got " + e, e);
        }
    }

    /** The status line and headers of the response, read without waiting for the connection to close. */
    private static String responseHead(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        StringBuilder head = new StringBuilder();
        int c;
        while (!head.toString().endsWith("\r\n\r\n") && (c = in.read()) != -1) {
            head.append((char) c);
        }
        return head.toString();
    }

    /** What the server sent before closing; empty when it closed or reset without a byte. */
    private String rawExchangeOrReset(URI endpoint, String request) throws IOException {
        try (Socket socket = send(endpoint, request)) {
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            try {
                socket.getInputStream().transferTo(got);
            } catch (SocketException e) {
                assertThat(e.getMessage()).containsIgnoringCase("reset");
            }
            return got.toString(StandardCharsets.UTF_8);
        }
    }
}
