package io.github.sagemakerfake.server;

import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpRequestDecoder;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Netty's request decoder with the message-body framing rules of RFC 9112 section 6.3 enforced
 * (docs/server.md, "HTTP framing"). Netty already refuses several differing {@code Content-Length}
 * values; on its own it reads a request with both {@code Content-Length} and
 * {@code Transfer-Encoding: chunked} as chunked (dropping the length) and takes any
 * {@code Transfer-Encoding} that contains {@code chunked} as chunked. Either lets a client hide a
 * second request in what another reader takes for the first one's body (request smuggling).
 *
 * <p>Here a request whose framing is ambiguous fails decoding: the decoder then discards every
 * later byte of the connection, and the connection answers 400 and closes
 * ({@link WireAnswers#malformed}). The only transfer coding accepted is a single {@code chunked}.
 */
final class FramingDecoder extends HttpRequestDecoder {

    /** The request's framing is ambiguous or uses a transfer coding this server does not decode. */
    static final class AmbiguousFraming extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
        final boolean unsupportedCoding;

        AmbiguousFraming(String message, boolean unsupportedCoding) {
            super(message);
            this.unsupportedCoding = unsupportedCoding;
        }
    }

    FramingDecoder(HttpDecoderConfig config) {
        super(config);
    }

    /**
     * Netty calls this once a message's headers are in, inside its error handling, before it
     * chooses how to read the body: the place where a framing check turns into its bad-message
     * state. A request's body is never "always empty", so the answer is the superclass's.
     */
    @Override
    protected boolean isContentAlwaysEmpty(HttpMessage message) {
        checkFraming(message);
        return super.isContentAlwaysEmpty(message);
    }

    /** Netty's default drops the Content-Length and reads chunked; RFC 9112 lets a server refuse instead. */
    @Override
    protected void handleTransferEncodingChunkedWithContentLength(HttpMessage message) {
        throw new AmbiguousFraming("The request has both Content-Length and Transfer-Encoding; send one of them.",
                false);
    }

    static void checkFraming(HttpMessage message) {
        List<String> encodings = message.headers().getAll(HttpHeaderNames.TRANSFER_ENCODING);
        if (encodings.isEmpty()) {
            return;
        }
        if (message.headers().contains(HttpHeaderNames.CONTENT_LENGTH)) {
            throw new AmbiguousFraming("The request has both Content-Length and Transfer-Encoding; send one of "
                    + "them.", false);
        }
        List<String> codings = new ArrayList<>();
        for (String field : encodings) {
            for (String coding : field.split(",", -1)) {
                codings.add(coding.trim().toLowerCase(Locale.ROOT));
            }
        }
        String last = codings.get(codings.size() - 1);
        if (!HttpHeaderValues.CHUNKED.contentEqualsIgnoreCase(last)) {
            throw new AmbiguousFraming("The request's Transfer-Encoding does not end with chunked, so its length "
                    + "cannot be known; send Content-Length or Transfer-Encoding: chunked.", false);
        }
        if (codings.size() > 1) {
            throw new AmbiguousFraming("The request's Transfer-Encoding " + codings + " applies codings this "
                    + "server does not decode; send Transfer-Encoding: chunked alone, or Content-Length.", true);
        }
    }
}
