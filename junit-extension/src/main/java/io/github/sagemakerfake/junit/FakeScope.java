package io.github.sagemakerfake.junit;

import io.github.sagemakerfake.SageMakerWorkforceFake;
import io.github.sagemakerfake.control.FakeControl;
import io.github.sagemakerfake.junit.FakeConfiguration.Seed;
import io.github.sagemakerfake.junit.SageMakerWorkforceTest.RetryBackoff;
import io.github.sagemakerfake.junit.SageMakerWorkforceTest.Transport;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.async.SdkAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sagemaker.SageMakerAsyncClient;
import software.amazon.awssdk.services.sagemaker.SageMakerAsyncClientBuilder;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.SageMakerClientBuilder;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * One fake and everything hanging off it for as long as its scope lasts (a test method, or a
 * class): the fake, its server with the HTTP transport, the injected clients and any system
 * properties set. Lives in the {@code ExtensionContext.Store} of the owning context as its only
 * value, so JUnit closes it, and with it everything else in reverse order, when the scope ends.
 * Thread-safe: with {@code PER_CLASS} isolation, concurrent tests share it.
 */
// Both interfaces: JUnit 5.13+ closes AutoCloseable store values, JUnit 5.10-5.12 only CloseableResource ones.
@SuppressWarnings("deprecation")
final class FakeScope implements AutoCloseable, ExtensionContext.Store.CloseableResource {

    private final FakeConfiguration config;
    private final String owner;
    private final SageMakerWorkforceFake inProcessFake; // IN_PROCESS only
    private final FakeControl control;
    private final HttpTransport.Served served;           // HTTP only
    private final SdkSystemProperties systemProperties;  // HTTP with setSystemProperties only
    private final SageMakerFakeRuntime runtime;
    private final Supplier<SdkAsyncHttpClient> sharedAsyncHttp; // HTTP only: see SharedAsyncHttpClient
    private final List<SdkAutoCloseable> clients = new ArrayList<>();
    private SageMakerClient client;
    private SageMakerAsyncClient asyncClient;
    private boolean closed;

    private FakeScope(FakeConfiguration config, String owner, Supplier<SdkAsyncHttpClient> sharedAsyncHttp) {
        this.config = config;
        this.owner = owner;
        this.sharedAsyncHttp = sharedAsyncHttp;
        if (config.transport == Transport.HTTP) {
            this.inProcessFake = null;
            this.served = HttpTransport.serve(config.settings(), config.port);
            this.control = served.control();
        } else {
            this.inProcessFake = SageMakerWorkforceFake.create(config.settings());
            this.served = null;
            this.control = inProcessFake;
        }
        URI endpoint = served == null ? null : served.endpoint();
        this.runtime = new SageMakerFakeRuntime(config.transport, endpoint, config.region, config.account, control,
                this::newClientBuilder, this::newAsyncClientBuilder);
        this.systemProperties = config.setSystemProperties ? SdkSystemProperties.pointAt(runtime) : null;
    }

