package io.github.sagemakerfake.testcontainers;

import io.github.sagemakerfake.admin.RemoteFakeControl;
import io.github.sagemakerfake.control.FakeControl;
import io.github.sagemakerfake.control.FakeSettings;
import io.github.sagemakerfake.control.Lifecycle;
import io.github.sagemakerfake.internal.remote.AdminPaths;
import io.github.sagemakerfake.internal.remote.ServerOption;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Future;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sagemaker.SageMakerAsyncClient;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;

/**
 * The SageMaker Workforce Fake as a container: the standalone server speaking the real
 * awsJson1_1 wire protocol, for integration tests and code that builds its own clients.
 *
 * <pre>{@code
 * @Testcontainers
 * class LabelingPlatformIT {
 *     @Container
 *     static SageMakerWorkforceContainer sageMaker = new SageMakerWorkforceContainer().withMaxWorkteams(5);
 *
 *     @Test
 *     void createsTeams() {
 *         SageMakerClient client = sageMaker.client();
 *         ...
 *         assertThat(sageMaker.control().state().workteamNames()).contains("labelers");
 *     }
 * }
 * }</pre>
 *
 * <p>{@code @Testcontainers} and {@code @Container} come from {@code org.testcontainers:testcontainers-junit-jupiter}
 * (the fake's BOM manages it); a class named {@code *IT} runs under Failsafe (docs/container.md).
 * {@link #start()} first runs {@link DockerPreflight}, so a machine that cannot run the container
 * is told within seconds why, and which setting fixes it.
 *
 * <p>By default the image is built locally from the server jar inside this artifact, tagged with
 * the library's version (see {@link SageMakerWorkforceImage} for the base image). A prebuilt image
 * can be passed instead, if it is compatible with {@code sagemaker-workforce-fake}.
 */
public class SageMakerWorkforceContainer extends GenericContainer<SageMakerWorkforceContainer> {

    private static final String SECRET_KEY = "fake-secret-key";

    private String account = FakeSettings.DEFAULT_ACCOUNT;
    private String region = FakeSettings.DEFAULT_REGION;
    private RemoteFakeControl control;
    private URI controlEndpoint;
    private boolean strictAuth;

    /** A container from the image built locally from the shipped server jar. */
    public SageMakerWorkforceContainer() {
        this(SageMakerWorkforceImage.build());
    }

    /** A container from an image built by {@link SageMakerWorkforceImage}, e.g. on a chosen base. */
    public SageMakerWorkforceContainer(Future<String> image) {
        super(image);
        configureFake();
    }

    /** A container from a prebuilt image, which must be a {@code sagemaker-workforce-fake} image. */
    public SageMakerWorkforceContainer(DockerImageName image) {
        super(image);
        image.assertCompatibleWith(SageMakerWorkforceImage.IMAGE_NAME);
        configureFake();
    }

    /**
     * Starts the container after {@link DockerPreflight#check()}: where the container cannot run, this
     * fails within seconds with the preflight's message (what is wrong and the setting that fixes it)
     * instead of Testcontainers' hang or "Could not find a valid Docker environment".
     */
    @Override
    public void start() {
        DockerPreflight.check().ifPresent(problem -> {
            throw new IllegalStateException("SageMakerWorkforceContainer cannot start: " + problem.message());
        });
        super.start();
    }

    private void configureFake() {
        addExposedPort(SageMakerWorkforceImage.PORT);
        waitingFor(Wait.forHttp(AdminPaths.HEALTH).forPort(SageMakerWorkforceImage.PORT).forStatusCode(200)
                .withStartupTimeout(Duration.ofSeconds(60)));
    }

    /** The default region of requests without a SigV4 scope, and the region of {@link #client()}. */
    public SageMakerWorkforceContainer withRegion(String region) {
        this.region = FakeSettings.requireRegion(region);
        return withEnv(ServerOption.REGION.environmentVariable(), region);
    }

    /** The default account, and the account (access key id) of {@link #client()}. */
    public SageMakerWorkforceContainer withAccount(String account) {
        this.account = FakeSettings.requireAccount(account);
        if (strictAuth) {
            withEnv(ServerOption.STRICT_AUTH.environmentVariable(), account + ":" + SECRET_KEY);
        }
        return withEnv(ServerOption.ACCOUNT.environmentVariable(), account);
    }

    public SageMakerWorkforceContainer withMaxWorkteams(int max) {
        return withEnv(ServerOption.MAX_WORKTEAMS.environmentVariable(), positive("maxWorkteams", max));
    }

    public SageMakerWorkforceContainer withMaxCidrs(int max) {
        return withEnv(ServerOption.MAX_CIDRS.environmentVariable(), positive("maxCidrs", max));
    }

    public SageMakerWorkforceContainer withMaxTagsPerResource(int max) {
        return withEnv(ServerOption.MAX_TAGS.environmentVariable(), positive("maxTagsPerResource", max));
    }

