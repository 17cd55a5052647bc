package io.github.sagemakerfake.internal.transport;

import io.github.sagemakerfake.internal.protocol.ProtocolRequest;
import io.github.sagemakerfake.internal.protocol.ProtocolResponse;
import io.github.sagemakerfake.control.FaultEffect;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.SocketException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.http.SdkHttpFullResponse;
import software.amazon.awssdk.http.SdkHttpRequest;

/** What the sync and async in-memory clients share: building the protocol request and the SDK response. */
final class InMemoryExchange {

    private InMemoryExchange() {
    }

    static ProtocolRequest toProtocol(SdkHttpRequest request, byte[] body) {
        String query = request.encodedQueryParameters().orElse("");
        // forEachHeader reads the SDK's headers in place; headers() would deep-copy them first,
        // and ProtocolRequest makes its own case-insensitive copy anyway.
        Map<String, List<String>> headers = new HashMap<>(32);
        request.forEachHeader(headers::put);
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
