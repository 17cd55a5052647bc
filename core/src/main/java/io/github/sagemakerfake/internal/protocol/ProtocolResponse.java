package io.github.sagemakerfake.internal.protocol;

import io.github.sagemakerfake.control.FaultEffect;
import java.util.Map;

/**
 * An answer of the protocol layer: an HTTP response, or a connection fault the transport acts out
 * instead of answering. Sealed: a transport handles exactly these two, and the faults through
 * {@link FaultEffect.ConnectionFault#accept}.
 */
public sealed interface ProtocolResponse permits ProtocolResponse.Http, ProtocolResponse.Broken {

    /** The HTTP status (0 for a connection fault). */
    int statusCode();

    /** Response headers (single-valued); a connection fault keeps them for the request id. */
    Map<String, String> headers();

    /** The response body (empty for a connection fault). */
    byte[] body();

    /** An HTTP answer. */
    static Http http(int statusCode, Map<String, String> headers, byte[] body) {
        return new Http(statusCode, headers, body);
    }

    /** An HTTP answer. */
    record Http(int statusCode, Map<String, String> headers, byte[] body) implements ProtocolResponse {
    }

    /** A connection fault to act out instead of an answer. */
    record Broken(FaultEffect.ConnectionFault fault, Map<String, String> headers) implements ProtocolResponse {
        @Override
        public int statusCode() {
            return 0;
        }

        @Override
        public byte[] body() {
            return new byte[0];
        }
    }
}
