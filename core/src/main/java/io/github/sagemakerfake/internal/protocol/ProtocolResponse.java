package io.github.sagemakerfake.internal.protocol;

import java.util.Map;

/**
 * An HTTP response of the protocol layer.
 *
 * @param statusCode the HTTP status
 * @param headers    response headers (single-valued)
 * @param body       the response body
 * @param fault      a connection-level fault the transport must apply instead of sending this
 *                   response normally, or null
 */
public record ProtocolResponse(int statusCode, Map<String, String> headers, byte[] body, ConnectionFault fault) {

    /** Faults that only a socket can express; the in-memory transport turns them into IOExceptions. */
    public enum ConnectionFault {
        /** Close the connection abruptly (TCP reset) without answering. */
        CONNECTION_RESET,
        /** Close the connection after the request without sending a single byte. */
        EMPTY_RESPONSE,
        /** Answer 200 with a body that is not JSON. */
        MALFORMED_RESPONSE
    }
}
