package io.github.sagemakerfake.benchmarks;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.github.sagemakerfake.SageMakerWorkforceFake;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.CreateWorkteamRequest;
import software.amazon.awssdk.services.sagemaker.model.CreateWorkteamResponse;
import software.amazon.awssdk.services.sagemaker.model.DeleteWorkteamRequest;
import software.amazon.awssdk.services.sagemaker.model.DeleteWorkteamResponse;
import software.amazon.awssdk.services.sagemaker.model.DescribeWorkteamRequest;
import software.amazon.awssdk.services.sagemaker.model.DescribeWorkteamResponse;

/**
 * Benchmark 1 of docs/benchmarks.md: the cost of one call through an in-process {@link SageMakerClient}.
 *
 * <ul>
 *   <li>{@code fake}: the fake's own client ({@code fake.client()}), the way a test uses it;
 *   <li>{@code sdkFloor}: the same SDK client builder with an HTTP client that returns the fake's
 *       own response bytes, pre-encoded: marshalling, signing and unmarshalling, no service work;
 *   <li>{@code mockito}: a Mockito mock of {@code SageMakerClient} with stubbed answers.
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class InProcessCallBenchmark {

    @Param({"fake", "sdkFloor", "mockito"})
    public String client;

    private SageMakerWorkforceFake fake;
    private SageMakerClient sageMaker;

    @Setup(Level.Trial)
    public void setUp() {
        fake = SageMakerWorkforceFake.create();
        // Capture the fake's real answers, so the floor unmarshals byte-for-byte the same responses.
        CannedSdkHttpClient.Recorder recorder = new CannedSdkHttpClient.Recorder(fake.httpClient());
        DescribeWorkteamResponse describe;
        CreateWorkteamResponse create;
        DeleteWorkteamResponse delete;
        try (SageMakerClient recording = fake.clientBuilder().httpClient(recorder).build()) {
            recording.createWorkteam(Fixtures.CREATE_TEAM);
            describe = recording.describeWorkteam(Fixtures.DESCRIBE);
            create = recording.createWorkteam(Fixtures.CREATE_PAIR);
            delete = recording.deleteWorkteam(Fixtures.DELETE_PAIR);
        }
        fake.clearJournal();
        switch (client) {
            case "fake" -> sageMaker = fake.client();
            case "sdkFloor" -> {
                CannedSdkHttpClient canned = new CannedSdkHttpClient();
                recorder.bodies.forEach(canned::answer);
                sageMaker = fake.clientBuilder().httpClient(canned).build();
            }
            case "mockito" -> {
                SageMakerClient mock = mock(SageMakerClient.class);
                when(mock.describeWorkteam(any(DescribeWorkteamRequest.class))).thenReturn(describe);
                when(mock.createWorkteam(any(CreateWorkteamRequest.class))).thenReturn(create);
                when(mock.deleteWorkteam(any(DeleteWorkteamRequest.class))).thenReturn(delete);
                sageMaker = mock;
            }
            default -> throw new IllegalArgumentException("unknown client " + client);
        }
        // Check once that the subject answers what the benchmark expects, so no error is timed.
        if (!Fixtures.TEAM.equals(sageMaker.describeWorkteam(Fixtures.DESCRIBE).workteam().workteamName())) {
            throw new IllegalStateException(client + " did not describe the team");
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        sageMaker.close();
        fake.close();
    }

    @Benchmark
    public DescribeWorkteamResponse describeWorkteam() {
        return sageMaker.describeWorkteam(Fixtures.DESCRIBE);
    }

    @Benchmark
    public void createAndDeleteWorkteam(Blackhole bh) {
        bh.consume(sageMaker.createWorkteam(Fixtures.CREATE_PAIR));
        bh.consume(sageMaker.deleteWorkteam(Fixtures.DELETE_PAIR));
    }
}
