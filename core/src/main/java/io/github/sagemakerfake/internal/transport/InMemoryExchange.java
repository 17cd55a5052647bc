package io.github.sagemakerfake.internal.transport;

import io.github.sagemakerfake.internal.protocol.ConnectionFault;
import io.github.sagemakerfake.internal.protocol.ProtocolRequest;
import io.github.sagemakerfake.internal.protocol.ProtocolResponse;
import java.io.IOException;
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
     * Connection faults have no HTTP form in memory: a reset or an empty response surfaces as the
     * IOException a socket would give (returned, for the caller to throw or signal); a malformed
     * body is a 200 the SDK fails to parse, so null (send it).
     */
    static IOException connectionFailure(ProtocolResponse response) {
        if (response.fault() == null) {
            return null;
        }
        return response.fault().accept(new ConnectionFault.Handler<IOException>() {
            @Override
            public IOException reset() {
                return new SocketException("Connection reset (injected by the SageMaker Workforce Fake)");
            }

            @Override
            public IOException emptyResponse() {
                return new IOException("The server closed the connection without a response "
                        + "(injected by the SageMaker Workforce Fake)");
            }

            @Override
            public IOException malformedBody(byte[] body) {
                return null;
            }
        });
    }

    static SdkHttpFullResponse toSdk(ProtocolResponse response) {
        SdkHttpFullResponse.Builder builder = SdkHttpFullResponse.builder().statusCode(response.statusCode());
        response.headers().forEach(builder::putHeader);
        builder.putHeader("Content-Length", Integer.toString(response.body().length));
        return builder.build();
    }
}
