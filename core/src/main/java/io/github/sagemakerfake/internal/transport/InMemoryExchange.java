package io.github.sagemakerfake.internal.transport;

import io.github.sagemakerfake.internal.protocol.ProtocolRequest;
import io.github.sagemakerfake.internal.protocol.ProtocolResponse;
import io.github.sagemakerfake.control.FaultEffect;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.SocketException;
import java.util.Arrays;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.SdkHttpFullResponse;
import software.amazon.awssdk.http.SdkHttpRequest;

/** What the sync and async in-memory clients share: building the protocol request and the SDK response. */
final class InMemoryExchange {

    private InMemoryExchange() {
    }

    /**
     * The request body as sent. The SDK declares its length, so the bytes are read into an array of
     * that size at once; {@code readAllBytes()} would fill and copy 8 KiB buffers for a body of a few
     * dozen bytes (docs/benchmarks.md, "A test as cheap as a mock"). Whatever the stream holds beyond
     * the declared length is read too, as before.
     */
    static byte[] body(HttpExecuteRequest request) throws IOException {
        if (request.contentStreamProvider().isEmpty()) {
            return new byte[0];
        }
        int declared = declaredLength(request.httpRequest());
        try (InputStream in = request.contentStreamProvider().get().newStream()) {
            if (declared < 0) {
                return in.readAllBytes();
            }
            byte[] body = new byte[declared];
            int read = in.readNBytes(body, 0, declared);
            int next = read == declared ? in.read() : -1; // one byte, not a buffer, to see the end
            if (next < 0) {
                return read == declared ? body : Arrays.copyOf(body, read);
            }
            byte[] rest = in.readAllBytes();
            byte[] all = Arrays.copyOf(body, read + 1 + rest.length);
            all[read] = (byte) next;
            System.arraycopy(rest, 0, all, read + 1, rest.length);
            return all;
        }
    }

    private static int declaredLength(SdkHttpRequest request) {
        String value = request.firstMatchingHeader("Content-Length").orElse(null);
        if (value == null) {
            return -1;
        }
        try {
            long length = Long.parseLong(value.trim());
            return length >= 0 && length <= MAX_DECLARED ? (int) length : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Larger declared lengths are read as a stream, not allocated up front. */
    private static final int MAX_DECLARED = 1 << 20;

    static ProtocolRequest toProtocol(SdkHttpRequest request, byte[] body) {
        String query = request.encodedQueryParameters().orElse("");
        // The SDK's request never changes: its headers are read where they are, by name (headers() would
        // deep-copy them, and the protocol reads two or three of them).
        ProtocolRequest.Headers headers = ProtocolRequest.Headers.view(request::matchingHeaders, request::forEachHeader);
        return new ProtocolRequest(request.method().name(), request.encodedPath().isEmpty() ? "/" : request.encodedPath(),
                query, headers, body);
    }

    /**
     * The answer to hand the SDK. Connection faults have no HTTP form in memory: a reset or an empty
     * response surfaces as the IOException a socket would give; a malformed body is a 200 the SDK
     * fails to parse.
     */
    static ProtocolResponse.Http answerOrThrow(ProtocolResponse response) throws IOException {
        if (response instanceof ProtocolResponse.Http http) {
            return http;
        }
        ProtocolResponse.Broken broken = (ProtocolResponse.Broken) response;
        try {
            return broken.fault().accept(new FaultEffect.ConnectionFault.Handler<ProtocolResponse.Http>() {
                @Override
                public ProtocolResponse.Http reset() {
                    throw new UncheckedIOException(
                            new SocketException("Connection reset (injected by the SageMaker Workforce Fake)"));
                }

                @Override
                public ProtocolResponse.Http emptyResponse() {
                    throw new UncheckedIOException(new IOException("The server closed the connection without a "
                            + "response (injected by the SageMaker Workforce Fake)"));
                }

                @Override
                public ProtocolResponse.Http malformedResponse(byte[] body) {
                    return ProtocolResponse.http(200, broken.headers(), body);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    static SdkHttpFullResponse toSdk(ProtocolResponse response) {
        SdkHttpFullResponse.Builder builder = SdkHttpFullResponse.builder().statusCode(response.statusCode());
        response.headers().forEach(builder::putHeader);
        builder.putHeader("Content-Length", Integer.toString(response.body().length));
        return builder.build();
    }
}
