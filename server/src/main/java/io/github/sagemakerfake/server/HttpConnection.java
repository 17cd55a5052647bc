package io.github.sagemakerfake.server;

import io.github.sagemakerfake.control.FaultEffect;
import io.github.sagemakerfake.internal.error.ServiceError;
import io.github.sagemakerfake.internal.protocol.PendingResponse;
import io.github.sagemakerfake.internal.protocol.ProtocolRequest;
import io.github.sagemakerfake.internal.protocol.ProtocolResponse;
import io.github.sagemakerfake.internal.protocol.WireErrors;
import io.github.sagemakerfake.internal.remote.AdminPaths;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.util.ReferenceCountUtil;
import java.lang.System.Logger.Level;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One client connection, on its event loop: every method runs on that one thread, so the state
 * below needs no lock, and nothing here ever blocks it.
 *
 * <p>The connection is in one of four phases. {@code IDLE}: no request in progress, closed after the
 * idle timeout. {@code HEADERS}: a first byte came, the headers must be complete within the header
 * timeout. {@code BODY}: the headers are in, the body must be complete within the body timeout.
 * {@code BUSY}: the whole request is in and the fake is answering it, however long a latency fault
 * makes that; no timeout runs, no thread waits (the answer is scheduled on the event loop).
 * Pipelined requests wait their turn in order.
 */
final class HttpConnection {

    private static final System.Logger LOG = System.getLogger(HttpConnection.class.getName());

    private enum Phase { IDLE, HEADERS, BODY, BUSY }

    private static final io.netty.util.AttributeKey<HttpConnection> KEY =
            io.netty.util.AttributeKey.valueOf(HttpConnection.class, "connection");

    private final Serving serving;
    private final ServerOptions options;
    private final ArrayDeque<FullHttpRequest> waiting = new ArrayDeque<>();
    private ChannelHandlerContext ctx;
    private Phase phase = Phase.IDLE;
    /**
     * The phase's deadline ({@link System#nanoTime()}), 0 when none runs, and the phase it was set
     * for. One timer checks it (docs/benchmarks.md, "The server's tail"): a request moves the
     * deadline three times, and scheduling and cancelling a task each time cost more than the
     * request's own allocation in the server; the timer, never set further ahead than the
     * shortest timeout, fires before any deadline a phase can set and re-arms itself until then.
     */
    private long deadlineNanos;
    private Phase armedFor;
    private io.netty.util.concurrent.ScheduledFuture<?> timer;
    private final Runnable onTimer = this::onTimer;
    private final long timerStepNanos;
    private boolean sawFirstByte;
    private boolean closeAfterAnswer;
    private boolean inputClosed;
    private boolean lingering;

    HttpConnection(Serving serving) {
        this.serving = serving;
        this.options = serving.options();
        this.timerStepNanos = Math.max(1, Math.min(options.idleTimeout().toNanos(),
                Math.min(options.headerTimeout().toNanos(), options.bodyTimeout().toNanos())));
    }

    /** Makes this connection findable from its channel (for the aggregator's refusals and the server's shutdown). */
    void attach(io.netty.channel.Channel channel) {
        channel.attr(KEY).set(this);
    }

    /**
     * The next request id of the fake a channel serves, for an answer given before a request
     * reaches the fake (a refusal of the HTTP layer): seeded like every other (docs/seeding.md).
     */
    static String requestId(io.netty.channel.Channel channel) {
        HttpConnection connection = of(channel);
        return connection != null ? connection.serving.fake().nextRequestId()
                : io.github.sagemakerfake.internal.protocol.RequestIds.next();
    }

    /** The connection of a channel, or null before {@link #attach}. */
    static HttpConnection of(io.netty.channel.Channel channel) {
        return channel.attr(KEY).get();
    }

    /** Sees the raw bytes, before the HTTP decoder: starts the header clock, refuses TLS. */
    final class RawBytes extends ChannelInboundHandlerAdapter {
        @Override
        public void channelActive(ChannelHandlerContext context) {
            ctx = context;
            arm(options.idleTimeout().toNanos());
            context.fireChannelActive();
        }

        @Override
        public void channelRead(ChannelHandlerContext context, Object msg) {
            if (msg instanceof ByteBuf bytes && bytes.isReadable()) {
                if (!sawFirstByte) {
                    sawFirstByte = true;
                    if (bytes.getByte(bytes.readerIndex()) == 0x16) {
                        // A TLS ClientHello on the plain port: it cannot read an HTTP answer; close cleanly.
                        bytes.release();
                        context.close();
                        return;
                    }
                }
                if (closeAfterAnswer) {
                    bytes.release(); // lingering after a closing answer: read and dropped
                    return;
                }
                if (phase == Phase.IDLE) {
                    phase = Phase.HEADERS;
                    arm(options.headerTimeout().toNanos());
                }
            }
            context.fireChannelRead(msg);
        }

