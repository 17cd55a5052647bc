package io.github.sagemakerfake.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Engines Testcontainers cannot use are named within seconds, with the setting that fixes them; no
 * Docker engine is needed: each case is a real Unix socket that answers like a (misbehaving) engine.
 */
class DockerPreflightTest {

    private static final String RYUK = "testcontainers/ryuk:0.13.0";
    private static final String TEMURIN = SageMakerWorkforceImage.DEFAULT_BASE_IMAGE;
    private static final String AIR_GAPPED = SageMakerWorkforceImage.AIR_GAPPED_BASE_IMAGE;

    @TempDir
    Path dir;

    private final List<AutoCloseable> open = new ArrayList<>();
    /** Requests the fake engine received, "METHOD path". */
    private final List<String> requests = java.util.Collections.synchronizedList(new ArrayList<>());

    @AfterEach
    void closeSockets() throws Exception {
        List<AutoCloseable> toClose;
        synchronized (open) {
            toClose = new ArrayList<>(open);
        }
        for (AutoCloseable c : toClose) {
            c.close();
        }
    }

    /** Ryuk enabled, no explicit base image, an engine outside any container; short timeouts. */
    private static DockerPreflight.Settings settings(String apiVersion, boolean ryukDisabled) {
        return new DockerPreflight.Settings(apiVersion, ryukDisabled, RYUK, false, null, null,
                Duration.ofSeconds(2), Duration.ofSeconds(1));
    }

    @Test
    void aMissingSocketMeansNoEngine() {
        DockerPreflight.Outcome outcome = DockerPreflight.run("unix://" + dir.resolve("docker.sock"), settings(null, true));

        assertThat(outcome.problem().noEngine()).isTrue();
        assertThat(outcome.problem().message()).contains("does not exist").contains("DOCKER_HOST");
    }

    @Test
    void aSocketThatNeverAnswersIsReportedAfterTheAnswerTimeout() throws IOException {
        Path socket = listen("silent.sock", request -> null);

        DockerPreflight.Outcome outcome = DockerPreflight.run("unix://" + socket, settings(null, true));

        assertThat(outcome.problem().noEngine()).isFalse();
        assertThat(outcome.problem().message()).contains("did not answer a ping within 2 s").contains("DOCKER_HOST");
    }

    @Test
    void aSocketThatIsNoDockerEngineIsNamedWithWhatItAnswered() throws IOException {
        Path socket = listen("garbage.sock", request -> "SSH-2.0-test\r\n");

        DockerPreflight.Outcome outcome = DockerPreflight.run("unix://" + socket, settings(null, true));

        assertThat(outcome.problem().noEngine()).isFalse();
        assertThat(outcome.problem().message()).contains("is not a Docker engine").contains("SSH-2.0-test");
    }

    @Test
    void anEngineThatAnswersItsPingButNothingElseIsReportedAtTheFirstStall() throws IOException {
        Path socket = listen("half.sock", request -> request.startsWith("GET /_ping ")
                ? http(200, "Api-Version: 1.41\r\n", "OK") : null);

        DockerPreflight.Outcome outcome = DockerPreflight.run("unix://" + socket, settings(null, false));

        assertThat(outcome.problem().noEngine()).isFalse();
        assertThat(outcome.problem().message()).contains("answers its ping but not GET /version within 2 s");
    }

    @Test
    void anEngineWithEveryImageIsUsableAndTheDefaultBaseIsChosen() throws IOException {
        Path socket = engine("1.47", Map.of(RYUK, true, TEMURIN, true, AIR_GAPPED, true), PullAnswer.FAIL);

        DockerPreflight.Outcome outcome = DockerPreflight.run("unix://" + socket, settings(null, false));

        assertThat(outcome.problem()).isNull();
        assertThat(outcome.learnedApiVersion()).as("1.47 is newer than Testcontainers' default").isNull();
        assertThat(outcome.baseImage()).isEqualTo(TEMURIN);
        assertThat(requests).noneMatch(r -> r.startsWith("POST"));
    }

    @Test
    void anEngineOlderThanTestcontainersDefaultIsUsedAtItsOwnApiVersion() throws IOException {
        Path socket = engine("1.41", Map.of(TEMURIN, true), PullAnswer.FAIL);

        DockerPreflight.Outcome outcome = DockerPreflight.run("unix://" + socket, settings(null, true));

        assertThat(outcome.problem()).isNull();
        assertThat(outcome.learnedApiVersion()).isEqualTo("1.41");
    }