    /**
     * How long a workforce stays Initializing/Updating/Deleting: the server's {@code --lifecycle},
     * through {@code SAGEMAKER_FAKE_LIFECYCLE}. Default {@link Lifecycle#defaultLifecycle() OBSERVED(1)}.
     */
    public SageMakerWorkforceContainer withLifecycle(Lifecycle lifecycle) {
        return withEnv(ServerOption.LIFECYCLE.environmentVariable(), Objects.requireNonNull(lifecycle, "lifecycle").toString());
    }

    /** The lifecycle the container runs with, read back from its environment (the one place it is kept). */
    public Lifecycle getLifecycle() {
        String value = getEnvMap().get(ServerOption.LIFECYCLE.environmentVariable());
        return value == null ? Lifecycle.defaultLifecycle() : Lifecycle.parse(value);
    }

    /**
     * The first releases' setting, kept as an alias: a zero delay is {@code withLifecycle(Lifecycle.immediate())},
     * any other {@code withLifecycle(Lifecycle.timed(delay))}.
     *
     * @deprecated use {@link #withLifecycle(Lifecycle)}
     */
    @Deprecated
    public SageMakerWorkforceContainer withProvisioningDelay(Duration delay) {
        if (delay.isNegative()) {
            throw new IllegalArgumentException("provisioningDelay must not be negative, got " + delay);
        }
        return withLifecycle(delay.isZero() ? Lifecycle.immediate() : Lifecycle.timed(delay));
    }

    /**
     * Strict mode: the fake accepts only requests SigV4-signed with {@link #getAccessKey()} and
     * {@link #getSecretKey()} (what {@link #client()} and {@link #credentials()} use), on the SageMaker
     * API and on the admin API, which {@link #control()} then signs.
     */
    public SageMakerWorkforceContainer withStrictAuth() {
        this.strictAuth = true;
        return withEnv(ServerOption.STRICT_AUTH.environmentVariable(), account + ":" + SECRET_KEY);
    }

    /** Where {@link #withIamPolicy(String)} puts the policy inside the container. */
    static final String IAM_POLICY_PATH = "/tmp/sagemaker-fake-iam-policy.json";

    /**
     * An IAM identity policy (JSON) the fake enforces for every caller (docs/iam.md): a call it does
     * not allow answers {@code AccessDeniedException}, HTTP 400, in AWS's words. Checked here, so a
     * policy the fake cannot read fails this call with its place and reason, not the container's start.
     * Policies per access key id and the required policy: {@code control().setIamPolicy(key, json)},
     * {@code control().requiredPolicy()}.
     */
    public SageMakerWorkforceContainer withIamPolicy(String policyJson) {
        io.github.sagemakerfake.internal.iam.Policy.parse(policyJson, "withIamPolicy");
        withCopyToContainer(org.testcontainers.images.builder.Transferable.of(policyJson), IAM_POLICY_PATH);
        return withEnv(ServerOption.IAM_POLICY.environmentVariable(), IAM_POLICY_PATH);
    }

    private static String positive(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be at least 1, got " + value);
        }
        return Integer.toString(value);
    }

    /** The endpoint URL for {@code endpointOverride}, {@code --endpoint-url} or {@code AWS_ENDPOINT_URL_SAGEMAKER}. */
    public URI getEndpoint() {
        return URI.create("http://" + getHost() + ":" + getMappedPort(SageMakerWorkforceImage.PORT));
    }

    public String getRegion() {
        return region;
    }

    /** The access key id: the 12-digit account, which the fake uses to select the account. */
    public String getAccessKey() {
        return account;
    }

    public String getSecretKey() {
        return SECRET_KEY;
    }

    /** A sync client configured for this container; the caller closes it. */
    public SageMakerClient client() {
        return SageMakerClient.builder().endpointOverride(getEndpoint()).region(Region.of(region))
                .credentialsProvider(credentials()).build();
    }

    /** An async client configured for this container; the caller closes it. */
    public SageMakerAsyncClient asyncClient() {
        return SageMakerAsyncClient.builder().endpointOverride(getEndpoint()).region(Region.of(region))
                .credentialsProvider(credentials()).build();
    }

    public StaticCredentialsProvider credentials() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(getAccessKey(), getSecretKey()));
    }

    /**
     * The control surface over the admin API: reset, state, journal, faults, seed, clock. One
     * client per running container (a restart maps a new port, and gets a new client).
     */
    public synchronized FakeControl control() {
        URI endpoint = getEndpoint();
        if (control == null || !endpoint.equals(controlEndpoint)) {
            control = strictAuth ? RemoteFakeControl.connect(endpoint, getAccessKey(), getSecretKey())
                    : RemoteFakeControl.connect(endpoint);
            controlEndpoint = endpoint;
        }
        return control;
    }
}
