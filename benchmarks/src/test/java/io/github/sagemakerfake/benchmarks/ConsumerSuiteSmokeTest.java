package io.github.sagemakerfake.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sagemakerfake.benchmarks.consumer.ConsumerSuite;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/** The consumer suite's workloads pass, so the benchmark compares suites that test something. */
class ConsumerSuiteSmokeTest {

    @Test
    void everySuitePassesItsWorkload() {
        for (String kind : new String[] {"fake", "perClass", "mockito", "empty", "sdkFloor"}) {
            TestExecutionSummary summary = ConsumerSuite.run(kind, 3);
            assertEquals(3, summary.getTestsSucceededCount(), kind + ": " + summary.getFailures());
            assertEquals(0, summary.getTotalFailureCount(), kind);
        }
    }
}
