package io.github.sagemakerfake.internal.transport;

import io.github.sagemakerfake.internal.protocol.FakeEndpoint;
import io.github.sagemakerfake.internal.protocol.ProtocolResponse;
import io.github.sagemakerfake.internal.protocol.RequestIdentity;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.endpoints.Endpoint;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.auth.scheme.NoAuthAuthScheme;
import software.amazon.awssdk.http.auth.spi.scheme.AuthSchemeOption;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.SageMakerClientBuilder;

/**
 * The SDK clients that {@code fake.client()} and the JUnit extension hand out in process, built once
 * per (account, region, retry waits) and lent to one fake at a time (docs/benchmarks.md, "A test as
 * cheap as a mock"). Building a {@link SageMakerClient} costs far more than the fake itself, and a
 * test that builds one per fake pays it every time; here a fresh fake gets a client that was built
 * before, pointed at it for as long as the loan lasts.
 *
 * <p>What a loan guarantees:
 * <ul>
 * <li>The caller gets the pooled {@link SageMakerClient} itself (a wrapper would cost more than the
 *     client build it saves: a {@link java.lang.reflect.Proxy} of the interface's nearly 1,000 methods
 *     takes about a second of CPU to generate). Its {@code close()} is harmless: every resource the
 *     SDK would close is one the pool supplied (the in-memory HTTP client, a shared scheduler,
 *     static credentials), so a test that closes its client cannot break the next test. The loan
 *     ends when the fake closes; a call made while the client is not lent fails. A client kept past
 *     its fake's end may reach the next fake it is lent to: keep clients no longer than their fake.</li>
 * <li>No state of the SDK client carries over: a loan during which any answer was not a 2xx (an
 *     error, a throttling fault, a broken connection) may have spent the retry strategy's quota or
 *     slowed its adaptive rate limiter, so that client is closed, not lent again.</li>
 * <li>The client is the SDK's own, from its own builder: marshalling, exceptions, retries and
 *     paginators are the SDK's (docs/adr/0001). It does not sign: the account and region, which the
 *     fake otherwise reads from the SigV4 {@code Authorization} header, travel with the in-memory
 *     transport, which knows them, and the signature is checked by no one in process (strict mode
 *     runs over HTTP, where clients still sign).</li>
 * </ul>
 */
public final class PooledClients {

    /** Idle clients per kind; a handful at most, one per test running at the same time. */
    private static final Map<Kind, Deque<Pooled>> IDLE = new ConcurrentHashMap<>();

    /** How many idle clients of one kind are kept; more are closed on return. */
    private static final int MAX_IDLE_PER_KIND = 8;

    private PooledClients() {
    }

    /**
     * What makes two pooled clients interchangeable.
     *
     * @param immediateRetries retries without waiting (the JUnit extension's default), else the SDK's waits
     */
    private record Kind(String account, String region, boolean immediateRetries) {
    }

    /** A loan: the client to hand out, and how to end the loan. */
    public interface Lease {
        SageMakerClient client();

        /** Ends the loan; idempotent. */
        void release();
    }

    /**
     * Lends a client of that account and region, pointed at this endpoint until the lease is released.
     *
     * @param immediateRetries true for retries without backoff waits (the JUnit extension's setting)
     */
    public static Lease lease(FakeEndpoint endpoint, String account, String region, URI sdkEndpoint,
                              boolean immediateRetries) {
        Kind kind = new Kind(account, region, immediateRetries);
        Pooled pooled = null;
        Deque<Pooled> idle = IDLE.get(kind);
        if (idle != null) {
            synchronized (idle) {
                pooled = idle.pollFirst();
            }
        }
        if (pooled == null) {
            pooled = new Pooled(kind, sdkEndpoint);
        }
        pooled.transport.lendTo(endpoint);
        return new Loan(pooled);
    }

    private static void giveBack(Pooled pooled) {
        boolean clean = pooled.transport.endLoan();
        if (clean) {
            Deque<Pooled> idle = IDLE.computeIfAbsent(pooled.kind, k -> new ArrayDeque<>());
            synchronized (idle) {
                if (idle.size() < MAX_IDLE_PER_KIND) {
                    idle.addFirst(pooled);
                    return;
                }
            }
        }
        pooled.client.close();
    }

    /** A pooled SDK client and the transport it was built over. */
    private static final class Pooled {
        final Kind kind;
        final LendableHttpClient transport;
        final SageMakerClient client;

