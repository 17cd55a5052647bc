package io.github.sagemakerfake.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * {@code --warm-up}: {@link ServerMain} starts the server as it always does (same settings, same
 * path, on a free loopback port), this sends it one request of each kind a client sends
 * (operations, errors, the admin API), and the server stops. The image build runs it to record
 * the classes and lambdas a real start loads, for the class-data-sharing archive that makes the
 * container start fast (docs/container.md).
 */
final class WarmUp {

    private static final String[] REQUESTS = {
        awsJson("CreateWorkteam", "{\"WorkteamName\":\"warm\",\"Description\":\"d\",\"MemberDefinitions\":"
                + "[{\"CognitoMemberDefinition\":{\"UserPool\":\"us-east-1_W\",\"UserGroup\":\"g\",\"ClientId\":\"c\"}}]}"),
        awsJson("DescribeWorkteam", "{\"WorkteamName\":\"warm\"}"),
        awsJson("ListWorkteams", "{}"),
        awsJson("DescribeWorkteam", "{\"WorkteamName\":\"missing\"}"),
        awsJson("ListWorkteams", "{not json"),
        "GET /_fake/health HTTP/1.1\r\nHost: warm\r\n\r\n",
        "GET /_fake/state HTTP/1.1\r\nHost: warm\r\n\r\n",
        "POST /_fake/reset HTTP/1.1\r\nHost: warm\r\nContent-Length: 0\r\n\r\n",
    };

    private WarmUp() {
    }

    private static String awsJson(String operation, String body) {
        return "POST / HTTP/1.1\r\nHost: warm\r\nContent-Type: application/x-amz-json-1.1\r\nX-Amz-Target: SageMaker."
                + operation + "\r\nAuthorization: AWS4-HMAC-SHA256 Credential=123456789012/20240101/us-east-1/"
                + "sagemaker/aws4_request, SignedHeaders=host, Signature=00\r\nContent-Length: "
                + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body;
    }

    static void exercise(SageMakerWorkforceServer server) {
        try (Socket socket = new Socket(server.endpoint().getHost(), server.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            for (String request : REQUESTS) {
                out.write(request.getBytes(StandardCharsets.UTF_8));
                out.flush();
                readResponse(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("The warm-up could not talk to its own server", e);
        }
    }

    /** Reads one response: headers, then Content-Length bytes. */
    private static void readResponse(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int c = in.read();
            if (c < 0) {
                throw new IOException("the server closed the connection");
            }
            head.append((char) c);
        }
        int length = 0;
        for (String line : head.toString().split("\r\n")) {
            if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
                length = Integer.parseInt(line.substring(15).trim());
            }
        }
        in.readNBytes(length);
    }
}
