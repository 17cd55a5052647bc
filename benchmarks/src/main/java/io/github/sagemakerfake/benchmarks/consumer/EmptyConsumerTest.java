package io.github.sagemakerfake.benchmarks.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The floor of the consumer suite: the same parameterized method with no work in it, so what it
 * costs is JUnit's (discovery, one invocation per test, reporting) and the JVM's.
 */
public class EmptyConsumerTest {

    static Stream<Integer> tests() {
        return IntStream.range(0, Integer.getInteger(ConsumerSuite.TESTS_PROPERTY, 10)).boxed();
    }

    @ParameterizedTest
    @MethodSource("tests")
    void listsAndDescribesTheProvisionedTeams(int test) {
        assertEquals(test, test);
    }
}
