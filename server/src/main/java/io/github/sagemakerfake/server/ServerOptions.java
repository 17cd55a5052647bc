package io.github.sagemakerfake.server;

import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link SageMakerWorkforceServer} listens and protects itself. Immutable;
 * {@link #defaults()} listens on loopback on a free port, accepts any request signature, and keeps
 * the limits below.
 *
 * <pre>{@code
 * ServerOptions options = ServerOptions.defaults().withPort(9324).withStrictAuth("AKIDEXAMPLE", "secret");
 * }</pre>
 *
 * @param host           the address to bind, e.g. {@code 127.0.0.1} (the default) or {@code 0.0.0.0}
 * @param port           the port to bind; 0 picks a free one
 * @param maxBodyBytes   the largest request body accepted; a larger one is answered 413
 * @param requestTimeout how long a client may take to send one whole request (headers and body),
 *                       and to take delivery of the response; a slower connection is dropped so it
 *                       cannot hold a worker thread
 * @param strictAuth     the only key pair accepted, with SigV4 signatures verified; null (the
 *                       default) accepts any request, signed or not
 * @param threads        the worker threads that serve requests (daemon threads, created on demand)
 */
public record ServerOptions(String host, int port, int maxBodyBytes, Duration requestTimeout,
                            Credentials strictAuth, int threads) {

    public static final String DEFAULT_HOST = "127.0.0.1";
    /** 1 MiB: far above the largest valid request of the 16 operations. */
    public static final int DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(10);
    public static final int DEFAULT_THREADS = 32;

    public ServerOptions {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("host must be an address such as 127.0.0.1 or 0.0.0.0; got '"
                    + host + "'");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0 (a free port) to 65535; got " + port);
        }
        if (maxBodyBytes < 1) {
            throw new IllegalArgumentException("maxBodyBytes must be at least 1; got " + maxBodyBytes);
        }
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        if (requestTimeout.isNegative() || requestTimeout.isZero()) {
            throw new IllegalArgumentException("requestTimeout must be positive; got " + requestTimeout);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1; got " + threads);
        }
    }

    /** Loopback, a free port, 1 MiB bodies, 10 s per request, any signature, 32 threads. */
    public static ServerOptions defaults() {
        return new ServerOptions(DEFAULT_HOST, 0, DEFAULT_MAX_BODY_BYTES, DEFAULT_REQUEST_TIMEOUT, null,
                DEFAULT_THREADS);
    }

    public ServerOptions withHost(String value) {
        return new ServerOptions(value, port, maxBodyBytes, requestTimeout, strictAuth, threads);
    }

    public ServerOptions withPort(int value) {
        return new ServerOptions(host, value, maxBodyBytes, requestTimeout, strictAuth, threads);
    }

    public ServerOptions withMaxBodyBytes(int value) {
        return new ServerOptions(host, port, value, requestTimeout, strictAuth, threads);
    }

    public ServerOptions withRequestTimeout(Duration value) {
        return new ServerOptions(host, port, maxBodyBytes, value, strictAuth, threads);
    }

    /** Accepts only requests signed (SigV4) with this key pair; null accepts anything again. */
    public ServerOptions withStrictAuth(Credentials value) {
        return new ServerOptions(host, port, maxBodyBytes, requestTimeout, value, threads);
    }

    public ServerOptions withStrictAuth(String accessKeyId, String secretAccessKey) {
        return withStrictAuth(new Credentials(accessKeyId, secretAccessKey));
    }

    public ServerOptions withThreads(int value) {
        return new ServerOptions(host, port, maxBodyBytes, requestTimeout, strictAuth, value);
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
