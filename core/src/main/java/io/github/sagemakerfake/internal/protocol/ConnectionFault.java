package io.github.sagemakerfake.internal.protocol;

import java.nio.charset.StandardCharsets;

/**
 * A fault that only a connection can express: the transport acts it out on its socket (or, in
 * memory, as the I/O error a socket would give) instead of sending an HTTP answer.
 *
 * <p>Sealed, and handled through {@link #accept(Handler)}: a new kind of fault adds a method to
 * {@link Handler}, so no transport compiles until it handles it.
 */
public sealed interface ConnectionFault permits ConnectionFault.Reset, ConnectionFault.EmptyResponse,
        ConnectionFault.MalformedBody {

    /** Close the connection abruptly, a TCP reset, without answering. */
    Reset RESET = new Reset();
    /** Close the connection after the request without sending a single byte. */
    EmptyResponse EMPTY_RESPONSE = new EmptyResponse();
    /** Answer 200 with a body that is not JSON. */
    MalformedBody MALFORMED_BODY = new MalformedBody(("<html><body>Bad Gateway (malformed response injected by "
            + "the SageMaker Workforce Fake)</body></html>").getBytes(StandardCharsets.UTF_8));

    /** The name the journal shows. */
    String name();

    <R> R accept(Handler<R> handler);

    /** What each transport does for each fault. */
    interface Handler<R> {
        R reset();

        R emptyResponse();

        R malformedBody(byte[] body);
    }

    record Reset() implements ConnectionFault {
        @Override
        public String name() {
            return "CONNECTION_RESET";
        }

        @Override
        public <R> R accept(Handler<R> handler) {
            return handler.reset();
        }
    }

    record EmptyResponse() implements ConnectionFault {
        @Override
        public String name() {
            return "EMPTY_RESPONSE";
        }

        @Override
        public <R> R accept(Handler<R> handler) {
            return handler.emptyResponse();
        }
    }

    /** @param body the bytes sent as a 200 response's body (Content-Type stays JSON) */
    record MalformedBody(byte[] body) implements ConnectionFault {
        @Override
        public String name() {
            return "MALFORMED_RESPONSE";
        }

        @Override
        public <R> R accept(Handler<R> handler) {
            return handler.malformedBody(body.clone());
        }
    }
}
