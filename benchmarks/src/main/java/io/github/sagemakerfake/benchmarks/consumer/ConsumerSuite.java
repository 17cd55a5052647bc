package io.github.sagemakerfake.benchmarks.consumer;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.lang.management.ManagementFactory;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * One run of the consumer suite in this JVM, as a build tool would run it: the JUnit Platform
 * launcher on {@link FakeConsumerTest}, {@link PerClassConsumerTest}, {@link MockitoConsumerTest},
 * {@link EmptyConsumerTest} or {@link SdkFloorConsumerTest}. Started in a JVM of its own
 * by {@code ConsumerSuiteBenchmark}, it prints one line, {@code RESULT <passed> <failed>
 * <process CPU ns> <JVM uptime ms>}: the process's whole CPU, JVM start-up and class loading included.
 */
public final class ConsumerSuite {

    /** How many tests the suite's parameterized method yields. */
    public static final String TESTS_PROPERTY = "consumer.tests";

    private ConsumerSuite() {
    }

    /** {@code fake|perClass|mockito|empty|sdkFloor <tests>}. */
    public static void main(String[] args) {
        TestExecutionSummary summary = run(args[0], Integer.parseInt(args[1]));
        long cpu = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
        System.out.println("RESULT " + summary.getTestsSucceededCount() + " " + summary.getTotalFailureCount() + " "
                + cpu + " " + ManagementFactory.getRuntimeMXBean().getUptime());
        summary.getFailures().stream().limit(3).forEach(f -> f.getException().printStackTrace());
    }

    /** Runs the suite of that kind with that many tests, here. */
    public static TestExecutionSummary run(String kind, int tests) {
        System.setProperty(TESTS_PROPERTY, Integer.toString(tests));
        Class<?> suite = switch (kind) {
            case "fake" -> FakeConsumerTest.class;
            case "perClass" -> PerClassConsumerTest.class;
            case "mockito" -> MockitoConsumerTest.class;
            case "empty" -> EmptyConsumerTest.class;
            case "sdkFloor" -> SdkFloorConsumerTest.class;
            default -> throw new IllegalArgumentException("fake, perClass, mockito, empty or sdkFloor, not " + kind);
        };
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request().selectors(selectClass(suite))
                .build();
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        LauncherFactory.create().execute(request, listener);
        return listener.getSummary();
    }
}