        Pooled(Kind kind, URI sdkEndpoint) {
            this.kind = kind;
            CompletableFuture<Endpoint> endpoint = CompletableFuture.completedFuture(
                    Endpoint.builder().url(sdkEndpoint).build());
            this.transport = new LendableHttpClient(kind.account(), kind.region());
            SageMakerClientBuilder builder = SageMakerClient.builder()
                    .httpClient(transport)
                    .region(Region.of(kind.region()))
                    .endpointOverride(sdkEndpoint)
                    .credentialsProvider(StaticCredentialsProvider.create(
                            AwsBasicCredentials.create(kind.account(), "fake-secret-key")))
                    // smithy.api#noAuth, which every SDK client registers: no signing, no payload hash.
                    .authSchemeProvider(params -> List.of(NO_AUTH))
                    // The endpoint is the one the SDK's rules give for the region (endpointFor), fixed:
                    // the in-memory transport does not route by it, so the rules need not run per call.
                    .endpointProvider(params -> endpoint);
            builder.overrideConfiguration(o -> {
                // Supplied, so not the SDK's to shut down: a client's close() leaves it working.
                o.scheduledExecutorService(SCHEDULER);
                if (kind.immediateRetries()) {
                    o.retryStrategy(strategy -> strategy
                            .backoffStrategy(BackoffStrategy.retryImmediately())
                            .throttlingBackoffStrategy(BackoffStrategy.retryImmediately()));
                }
            });
            this.client = builder.build();
        }
    }

    /**
     * The scheduler of every pooled client (the SDK schedules timeouts on it, when a client has any):
     * one daemon thread, started only if something is scheduled.
     */
    private static final ScheduledThreadPoolExecutor SCHEDULER = scheduler();

    private static ScheduledThreadPoolExecutor scheduler() {
        ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "sagemaker-fake-pooled-clients");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.setRemoveOnCancelPolicy(true);
        return scheduler;
    }

    private static final AuthSchemeOption NO_AUTH = AuthSchemeOption.builder().schemeId(NoAuthAuthScheme.SCHEME_ID)
            .build();

    /** One loan of a pooled client. */
    private static final class Loan implements Lease {
        private final Pooled pooled;
        private boolean released;

        Loan(Pooled pooled) {
            this.pooled = pooled;
        }

        @Override
        public SageMakerClient client() {
            return pooled.client;
        }

        @Override
        public void release() {
            synchronized (this) {
                if (released) {
                    return;
                }
                released = true;
            }
            giveBack(pooled);
        }
    }

    /**
     * The in-memory transport of a pooled client: hands the request to the endpoint it is lent to,
     * with the identity the client stands for, and notes whether any answer was not a 2xx.
     */
    private static final class LendableHttpClient implements SdkHttpClient {
        private final RequestIdentity identity;
        private volatile FakeEndpoint target;
        private volatile boolean dirty;

        LendableHttpClient(String account, String region) {
            this.identity = RequestIdentity.inProcess(account, region);
        }

        void lendTo(FakeEndpoint endpoint) {
            dirty = false;
            target = Objects.requireNonNull(endpoint, "endpoint");
        }

        /** Ends the loan; true when the client may be lent again. */
        boolean endLoan() {
            target = null;
            return !dirty;
        }

        @Override
        public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
            return new ExecutableHttpRequest() {
                @Override
                public HttpExecuteResponse call() throws IOException {
                    FakeEndpoint endpoint = target;
                    if (endpoint == null) {
                        throw new IllegalStateException("This SageMakerClient's fake is closed: ask a fake "
                                + "for a client (fake.client()) and keep it no longer than that fake.");
                    }
                    byte[] body = InMemoryExchange.body(request);
                    ProtocolResponse answer = endpoint.handle(InMemoryExchange.toProtocol(request.httpRequest(), body),
                            identity);
                    if (!(answer instanceof ProtocolResponse.Http http) || http.statusCode() / 100 != 2) {
                        dirty = true;
                    }
                    ProtocolResponse.Http response = InMemoryExchange.answerOrThrow(answer);
                    return HttpExecuteResponse.builder()
                            .response(InMemoryExchange.toSdk(response))
                            .responseBody(AbortableInputStream.create(new ByteArrayInputStream(response.body())))
                            .build();
                }

                @Override
                public void abort() {
                    // Nothing runs in the background: the call completes on the caller's thread.
                }
            };
        }

        @Override
        public String clientName() {
            return "SageMakerWorkforceFakeInMemory";
        }

        @Override
        public void close() {
            // The endpoint belongs to the fake it is lent to.
        }
    }
}
