package io.github.sagemakerfake.benchmarks;

import io.github.sagemakerfake.SageMakerWorkforceFake;
import io.github.sagemakerfake.control.FakeSettings;
import io.github.sagemakerfake.internal.protocol.FakeEndpoint;
import io.github.sagemakerfake.internal.transport.InMemorySdkHttpClient;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.CreateWorkteamResponse;

/**
 * Benchmark 2 of docs/benchmarks.md: what a fresh, isolated fake per test costs, the way the JUnit extension gives
 * one to each test: build a fake, build its client, make one call, close. Run with
 * {@code -prof gc} for the bytes allocated per test ({@code gc.alloc.rate.norm}).
 *
 * <p>The other benchmarks split that cost: the fake alone, the SDK's part (the same client
 * builder and call against a canned HTTP client), and two ways to avoid building an SDK client per
 * test: a fresh fake behind a reused client, and one long-lived fake reset between tests.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class FreshFakeBenchmark {

    private CannedSdkHttpClient canned;
    private SageMakerWorkforceFake shared;
    private SageMakerClient sharedClient;
    private RetargetableHttpClient retargetable;
    private SageMakerClient reusedClient;

    @Setup(Level.Trial)
    public void setUp() {
        try (SageMakerWorkforceFake fake = SageMakerWorkforceFake.create()) {
            CannedSdkHttpClient.Recorder recorder = new CannedSdkHttpClient.Recorder(fake.httpClient());
            try (SageMakerClient recording = fake.clientBuilder().httpClient(recorder).build()) {
                recording.createWorkteam(Fixtures.CREATE_TEAM);
            }
            canned = new CannedSdkHttpClient();
            recorder.bodies.forEach(canned::answer);
        }
        shared = SageMakerWorkforceFake.create();
        sharedClient = shared.client();
        retargetable = new RetargetableHttpClient();
        reusedClient = SageMakerClient.builder()
                .httpClient(retargetable)
                .region(Region.of(Fixtures.REGION))
                .credentialsProvider(SageMakerWorkforceFake.credentialsFor(Fixtures.ACCOUNT))
                .build();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        shared.close();
        reusedClient.close();
    }

    /** The extension's way: a new fake, a new client, one call, close. */
    @Benchmark
    public CreateWorkteamResponse freshFakePerTest() {
        try (SageMakerWorkforceFake fake = SageMakerWorkforceFake.create()) {
            SageMakerClient sageMaker = fake.client();
            return sageMaker.createWorkteam(Fixtures.CREATE_TEAM);
        }
    }

    /**
     * Before the in-process builders named the endpoint themselves (docs/benchmarks.md): the facade's builder as it was, the SDK's client builder with only the
     * in-memory HTTP client, region and credentials, so every build looks up the endpoint in the
     * SDK's service metadata.
     */
    @Benchmark
    public CreateWorkteamResponse freshFakePerTestBefore() {
        try (SageMakerWorkforceFake fake = SageMakerWorkforceFake.create();
             SageMakerClient sageMaker = SageMakerClient.builder()
                     .httpClient(fake.httpClient())
                     .region(Region.of(Fixtures.REGION))
                     .credentialsProvider(SageMakerWorkforceFake.credentialsFor(Fixtures.ACCOUNT))
                     .build()) {
            return sageMaker.createWorkteam(Fixtures.CREATE_TEAM);
        }
    }

    /**
     * What the JUnit extension injects now (docs/benchmarks.md): the facade's builder plus the retry strategy
     * without backoff ({@code FakeScope}).
     */
    @Benchmark
    public CreateWorkteamResponse freshFakePerTestAsInjected() {
        try (SageMakerWorkforceFake fake = SageMakerWorkforceFake.create();
             SageMakerClient sageMaker = fake.clientBuilder()
                     .overrideConfiguration(o -> o.retryStrategy(r -> r
                             .backoffStrategy(BackoffStrategy.retryImmediately())
                             .throttlingBackoffStrategy(BackoffStrategy.retryImmediately())))
                     .build()) {
            return sageMaker.createWorkteam(Fixtures.CREATE_TEAM);
        }
    }

    /** Tried, not shipped: the facade's builder with an empty, shared profile file (no ~/.aws lookup). */
    @Benchmark
    public CreateWorkteamResponse freshFakePerTestNoProfileFile() {
        try (SageMakerWorkforceFake fake = SageMakerWorkforceFake.create();
             SageMakerClient sageMaker = fake.clientBuilder()
                     .overrideConfiguration(o -> o.defaultProfileFile(EMPTY_PROFILE).defaultProfileName("default"))
                     .build()) {
            return sageMaker.createWorkteam(Fixtures.CREATE_TEAM);
        }
    }

    private static final ProfileFile EMPTY_PROFILE = ProfileFile.aggregator().build();

    /** The fake alone, without an SDK client: its state, protocol layer and transports. */
    @Benchmark
    public SageMakerWorkforceFake fakeOnly() {
        SageMakerWorkforceFake fake = SageMakerWorkforceFake.create();
        fake.close();
        return fake;
    }

    /** The SDK's share: the same client builder, one call against pre-encoded bytes, close. */
    @Benchmark
    public CreateWorkteamResponse sdkClientFloor() {
        try (SageMakerClient sageMaker = SageMakerClient.builder()
                .httpClient(canned)
                .region(Region.of(Fixtures.REGION))
                .endpointOverride(SageMakerWorkforceFake.endpointFor(Region.of(Fixtures.REGION)))
                .credentialsProvider(SageMakerWorkforceFake.credentialsFor(Fixtures.ACCOUNT))
                .build()) {
            return sageMaker.createWorkteam(Fixtures.CREATE_TEAM);
        }
    }

    /**
     * The proposed fix (docs/benchmarks.md): a fresh, isolated fake per test as now, but the SDK
     * client is built once and pointed at each new fake's in-memory transport.
     */
    @Benchmark
    public CreateWorkteamResponse freshFakeReusedClient() {
        FakeEndpoint endpoint = new FakeEndpoint(FakeSettings.defaults());
        retargetable.target(new InMemorySdkHttpClient(endpoint));
        return reusedClient.createWorkteam(Fixtures.CREATE_TEAM);
    }

    /** The alternative: one fake and client per test class, {@code reset()} before each test. */
    @Benchmark
    public CreateWorkteamResponse sharedFakeResetPerTest() {
        shared.reset();
        return sharedClient.createWorkteam(Fixtures.CREATE_TEAM);
    }
}