        @Override
        public void channelInactive(ChannelHandlerContext context) {
            disarm();
            if (timer != null) {
                timer.cancel(false);
                timer = null;
            }
            for (FullHttpRequest r : waiting) {
                r.release();
            }
            waiting.clear();
            context.fireChannelInactive();
        }

        /**
         * The client half-closed (sent FIN after its request, as some scripts do): a request in
         * progress is still answered, then the connection closes; an idle one closes now.
         */
        @Override
        public void userEventTriggered(ChannelHandlerContext context, Object event) {
            if (event instanceof io.netty.channel.socket.ChannelInputShutdownEvent) {
                inputClosed = true;
                if (phase != Phase.BUSY || lingering) { // lingering: the answer is out, the client has read it
                    context.close();
                }
                return;
            }
            context.fireUserEventTriggered(event);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
            // A reset by the peer and the like: nothing to answer, nobody to answer it to.
            LOG.log(Level.DEBUG, "connection closed after an I/O error", cause);
            context.close();
        }
    }

    /** Between the decoder and the aggregator: the headers are in, so the body clock starts. */
    final class Headers extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext context, Object msg) {
            if (msg instanceof HttpRequest && phase != Phase.BUSY) {
                phase = Phase.BODY;
                arm(options.bodyTimeout().toNanos());
            }
            context.fireChannelRead(msg);
        }
    }

    /** After the aggregator: whole requests. */
    final class Requests extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext context, Object msg) {
            if (!(msg instanceof FullHttpRequest request) || closeAfterAnswer) {
                ReferenceCountUtil.release(msg); // after a closing answer, the rest is discarded
                return;
            }
            if (phase == Phase.BUSY) {
                waiting.add(request);
                return;
            }
            serve(request);
        }
    }

    // ------------------------------------------------------------------ one exchange

    private void serve(FullHttpRequest request) {
        phase = Phase.BUSY;
        disarm();
        serving.requestStarted();
        boolean keepAlive;
        boolean head;
        String requestId = serving.fake().nextRequestId();
        try {
            if (request.decoderResult().isFailure()) {
                closeAfterAnswer = true;
                write(WireAnswers.malformed(requestId, request.decoderResult().cause(), options), true);
                return;
            }
            keepAlive = HttpUtil.isKeepAlive(request);
            head = HttpMethod.HEAD.equals(request.method());
            if (serving.isClosing()) {
                write(WireAnswers.toNetty(WireErrors.error(requestId, WireErrors.JSON_1_1, 503,
                        WireAnswers.SERVICE_UNAVAILABLE, "The server is shutting down; send the request to "
                                + "another instance or retry once it is back."), head, true), true);
                return;
            }
            String[] target = target(request.uri());
            if (target == null) {
                write(WireAnswers.toNetty(WireErrors.error(requestId, WireErrors.JSON_1_1, 400, "BadRequest",
                        "The request target '" + printable(request.uri()) + "' is not a path; SageMaker "
                                + "requests are POST / HTTP/1.1."), head, true), true);
                return;
            }
            Map<String, List<String>> headers = headers(request);
            byte[] body = ByteBufUtil.getBytes(request.content());
            String method = request.method().name();
            ProtocolResponse page = Console.answer(method, target[0], headers); // the static web console
            if (page != null) {
                boolean close = !keepAlive || serving.isClosing();
                write(WireAnswers.toNetty(page, head, close), close);
                return;
            }
            if (AdminApi.handles(target[0])) {
                answerAdmin(requestId, method, target, headers, body, head, keepAlive);
                return;
            }
            ProtocolRequest protocolRequest = new ProtocolRequest(method, target[0], target[1], headers, body);
            PendingResponse pending = serving.fake().accept(protocolRequest, requestId, serving.authenticator());
            boolean close = !keepAlive;
            if (pending.delayNanos() > 0) {
                // A latency fault: the answer is scheduled, no thread waits for it.
                serving.delayed(ctx.executor(), pending.delayNanos(), () -> complete(pending, head, close));
            } else {
                complete(pending, head, close);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "The SageMaker Workforce Fake failed while answering a request", e);
            write(WireAnswers.refusal(requestId, WireErrors.internalFailure(e), false), false);
        } finally {
            request.release();
        }
    }

    /**
     * The Origin of a state-changing admin request sent by a page of another origin, or null. A
     * browser sends Origin with every cross-origin POST, PUT and DELETE (and Sec-Fetch-Site), so a
     * page on the internet cannot reach the fake's admin API on loopback; clients that are not
     * browsers send no Origin and are not affected.
     */
    static String foreignOrigin(String method, Map<String, List<String>> headers) {
        if ("GET".equals(method) || "HEAD".equals(method)) {
            return null;
        }
        String origin = firstHeader(headers, "origin");
        String site = firstHeader(headers, "sec-fetch-site");
        if (site != null && site.equalsIgnoreCase("cross-site")) {
            return origin == null ? "Sec-Fetch-Site: cross-site" : origin;
        }
        if (origin == null) {
            return null;
        }
        String host = firstHeader(headers, "host");
        if (host != null && (origin.equalsIgnoreCase("http://" + host) || origin.equalsIgnoreCase("https://" + host))) {
            return null;
        }
        return origin;
    }

    private static String firstHeader(Map<String, List<String>> headers, String lowerCaseName) {
        for (Map.Entry<String, List<String>> e : headers.entrySet()) {
            if (e.getKey().equalsIgnoreCase(lowerCaseName) && !e.getValue().isEmpty()) {
                return e.getValue().get(0);
            }
        }
        return null;
    }

    private void answerAdmin(String requestId, String method, String[] target, Map<String, List<String>> headers,
                             byte[] body, boolean head, boolean keepAlive) {
        ProtocolResponse response;
        String foreignOrigin = foreignOrigin(method, headers);
        if (foreignOrigin != null) {
            response = WireErrors.error(requestId, WireErrors.JSON, 403, "CrossOriginAdminRequest",
                    "The admin API takes no " + method + " from a page of another origin (" + foreignOrigin
                            + "): a web page open in the same browser must not reset or change the fake. "
                            + "Send the request without an Origin header (curl, RemoteFakeControl) or from the "
                            + "console at " + AdminPaths.UI + " (docs/server.md, \"Web console\").");
            boolean close = !keepAlive || serving.isClosing();
            write(WireAnswers.toNetty(response, head, close), close);
            return;
        }
        try {
            serving.authenticateAdmin(method, target[0], target[1], headers, body);
            AdminApi.Reply reply = serving.admin().handle(method, target[0], target[1], body);
            if (!"GET".equals(method) && !"HEAD".equals(method)) {
                serving.beforeAnswer(); // --state-sync always: an admin change is saved before it is acknowledged
            }
            response = WireErrors.json(requestId, WireErrors.JSON, reply.status(), reply.body());
        } catch (ServiceError refused) {
            response = WireErrors.error(requestId, WireErrors.JSON, 403, refused.code(), refused.getMessage()
                    + " In strict mode the admin API answers only requests SigV4-signed with the strict key pair, "
                    + "as RemoteFakeControl.connect(endpoint, accessKeyId, secretAccessKey) signs them.");
        }
        boolean close = !keepAlive || serving.isClosing();
        write(WireAnswers.toNetty(response, head, close), close);
    }

    /** Runs on the event loop once any latency is over. */
    private void complete(PendingResponse pending, boolean head, boolean close) {
        ProtocolResponse response;
        try {
            response = pending.complete();
            serving.beforeAnswer(); // --state-sync always: a change is saved before it is acknowledged
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "The SageMaker Workforce Fake failed while answering a request", e);
            response = WireErrors.error(pending.requestId(), WireErrors.internalFailure(e));
        }
        if (response instanceof ProtocolResponse.Broken broken) {
            actOut(broken, head);
            return;
        }
        boolean closing = close || serving.isClosing();
        write(WireAnswers.toNetty(response, head, closing), closing);
    }

    /** Connection faults stay real socket events. */
    private void actOut(ProtocolResponse.Broken response, boolean head) {
        response.fault().accept(new FaultEffect.ConnectionFault.Handler<Void>() {
            @Override
            public Void reset() {
                // SO_LINGER 0, then close: the kernel sends an RST instead of a FIN.
                ctx.channel().config().setOption(ChannelOption.SO_LINGER, 0);
                finishRequest();
                ctx.channel().close();
                return null;
            }

            @Override
            public Void emptyResponse() {
                finishRequest();
                ctx.channel().close();
                return null;
            }

            @Override
            public Void malformedResponse(byte[] body) {
                write(WireAnswers.toNetty(ProtocolResponse.http(200, response.headers(), body), head, true), true);
                return null;
            }
        });
    }

    private void write(FullHttpResponse response, boolean close) {
        boolean closeNow = close || closeAfterAnswer || serving.isClosing();
        if (!ctx.channel().isActive()) {
            response.release();
            finishRequest();
            return;
        }
        if (closeNow) {
            closeAfterAnswer = true; // nothing after this answer is served
        }
        ctx.channel().writeAndFlush(response).addListener((ChannelFutureListener) f -> {
            finishRequest();
            if (!f.isSuccess()) {
                f.channel().close();
            } else if (closeNow) {
                lingeringClose();
            } else {
                next();
            }
        });
    }

    /** Answers a request refused before it was whole (an oversized body), then closes without losing the answer. */
    void refuse(FullHttpResponse response) {
        closeAfterAnswer = true;
        ctx.channel().writeAndFlush(response).addListener((ChannelFutureListener) f -> {
            if (f.isSuccess()) {
                lingeringClose();
            } else {
                f.channel().close();
            }
        });
    }

    /**
     * Closes after an answer without losing it: closing a socket with unread bytes (the rest of an
     * oversized head or body) makes the kernel send an RST, which can destroy the answer in the
     * client's buffers. So the server half-closes (FIN after the answer), discards what still
     * arrives, and closes when the client does, or after a short linger.
     */
    private void lingeringClose() {
        if (ctx.channel() instanceof io.netty.channel.socket.SocketChannel socket && socket.isActive()
                && !socket.isInputShutdown()) {
            lingering = true;
            socket.shutdownOutput().addListener(f -> {
                if (!f.isSuccess()) {
                    socket.close();
                }
            });
            disarm();
            ctx.executor().schedule(() -> {
                socket.close();
            }, LINGER_MILLIS, TimeUnit.MILLISECONDS);
        } else {
            ctx.channel().close();
        }
    }

    private static final long LINGER_MILLIS = 2000;

    private void finishRequest() {
        serving.requestFinished();
    }

    /** The answer is out: the next pipelined request, or idle again. */
    private void next() {
        FullHttpRequest queued = waiting.poll();
        if (queued != null) {
            serve(queued);
            return;
        }
        if (inputClosed) {
            ctx.channel().close(); // every request the client sent before its FIN is answered
            return;
        }
        phase = Phase.IDLE;
        arm(options.idleTimeout().toNanos());
    }

    /** Called by the server on shutdown: an idle connection closes now, a busy one after its answer. */
    void closeIfIdle() {
        if (phase != Phase.BUSY && ctx != null) {
            ctx.channel().close();
        }
    }

    // ------------------------------------------------------------------ timeouts

    private void arm(long nanos) {
        if (ctx == null) {
            return;
        }
        long now = System.nanoTime();
        armedFor = phase;
        deadlineNanos = now + nanos;
        if (deadlineNanos == 0) {
            deadlineNanos = 1; // 0 means none
        }
        if (timer == null) {
            schedule(now);
        }
    }

    private void schedule(long now) {
        long delay = Math.max(0, Math.min(deadlineNanos - now, timerStepNanos));
        timer = ctx.executor().schedule(onTimer, delay, TimeUnit.NANOSECONDS);
    }

    private void onTimer() {
        timer = null;
        if (deadlineNanos == 0) {
            return; // disarmed: the next phase that needs a deadline schedules the timer again
        }
        long now = System.nanoTime();
        if (now - deadlineNanos < 0) {
            schedule(now);
            return;
        }
        deadlineNanos = 0;
        if (phase == armedFor && phase != Phase.BUSY) {
            // Too slow: closed without an answer (the client may be mid-request; an answer
            // would be read as the response to a request it has not finished sending).
            ctx.channel().close();
        }
    }

    private void disarm() {
        deadlineNanos = 0;
    }

    // ------------------------------------------------------------------ parsing

    /** Path and raw query of an origin-form or absolute-form target; null for anything else. */
    static String[] target(String uri) {
        String rest = uri;
        if (rest.startsWith("http://") || rest.startsWith("https://")) {
            int slash = rest.indexOf('/', rest.indexOf("//") + 2);
            rest = slash < 0 ? "/" : rest.substring(slash);
        }
        if (!rest.startsWith("/")) {
            return null;
        }
        int hash = rest.indexOf('#');
        if (hash >= 0) {
            rest = rest.substring(0, hash);
        }
        int q = rest.indexOf('?');
        return q < 0 ? new String[] {rest, ""} : new String[] {rest.substring(0, q), rest.substring(q + 1)};
    }

    private static Map<String, List<String>> headers(FullHttpRequest request) {
        // Built in the form the protocol request keeps, so it is not copied a second time.
        ProtocolRequest.Headers.Builder headers = new ProtocolRequest.Headers.Builder();
        for (Map.Entry<String, String> e : request.headers()) {
            headers.add(e.getKey(), List.of(e.getValue()));
        }
        return headers.build();
    }

    private static String printable(String s) {
        String cut = s.length() > 100 ? s.substring(0, 100) + "..." : s;
        StringBuilder sb = new StringBuilder(cut.length());
        for (char c : cut.toCharArray()) {
            sb.append(c < 0x20 || c > 0x7e ? '?' : c);
        }
        return sb.toString();
    }
}