    @Test
    void anApiVersionTheEngineDoesNotSpeakNamesTheSystemPropertyWithItsSnippet() throws IOException {
        Path socket = engine("1.41", Map.of(TEMURIN, true), PullAnswer.FAIL);

        DockerPreflight.Outcome outcome = DockerPreflight.run("unix://" + socket, settings("1.44", true));

        assertThat(outcome.problem().noEngine()).isFalse();
        assertThat(outcome.problem().message())
                .contains("speaks Docker API 1.12 to 1.41, but api.version=1.44")
                .contains("mvn -Dapi.version=1.41")
                .contains("<systemPropertyVariables><api.version>1.41</api.version></systemPropertyVariables>")
                .contains("systemProperty 'api.version', '1.41'")
                .doesNotContain("DOCKER_API_VERSION");
    }

    @Test
    void aRyukImageThatCannotBePulledIsNamedWithinSecondsInsteadOfHanging() throws IOException {
        Path socket = engine("1.41", Map.of(TEMURIN, true), PullAnswer.HANG);

        DockerPreflight.Outcome outcome = DockerPreflight.run("unix://" + socket, settings(null, false));

        assertThat(outcome.problem().noEngine()).isFalse();
        assertThat(outcome.problem().message())
                .contains("Ryuk container (the image " + RYUK + ")")
                .contains("the pull sent no progress for 1 s")
                .contains("<environmentVariables><TESTCONTAINERS_RYUK_DISABLED>true</TESTCONTAINERS_RYUK_DISABLED>")
                .contains("export TESTCONTAINERS_RYUK_DISABLED=true");
        assertThat(requests).contains("POST /images/create?fromImage=testcontainers%2Fryuk&tag=0.13.0");
    }

    @Test
    void aRyukPullTheRegistryRefusesIsNamedWithTheEnginesReason() throws IOException {
        Path socket = engine("1.44", Map.of(TEMURIN, true), PullAnswer.FAIL);

        DockerPreflight.Outcome outcome = DockerPreflight.run("unix://" + socket, settings(null, false));

        assertThat(outcome.problem().message()).contains("Ryuk").contains("no such host")
                .contains("TESTCONTAINERS_RYUK_DISABLED=true");
    }

    @Test
    void aLongPullIsReadToItsEndAndItsOutcomeDecides() throws IOException {
        Path failing = engine("1.44", Map.of(TEMURIN, true), PullAnswer.LONG_THEN_ERROR);
        assertThat(DockerPreflight.run("unix://" + failing, settings(null, false)).problem().message())
                .contains("Ryuk").contains("unexpected EOF");

        Path pulling = engine("1.44", Map.of(TEMURIN, true), PullAnswer.LONG_THEN_DONE);
        assertThat(DockerPreflight.run("unix://" + pulling, settings(null, false)).problem()).isNull();
    }

    @Test
    void withRyukDisabledItsImageIsNotLookedFor() throws IOException {
        Path socket = engine("1.44", Map.of(TEMURIN, true), PullAnswer.HANG);

        DockerPreflight.Outcome outcome = DockerPreflight.run("unix://" + socket, settings(null, true));

        assertThat(outcome.problem()).isNull();
        assertThat(requests).noneMatch(r -> r.contains("ryuk"));
    }

    @Test
    void theRegistryFreeBaseIsFoundWithoutAnySettingWhereTheDefaultIsMissing() throws IOException {
        Path socket = engine("1.41", Map.of(AIR_GAPPED, true), PullAnswer.FAIL);

        DockerPreflight.Outcome outcome = DockerPreflight.run("unix://" + socket, settings(null, true));

        assertThat(outcome.problem()).isNull();
        assertThat(outcome.baseImage()).isEqualTo(AIR_GAPPED);
        assertThat(requests).noneMatch(r -> r.startsWith("POST"));
    }

    @Test
    void noBaseImageAndNoRegistryNamesTheScriptAndTheSettings() throws IOException {
        Path socket = engine("1.41", Map.of(), PullAnswer.HANG);

        DockerPreflight.Outcome outcome = DockerPreflight.run("unix://" + socket, settings(null, true));

        assertThat(outcome.problem().message())
                .contains("The base image " + TEMURIN + " is not in the Docker engine and cannot be pulled")
                .contains("docker/base-image/make-base-image.sh")
                .contains("-Dsagemaker.fake.baseImage=")
                .contains("SAGEMAKER_FAKE_BASE_IMAGE");
    }

    @Test
    void insideAContainerWithoutABridgeGatewayTheHostOverrideIsNamed() throws IOException {
        Path socket = engine("1.41", Map.of(TEMURIN, true), PullAnswer.FAIL);
        DockerPreflight.Settings inside = new DockerPreflight.Settings(null, true, RYUK, true, null, null,
                Duration.ofSeconds(2), Duration.ofSeconds(1));

        DockerPreflight.Outcome outcome = DockerPreflight.run("unix://" + socket, inside);

        assertThat(outcome.problem().message()).contains("TESTCONTAINERS_HOST_OVERRIDE")
                .contains("<environmentVariables><TESTCONTAINERS_HOST_OVERRIDE>localhost");
    }

