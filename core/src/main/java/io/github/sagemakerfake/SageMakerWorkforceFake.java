package io.github.sagemakerfake;

import io.github.sagemakerfake.control.FakeClock;
import io.github.sagemakerfake.control.FakeControl;
import io.github.sagemakerfake.control.LabelingJobAction;
import io.github.sagemakerfake.control.OperationStub;
import io.github.sagemakerfake.control.StubAnswer;
import io.github.sagemakerfake.control.FakeLimits;
import io.github.sagemakerfake.control.FakeSettings;
import io.github.sagemakerfake.control.FaultRule;
import io.github.sagemakerfake.control.JournalEntry;
import io.github.sagemakerfake.control.Lifecycle;
import io.github.sagemakerfake.control.RegionSnapshot;
import io.github.sagemakerfake.control.StateSnapshot;
import io.github.sagemakerfake.internal.protocol.FakeEndpoint;
import io.github.sagemakerfake.internal.transport.EndpointAccess;
import io.github.sagemakerfake.internal.transport.InMemorySdkAsyncHttpClient;
import io.github.sagemakerfake.internal.transport.InMemorySdkHttpClient;
import io.github.sagemakerfake.internal.transport.PooledClients;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.async.SdkAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sagemaker.SageMakerAsyncClient;
import software.amazon.awssdk.services.sagemaker.SageMakerAsyncClientBuilder;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.SageMakerClientBuilder;

/**
 * An in-memory fake of the SageMaker workforce and work-team API, with genuine AWS SDK clients.
 *
 * <pre>{@code
 * try (SageMakerWorkforceFake fake = SageMakerWorkforceFake.create()) {
 *     SageMakerClient sageMaker = fake.client();
 *     sageMaker.createWorkteam(r -> r.workteamName("labelers").description("Labelers")
 *             .memberDefinitions(m -> m.cognitoMemberDefinition(c -> c
 *                     .userPool("us-east-1_abc123").clientId("client").userGroup("labelers"))));
 *     assertThat(fake.state().workteamNames()).containsExactly("labelers");
 * }
 * }</pre>
 *
 * <p>The clients are built by the SDK's own builders with an in-memory HTTP client, so
 * marshalling, signing, retries, paginators and exception classes are the SDK's; no socket is
 * opened. The fake is also its own {@linkplain FakeControl control surface}: reset, state
 * snapshots, the request journal, fault rules and the clock. Thread-safe.
 */
public final class SageMakerWorkforceFake implements FakeControl, AutoCloseable {

    static {
        // The project's own modules reach the endpoint through internal code, not through this API.
        EndpointAccess.install(fake -> fake.endpoint);
        EndpointAccess.installLeases(SageMakerWorkforceFake::lease);
    }

    private final FakeEndpoint endpoint;
    private final InMemorySdkHttpClient httpClient;
    private final InMemorySdkAsyncHttpClient asyncHttpClient;
    private final List<SdkClient> clients = new CopyOnWriteArrayList<>();
    private final List<PooledClients.Lease> leases = new CopyOnWriteArrayList<>();

    private SageMakerWorkforceFake(FakeSettings settings) {
        this.endpoint = new FakeEndpoint(settings);
        this.httpClient = new InMemorySdkHttpClient(endpoint);
        this.asyncHttpClient = new InMemorySdkAsyncHttpClient(endpoint);
    }

    /** A fake with the service's defaults: account 123456789012, us-east-1, the service's limits. */
    public static SageMakerWorkforceFake create() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A fake with these settings. */
    public static SageMakerWorkforceFake create(FakeSettings settings) {
        return new SageMakerWorkforceFake(Objects.requireNonNull(settings, "settings"));
    }

    // ------------------------------------------------------------------ clients

    /**
     * A sync client for the default account and region, closed with the fake.
     *
     * <p>The SDK client is built once per account and region and lent to one fake at a time, so a
     * fresh fake per test does not pay for building an SDK client (docs/benchmarks.md): the loan
     * ends when the fake closes. Closing the client is harmless (it stays usable until then), and a
     * loan that saw an error answer is never lent again, so no retry state carries over to another
     * test. Keep the client no longer than its fake: once the fake is closed, the client may be lent
     * to another. The client does not sign its requests: the account and region travel with the
     * in-memory transport. For a client of your own (overrides, interceptors, your own credentials,
     * signing, a lifetime of its own), use {@link #clientBuilder()}.
     */
    public SageMakerClient client() {
        return client(defaultAccount(), defaultRegion());
    }

    /** A sync client for another account and region, closed with the fake; see {@link #client()}. */
    public SageMakerClient client(String account, String region) {
        return lease(account, region, false);
    }

    /**
     * A pooled client lent to this fake until it closes: for the project's own modules (the JUnit
     * extension asks for retries without waits, through {@code EndpointAccess}).
     */
    SageMakerClient lease(String account, String region, boolean immediateRetries) {
        Region sdkRegion = Region.of(FakeSettings.requireRegion(region));
        PooledClients.Lease lease = PooledClients.lease(endpoint, FakeSettings.requireAccount(account), sdkRegion.id(),
                endpointFor(sdkRegion), immediateRetries);
        leases.add(lease);
        return lease.client();
    }

