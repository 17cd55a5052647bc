package io.github.sagemakerfake.server;

import io.github.sagemakerfake.SageMakerWorkforceFake;
import io.github.sagemakerfake.control.FakeControl;
import io.github.sagemakerfake.control.FakeSettings;
import io.github.sagemakerfake.internal.error.ServiceError;
import io.github.sagemakerfake.internal.protocol.FakeEndpoint;
import io.github.sagemakerfake.internal.protocol.ProtocolResponse;
import io.github.sagemakerfake.internal.protocol.WireErrors;
import io.github.sagemakerfake.internal.transport.EndpointAccess;
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
import io.netty.handler.codec.http.HttpResponseEncoder;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.EventExecutor;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
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
 * try (SageMakerWorkforceServer server = SageMakerWorkforceServer.start(FakeSettings.defaults())) {
 *     SageMakerClient sageMaker = SageMakerClient.builder()
 *             .endpointOverride(server.endpoint())
 *             .region(Region.US_EAST_1)
 *             .credentialsProvider(StaticCredentialsProvider.create(
 *                     AwsBasicCredentials.create("123456789012", "any-secret")))
 *             .build();
 *     sageMaker.listWorkteams(r -> { });
 *     assertThat(server.control().journal()).hasSize(1);
 * }
 * }</pre>
 *
 * <p>{@code POST /} serves the SageMaker operations of the registry (awsJson1_1; docs/fidelity.md lists them); paths under {@code /_fake/}
 * are the admin API (health, reset, state, snapshots, requests, faults, seed, clock), whose Java client is
 * {@link io.github.sagemakerfake.admin.RemoteFakeControl}. Every answer is the AWS error form
 * ({@code __type}, {@code message}, {@code x-amzn-RequestId}) or a clean close, whatever arrives:
 * malformed HTTP, oversized heads or bodies, TLS on the plain port. Limits and timeouts are in
 * {@link ServerOptions}; every thread is a daemon thread. See docs/server.md.
 */
public final class SageMakerWorkforceServer implements AutoCloseable {

    private static final int BACKLOG = 1024;
    private static final AtomicInteger SERVERS = new AtomicInteger();

    private final Serving serving;
    private final ServerOptions options;
    private final EventLoopGroup group;
    private final Set<Channel> connections = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean closed = new AtomicBoolean();
    private Channel listener;
    private URI endpoint;

    private SageMakerWorkforceServer(FakeEndpoint fake, ServerOptions options) {
        this.serving = new Serving(fake, options, version());
        this.options = options;
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
     * Serves an in-process fake over HTTP on 127.0.0.1, on a free port: the clients of
     * {@link SageMakerWorkforceFake#client()} and the HTTP clients see one state, one journal and
     * one set of fault rules. Closing the server leaves the fake open.
     */
    public static SageMakerWorkforceServer start(SageMakerWorkforceFake fake) {
        return start(fake, ServerOptions.defaults());
    }

    /**
     * Serves an in-process fake over HTTP with these options; returns once the server accepts
     * connections.
     *
     * @throws UncheckedIOException when the address cannot be bound (e.g. the port is taken)
     */
    public static SageMakerWorkforceServer start(SageMakerWorkforceFake fake, ServerOptions options) {
        return start(EndpointAccess.of(Objects.requireNonNull(fake, "fake")), options);
    }

    /** Serves this fake with these options; the standalone server's way, which keeps a state file beside it. */
    static SageMakerWorkforceServer start(FakeEndpoint endpoint, ServerOptions options) {
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

    /** As {@link #start(FakeEndpoint, ServerOptions)}, saving into a state file from the first request on. */
    static SageMakerWorkforceServer start(FakeEndpoint endpoint, ServerOptions options, StateFile stateFile) {
        return start(endpoint, options, stateFile, null);
    }

    /** As above, keeping named snapshots (POST /_fake/snapshots/{name}) in {@code snapshotDirectory} when not null. */
    static SageMakerWorkforceServer start(FakeEndpoint endpoint, ServerOptions options, StateFile stateFile,
                                          java.nio.file.Path snapshotDirectory) {
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
        server.serving.persistence(stateFile, snapshotDirectory);
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
        HttpConnection connection = new HttpConnection(serving);
        ChannelPipeline pipeline = channel.pipeline();
        pipeline.addLast("gate", gate);
        pipeline.addLast("raw", connection.new RawBytes());
        pipeline.addLast("encoder", new HttpResponseEncoder());
        pipeline.addLast("decoder", new FramingDecoder(new HttpDecoderConfig()
                .setMaxInitialLineLength(WireAnswers.MAX_INITIAL_LINE)
                .setMaxHeaderSize(options.maxHeaderBytes())
                .setMaxChunkSize(64 * 1024)
                .setValidateHeaders(true)));
        pipeline.addLast("headers", connection.new Headers());
        pipeline.addLast("aggregate", new JsonAggregator(options.maxBodyBytes()));
        pipeline.addLast("requests", connection.new Requests());
        connection.attach(channel);
    }

    /** Counts connections and refuses those over the limit, with an AWS-shaped 503, before any decoding. */
    private final ChannelHandler gate = new Gate();

    @ChannelHandler.Sharable
    private final class Gate extends ChannelInboundHandlerAdapter {
        @Override
        public void channelActive(ChannelHandlerContext ctx) {
            Channel channel = ctx.channel();
            if (serving.isClosing() || connections.size() >= options.maxConnections()) {
                String message = serving.isClosing() ? "The server is shutting down."
                        : "The server has " + options.maxConnections() + " connections open, the most it accepts "
                        + "(--max-connections); close idle connections or raise the limit.";
                ctx.writeAndFlush(rawResponse(serving.fake().nextRequestId(),
                        new ServiceError(WireAnswers.SERVICE_UNAVAILABLE, 503, message)))
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
    private static ByteBuf rawResponse(String requestId, ServiceError refusal) {
        ProtocolResponse response = WireErrors.error(requestId, refusal);
        StringBuilder head = new StringBuilder("HTTP/1.1 ").append(response.statusCode()).append(" Service Unavailable\r\n");
        response.headers().forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        head.append("Content-Length: ").append(response.body().length).append("\r\nConnection: close\r\n\r\n");
        return Unpooled.wrappedBuffer(head.toString().getBytes(StandardCharsets.US_ASCII), response.body());
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
        return serving.fake();
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
        serving.beginShutdown();
        listener.close().syncUninterruptibly();
        for (Channel channel : connections) {
            HttpConnection connection = HttpConnection.of(channel);
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
