package io.github.sagemakerfake.benchmarks.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sagemakerfake.SageMakerWorkforceFake;
import io.github.sagemakerfake.benchmarks.CannedSdkHttpClient;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.endpoints.Endpoint;
import software.amazon.awssdk.http.auth.scheme.NoAuthAuthScheme;
import software.amazon.awssdk.http.auth.spi.scheme.AuthSchemeOption;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;

/**
 * The fake's suite without the fake's work: the same test and the same SDK client configuration as
 * the client the JUnit extension injects (no signing, a fixed endpoint, retries without waits), over
 * an HTTP client that answers every call with the fake's own response bytes, recorded once before
 * the tests. Every call runs the SDK's whole pipeline (marshalling, retries, unmarshalling); none
 * runs the fake. The difference to {@link FakeConsumerTest} is what the fake itself costs a suite.
 */
public class SdkFloorConsumerTest {

    private static SageMakerClient sageMaker;

    static Stream<Integer> tests() {
        return IntStream.range(0, Integer.getInteger(ConsumerSuite.TESTS_PROPERTY, 10)).boxed();
    }

    @BeforeAll
    static void recordTheFakesAnswers() {
        CannedSdkHttpClient canned = new CannedSdkHttpClient();
        try (SageMakerWorkforceFake fake = SageMakerWorkforceFake.create()) {
            CannedSdkHttpClient.Recorder recorder = new CannedSdkHttpClient.Recorder(fake.httpClient());
            try (SageMakerClient recording = fake.clientBuilder().httpClient(recorder).build()) {
                workload(recording);
            }
            recorder.bodies.forEach(canned::answer);
        }
        CompletableFuture<Endpoint> endpoint = CompletableFuture.completedFuture(Endpoint.builder()
                .url(SageMakerWorkforceFake.endpointFor(Region.US_EAST_1)).build());
        sageMaker = SageMakerClient.builder()
                .httpClient(canned)
                .region(Region.US_EAST_1)
                .endpointOverride(SageMakerWorkforceFake.endpointFor(Region.US_EAST_1))
                .credentialsProvider(() -> software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create(
                        "123456789012", "fake-secret-key"))
                .authSchemeProvider(p -> List.of(AuthSchemeOption.builder().schemeId(NoAuthAuthScheme.SCHEME_ID).build()))
                .endpointProvider(p -> endpoint)
                .overrideConfiguration(o -> o.retryStrategy(s -> s
                        .backoffStrategy(BackoffStrategy.retryImmediately())
                        .throttlingBackoffStrategy(BackoffStrategy.retryImmediately())))
                .build();
    }

    @AfterAll
    static void close() {
        sageMaker.close();
    }

    @ParameterizedTest
    @MethodSource("tests")
    void listsAndDescribesTheProvisionedTeams(int test) {
        workload(sageMaker);
    }

    private static void workload(SageMakerClient client) {
        TeamDirectory directory = new TeamDirectory(client);
        directory.provision("labelers", List.of("alpha", "beta", "gamma"));

        assertEquals(List.of("alpha", "beta", "gamma"), directory.teamNames());
        assertEquals("Team beta", directory.description("beta"));
    }
}
