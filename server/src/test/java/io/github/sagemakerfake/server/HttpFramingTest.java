package io.github.sagemakerfake.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sagemakerfake.control.FakeSettings;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Message-body framing per RFC 9112 section 6.3 (docs/server.md, "HTTP framing"): a request whose
 * length two readers could read differently is refused with a 400 and the connection closed, so
 * bytes after it never run as a request of their own. Raw sockets, because no HTTP client sends
 * such requests. What held before still holds: pipelined and chunked requests, 100-continue, and
 * control characters in headers refused.
 */
class HttpFramingTest {

    private static final String TEAM_BODY = "{\"WorkteamName\":\"smuggled\",\"Description\":\"d\",\"MemberDefinitions\":"
            + "[{\"CognitoMemberDefinition\":{\"UserPool\":\"us-east-1_abc123\",\"UserGroup\":\"g\",\"ClientId\":\"c\"}}]}";

    /** A whole CreateWorkteam request: what a smuggler hides after the first request's body. */
    private static final String HIDDEN_CREATE = "POST / HTTP/1.1\r\nHost: fake\r\nContent-Type: application/x-amz-json-1.1"
            + "\r\nX-Amz-Target: SageMaker.CreateWorkteam\r\nContent-Length: "
            + TEAM_BODY.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + TEAM_BODY;

    private static final String LIST_HEAD = "POST / HTTP/1.1\r\nHost: fake\r\nContent-Type: application/x-amz-json-1.1"
            + "\r\nX-Amz-Target: SageMaker.ListWorkteams\r\n";

    private final SageMakerWorkforceServer server = SageMakerWorkforceServer.start(FakeSettings.defaults());

    @AfterEach
    void close() {
        server.close();
    }

