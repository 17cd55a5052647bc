package io.github.sagemakerfake.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sagemakerfake.control.FakeSettings;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Over HTTP, each bad number, oversized value and long region gets a 4xx with an AWS-shaped body,
 * the admin API refuses out-of-range numbers with the range, and a server with a 256 MiB heap keeps
 * answering through a stream of 1 MiB requests.
 */
class BoundedInputOverHttpTest {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final List<AutoCloseable> resources = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable r : resources) {
            r.close();
        }
    }

    private URI start() {
        SageMakerWorkforceServer server = SageMakerWorkforceServer.start(FakeSettings.defaults(),
                ServerOptions.defaults());
        resources.add(server);
        return server.endpoint();
    }

    private HttpResponse<String> call(URI endpoint, String operation, String body, String authorization)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/x-amz-json-1.1").header("X-Amz-Target", "SageMaker." + operation)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> admin(URI endpoint, String method, String path, String body)
            throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(endpoint.resolve(path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"X\":1e99999999}", "{\"X\":1e2147483647}", "{\"X\":1e9999999999}",
        "{\"WorkteamArn\":\"arn:aws:sagemaker:us-east-1:123456789012:workteam/private-crowd/t\","
            + "\"CreationTimeAfter\":1e999999999}",
        "{\"WorkteamArn\":\"arn:aws:sagemaker:us-east-1:123456789012:workteam/private-crowd/t\","
            + "\"CreationTimeAfter\":1e300}"})
    void badNumbersAreA400AndTheJournalStaysReadable(String body) throws Exception {
        URI endpoint = start();

        HttpResponse<String> response = call(endpoint, "ListLabelingJobsForWorkteam", body, null);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"__type\":\"SerializationException\"");
        HttpResponse<String> journal = admin(endpoint, "GET", "/_fake/requests", null);
        assertThat(journal.statusCode()).isEqualTo(200);
        assertThat(journal.body().length()).isLessThan(10_000);
    }

    @Test
    void oversizedValuesAreA4xxWithAShortBody() throws Exception {
        URI endpoint = start();

        HttpResponse<String> name = call(endpoint, "DescribeWorkteam",
                "{\"WorkteamName\":\"" + "a".repeat(900_000) + "\"}", null);
        assertThat(name.statusCode()).isEqualTo(400);
        assertThat(name.body()).contains("ValidationException", "Member must have length less than or equal to 63")
                .hasSizeLessThan(3_000);

        HttpResponse<String> huge = call(endpoint, "DescribeWorkteam",
                "{\"WorkteamName\":\"" + "a".repeat(10 * 1024 * 1024) + "\"}", null);
        assertThat(huge.statusCode()).isBetween(400, 499);
        assertThat(huge.body()).contains("SerializationException").hasSizeLessThan(1_000);
    }

    @Test
    void longRegionsAreA4xxAndCreateNoState() throws Exception {
        URI endpoint = start();
        for (int length : new int[] {300, 10_000, 380_000}) {
            String auth = "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260101/us-" + "x".repeat(length)
                    + "-1/sagemaker/aws4_request, SignedHeaders=host, Signature=abc";
            HttpResponse<String> response = call(endpoint, "ListWorkteams", "{}", auth);
            assertThat(response.statusCode()).as("region of %s characters", length).isBetween(400, 499);
            assertThat(response.body()).hasSizeLessThan(2_000);
        }
        HttpResponse<String> state = admin(endpoint, "GET", "/_fake/state", null);
        assertThat(state.body()).doesNotContain("xxxx");
    }

    @Test
    void theAdminApiRefusesOutOfRangeNumbersWithTheRange() throws Exception {
        URI endpoint = start();

        HttpResponse<String> status = admin(endpoint, "POST", "/_fake/faults", "{\"Operation\":\"CreateWorkteam\","
                + "\"Outcome\":\"ERROR\",\"ErrorCode\":\"Boom\",\"StatusCode\":4294967696}");
        assertThat(status.statusCode()).isEqualTo(400);
        assertThat(status.body()).contains("from 400 to 599", "4294967696");

        HttpResponse<String> latency = admin(endpoint, "POST", "/_fake/faults",
                "{\"Operation\":\"CreateWorkteam\",\"MinLatencyMillis\":1e16}");
        assertThat(latency.statusCode()).isEqualTo(400);
        assertThat(latency.body()).contains("from 0 to 600000");

        HttpResponse<String> clock = admin(endpoint, "POST", "/_fake/clock", "{\"AdvanceMillis\":1e18}");
        assertThat(clock.statusCode()).isEqualTo(400);
        assertThat(clock.body()).contains("from 0 to 6307200000000");

        HttpResponse<String> faults = admin(endpoint, "GET", "/_fake/faults", null);
        assertThat(faults.body()).contains("\"Faults\":[]");
    }

    // ------------------------------------------------------------------ -Xmx256m, as its own process

    @Test
    void aServerWith256MiBOfHeapKeepsAnsweringThroughAStreamOfOneMiBRequests() throws Exception {
        Process process = server("-Xmx256m");
        URI endpoint = URI.create(firstLine(process).substring(ServerMain.LISTENING.length()) + "/");
        String tags = oneMiBOfEmptyTagKeys();
        String description = "{\"WorkteamName\":\"t\",\"Description\":\"" + "d".repeat(1024 * 1024 - 64) + "\"}";

        for (int i = 0; i < 200; i++) { // before the byte bound, 120 such requests exhausted this heap
            HttpResponse<String> response = i % 2 == 0 ? call(endpoint, "AddTags", tags, null)
                    : call(endpoint, "DescribeWorkteam", description, null);
            assertThat(response.statusCode()).as("request %s: %s", i, response.body()).isEqualTo(400);
            assertThat(response.body()).contains("\"__type\":\"ValidationException\"").hasSizeLessThan(40_000);
        }

        HttpResponse<String> ok = call(endpoint, "ListWorkteams", "{}", null);
        assertThat(ok.statusCode()).isEqualTo(200);
        HttpResponse<String> journal = admin(endpoint, "GET", "/_fake/requests", null);
        assertThat(journal.statusCode()).isEqualTo(200);
        assertThat(journal.body()).contains("\"RequestTruncated\":true");
        assertThat(process.isAlive()).isTrue();
    }

    private static String oneMiBOfEmptyTagKeys() {
        StringBuilder body = new StringBuilder("{\"ResourceArn\":\"arn:aws:sagemaker:us-east-1:123456789012:"
                + "workteam/private-crowd/t\",\"Tags\":[");
        boolean first = true;
        while (body.length() < 1024 * 1024 - 40) {
            body.append(first ? "" : ",").append("{\"Key\":\"\",\"Value\":\"\"}");
            first = false;
        }
        return body.append("]}").toString();
    }

    private Process server(String... jvmArgs) throws IOException {
        Path base = Path.of(System.getProperty("basedir", "."));
        StringBuilder classPath = new StringBuilder().append(base.resolve("target/classes"))
                .append(java.io.File.pathSeparator).append(base.resolve("../core/target/classes").normalize());
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            if (entry.replace('\\', '/').contains("/io/netty/")) {
                classPath.append(java.io.File.pathSeparator).append(entry);
            }
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(jvmArgs));
        command.addAll(List.of("-cp", classPath.toString(), ServerMain.class.getName(), "--port", "0"));
        ProcessBuilder pb = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.environment().keySet().removeIf(k -> k.startsWith("SAGEMAKER_FAKE_"));
        Process process = pb.start();
        resources.add(() -> {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        });
        return process;
    }

    private static String firstLine(Process process) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line = CompletableFuture.supplyAsync(() -> {
            try {
                return out.readLine();
            } catch (IOException e) {
                return null;
            }
        }).get(60, TimeUnit.SECONDS);
        assertThat(line).as("the server's first line").isNotNull().startsWith(ServerMain.LISTENING);
        return line;
    }
}
