package io.github.sagemakerfake.internal.transport;

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

    /** Connection faults have no HTTP form in memory; they surface as the IOException a socket would give. */
    static IOException connectionFault(ProtocolResponse response) {
        return switch (response.fault()) {
            case CONNECTION_RESET -> new SocketException("Connection reset (injected by the SageMaker Workforce Fake)");
            case EMPTY_RESPONSE -> new IOException("The server closed the connection without a response "
                    + "(injected by the SageMaker Workforce Fake)");
            case MALFORMED_RESPONSE -> throw new IllegalStateException("malformed responses are sent, not thrown");
        };
    }

    static SdkHttpFullResponse toSdk(ProtocolResponse response) {
        SdkHttpFullResponse.Builder builder = SdkHttpFullResponse.builder().statusCode(response.statusCode());
        response.headers().forEach(builder::putHeader);
        builder.putHeader("Content-Length", Integer.toString(response.body().length));
        return builder.build();
    }

    static boolean failsConnection(ProtocolResponse response) {
        return response.fault() == ProtocolResponse.ConnectionFault.CONNECTION_RESET
                || response.fault() == ProtocolResponse.ConnectionFault.EMPTY_RESPONSE;
    }
}
