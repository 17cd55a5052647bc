package io.github.sagemakerfake.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.sagemakerfake.admin.RemoteFakeControl;
import io.github.sagemakerfake.control.FakeControl;
import io.github.sagemakerfake.control.FakeSettings;
import io.github.sagemakerfake.control.FaultRule;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;

/**
 * The event-driven server over real sockets: slow clients hold no thread, a long latency rule
 * holds none either (the admin API answers while every data-plane request waits), broken HTTP
 * gets an AWS-shaped answer or a clean close, and strict mode cannot be sidestepped.
 */
class EventDrivenServerTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    private final List<AutoCloseable> resources = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        Collections.reverse(resources);
        for (AutoCloseable r : resources) {
            r.close();
        }
    }

    private SageMakerWorkforceServer server(FakeSettings settings, ServerOptions options) {
        SageMakerWorkforceServer server = SageMakerWorkforceServer.start(settings, options);
        resources.add(server);
        return server;
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("gave up waiting for " + what);
            }
            Thread.sleep(20); // polling a condition, with a deadline
        }
    }

    // ------------------------------------------------------------------ slow clients

    @Test
    void aThousandDrippingConnectionsDoNotStopNormalCalls() throws Exception {
        int drippers = 1000;
        long maxFiles = ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.UnixOperatingSystemMXBean unix ? unix.getMaxFileDescriptorCount() : -1;
        // Client and server ends live in this JVM: two descriptors per connection, plus the JVM's own.
        assumeTrue(maxFiles < 0 || maxFiles >= 2L * drippers + 500,
                "needs " + (2 * drippers + 500) + " file descriptors; ulimit -n is " + maxFiles);
        SageMakerWorkforceServer server = server(FakeSettings.defaults(), ServerOptions.defaults().withThreads(2)
                .withHeaderTimeout(Duration.ofMinutes(5)));
        FakeControl fake = server.control();
        InetSocketAddress address = new InetSocketAddress(server.endpoint().getHost(), server.port());
        List<SocketChannel> slow = new ArrayList<>();
        try {
            for (int i = 0; i < drippers; i++) {
                SocketChannel channel = SocketChannel.open(address);
                channel.configureBlocking(false);
                slow.add(channel);
                write(channel, "POST / HTTP/1.1\r\nHost: fake\r\nX-Drip: ");
            }
            SageMakerClient client = TestClients.urlConnection(server.endpoint());
            resources.add(client);
            for (int round = 0; round < 5; round++) {
                for (SocketChannel channel : slow) {
                    write(channel, "a"); // one more byte of a header that never ends
                }
                String name = "team-" + round;
                client.createWorkteam(r -> r.workteamName(name).description("d")
                        .memberDefinitions(TestClients.cognitoMember("us-east-1_abc123")));
                assertThat(client.describeWorkteam(r -> r.workteamName(name)).workteam().workteamName())
                        .isEqualTo(name);
            }
            ByteBuffer buffer = ByteBuffer.allocate(1);
            for (SocketChannel channel : slow) {
                assertThat(channel.read(buffer)).as("still open, still unanswered").isZero();
            }
            assertThat(fake.state().workteamNames()).hasSize(5);
        } finally {
            for (SocketChannel channel : slow) {
                channel.close();
            }
        }
    }

    private static void write(SocketChannel channel, String text) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.US_ASCII));
        while (bytes.hasRemaining()) {
            channel.write(bytes);
        }
    }

    @Test
    void fortyCallersDelayedTwentySecondsLeaveTheAdminApiAndOtherOperationsAnswering() throws Exception {
        SageMakerWorkforceServer server = server(FakeSettings.defaults(), ServerOptions.defaults().withThreads(1)
                .withShutdownGrace(Duration.ofSeconds(30)));
        FakeControl fake = server.control();
        fake.addFault(FaultRule.forOperation("ListWorkteams").withLatency(Duration.ofSeconds(20)).latencyOnly());
        List<CompletableFuture<HttpResponse<String>>> waiting = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            waiting.add(HTTP.sendAsync(HttpRequest.newBuilder(server.endpoint())
                    .header("Content-Type", "application/x-amz-json-1.1")
                    .header("X-Amz-Target", "SageMaker.ListWorkteams")
                    .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString()));
        }
        await("40 delayed calls", () -> fake.faults().get(0).firedCount() == 40);

        // One event-loop thread, 40 requests waiting on it: everything else still answers.
        URI endpoint = server.endpoint();
        assertThat(TestClients.send(endpoint, "GET", "/_fake/health", Map.of(), null).status()).isEqualTo(200);
        assertThat(TestClients.awsJson(endpoint, "ListWorkforces", "{}").status()).isEqualTo(200);
        assertThat(TestClients.send(endpoint, "DELETE", "/_fake/faults", Map.of(), null).status()).isEqualTo(200);
        assertThat(fake.faults()).isEmpty();
        assertThat(TestClients.awsJson(endpoint, "ListWorkteams", "{}").status())
                .as("the rule is gone: a new call is answered at once").isEqualTo(200);

        // Shutdown answers the requests still waiting out their latency, at once, within the grace period.
        server.close();
        for (CompletableFuture<HttpResponse<String>> f : waiting) {
            HttpResponse<String> response = f.get(60, TimeUnit.SECONDS);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("{\"Workteams\":[]}");
        }
        assertThat(fake.journal()).filteredOn(e -> e.operation().equals("ListWorkteams")).hasSize(41);
    }

    @Test
    void shutdownRefusesNewRequestsOnOpenConnections() throws Exception {
        SageMakerWorkforceServer server = server(FakeSettings.defaults(), ServerOptions.defaults());
        FakeControl fake = server.control();
        fake.addFault(FaultRule.forOperation("ListWorkteams").withLatency(Duration.ofSeconds(20)).latencyOnly());
        Socket socket = new Socket(server.endpoint().getHost(), server.port());
        resources.add(socket);
        socket.setSoTimeout(30_000);
        OutputStream out = socket.getOutputStream();
        String list = "POST / HTTP/1.1\r\nHost: fake\r\nContent-Type: application/x-amz-json-1.1\r\n"
                + "X-Amz-Target: SageMaker.ListWorkteams\r\nContent-Length: 2\r\n\r\n{}";
        out.write((list + list).getBytes(StandardCharsets.US_ASCII)); // the second is pipelined behind the first
        out.flush();
        await("the delayed call", () -> fake.faults().get(0).firedCount() == 1);
        server.close();
        String answers = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(answers).startsWith("HTTP/1.1 200").contains("{\"Workteams\":[]}")
                .containsIgnoringCase("connection: close");
        assertThat(answers.indexOf("HTTP/1.1", 1)).as("the pipelined request is not served after shutdown")
                .isEqualTo(-1);
    }

    // ------------------------------------------------------------------ broken HTTP

    static List<String> malformedRequests() {
        String flood = "X-H: v\r\n".repeat(20_000);
        return List.of(
                "GARBAGE\r\n\r\n",
                "GET\r\n\r\n",
                "POST / HTTP/9.9\r\nHost: fake\r\n\r\n",
                "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n",
                "GET /%zz HTTP/1.1\r\nHost: fake\r\nConnection: close\r\n\r\n",
                "GET // HTTP/1.1\r\nHost: fake\r\nConnection: close\r\n\r\n",
                "GET http://fake HTTP/1.1\r\nHost: fake\r\nConnection: close\r\n\r\n",
                "OPTIONS * HTTP/1.1\r\nHost: fake\r\nConnection: close\r\n\r\n",
                "GET /" + "a".repeat(20_000) + " HTTP/1.1\r\nHost: fake\r\n\r\n",
                "POST / HTTP/1.1\r\nHost: fake\r\nContent-Length: abc\r\n\r\n{}",
                "POST / HTTP/1.1\r\nHost: fake\r\nContent-Length: -1\r\n\r\n{}",
                "POST / HTTP/1.1\r\nHost: fake\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\n{}",
                "POST / HTTP/1.1\r\nHost: fake\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n",
                "POST / HTTP/1.1\r\nHost: fake\r\nTransfer-Encoding: chunked\r\nContent-Length: 2\r\n\r\n2\r\n{}\r\n0\r\n\r\n",
                "POST / HTTP/1.1\r\nHost: fake\r\nTransfer-Encoding: gzip, chunked, identity\r\n\r\n0\r\n\r\n",
                "POST / HTTP/1.1\r\nHost: fake\r\nExpect: teapot\r\nContent-Length: 2\r\n\r\n{}",
                "POST / HTTP/1.1\r\nHost: fake\r\nBad Header Name: x\r\n\r\n",
                "POST / HTTP/1.1\r\nHost: fake\r\n" + flood + "\r\n",
                "POST / HTTP/1.1\r\nHost: fake\r\nX-Big: " + "b".repeat(1024 * 1024) + "\r\n\r\n",
                "\u0016\u0003\u0001\u0002\u0000\u0001\u0000\u01fc\u0003\u0003 a TLS ClientHello",
                "\u0000\u0000\u0000\u0000\r\n\r\n");
    }

    @ParameterizedTest
    @MethodSource("malformedRequests")
    void brokenHttpGetsAnAwsShapedAnswerOrACleanClose(String request) throws Exception {
        SageMakerWorkforceServer server = server(FakeSettings.defaults(), ServerOptions.defaults());
        String answer = exchange(server.endpoint(), request.getBytes(StandardCharsets.ISO_8859_1));
        if (!answer.isEmpty()) {
            assertThat(answer).startsWith("HTTP/1.1 ").containsIgnoringCase("x-amzn-RequestId: ");
            int status = Integer.parseInt(answer.substring(9, 12));
            assertThat(status).isBetween(400, 499);
            String body = answer.substring(answer.indexOf("\r\n\r\n") + 4);
            @SuppressWarnings("unchecked")
            Map<String, Object> json = (Map<String, Object>) TestJson.parse(body);
            assertThat(json).containsKeys("__type", "message");
            assertThat(answer).doesNotContainIgnoringCase("<html").doesNotContain("Exception:")
                    .doesNotContain("java.").doesNotContain("netty");
        }
        // Whatever came before, the server goes on serving.
        assertThat(TestClients.awsJson(server.endpoint(), "ListWorkteams", "{}").status()).isEqualTo(200);
    }

    /** Everything the server sends until it closes; a reset after an answer keeps what was read. */
    private String exchange(URI endpoint, byte[] request) throws IOException {
        try (Socket socket = new Socket(endpoint.getHost(), endpoint.getPort())) {
            socket.setSoTimeout(30_000); // a guard against a hung test, not a timing assertion
            CompletableFuture<Void> writing = CompletableFuture.runAsync(() -> {
                try {
                    OutputStream out = socket.getOutputStream();
                    out.write(request);
                    out.flush();
                    socket.shutdownOutput();
                } catch (IOException e) {
                    // The server refused the rest (an oversized head): its answer is still readable.
                }
            });
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[8192];
            try {
                int n;
                while ((n = in.read(buffer)) != -1) {
                    got.write(buffer, 0, n);
                }
            } catch (SocketException e) {
                assertThat(got.size()).as("reset before an answer: " + e).isZero();
                throw new AssertionError("the server reset the connection instead of answering or closing", e);
            }
            writing.join();
            return got.toString(StandardCharsets.ISO_8859_1);
        }
    }

    @Test
    void aConnectionOverTheLimitGetsA503AndTheOthersGoOn() throws Exception {
        SageMakerWorkforceServer server = server(FakeSettings.defaults(),
                ServerOptions.defaults().withMaxConnections(2));
        Socket a = new Socket(server.endpoint().getHost(), server.port());
        Socket b = new Socket(server.endpoint().getHost(), server.port());
        resources.add(a);
        resources.add(b);
        await("two connections held", () -> {
            try (Socket third = new Socket(server.endpoint().getHost(), server.port())) {
                third.setSoTimeout(30_000);
                String answer = new String(third.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                return answer.startsWith("HTTP/1.1 503") && answer.contains("\"ServiceUnavailable\"")
                        && answer.contains("--max-connections");
            } catch (IOException e) {
                return false;
            }
        });
        a.close();
        b.close();
        await("a freed slot", () -> {
            try {
                return TestClients.awsJson(server.endpoint(), "ListWorkteams", "{}").status() == 200;
            } catch (RuntimeException e) {
                return false;
            }
        });
    }

    // ------------------------------------------------------------------ strict mode

    private static final String KEY = "123456789012";
    private static final String SECRET = "strict-secret";

    private static Map<String, String> signedListWorkteams(URI endpoint, String authorizationSuffix) {
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        SdkHttpRequest request = SdkHttpRequest.builder().method(SdkHttpMethod.POST).uri(endpoint.resolve("/"))
                .putHeader("Content-Type", "application/x-amz-json-1.1")
                .putHeader("X-Amz-Target", "SageMaker.ListWorkteams")
                .build();
        SdkHttpRequest signed = AwsV4HttpSigner.create().sign(r -> r
                .identity(AwsCredentialsIdentity.create(KEY, SECRET))
                .request(request)
                .payload(ContentStreamProvider.fromByteArray(body))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "sagemaker")
                .putProperty(AwsV4HttpSigner.REGION_NAME, "eu-west-1")).request();
        Map<String, String> all = new LinkedHashMap<>();
        signed.headers().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("host")) { // the JDK client sets Host itself
                all.put(name, values.get(0));
            }
        });
        all.put("Authorization", all.get("Authorization") + authorizationSuffix);
        return all;
    }

    @Test
    void theDecoyCredentialCannotMoveASignedRequest() {
        SageMakerWorkforceServer server = server(FakeSettings.defaults(), ServerOptions.defaults().withStrictAuth(KEY, SECRET));
        FakeControl fake = server.control();
        URI endpoint = server.endpoint();
        TestClients.Raw honest = TestClients.send(endpoint, "POST", "/", signedListWorkteams(endpoint, ""), "{}");
        assertThat(honest.status()).as(honest.body()).isEqualTo(200);

        String decoy = ", X=Credential=999999999999/20240501/ap-south-1/sagemaker/aws4_request";
        TestClients.Raw moved = TestClients.send(endpoint, "POST", "/", signedListWorkteams(endpoint, decoy), "{}");
        assertThat(moved.status()).isEqualTo(400);
        assertThat(moved.json()).containsEntry("__type", "IncompleteSignatureException");
        assertThat(fake.journal()).hasSize(1).allSatisfy(e -> {
            assertThat(e.account()).isEqualTo(KEY);
            assertThat(e.region()).isEqualTo("eu-west-1");
        });
    }

    @Test
    void withoutAuthenticationStrictModeAnswersMissingAuthenticationToken403() {
        SageMakerWorkforceServer server = server(FakeSettings.defaults(),
                ServerOptions.defaults().withStrictAuth(KEY, SECRET));
        TestClients.Raw r = TestClients.awsJson(server.endpoint(), "ListWorkteams", "{}");
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.json()).containsEntry("__type", "MissingAuthenticationToken")
                .containsEntry("message", "Missing Authentication Token");
    }

    @Test
    void unsignedAdminCallsInStrictModeGet403AndSignedOnesAreServed() {
        SageMakerWorkforceServer server = server(FakeSettings.defaults(), ServerOptions.defaults().withStrictAuth(KEY, SECRET));
        FakeControl fake = server.control();
        URI endpoint = server.endpoint();
        fake.addFault(FaultRule.forOperation("CreateWorkteam").once().throttle());
        for (String[] call : List.of(new String[] {"POST", "/_fake/reset"}, new String[] {"GET", "/_fake/state"},
                new String[] {"GET", "/_fake/requests"}, new String[] {"DELETE", "/_fake/faults"},
                new String[] {"POST", "/_fake/seed"}, new String[] {"POST", "/_fake/clock"})) {
            TestClients.Raw r = TestClients.send(endpoint, call[0], call[1], Map.of(), "{}");
            assertThat(r.status()).as(call[0] + " " + call[1]).isEqualTo(403);
            assertThat(r.json()).containsEntry("__type", "MissingAuthenticationToken");
            assertThat(r.header("x-amzn-RequestId")).isNotBlank();
        }
        assertThat(fake.faults()).as("nothing an unsigned call asked for happened").hasSize(1);
        assertThat(TestClients.send(endpoint, "GET", "/_fake/health", Map.of(), null).status())
                .as("health stays open for readiness probes").isEqualTo(200);

        RemoteFakeControl wrongKey = RemoteFakeControl.connect(endpoint, KEY, "not-the-secret");
        assertThatThrownBy(wrongKey::clearFaults).isInstanceOf(IllegalStateException.class).hasMessageContaining("403");
        assertThatThrownBy(() -> RemoteFakeControl.connect(endpoint).clearFaults())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("403")
                .hasMessageContaining("connect(endpoint, accessKeyId, secretAccessKey)");

        RemoteFakeControl signed = RemoteFakeControl.connect(endpoint, KEY, SECRET);
        signed.clearFaults();
        assertThat(fake.faults()).isEmpty();
        signed.reset("123456789012", "eu-west-1");
        assertThat(signed.state().workteams()).isEmpty();
    }
}
