package io.github.sagemakerfake.server;

import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link SageMakerWorkforceServer} listens and protects itself. Immutable;
 * {@link #defaults()} listens on loopback on a free port, accepts any request signature, and keeps
 * the limits below (docs/server.md lists each with its flag).
 *
 * <pre>{@code
 * ServerOptions options = ServerOptions.defaults().withPort(9324).withStrictAuth("AKIDEXAMPLE", "secret");
 * }</pre>
 *
 * @param host           the address to bind, e.g. {@code 127.0.0.1} (the default) or {@code 0.0.0.0}
 * @param port           the port to bind; 0 picks a free one
 * @param maxBodyBytes   the largest request body accepted; a larger one is answered 413
 * @param maxHeaderBytes the largest request head (request line excepted: all header lines together);
 *                       a larger one is answered 431
 * @param maxConnections the most connections open at once; one more is answered 503 and closed
 * @param headerTimeout  how long a client may take to send a request's headers, from its first byte;
 *                       a slower connection is closed without an answer
 * @param bodyTimeout    how long a client may take to send a request's body, once its headers are in
 * @param idleTimeout    how long a connection may stay open without a request in progress
 * @param shutdownGrace  how long {@link SageMakerWorkforceServer#close()} lets requests in progress finish
 * @param strictAuth     the only key pair accepted, with SigV4 signatures verified, also on the admin
 *                       API; null (the default) accepts any request, signed or not
 * @param threads        the event-loop threads that serve every connection (daemon threads)
 */
public record ServerOptions(String host, int port, int maxBodyBytes, int maxHeaderBytes, int maxConnections,
                            Duration headerTimeout, Duration bodyTimeout, Duration idleTimeout,
                            Duration shutdownGrace, Credentials strictAuth, int threads) {

    public static final String DEFAULT_HOST = "127.0.0.1";
    /** 1 MiB: far above the largest valid request of the served operations (the largest, a task UI template, is at most 128,000 characters). */
    public static final int DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
    /** 16 KiB of header lines: an SDK request's are under 2 KiB. */
    public static final int DEFAULT_MAX_HEADER_BYTES = 16 * 1024;
    public static final int DEFAULT_MAX_CONNECTIONS = 4096;
    public static final Duration DEFAULT_HEADER_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_BODY_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(60);
    public static final Duration DEFAULT_SHUTDOWN_GRACE = Duration.ofSeconds(2);
    /** Event loops: one per core, at most 4; the work per request is microseconds. */
    public static final int DEFAULT_THREADS = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));

    public ServerOptions {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("host must be an address such as 127.0.0.1 or 0.0.0.0; got '"
                    + host + "'");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0 (a free port) to 65535; got " + port);
        }
        atLeast("maxBodyBytes", maxBodyBytes, 1);
        atLeast("maxHeaderBytes", maxHeaderBytes, 1024);
        atLeast("maxConnections", maxConnections, 1);
        atLeast("threads", threads, 1);
        positive("headerTimeout", headerTimeout);
        positive("bodyTimeout", bodyTimeout);
        positive("idleTimeout", idleTimeout);
        Objects.requireNonNull(shutdownGrace, "shutdownGrace");
        if (shutdownGrace.isNegative()) {
            throw new IllegalArgumentException("shutdownGrace must not be negative; got " + shutdownGrace);
        }
    }

    private static void atLeast(String name, int value, int min) {
        if (value < min) {
            throw new IllegalArgumentException(name + " must be at least " + min + "; got " + value);
        }
    }

    private static void positive(String name, Duration value) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive; got " + value);
        }
    }

    /**
     * Loopback, a free port, 1 MiB bodies, 16 KiB headers, 4096 connections, 10 s for headers and
     * 10 s for a body, 60 s idle, 2 s shutdown grace, any signature.
     */
    public static ServerOptions defaults() {
        return new ServerOptions(DEFAULT_HOST, 0, DEFAULT_MAX_BODY_BYTES, DEFAULT_MAX_HEADER_BYTES,
                DEFAULT_MAX_CONNECTIONS, DEFAULT_HEADER_TIMEOUT, DEFAULT_BODY_TIMEOUT, DEFAULT_IDLE_TIMEOUT,
                DEFAULT_SHUTDOWN_GRACE, null, DEFAULT_THREADS);
    }

    public ServerOptions withHost(String value) {
        return new ServerOptions(value, port, maxBodyBytes, maxHeaderBytes, maxConnections, headerTimeout,
                bodyTimeout, idleTimeout, shutdownGrace, strictAuth, threads);
    }

    public ServerOptions withPort(int value) {
        return new ServerOptions(host, value, maxBodyBytes, maxHeaderBytes, maxConnections, headerTimeout,
                bodyTimeout, idleTimeout, shutdownGrace, strictAuth, threads);
    }

    public ServerOptions withMaxBodyBytes(int value) {
        return new ServerOptions(host, port, value, maxHeaderBytes, maxConnections, headerTimeout,
                bodyTimeout, idleTimeout, shutdownGrace, strictAuth, threads);
    }

    public ServerOptions withMaxHeaderBytes(int value) {
        return new ServerOptions(host, port, maxBodyBytes, value, maxConnections, headerTimeout,
                bodyTimeout, idleTimeout, shutdownGrace, strictAuth, threads);
    }

    public ServerOptions withMaxConnections(int value) {
        return new ServerOptions(host, port, maxBodyBytes, maxHeaderBytes, value, headerTimeout,
                bodyTimeout, idleTimeout, shutdownGrace, strictAuth, threads);
    }

    public ServerOptions withHeaderTimeout(Duration value) {
        return new ServerOptions(host, port, maxBodyBytes, maxHeaderBytes, maxConnections, value,
                bodyTimeout, idleTimeout, shutdownGrace, strictAuth, threads);
    }

    public ServerOptions withBodyTimeout(Duration value) {
        return new ServerOptions(host, port, maxBodyBytes, maxHeaderBytes, maxConnections, headerTimeout,
                value, idleTimeout, shutdownGrace, strictAuth, threads);
    }

    public ServerOptions withIdleTimeout(Duration value) {
        return new ServerOptions(host, port, maxBodyBytes, maxHeaderBytes, maxConnections, headerTimeout,
                bodyTimeout, value, shutdownGrace, strictAuth, threads);
    }

    public ServerOptions withShutdownGrace(Duration value) {
        return new ServerOptions(host, port, maxBodyBytes, maxHeaderBytes, maxConnections, headerTimeout,
                bodyTimeout, idleTimeout, value, strictAuth, threads);
    }

    /** Sets both the header and the body timeout: the time a client has to send one request. */
    public ServerOptions withRequestTimeout(Duration value) {
        return withHeaderTimeout(value).withBodyTimeout(value);
    }

    /** The header timeout (kept for the single "request timeout" of earlier versions). */
    public Duration requestTimeout() {
        return headerTimeout;
    }

    /** Accepts only requests signed (SigV4) with this key pair; null accepts anything again. */
    public ServerOptions withStrictAuth(Credentials value) {
        return new ServerOptions(host, port, maxBodyBytes, maxHeaderBytes, maxConnections, headerTimeout,
                bodyTimeout, idleTimeout, shutdownGrace, value, threads);
    }

    public ServerOptions withStrictAuth(String accessKeyId, String secretAccessKey) {
        return withStrictAuth(new Credentials(accessKeyId, secretAccessKey));
    }

    public ServerOptions withThreads(int value) {
        return new ServerOptions(host, port, maxBodyBytes, maxHeaderBytes, maxConnections, headerTimeout,
                bodyTimeout, idleTimeout, shutdownGrace, strictAuth, value);
    }

    /**
     * An AWS key pair. The access key id also selects the account when it is 12 digits, as for
     * any request to the fake.
     */
    public record Credentials(String accessKeyId, String secretAccessKey) {

        public Credentials {
            if (accessKeyId == null || accessKeyId.isBlank() || secretAccessKey == null || secretAccessKey.isEmpty()) {
                throw new IllegalArgumentException("strict authentication needs an access key id and a secret "
                        + "access key, e.g. 123456789012:mysecret");
            }
        }

        /** Parses {@code ACCESS_KEY_ID:SECRET_ACCESS_KEY}, the form of the command line and environment. */
        public static Credentials parse(String pair) {
            int colon = pair == null ? -1 : pair.indexOf(':');
            if (colon <= 0 || colon == pair.length() - 1) {
                throw new IllegalArgumentException("strict authentication takes ACCESS_KEY_ID:SECRET_ACCESS_KEY, "
                        + "e.g. 123456789012:mysecret; got '" + (pair == null ? null : mask(pair)) + "'");
            }
            return new Credentials(pair.substring(0, colon), pair.substring(colon + 1));
        }

        private static String mask(String pair) {
            int colon = pair.indexOf(':');
            return colon < 0 ? "*** (no ':' in it)" : pair.substring(0, colon + 1) + "***";
        }

        /** Never prints the secret. */
        @Override
        public String toString() {
            return "Credentials[accessKeyId=" + accessKeyId + ", secretAccessKey=***]";
        }
    }
}