    static Stream<Arguments> ambiguousFraming() {
        // Each request ends with a chunked body "{}" and the hidden request: a reader that takes the
        // Content-Length (or ignores the Transfer-Encoding) sees the rest as a second request.
        String chunkedBody = "2\r\n{}\r\n0\r\n\r\n";
        return Stream.of(
                Arguments.of("Content-Length, then Transfer-Encoding",
                        LIST_HEAD + "Content-Length: 15\r\nTransfer-Encoding: chunked\r\n\r\n" + chunkedBody
                                + HIDDEN_CREATE),
                Arguments.of("Transfer-Encoding, then Content-Length",
                        LIST_HEAD + "Transfer-Encoding: chunked\r\nContent-Length: 4\r\n\r\n" + chunkedBody
                                + HIDDEN_CREATE),
                Arguments.of("Content-Length with Transfer-Encoding over HTTP/1.0",
                        LIST_HEAD.replace("HTTP/1.1", "HTTP/1.0") + "Transfer-Encoding: chunked\r\nContent-Length: 4"
                                + "\r\nConnection: keep-alive\r\n\r\n" + chunkedBody + HIDDEN_CREATE),
                Arguments.of("chunked, identity: chunked is not the final coding",
                        LIST_HEAD + "Transfer-Encoding: chunked, identity\r\n\r\n" + chunkedBody + HIDDEN_CREATE),
                Arguments.of("chunked and identity in two fields",
                        LIST_HEAD + "Transfer-Encoding: chunked\r\nTransfer-Encoding: identity\r\n\r\n" + chunkedBody
                                + HIDDEN_CREATE),
                Arguments.of("a Transfer-Encoding without chunked",
                        LIST_HEAD + "Transfer-Encoding: identity\r\n\r\n" + chunkedBody + HIDDEN_CREATE),
                Arguments.of("two differing Content-Length fields",
                        LIST_HEAD + "Content-Length: 2\r\nContent-Length: 40\r\n\r\n{}" + HIDDEN_CREATE),
                Arguments.of("two differing Content-Length values in one field",
                        LIST_HEAD + "Content-Length: 2, 40\r\n\r\n{}" + HIDDEN_CREATE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ambiguousFraming")
    void ambiguousFramingIsA400ThatClosesTheConnectionAndRunsNothingBehindIt(String name, String request)
            throws IOException {
        String answer = exchange(request);

        assertThat(answer).startsWith("HTTP/1.1 400 ");
        assertThat(answer).containsIgnoringCase("connection: close").containsIgnoringCase("x-amzn-RequestId: ")
                .contains("\"__type\":\"BadRequest\"");
        assertThat(afterFirstResponse(answer)).as("one answer only: nothing after the refused request is served")
                .isEmpty();
        assertThat(server.control().journal()).as("neither the request nor the hidden one reached the fake")
                .isEmpty();
        assertThat(server.control().state(server.control().defaultAccount(), server.control().defaultRegion())
                .workteams()).as("the hidden CreateWorkteam created no team").isEmpty();
        // The refusal costs one connection, not the server.
        assertThat(TestClients.awsJson(server.endpoint(), "ListWorkteams", "{}").status()).isEqualTo(200);
    }

    @Test
    void aTransferCodingOtherThanChunkedIsNotImplementedAndClosesTheConnection() throws IOException {
        String answer = exchange(LIST_HEAD + "Transfer-Encoding: gzip, chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n"
                + HIDDEN_CREATE);

        assertThat(answer).startsWith("HTTP/1.1 501 ").containsIgnoringCase("connection: close")
                .contains("\"__type\":\"NotImplemented\"");
        assertThat(afterFirstResponse(answer)).isEmpty();
        assertThat(server.control().journal()).isEmpty();
    }

    @Test
    void wellFramedRequestsStillShareAConnection() throws IOException {
        // Pipelined: a chunked request, then one with Content-Length (the same value twice is one length).
        String chunked = LIST_HEAD + "Transfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n";
        String withLength = HIDDEN_CREATE.replace("Host: fake\r\n", "Host: fake\r\nConnection: close\r\n");

        String answers = exchange(chunked + withLength);

        assertThat(answers).startsWith("HTTP/1.1 200 ");
        assertThat(afterFirstResponse(answers)).as("the second request is answered too").startsWith("HTTP/1.1 200 ");
        assertThat(server.control().state(server.control().defaultAccount(), server.control().defaultRegion())
                .workteams()).hasSize(1);
    }

    @Test
    void expectContinueStillGetsA100BeforeTheBody() throws IOException {
        try (Socket socket = new Socket(server.endpoint().getHost(), server.port())) {
            socket.setSoTimeout(30_000); // a guard against a hung test, not a timing assertion
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            out.write((LIST_HEAD + "Expect: 100-continue\r\nContent-Length: 2\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            byte[] interim = new byte["HTTP/1.1 100 Continue".length()];
            assertThat(in.readNBytes(interim, 0, interim.length)).isEqualTo(interim.length);
            assertThat(new String(interim, StandardCharsets.US_ASCII)).isEqualTo("HTTP/1.1 100 Continue");
            out.write("{}".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String rest = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(rest).contains("HTTP/1.1 200 ").contains("\"Workteams\"");
        }
        assertThat(server.control().journal()).hasSize(1);
    }

    static Stream<Arguments> controlCharactersInHeaders() {
        return Stream.of(
                Arguments.of("NUL in a value", "X-Note: a\u0000b\r\n"),
                Arguments.of("a bare CR in a value", "X-Note: a\rb\r\n"),
                Arguments.of("NUL in a name", "X-N\u0000ote: a\r\n"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("controlCharactersInHeaders")
    void controlCharactersInHeadersAreRefusedAndNothingRuns(String name, String header) throws IOException {
        String answer = exchange(HIDDEN_CREATE.replace("Host: fake\r\n", "Host: fake\r\n" + header));

        assertThat(answer).startsWith("HTTP/1.1 400 ").containsIgnoringCase("connection: close");
        assertThat(server.control().journal()).isEmpty();
        assertThat(server.control().state().workteams()).isEmpty();
    }

    /** What the server sent after its first response (head and Content-Length body). */
    private static String afterFirstResponse(String answers) {
        int headEnd = answers.indexOf("\r\n\r\n");
        assertThat(headEnd).as("a whole response head in: " + answers).isPositive();
        int length = 0;
        for (String line : answers.substring(0, headEnd).split("\r\n")) {
            if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
                length = Integer.parseInt(line.substring("content-length:".length()).trim());
            }
        }
        return answers.substring(headEnd + 4 + length);
    }

    /** Writes the bytes and half-closes, then reads everything the server sends until it closes. */
    private String exchange(String request) throws IOException {
        try (Socket socket = new Socket(server.endpoint().getHost(), server.port())) {
            socket.setSoTimeout(30_000); // a guard against a hung test, not a timing assertion
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.UTF_8));
            out.flush();
            socket.shutdownOutput(); // all sent: a server that keeps the connection answers what it read, then closes
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[8192];
            int n;
            while ((n = in.read(buffer)) != -1) {
                got.write(buffer, 0, n);
            }
            return got.toString(StandardCharsets.UTF_8);
        }
    }
}
