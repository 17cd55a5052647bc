package io.github.sagemakerfake.server;

import io.github.sagemakerfake.internal.protocol.Authenticator;
import io.github.sagemakerfake.internal.protocol.FakeEndpoint;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.ScheduledFuture;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What every connection of one server shares: the fake it serves, the admin API, the options, the
 * authentication, the shutdown flag and the delayed answers. The server owns one and hands it to
 * each {@link HttpConnection}; a connection calls only this, never the server, so calls run one way:
 * server, then connection, then this.
 */
final class Serving {

    private final FakeEndpoint fake;
    private final ServerOptions options;
    private final AdminApi admin;
    private final SigV4Verifier verifier;
    private final Set<DelayedAnswer> delayed = ConcurrentHashMap.newKeySet();
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile boolean closing;

    Serving(FakeEndpoint fake, ServerOptions options, String version) {
        this.fake = fake;
        this.options = options;
        this.admin = new AdminApi(fake, version);
        this.verifier = options.strictAuth() == null ? null
                : new SigV4Verifier(options.strictAuth(), Clock.systemUTC());
    }

    FakeEndpoint fake() {
        return fake;
    }

    ServerOptions options() {
        return options;
    }

    AdminApi admin() {
        return admin;
    }

    /** The AWS operations' authentication: any request, or in strict mode a SigV4 signature with the strict key pair. */
    Authenticator authenticator() {
        return verifier == null ? Authenticator.ANY : verifier;
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

    /** Refuses new requests from now on and answers every delayed one at once. */
    void beginShutdown() {
        closing = true;
        for (DelayedAnswer task : delayed) {
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
}