    @Test
    void snippetsAreWellFormedXml() throws Exception {
        for (String snippet : List.of(DockerPreflight.systemPropertySnippet("api.version", "1.41"),
                DockerPreflight.environmentSnippet("TESTCONTAINERS_RYUK_DISABLED", "true"))) {
            String xml = snippet.substring(snippet.indexOf("<plugin>"), snippet.indexOf("</plugin>") + "</plugin>".length());
            javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(new java.io.ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        }
    }

    private enum PullAnswer { HANG, FAIL, LONG_THEN_ERROR, LONG_THEN_DONE }

    /** 300 KB of progress lines, as a pull of a large image streams them. */
    private static String progress() {
        StringBuilder lines = new StringBuilder();
        for (int i = 0; lines.length() < 300_000; i++) {
            lines.append("{\"status\":\"Downloading\",\"progressDetail\":{\"current\":").append(i)
                    .append(",\"total\":300000},\"id\":\"abc123\"}\r\n");
        }
        return lines.toString();
    }

    /**
     * A fake engine: /_ping, /version (API 1.12 to {@code api}), /images/NAME/json (200 for the images
     * given, else 404), /networks/bridge without a gateway, and pulls that hang or fail.
     */
    private Path engine(String api, Map<String, Boolean> images, PullAnswer pull) throws IOException {
        return listen("engine.sock", request -> {
            String line = request.lines().findFirst().orElse("");
            String[] parts = line.split(" ");
            String method = parts[0];
            String path = parts.length > 1 ? parts[1] : "";
            requests.add(method + " " + path);
            if (path.equals("/_ping")) {
                return http(200, "Api-Version: " + api + "\r\n", "OK");
            }
            if (path.equals("/version")) {
                return http(200, "", "{\"ApiVersion\":\"" + api + "\",\"MinAPIVersion\":\"1.12\",\"Version\":\"20.10.24\"}");
            }
            if (path.equals("/networks/bridge")) {
                return http(200, "", "{\"Name\":\"bridge\",\"IPAM\":{\"Config\":[{\"Subnet\":\"172.17.0.0/16\"}]}}");
            }
            if (method.equals("GET") && path.startsWith("/images/") && path.endsWith("/json")) {
                String name = path.substring("/images/".length(), path.length() - "/json".length());
                return images.getOrDefault(name, false) ? http(200, "", "{\"Id\":\"sha256:1\"}")
                        : http(404, "", "{\"message\":\"No such image: " + name + "\"}");
            }
            if (method.equals("POST") && path.startsWith("/images/create")) {
                return switch (pull) {
                    case HANG -> null;
                    case FAIL -> http(500, "", "{\"message\":\"Get \\\"https://registry-1.docker.io/v2/\\\": dial tcp: "
                            + "lookup registry-1.docker.io: no such host\"}");
                    case LONG_THEN_ERROR -> http(200, "", progress()
                            + "{\"errorDetail\":{\"message\":\"unexpected EOF\"},\"error\":\"unexpected EOF\"}\r\n");
                    case LONG_THEN_DONE -> http(200, "", progress() + "{\"status\":\"Status: Downloaded newer image\"}\r\n");
                };
            }
            return http(404, "", "{\"message\":\"page not found\"}");
        });
    }

    private static String http(int status, String headers, String body) {
        return "HTTP/1.0 " + status + " X\r\n" + headers + "Content-Type: application/json\r\n\r\n" + body;
    }

    /** A Unix socket that reads one request per connection and writes what {@code answer} says (null: nothing, ever). */
    private Path listen(String name, Function<String, String> answer) throws IOException {
        Path path = dir.resolve(name);
        Files.deleteIfExists(path);
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(path));
        synchronized (open) {
            open.add(server);
        }
        Thread acceptor = new Thread(() -> {
            try {
                while (server.isOpen()) {
                    SocketChannel client = server.accept();
                    synchronized (open) {
                        open.add(client);
                    }
                    ByteBuffer in = ByteBuffer.allocate(8192);
                    client.read(in);
                    String reply = answer.apply(new String(in.array(), 0, in.position(), StandardCharsets.ISO_8859_1));
                    if (reply != null) {
                        client.write(ByteBuffer.wrap(reply.getBytes(StandardCharsets.UTF_8)));
                        client.close();
                    }
                }
            } catch (IOException closed) {
                // the test is over
            }
        }, "preflight-test-socket");
        acceptor.setDaemon(true);
        acceptor.start();
        return path;
    }
}
