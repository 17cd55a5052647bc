package io.github.sagemakerfake.benchmarks.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sagemakerfake.junit.SageMakerWorkforceTest;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;

/**
 * The consumer suite's workload on the fake: every invocation is its own test with its own fresh
 * fake and injected client (the extension's default, PER_TEST), as a suite of that many test
 * methods would be. {@value ConsumerSuite#TESTS_PROPERTY} says how many.
 */
@SageMakerWorkforceTest
public class FakeConsumerTest {

    static Stream<Integer> tests() {
        return IntStream.range(0, Integer.getInteger(ConsumerSuite.TESTS_PROPERTY, 10)).boxed();
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
