package io.github.sagemakerfake.server;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.sagemakerfake.internal.backend.ServiceError;
import io.github.sagemakerfake.internal.json.Json;
import io.github.sagemakerfake.internal.protocol.Authenticator;
import io.github.sagemakerfake.internal.protocol.ConnectionFault;
import io.github.sagemakerfake.internal.protocol.WireErrors;
import io.github.sagemakerfake.internal.protocol.FakeEndpoint;
import io.github.sagemakerfake.internal.protocol.RequestIds;
import io.github.sagemakerfake.internal.protocol.ProtocolRequest;
import io.github.sagemakerfake.internal.protocol.ProtocolResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The fake as an HTTP/1.1 server on the real wire: any AWS client (the Java SDK v2, boto3, the AWS
 * CLI) points its endpoint at {@link #endpoint()} and works unchanged. Built on the JDK's own
 * {@code com.sun.net.httpserver}, so it needs no dependency, and no AWS SDK class either.
 *
 * <pre>{@code
 * FakeEndpoint fake = new FakeEndpoint(FakeSettings.defaults());
 * try (SageMakerWorkforceServer server = SageMakerWorkforceServer.start(fake)) {
 *     SageMakerClient sageMaker = SageMakerClient.builder()
 *             .endpointOverride(server.endpoint())
 *             .region(Region.US_EAST_1)
 *             .credentialsProvider(StaticCredentialsProvider.create(
 *                     AwsBasicCredentials.create("123456789012", "any-secret")))
 *             .build();
 *     sageMaker.listWorkteams(r -> { });
 *     assertThat(fake.journal()).hasSize(1);
 * }
 * }</pre>
 *
 * <p>{@code POST /} serves the 16 SageMaker operations (awsJson1_1); paths under {@code /_fake/}
 * are the admin API (health, reset, state, requests, faults, seed, clock), whose Java client is
 * {@link io.github.sagemakerfake.admin.RemoteFakeControl}. Every response carries
 * {@code x-amzn-RequestId}; an unexpected failure is answered {@code 500 InternalFailure} without
 * a stack trace, and the server goes on serving. Request bodies are bounded, slow clients are cut
 * off after the request timeout, and every thread is a daemon thread. See docs/server.md.
 */
public final class SageMakerWorkforceServer implements AutoCloseable {

    /** The JDK server's TCP_NODELAY switch, read once by the JDK when its first server starts. */
    static final String NODELAY_PROPERTY = "sun.net.httpserver.nodelay";

    static {
        // The JDK server writes a response's headers and its body as two segments; with Nagle's
        // algorithm on, the body then waits for the client's delayed ACK, 40 ms on Linux, on every
        // keep-alive response (docs/benchmarks.md). Turned off unless the JVM's owner decided.
        if (System.getProperty(NODELAY_PROPERTY) == null) {
            System.setProperty(NODELAY_PROPERTY, "true");
        }
    }

    private static final System.Logger LOG = System.getLogger(SageMakerWorkforceServer.class.getName());
    private static final String JSON_1_1 = "application/x-amz-json-1.1";
    private static final String REQUEST_ID = "x-amzn-RequestId";
    private static final int BACKLOG = 128;
    /** How long {@link #close()} lets requests in progress finish. */
    private static final int GRACE_SECONDS = 2;

    private final FakeEndpoint fake;
    private final ServerOptions options;
    private final HttpServer http;
    private final WorkerPool pool;
    private final AdminApi admin;
    private final SigV4Verifier verifier;
    private final URI endpoint;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile boolean closing;

    private SageMakerWorkforceServer(FakeEndpoint fake, ServerOptions options, HttpServer http, WorkerPool pool) {
        this.fake = fake;
        this.options = options;
        this.http = http;
        this.pool = pool;
        this.admin = new AdminApi(fake, version());
        this.verifier = options.strictAuth() == null ? null
                : new SigV4Verifier(options.strictAuth(), Clock.systemUTC());
        this.endpoint = uriOf(http.getAddress());
    }

    /** Serves the fake on 127.0.0.1, on a free port. */
    public static SageMakerWorkforceServer start(FakeEndpoint endpoint) {
        return start(endpoint, ServerOptions.defaults());
    }

    /**
     * Serves the fake with these options; returns once the server accepts connections.
     *
     * @throws UncheckedIOException when the address cannot be bound (e.g. the port is taken)
     */
    public static SageMakerWorkforceServer start(FakeEndpoint endpoint, ServerOptions options) {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(options, "options");
        InetSocketAddress address;
        try {
            address = new InetSocketAddress(InetAddress.getByName(options.host()), options.port());
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("Unknown host '" + options.host() + "'; use an address such as "
                    + "127.0.0.1 or 0.0.0.0", e);
        }
        HttpServer http;
        try {
            http = HttpServer.create(address, BACKLOG);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot listen on " + options.host() + ":" + options.port() + ": "
                    + e.getMessage() + (options.port() != 0 ? " (is the port taken? --port 0 picks a free one)" : ""),
                    e);
        }
        WorkerPool pool = new WorkerPool(options.threads(), options.requestTimeout());
        SageMakerWorkforceServer server = new SageMakerWorkforceServer(endpoint, options, http, pool);
        http.createContext("/", server::handle);
        http.setExecutor(pool);
        startOnDaemonThread(http);
        return server;
    }

    /**
     * The JDK's dispatcher thread inherits daemon status from the thread that calls
     * {@code start()}; starting it from a daemon thread keeps it from holding the JVM open.
     */
    private static void startOnDaemonThread(HttpServer http) {
        RuntimeException[] failure = new RuntimeException[1];
        Thread starter = new Thread(() -> {
            try {
                http.start();
            } catch (RuntimeException e) {
                failure[0] = e;
            }
        }, "sagemaker-fake-http-start");
        starter.setDaemon(true);
        starter.start();
        boolean interrupted = false;
        while (true) {
            try {
                starter.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (failure[0] != null) {
            http.stop(0);
            throw failure[0];
        }
    }

    /** The base URI for clients, e.g. {@code http://127.0.0.1:54321}; a wildcard bind is reached on loopback. */
    public URI endpoint() {
        return endpoint;
    }

    public int port() {
        return endpoint.getPort();
    }

    /** The fake this server serves; its control surface works in process too. */
    public FakeEndpoint fake() {
        return fake;
    }

    public ServerOptions options() {
        return options;
    }

    /** The version in the server jar's manifest, or {@code development} when run from classes. */
    public static String version() {
        String v = SageMakerWorkforceServer.class.getPackage().getImplementationVersion();
        return v == null ? "development" : v;
    }

    /**
     * Stops accepting connections, lets requests in progress finish (up to 2 seconds), then stops.
     * Idempotent.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        closing = true;
        // On JDK 17, stop(n) waits the full n seconds when nothing is in progress; stop(0) then.
        http.stop(inFlight.get() > 0 ? GRACE_SECONDS : 0);
        pool.shutdown(Duration.ofSeconds(1));
    }

    @Override
    public String toString() {
        return "SageMakerWorkforceServer[" + endpoint + (closed.get() ? ", closed]" : "]");
    }

    // ------------------------------------------------------------------ request handling

    private void handle(HttpExchange exchange) {
        inFlight.incrementAndGet();
        try {
            serve(exchange);
        } catch (RuntimeException | Error e) {
            LOG.log(Level.WARNING, "The SageMaker Workforce Fake failed while answering a request", e);
            exchange.close();
        } finally {
            inFlight.decrementAndGet();
        }
    }

    private void serve(HttpExchange exchange) {
        String requestId = RequestIds.next();
        byte[] body;
        try {
            body = readBody(exchange);
        } catch (BodyTooLarge e) {
            pool.disarm();
            respond(exchange, awsError(requestId, new ServiceError("SerializationException", 413, e.getMessage())),
                    requestId, true);
            return;
        } catch (IOException e) {
            // The client went away or was cut off at the request timeout: nobody to answer.
            pool.disarm();
            exchange.close();
            return;
        }
        if (pool.disarm()) {
            exchange.close();
            return;
        }
        ProtocolResponse response;
        try {
            response = dispatch(exchange, body, requestId);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "The SageMaker Workforce Fake failed while answering a request", e);
            response = internalFailure(requestId, e);
        }
        respond(exchange, response, requestId, false);
    }

    private ProtocolResponse dispatch(HttpExchange exchange, byte[] body, String requestId) {
        String method = exchange.getRequestMethod();
        URI uri = exchange.getRequestURI();
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        if (AdminApi.handles(path)) {
            AdminApi.Reply reply = admin.handle(method, path, uri.getRawQuery(), body);
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("Content-Type", "application/json");
            headers.put(REQUEST_ID, requestId);
            return new ProtocolResponse(reply.status(), headers, Json.writeBytes(reply.body()), null);
        }
        return fake.accept(new ProtocolRequest(method, path, uri.getRawQuery(), exchange.getRequestHeaders(), body),
                requestId, verifier == null ? Authenticator.ANY : verifier).awaitAndComplete();
    }

    private void respond(HttpExchange exchange, ProtocolResponse response, String requestId, boolean closeAfter) {
        ConnectionFault fault = response.fault();
        if (fault != null && !(fault instanceof ConnectionFault.MalformedBody)) {
            if (fault instanceof ConnectionFault.Reset) {
                ConnectionAbort.reset(exchange); // falls back to the close below: no bytes, then EOF
            }
            exchange.close();
            return;
        }
        var headers = exchange.getResponseHeaders();
        response.headers().forEach(headers::set);
        if (!headers.containsKey(REQUEST_ID)) {
            headers.set(REQUEST_ID, requestId);
        }
        if (closeAfter || closing) {
            headers.set("Connection", "close");
        }
        byte[] body = response.body() == null ? new byte[0] : response.body();
        boolean head = "HEAD".equals(exchange.getRequestMethod());
        pool.arm();
        try {
            exchange.sendResponseHeaders(response.statusCode(), head || body.length == 0 ? -1 : body.length);
            if (!head && body.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        } catch (IOException e) {
            // The client stopped reading or went away; the connection is closed below.
        } finally {
            pool.disarm();
            exchange.close();
        }
    }

    private byte[] readBody(HttpExchange exchange) throws IOException {
        int max = options.maxBodyBytes();
        String declared = exchange.getRequestHeaders().getFirst("Content-Length");
        if (declared != null) {
            try {
                long length = Long.parseLong(declared.trim());
                if (length > max) {
                    throw new BodyTooLarge(length, max);
                }
            } catch (NumberFormatException e) {
                // The JDK has already refused a malformed Content-Length; nothing to add.
            }
        }
        InputStream in = exchange.getRequestBody();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int total = 0;
        int n;
        while ((n = in.read(buffer)) != -1) {
            total += n;
            if (total > max) {
                throw new BodyTooLarge(-1, max);
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    private static ProtocolResponse awsError(String requestId, ServiceError e) {
        return WireErrors.error(requestId, e);
    }

    private static ProtocolResponse internalFailure(String requestId, RuntimeException e) {
        return awsError(requestId, WireErrors.internalFailure(e));
    }

    private static URI uriOf(InetSocketAddress bound) {
        InetAddress address = bound.getAddress();
        String host;
        if (address.isAnyLocalAddress()) {
            host = address instanceof Inet6Address ? "[::1]" : "127.0.0.1";
        } else if (address instanceof Inet6Address) {
            host = "[" + address.getHostAddress() + "]";
        } else {
            host = address.getHostAddress();
        }
        return URI.create("http://" + host + ":" + bound.getPort());
    }

    /** A body over the limit; the server answers 413 and closes the connection rather than read on. */
    private static final class BodyTooLarge extends IOException {
        private static final long serialVersionUID = 1L;

        BodyTooLarge(long length, int max) {
            super(length >= 0
                    ? "The request body has " + length + " bytes; this server accepts at most " + max + " bytes "
                            + "(--max-body-bytes). No valid SageMaker workforce request comes near that size."
                    : "The request body is larger than " + max + " bytes, the most this server accepts "
                            + "(--max-body-bytes). No valid SageMaker workforce request comes near that size.");
        }
    }
}
