package io.github.sagemakerfake.server;

import io.github.sagemakerfake.internal.error.ServiceError;
import io.github.sagemakerfake.internal.protocol.ProtocolResponse;
import io.github.sagemakerfake.internal.protocol.WireErrors;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import java.util.Locale;

/**
 * The server's own answers in the wire's error form (through the one writer, {@link WireErrors}):
 * HTTP-level refusals that never reach the protocol, and the conversion of a protocol answer to a
 * Netty response.
 */
final class WireAnswers {

    static final String SERVICE_UNAVAILABLE = "ServiceUnavailable";

    private WireAnswers() {
    }

    static FullHttpResponse toNetty(ProtocolResponse response, boolean head, boolean close) {
        byte[] body = response.body() == null ? new byte[0] : response.body();
        FullHttpResponse netty = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.valueOf(response.statusCode()),
                head ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(body));
        response.headers().forEach((k, v) -> netty.headers().set(k, v));
        netty.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
        if (close) {
            netty.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        }
        return netty;
    }

    /** An HTTP-level refusal in the AWS error form, closing the connection. */
    static FullHttpResponse refusal(String requestId, int status, String code, String message) {
        return toNetty(WireErrors.error(requestId, WireErrors.JSON_1_1, status, code, message), false, true);
    }

    static FullHttpResponse refusal(String requestId, ServiceError e, boolean close) {
        return toNetty(WireErrors.error(requestId, e), false, close);
    }

    /**
     * The answer to a request the HTTP decoder could not read: the status a reader can act on and
     * a message naming the limit or the rule broken, never the decoder's exception class.
     */
    static FullHttpResponse malformed(String requestId, Throwable cause, ServerOptions options) {
        if (cause instanceof TooLongHttpHeaderException) {
            return refusal(requestId, 431, "RequestHeaderFieldsTooLarge", "The request's headers are larger than "
                    + options.maxHeaderBytes() + " bytes, the most this server accepts (--max-header-bytes). "
                    + "An AWS SDK request's headers are under 2 KiB.");
        }
        if (cause instanceof TooLongHttpLineException) {
            return refusal(requestId, 414, "RequestUriTooLong", "The request line is longer than " + MAX_INITIAL_LINE
                    + " bytes; SageMaker requests are POST / HTTP/1.1.");
        }
        if (cause instanceof FramingDecoder.AmbiguousFraming framing) {
            return framing.unsupportedCoding
                    ? refusal(requestId, 501, "NotImplemented", framing.getMessage())
                    : refusal(requestId, 400, "BadRequest", framing.getMessage());
        }
        String detail = safeDetail(cause);
        return refusal(requestId, 400, "BadRequest", "The request is not valid HTTP/1.1" + (detail.isEmpty() ? "" : " ("
                + detail + ")") + ". Send POST / HTTP/1.1 with a Content-Length (or chunked) JSON body.");
    }

    /** The longest request line accepted. */
    static final int MAX_INITIAL_LINE = 8192;

    /** The decoder's message when it names the problem without naming a Java class; else nothing. */
    private static String safeDetail(Throwable cause) {
        String message = cause == null ? null : cause.getMessage();
        if (message == null || message.length() > 200) {
            return "";
        }
        String lower = message.toLowerCase(Locale.ROOT);
        if (lower.contains("exception") || lower.contains("java.") || lower.contains("netty")
                || lower.contains("$") || lower.contains("\n")) {
            return "";
        }
        return message;
    }
}
