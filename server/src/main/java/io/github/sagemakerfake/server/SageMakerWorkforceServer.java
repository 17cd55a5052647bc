package io.github.sagemakerfake.server;

import io.github.sagemakerfake.control.FakeControl;
import io.github.sagemakerfake.control.FakeSettings;
import io.github.sagemakerfake.internal.protocol.FakeEndpoint;
import io.github.sagemakerfake.internal.error.ServiceError;
import io.github.sagemakerfake.internal.protocol.ProtocolResponse;
import io.github.sagemakerfake.internal.protocol.RequestIds;
import io.github.sagemakerfake.internal.protocol.WireErrors;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.ScheduledFuture;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The fake as an HTTP/1.1 server on the real wire: any AWS client (the Java SDK v2, boto3, the AWS
 * CLI) points its endpoint at {@link #endpoint()} and works unchanged. Event-driven, on Netty: a
 * few event-loop threads serve every connection, so slow, idle or stalled clients hold no thread,
 * and a latency fault is a timer on the event loop, not a sleeping thread.
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
 * {@link io.github.sagemakerfake.admin.RemoteFakeControl}. Every answer is the AWS error form
 * ({@code __type}, {@code message}, {@code x-amzn-RequestId}) or a clean close, whatever arrives:
 * malformed HTTP, oversized heads or bodies, TLS on the plain port. Limits and timeouts are in
 * {@link ServerOptions}; every thread is a daemon thread. See docs/server.md.
 */
public final class SageMakerWorkforceServer implements AutoCloseable {

    private static final int BACKLOG = 1024;
    private static final AtomicInteger SERVERS = new AtomicInteger();

    private final FakeEndpoint fake;
    private final ServerOptions options;
    private final AdminApi admin;
    private final SigV4Verifier verifier;
    private final EventLoopGroup group;
    private final Set<Channel> connections = ConcurrentHashMap.newKeySet();
    private final Set<DelayedAnswer> delayed = ConcurrentHashMap.newKeySet();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile boolean closing;
    private Channel listener;
    private URI endpoint;

    private SageMakerWorkforceServer(FakeEndpoint fake, ServerOptions options) {
        this.fake = fake;
        this.options = options;
        this.admin = new AdminApi(fake, version());
        this.verifier = options.strictAuth() == null ? null
                : new SigV4Verifier(options.strictAuth(), Clock.systemUTC());
        this.group = new NioEventLoopGroup(options.threads(),
                new DefaultThreadFactory("sagemaker-fake-http-" + SERVERS.incrementAndGet(), true));
    }

    /**
     * A new fake with these settings, served on 127.0.0.1 on a free port; {@link #control()} is its
     * control surface in process.
     */
    public static SageMakerWorkforceServer start(FakeSettings settings) {
        return start(settings, ServerOptions.defaults());
    }

    /**
     * A new fake with these settings, served with these options; returns once the server accepts
     * connections.
     *
     * @throws UncheckedIOException when the address cannot be bound (e.g. the port is taken)
     */
    public static SageMakerWorkforceServer start(FakeSettings settings, ServerOptions options) {
        return start(new FakeEndpoint(Objects.requireNonNull(settings, "settings")), options);
    }

    /**
     * Serves an existing fake on 127.0.0.1, on a free port. {@link FakeEndpoint} is internal: this
     * overload is how the fake's own forms (the JUnit extension, the Spring integration) serve the
     * fake their in-process clients use; other code starts from {@link FakeSettings}.
     */
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
        SageMakerWorkforceServer server = new SageMakerWorkforceServer(endpoint, options);
        server.bind(address);
        return server;
    }

    private void bind(InetSocketAddress address) {
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(group)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, BACKLOG)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true) // no 40 ms delayed-ACK stall per response
                .childOption(ChannelOption.SO_KEEPALIVE, true)
                .childOption(ChannelOption.ALLOW_HALF_CLOSURE, true) // a client's FIN still gets its answer
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        configure(channel);
                    }
                });
        try {
            listener = bootstrap.bind(address).syncUninterruptibly().channel();
        } catch (Exception e) {
            group.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
            String why = e.getMessage() == null ? "the address is not available" : e.getMessage();
            throw new UncheckedIOException("Cannot listen on " + options.host() + ":" + options.port() + ": " + why
                    + (options.port() != 0 ? " (is the port taken? --port 0 picks a free one)" : ""),
                    e instanceof java.io.IOException io ? io : new BindException(why));
        }
        endpoint = uriOf((InetSocketAddress) listener.localAddress());
    }

    private void configure(SocketChannel channel) {
        HttpConnection connection = new HttpConnection(this);
        ChannelPipeline pipeline = channel.pipeline();
        pipeline.addLast("gate", gate);
        pipeline.addLast("raw", connection.new RawBytes());
        pipeline.addLast("http", new HttpServerCodec(new HttpDecoderConfig()
                .setMaxInitialLineLength(WireAnswers.MAX_INITIAL_LINE)
                .setMaxHeaderSize(options.maxHeaderBytes())
                .setMaxChunkSize(64 * 1024)
                .setValidateHeaders(true)));
        pipeline.addLast("headers", connection.new Headers());
        pipeline.addLast("aggregate", new JsonAggregator(options.maxBodyBytes()));
        pipeline.addLast("requests", connection.new Requests());
        channel.attr(CONNECTION).set(connection);
    }

    static final io.netty.util.AttributeKey<HttpConnection> CONNECTION =
            io.netty.util.AttributeKey.valueOf(SageMakerWorkforceServer.class, "connection");

    /** Counts connections and refuses those over the limit, with an AWS-shaped 503, before any decoding. */
    private final ChannelHandler gate = new Gate();

    @ChannelHandler.Sharable
    private final class Gate extends ChannelInboundHandlerAdapter {
        @Override
        public void channelActive(ChannelHandlerContext ctx) {
            Channel channel = ctx.channel();
            if (closing || connections.size() >= options.maxConnections()) {
                String message = closing ? "The server is shutting down."
                        : "The server has " + options.maxConnections() + " connections open, the most it accepts "
                        + "(--max-connections); close idle connections or raise the limit.";
                ctx.writeAndFlush(rawResponse(new ServiceError(WireAnswers.SERVICE_UNAVAILABLE, 503, message)))
                        .addListener(ChannelFutureListener.CLOSE);
                return;
            }
            connections.add(channel);
            channel.closeFuture().addListener(f -> connections.remove(channel));
            ctx.fireChannelActive();
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (!connections.contains(ctx.channel())) {
                io.netty.util.ReferenceCountUtil.release(msg); // refused: its bytes are not read
                return;
            }
            ctx.fireChannelRead(msg);
        }
    }

    /** A whole 503 answer as bytes (the one error writer's), for the gate, which sits before the HTTP encoder. */
    private static ByteBuf rawResponse(ServiceError refusal) {
        ProtocolResponse response = WireErrors.error(RequestIds.next(), refusal);
        StringBuilder head = new StringBuilder("HTTP/1.1 ").append(response.statusCode()).append(" Service Unavailable\r\n");
        response.headers().forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        head.append("Content-Length: ").append(response.body().length).append("\r\nConnection: close\r\n\r\n");
        return Unpooled.wrappedBuffer(head.toString().getBytes(StandardCharsets.US_ASCII), response.body());
    }

    // ------------------------------------------------------------------ for the connections

    AdminApi admin() {
        return admin;
    }

    SigV4Verifier verifier() {
        return verifier;
    }

    boolean isClosing() {
        return closing;
    }

    void requestStarted() {
        inFlight.incrementAndGet();
    }

    void requestFinished() {
        inFlight.decrementAndGet();
    }

    /**
     * In strict mode the admin API answers only requests signed with the strict key pair;
     * {@code GET /_fake/health} stays open, for readiness probes and wait strategies.
     *
     * @throws io.github.sagemakerfake.internal.error.ServiceError the refusal
     */
    void authenticateAdmin(String method, String rawPath, String rawQuery, Map<String, List<String>> headers,
                           byte[] body) {
        if (verifier == null || ("GET".equals(method) && AdminApi.isHealth(rawPath))) {
            return;
        }
        verifier.verify(method, rawPath, rawQuery, headers, body);
    }

    /** Schedules a delayed answer on the connection's event loop; shutdown runs it early. */
    void delayed(EventExecutor loop, long nanos, Runnable answer) {
        DelayedAnswer task = new DelayedAnswer(loop, answer);
        delayed.add(task);
        task.future = loop.schedule(task::run, nanos, TimeUnit.NANOSECONDS);
        if (closing) {
            task.runEarly();
        }
    }

    private final class DelayedAnswer {
        final EventExecutor loop;
        final Runnable answer;
        final AtomicBoolean done = new AtomicBoolean();
        volatile ScheduledFuture<?> future;

        DelayedAnswer(EventExecutor loop, Runnable answer) {
            this.loop = loop;
            this.answer = answer;
        }

        void run() {
            if (done.compareAndSet(false, true)) {
                delayed.remove(this);
                answer.run();
            }
        }

        void runEarly() {
            ScheduledFuture<?> f = future;
            if (f != null) {
                f.cancel(false);
            }
            loop.execute(this::run);
        }
    }

    // ------------------------------------------------------------------ public surface

    /** The base URI for clients, e.g. {@code http://127.0.0.1:54321}; a wildcard bind is reached on loopback. */
    public URI endpoint() {
        return endpoint;
    }

    public int port() {
        return endpoint.getPort();
    }

    /** The control surface of the fake this server serves, in process: the same state the admin API shows. */
    public FakeControl control() {
        return fake;
    }

    /** The fake this server serves. {@link FakeEndpoint} is internal: use {@link #control()}. */
    public FakeEndpoint fake() {
        return fake;
    }

    /** The options this server runs with. */
    public ServerOptions options() {
        return options;
    }

    /** The version in the server jar's manifest, or {@code development} when run from classes. */
    public static String version() {
        String v = SageMakerWorkforceServer.class.getPackage().getImplementationVersion();
        return v == null ? "development" : v;
    }

    /**
     * Stops accepting connections and refuses new requests (503), answers the requests in progress
     * (a request waiting out a latency fault is answered at once) within the shutdown grace period
     * ({@link ServerOptions#shutdownGrace()}, 2 s by default), then closes every connection and
     * stops its threads. Idempotent.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        closing = true;
        listener.close().syncUninterruptibly();
        for (DelayedAnswer task : delayed) {
            task.runEarly();
        }
        for (Channel channel : connections) {
            HttpConnection connection = channel.attr(CONNECTION).get();
            if (connection != null) {
                channel.eventLoop().execute(connection::closeIfIdle);
            }
        }
        long deadline = System.nanoTime() + options.shutdownGrace().toNanos();
        boolean onEventLoop = group.next().inEventLoop() || isEventLoopThread();
        if (!onEventLoop) {
            for (Channel channel : connections) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                channel.closeFuture().awaitUninterruptibly(TimeUnit.NANOSECONDS.toMillis(left) + 1);
            }
        }
        for (Channel channel : connections) {
            channel.close();
        }
        io.netty.util.concurrent.Future<?> stopped = group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        if (!onEventLoop) {
            stopped.awaitUninterruptibly(5, TimeUnit.SECONDS);
        }
    }

    private boolean isEventLoopThread() {
        for (EventExecutor e : group) {
            if (e.inEventLoop()) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return "SageMakerWorkforceServer[" + endpoint + (closed.get() ? ", closed]" : "]");
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

}