    /**
     * A new fake with these settings, seeded in order. When anything fails, what was started is
     * stopped again before the error leaves.
     */
    static FakeScope open(FakeConfiguration config, List<Seed> seeds, String owner,
                          Supplier<SdkAsyncHttpClient> sharedAsyncHttp) {
        FakeScope scope = new FakeScope(config, owner, sharedAsyncHttp);
        try {
            if (config.iamPolicy != null) {
                scope.control.setIamPolicy(config.iamPolicy.json());
            }
            for (Seed seed : seeds) {
                try {
                    scope.control.seed(seed.json());
                } catch (RuntimeException e) {
                    throw new ExtensionConfigurationException(seed.source() + ": the seed '" + seed.path()
                            + "' was rejected: " + e.getMessage(), e);
                }
            }
            return scope;
        } catch (RuntimeException e) {
            try {
                scope.close();
            } catch (RuntimeException closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
    }

    FakeConfiguration configuration() {
        return config;
    }

    /** Which context owns this fake, e.g. "test ProvisionerTest.stopsAtLimit()". */
    String owner() {
        return owner;
    }

    FakeControl control() {
        return control;
    }

    SageMakerFakeRuntime runtime() {
        return runtime;
    }

    /** The in-process fake, or null with the HTTP transport. */
    SageMakerWorkforceFake inProcessFake() {
        return inProcessFake;
    }

    /** The server's base URI, or null in process. */
    URI endpoint() {
        return served == null ? null : served.endpoint();
    }

    /** The injected sync client: one per fake, built on first use, closed with the scope. */
    synchronized SageMakerClient client() {
        requireOpen();
        if (client == null) {
            client = track(newClientBuilder().build());
        }
        return client;
    }

    /** The injected async client: one per fake, built on first use, closed with the scope. */
    synchronized SageMakerAsyncClient asyncClient() {
        requireOpen();
        if (asyncClient == null) {
            asyncClient = track(newAsyncClientBuilder().build());
        }
        return asyncClient;
    }

    /** The builders behind the injected clients and the runtime's: wired to the fake, with the retry setting. */
    private SageMakerClientBuilder newClientBuilder() {
        SageMakerClientBuilder builder = inProcessFake != null
                ? inProcessFake.clientBuilder(config.account, config.region)
                : SageMakerClient.builder()
                        .endpointOverride(served.endpoint())
                        .region(Region.of(config.region))
                        .credentialsProvider(runtime.credentialsProvider());
        return builder.overrideConfiguration(this::retries);
    }

    private SageMakerAsyncClientBuilder newAsyncClientBuilder() {
        SageMakerAsyncClientBuilder builder = inProcessFake != null
                ? inProcessFake.asyncClientBuilder(config.account, config.region)
                : SageMakerAsyncClient.builder()
                        .httpClient(sharedAsyncHttp.get())
                        .endpointOverride(served.endpoint())
                        .region(Region.of(config.region))
                        .credentialsProvider(runtime.credentialsProvider());
        return builder.overrideConfiguration(this::retries);
    }

    /**
     * {@link RetryBackoff#IMMEDIATE}: the SDK's configurator form of {@code retryStrategy} is applied
     * to the strategy the SDK would pick itself for the client's retry mode (legacy, standard or
     * adaptive, from the environment or profile as usual), so the maximum attempts, the retry and
     * throttling conditions and the retry quota stay the SDK's; only the waits become zero.
     */
    private void retries(ClientOverrideConfiguration.Builder override) {
        if (config.retryBackoff == RetryBackoff.IMMEDIATE) {
            override.retryStrategy(strategy -> strategy
                    .backoffStrategy(BackoffStrategy.retryImmediately())
                    .throttlingBackoffStrategy(BackoffStrategy.retryImmediately()));
        }
    }

    private <T extends SdkAutoCloseable> T track(T sdkClient) {
        clients.add(sdkClient);
        return sdkClient;
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("The SageMaker fake of " + owner + " is closed: its scope has ended. "
                    + "Inject clients into the test that uses them, or use isolation = PER_CLASS to share one fake.");
        }
    }

    synchronized boolean isClosed() {
        return closed;
    }

    /** Undoes everything in reverse order of creation; the first failure is thrown, with the rest suppressed. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        List<Runnable> steps = new ArrayList<>();
        if (systemProperties != null) {
            steps.add(systemProperties::close);
        }
        for (int i = clients.size() - 1; i >= 0; i--) {
            steps.add(clients.get(i)::close);
        }
        if (inProcessFake != null) {
            steps.add(inProcessFake::close);
        }
        if (served != null) {
            steps.add(served::close);
        }
        RuntimeException failure = null;
        for (Runnable step : steps) {
            try {
                step.run();
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public String toString() {
        return "SageMaker fake of " + owner + " (" + config + (endpoint() == null ? "" : ", endpoint " + endpoint()) + ")";
    }
}