    /** An async client for the default account and region, closed with the fake. */
    public SageMakerAsyncClient asyncClient() {
        return track(asyncClientBuilder().build());
    }

    public SageMakerAsyncClient asyncClient(String account, String region) {
        return track(asyncClientBuilder(account, region).build());
    }

    /**
     * A client builder wired to the fake, for tests that add their own overrides (retry strategy,
     * interceptors, timeouts). The caller owns and closes what it builds.
     */
    public SageMakerClientBuilder clientBuilder() {
        return clientBuilder(defaultAccount(), defaultRegion());
    }

    /**
     * A client builder for another account and region. Like {@link #clientBuilder()}, it names the
     * region's SageMaker endpoint itself, the one the SDK would compute; see {@link #endpointFor}.
     */
    public SageMakerClientBuilder clientBuilder(String account, String region) {
        Region sdkRegion = Region.of(FakeSettings.requireRegion(region));
        return SageMakerClient.builder()
                .httpClient(httpClient)
                .region(sdkRegion)
                .endpointOverride(endpointFor(sdkRegion))
                .credentialsProvider(credentialsFor(account));
    }

    public SageMakerAsyncClientBuilder asyncClientBuilder() {
        return asyncClientBuilder(defaultAccount(), defaultRegion());
    }

    public SageMakerAsyncClientBuilder asyncClientBuilder(String account, String region) {
        Region sdkRegion = Region.of(FakeSettings.requireRegion(region));
        return SageMakerAsyncClient.builder()
                .httpClient(asyncHttpClient)
                .region(sdkRegion)
                .endpointOverride(endpointFor(sdkRegion))
                .credentialsProvider(credentialsFor(account));
    }

    /**
     * SageMaker's endpoint in a region, such as {@code https://api.sagemaker.us-east-1.amazonaws.com}:
     * what the SDK's own client builder computes from its service metadata, computed here once per
     * region. The in-process builders set it as the endpoint, which saves every client build that
     * lookup (about a third of the allocation of building a client, docs/benchmarks.md); the
     * request still goes through the SDK's endpoint rules and reaches the in-memory HTTP client.
     */
    public static URI endpointFor(Region region) {
        URI known = ENDPOINTS.get(region); // every fake asks: a read, not a locking computeIfAbsent, once known
        if (known != null) {
            return known;
        }
        return ENDPOINTS.computeIfAbsent(region, r -> URI.create("https://" + SageMakerClient.serviceMetadata().endpointFor(r)));
    }

    /** Immutable values, one per region: nothing a fake could change, so sharing them is safe. */
    private static final Map<Region, URI> ENDPOINTS = new ConcurrentHashMap<>();

    /** The in-memory HTTP client, for code that assembles its own SDK client. */
    public SdkHttpClient httpClient() {
        return httpClient;
    }

    public SdkAsyncHttpClient asyncHttpClient() {
        return asyncHttpClient;
    }

    /** Credentials that select an account: a 12-digit access key id is the account (decision, docs/fidelity.md). */
    public static StaticCredentialsProvider credentialsFor(String account) {
        return StaticCredentialsProvider.create(
                AwsBasicCredentials.create(FakeSettings.requireAccount(account), "fake-secret-key"));
    }

    private <T extends SdkClient> T track(T client) {
        clients.add(client);
        return client;
    }

    // ------------------------------------------------------------------ control surface

    public FakeSettings settings() {
        return endpoint.settings();
    }

    public FakeClock clock() {
        return endpoint.settings().clock();
    }

    @Override
    public String defaultAccount() {
        return endpoint.defaultAccount();
    }

    @Override
    public String defaultRegion() {
        return endpoint.defaultRegion();
    }

    @Override
    public void reset() {
        endpoint.reset();
    }

    @Override
    public void reset(String account, String region) {
        endpoint.reset(account, region);
    }

    @Override
    public StateSnapshot snapshot() {
        return endpoint.snapshot();
    }

    @Override
    public void restore(String stateDocument) {
        endpoint.restore(stateDocument);
    }

    @Override
    public RegionSnapshot state(String account, String region) {
        return endpoint.state(account, region);
    }

    @Override
    public List<JournalEntry> journal() {
        return endpoint.journal();
    }

    @Override
    public void clearJournal() {
        endpoint.clearJournal();
    }

    @Override
    public void seed(String seedJson) {
        endpoint.seed(seedJson);
    }

    @Override
    public Instant now() {
        return endpoint.now();
    }

    @Override
    public void advanceClock(Duration duration) {
        endpoint.advanceClock(duration);
    }

    @Override
    public FaultRule addFault(FaultRule rule) {
        return endpoint.addFault(rule);
    }

    @Override
    public List<FaultRule> faults() {
        return endpoint.faults();
    }

    @Override
    public void clearFaults() {
        endpoint.clearFaults();
    }

    @Override
    public void driveLabelingJob(String account, String region, String labelingJobName, LabelingJobAction action) {
        endpoint.driveLabelingJob(account, region, labelingJobName, action);
    }

