package io.github.sagemakerfake.benchmarks.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sagemakerfake.control.FakeControl;
import io.github.sagemakerfake.junit.SageMakerWorkforceTest;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;

/**
 * The consumer suite's workload on one fake for the whole class ({@code isolation = PER_CLASS}),
 * reset before every test: one fake and one client for all the tests.
 */
@SageMakerWorkforceTest(isolation = SageMakerWorkforceTest.Isolation.PER_CLASS)
public class PerClassConsumerTest {

    static Stream<Integer> tests() {
        return IntStream.range(0, Integer.getInteger(ConsumerSuite.TESTS_PROPERTY, 10)).boxed();
    }

    @BeforeEach
    void reset(FakeControl fake) {
        fake.reset();
    }

    @ParameterizedTest
    @MethodSource("tests")
    void listsAndDescribesTheProvisionedTeams(int test, SageMakerClient sageMaker) {
        TeamDirectory directory = new TeamDirectory(sageMaker);
        directory.provision("labelers", List.of("alpha", "beta", "gamma"));

        assertEquals(List.of("alpha", "beta", "gamma"), directory.teamNames());
        assertEquals("Team beta", directory.description("beta"));
    }
}
