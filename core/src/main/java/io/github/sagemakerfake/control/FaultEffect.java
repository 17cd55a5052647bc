package io.github.sagemakerfake.control;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * What a {@link FaultRule} does to a request it matches, besides any latency: one sealed family of
 * values, in the spirit of OkHttp mockwebserver3's {@code SocketEffect}. The rule builder's terminal
 * methods ({@code throttle()}, {@code resetConnection()}, ...) produce them, the fault engine matches
 * rules and hands the effect on, and the transports act out the {@link ConnectionFault}s.
 *
 * <p>A new kind of connection fault is one record implementing {@link ConnectionFault}, one method on
 * {@link ConnectionFault.Handler} (so no transport compiles until it acts it out), and its entry in
 * {@link ConnectionFault#ALL}; docs/architecture.md has the recipe.
 */
public sealed interface FaultEffect
        permits FaultEffect.LatencyOnly, FaultEffect.Error, FaultEffect.FailProvisioning, FaultEffect.ConnectionFault {

    /**
     * The effect's name as the journal and the admin API's {@code "Outcome"} show it: {@code NONE},
     * {@code ERROR}, {@code PROVISIONING_FAILURE} or a connection fault's name.
     */
    String name();

    /** Only the rule's latency, then the normal answer. */
    record LatencyOnly() implements FaultEffect {
        @Override
        public String name() {
            return "NONE";
        }
    }

    /**
     * Answers an AWS error instead of running the operation (or, after the state change, instead of its answer).
     *
     * @param errorCode  the {@code __type}, e.g. {@code ThrottlingException}
     * @param statusCode the HTTP status, 400 to 599
     * @param message    the error message ("" when null)
     */
    record Error(String errorCode, int statusCode, String message) implements FaultEffect {
        public Error {
            Objects.requireNonNull(errorCode, "errorCode");
            if (statusCode < 400 || statusCode > 599) {
                throw new IllegalArgumentException("An error needs an HTTP status from 400 to 599, got " + statusCode);
            }
            message = message == null ? "" : message;
        }

        @Override
        public String name() {
            return "ERROR";
        }
    }

    /**
     * The request is answered normally, but the workforce it creates or updates ends its transition
     * {@code Failed} with this {@code FailureReason} (docs/faults.md).
     *
     * @param failureReason 1 to 1024 characters, as the model's {@code WorkforceFailureReason}
     */
    record FailProvisioning(String failureReason) implements FaultEffect {
        public FailProvisioning {
            if (failureReason == null || failureReason.isBlank() || failureReason.length() > 1024) {
                throw new IllegalArgumentException("failProvisioning needs a FailureReason of 1 to 1024 characters, "
                        + "e.g. \"The subnet has no free IP address.\"; got "
                        + (failureReason == null ? "null" : failureReason.length() + " characters"));
            }
        }

        @Override
        public String name() {
            return "PROVISIONING_FAILURE";
        }
    }

    /**
     * A fault only a connection can express: the transport acts it out on its socket (or, in memory,
     * as the I/O error a socket would give) instead of sending the service's answer. Handled through
     * {@link #accept(Handler)}, so a new kind adds a method to {@link Handler} and no transport
     * compiles until it handles it.
     */
    sealed interface ConnectionFault extends FaultEffect
            permits ResetConnection, EmptyResponse, MalformedResponse {

        /** Every connection fault, for name lookups (the journal, the admin API). */
        List<ConnectionFault> ALL = List.of(new ResetConnection(), new EmptyResponse(), new MalformedResponse());

        <R> R accept(Handler<R> handler);

        /** The connection fault with this {@link #name()}, or null. */
        static ConnectionFault named(String name) {
            for (ConnectionFault fault : ALL) {
                if (fault.name().equals(name)) {
                    return fault;
                }
            }
            return null;
        }

        /** What a transport does for each connection fault. */
        interface Handler<R> {
            R reset();

            R emptyResponse();

            R malformedResponse(byte[] body);
        }
    }

    /** Over HTTP: resets the connection (a TCP reset) without answering. In process: the same IOException. */
    record ResetConnection() implements ConnectionFault {
        @Override
        public String name() {
            return "CONNECTION_RESET";
        }

        @Override
        public <R> R accept(Handler<R> handler) {
            return handler.reset();
        }
    }

    /** Over HTTP: closes the connection after the request without a byte. In process: an IOException. */
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

    /** Answers HTTP 200 with a body that is not JSON (the Content-Type stays JSON). */
    record MalformedResponse() implements ConnectionFault {
        private static final byte[] BODY = ("<html><body>Bad Gateway (malformed response injected by "
                + "the SageMaker Workforce Fake)</body></html>").getBytes(StandardCharsets.UTF_8);

        @Override
        public String name() {
            return "MALFORMED_RESPONSE";
        }

        @Override
        public <R> R accept(Handler<R> handler) {
            return handler.malformedResponse(BODY.clone());
        }
    }
}