    @Override
    public void stub(String operation, StubAnswer answer) {
        endpoint.stub(operation, answer);
    }

    /**
     * Answers an operation the fake does not serve with a function of the request JSON, so code that
     * also calls, say, {@code CreateModel} runs against one client (docs/stubbing.md).
     *
     * <pre>{@code
     * fake.stub("CreateModel", request -> StubAnswer.json("{\"ModelArn\":\"arn:aws:sagemaker:us-east-1:123456789012:model/m\"}"));
     * }</pre>
     */
    public void stub(String operation, OperationStub stub) {
        endpoint.stub(operation, stub);
    }

    @Override
    public void clearStubs() {
        endpoint.clearStubs();
    }

    @Override
    public void setIamPolicy(String policyJson) {
        endpoint.setIamPolicy(policyJson);
    }

    @Override
    public void setIamPolicy(String accessKeyId, String policyJson) {
        endpoint.setIamPolicy(accessKeyId, policyJson);
    }

    @Override
    public void clearIamPolicies() {
        endpoint.clearIamPolicies();
    }

    @Override
    public void removeFault(String id) {
        endpoint.removeFault(id);
    }

    @Override
    public int settleTransitions() {
        return endpoint.settleTransitions();
    }

    /** Closes the clients this fake handed out. The state needs no closing. */
    @Override
    public void close() {
        for (SdkClient client : clients) {
            client.close();
        }
        clients.clear();
        for (PooledClients.Lease lease : leases) {
            lease.release();
        }
        leases.clear();
    }

    /** Settings for a new fake; every one has the service's default. */
    public static final class Builder {
        private FakeSettings settings = FakeSettings.defaults();
        private String iamPolicy;

        private Builder() {
        }

        /** The account of clients that name none (default 123456789012). */
        public Builder account(String account) {
            settings = settings.withDefaultAccount(account);
            return this;
        }

        /** The region of clients that name none (default us-east-1). */
        public Builder region(String region) {
            settings = settings.withDefaultRegion(region);
            return this;
        }

        public Builder limits(FakeLimits limits) {
            settings = settings.withLimits(limits);
            return this;
        }

        /** Shorthand for {@code limits(FakeLimits.service().withMaxWorkteams(n))}. */
        public Builder maxWorkteams(int maxWorkteams) {
            settings = settings.withLimits(settings.limits().withMaxWorkteams(maxWorkteams));
            return this;
        }

        /**
         * How long a workforce stays Initializing/Updating/Deleting. Default
         * {@link Lifecycle#observed(int) OBSERVED(1)}: the first read after a change shows the
         * transitional status, the next the settled one. {@link Lifecycle#immediate()} settles at once.
         */
        public Builder lifecycle(Lifecycle lifecycle) {
            settings = settings.withLifecycle(lifecycle);
            return this;
        }

        /**
         * The first releases' setting, kept as an alias: a zero delay is {@code lifecycle(Lifecycle.immediate())},
         * any other {@code lifecycle(Lifecycle.timed(delay))}.
         *
         * @deprecated use {@link #lifecycle(Lifecycle)}
         */
        @Deprecated
        public Builder provisioningDelay(Duration delay) {
            settings = settings.withProvisioningDelay(delay);
            return this;
        }

        public Builder clock(FakeClock clock) {
            settings = settings.withClock(clock);
            return this;
        }

        public Builder journalCapacity(int capacity) {
            settings = settings.withJournalCapacity(capacity);
            return this;
        }

        /**
         * The estimated heap size the request journal keeps (default 32 MiB); past it the oldest
         * entries are dropped. Shorthand for {@code limits(...withJournalMaxBytes(bytes))}.
         */
        public Builder journalMaxBytes(long bytes) {
            settings = settings.withLimits(settings.limits().withJournalMaxBytes(bytes));
            return this;
        }

        /**
         * Makes generated identifiers repeatable: with the same seed, the same calls give the same
         * SubDomains, VpcEndpointIds and request ids on every run, so snapshots and golden files
         * stay stable (docs/seeding.md, "Repeatable ids"). Default: random, as the service.
         */
        public Builder idSeed(long seed) {
            settings = settings.withIdSeed(seed);
            return this;
        }

        /** How many account/region pairs may hold state at once (default 1,000). */
        public Builder maxAccountRegions(int pairs) {
            settings = settings.withLimits(settings.limits().withMaxAccountRegions(pairs));
            return this;
        }

        /**
         * An identity policy (JSON) the fake enforces for every caller (docs/iam.md); checked here,
         * so a policy it cannot read fails this call with the place and the reason.
         */
        public Builder iamPolicy(String policyJson) {
            io.github.sagemakerfake.internal.iam.Policy.parse(policyJson, "the builder's iamPolicy");
            this.iamPolicy = policyJson;
            return this;
        }

        public SageMakerWorkforceFake build() {
            SageMakerWorkforceFake fake = new SageMakerWorkforceFake(settings);
            if (iamPolicy != null) {
                fake.endpoint.iamPolicies().setForEveryone(iamPolicy, "the builder's iamPolicy");
            }
            return fake;
        }
    }
}
