package io.github.sagemakerfake.junit;

import io.github.sagemakerfake.control.FakeControl;
import io.github.sagemakerfake.junit.SageMakerWorkforceTest.Transport;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.sagemaker.SageMakerAsyncClientBuilder;
import software.amazon.awssdk.services.sagemaker.SageMakerClientBuilder;

/**
 * What a test needs to point its own code at the fake: where it is, which region and account it
 * serves, the credentials that select that account, and its control surface. Injected like the
 * clients, as a parameter or an {@link InjectSageMaker @InjectSageMaker} field.
 *
 * <pre>{@code
 * @Test
 * void provisions(SageMakerFakeRuntime fake) {
 *     try (SageMakerClient own = fake.clientBuilder().overrideConfiguration(c -> c.retryStrategy(myRetries)).build()) {
 *         new Provisioner(own).run();
 *     }
 *     assertThat(fake.control().state().workteamNames()).contains("labelers");
 * }
 * }</pre>
 *
 * <p>The access key id is the 12-digit account: that is how the fake attributes a request to an
 * account (the LocalStack convention). Immutable; valid while the fake's scope lasts.
 */
public final class SageMakerFakeRuntime {

    /** The secret key of the injected credentials; the fake checks no signature. */
    public static final String SECRET_KEY = "fake-secret-key";

    private final Transport transport;
    private final URI endpoint;
    private final String region;
    private final String account;
    private final FakeControl control;
    private final Supplier<SageMakerClientBuilder> clientBuilder;
    private final Supplier<SageMakerAsyncClientBuilder> asyncClientBuilder;

    SageMakerFakeRuntime(Transport transport, URI endpoint, String region, String account, FakeControl control,
                         Supplier<SageMakerClientBuilder> clientBuilder,
                         Supplier<SageMakerAsyncClientBuilder> asyncClientBuilder) {
        this.transport = Objects.requireNonNull(transport, "transport");
        this.endpoint = endpoint;
        this.region = Objects.requireNonNull(region, "region");
        this.account = Objects.requireNonNull(account, "account");
        this.control = Objects.requireNonNull(control, "control");
        this.clientBuilder = Objects.requireNonNull(clientBuilder, "clientBuilder");
        this.asyncClientBuilder = Objects.requireNonNull(asyncClientBuilder, "asyncClientBuilder");
    }

    /** {@link Transport#IN_PROCESS} or {@link Transport#HTTP}, never {@code DEFAULT}. */
    public Transport transport() {
        return transport;
    }

    /** The server's base URI, such as {@code http://127.0.0.1:54321}, with the HTTP transport; empty in process. */
    public Optional<URI> endpoint() {
        return Optional.ofNullable(endpoint);
    }

    /** The region of the injected clients, such as {@code us-east-1}. */
    public String region() {
        return region;
    }

    /** The 12-digit account of the injected clients. */
    public String account() {
        return account;
    }

    /** The access key id of the injected clients: the account. */
    public String accessKey() {
        return account;
    }

    /** The secret key of the injected clients, {@value #SECRET_KEY}. */
    public String secretKey() {
        return SECRET_KEY;
    }

    /** Static credentials with {@link #accessKey()} and {@link #secretKey()}. */
    public AwsCredentialsProvider credentialsProvider() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey(), secretKey()));
    }

    /** The fake's control surface: state, journal, faults, clock, reset. */
    public FakeControl control() {
        return control;
    }

    /**
     * A new client builder wired to the fake (in-memory HTTP client, or endpoint override), with
     * this region, these credentials and the injected clients' retry setting (the SDK's attempts
     * without the waits, unless {@code retryBackoff = SDK_DEFAULT}), for tests that add their own
     * overrides. The caller closes what it builds. Note that the SDK's
     * {@code overrideConfiguration(...)} replaces the whole override configuration, this retry
     * setting included; see docs/junit-extension.md for how to keep it.
     */
    public SageMakerClientBuilder clientBuilder() {
        return clientBuilder.get();
    }

    /**
     * The async counterpart of {@link #clientBuilder()}. With the HTTP transport its HTTP client is
     * shared by the whole test run (so closing what you build is instant); set your own with
     * {@code httpClient(...)} if the test needs one.
     */
    public SageMakerAsyncClientBuilder asyncClientBuilder() {
        return asyncClientBuilder.get();
    }

    @Override
    public String toString() {
        return "SageMakerFakeRuntime[transport=" + transport + (endpoint == null ? "" : ", endpoint=" + endpoint)
                + ", region=" + region + ", account=" + account + "]";
    }
}
