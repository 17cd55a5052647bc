package io.github.sagemakerfake.internal.protocol;

import java.util.Map;

/**
 * An answer of the protocol layer: an HTTP response, or a connection fault the transport acts out
 * instead of sending it.
 *
 * @param statusCode the HTTP status (0 for a connection fault)
 * @param headers    response headers (single-valued)
 * @param body       the response body
 * @param fault      the connection fault to act out instead of this response, or null
 */
public record ProtocolResponse(int statusCode, Map<String, String> headers, byte[] body, ConnectionFault fault) {

    /** An HTTP answer. */
    public static ProtocolResponse http(int statusCode, Map<String, String> headers, byte[] body) {
        return new ProtocolResponse(statusCode, headers, body, null);
    }

    /** A connection fault; the request id is still carried for the journal and the logs. */
    public static ProtocolResponse fault(ConnectionFault fault, Map<String, String> headers) {
        return new ProtocolResponse(0, headers, new byte[0], fault);
    }
}
