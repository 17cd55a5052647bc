package io.github.sagemakerfake.junit;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.EventType;

/** Runs {@link TestKitOnly} classes in a nested Jupiter engine and reads the outcome. */
final class TestKit {

    static final String MARKER = "sagemaker.fake.junit.testkit";

    /** Settings for JUnit's parallel executor with a fixed pool, methods and classes concurrent. */
    static final Map<String, String> PARALLEL = Map.of(
            "junit.jupiter.execution.parallel.enabled", "true",
            "junit.jupiter.execution.parallel.mode.default", "concurrent",
            "junit.jupiter.execution.parallel.mode.classes.default", "concurrent",
            "junit.jupiter.execution.parallel.config.strategy", "fixed",
            "junit.jupiter.execution.parallel.config.fixed.parallelism", "8");

    private TestKit() {
    }

    static EngineExecutionResults run(Class<?>... classes) {
        return run(Map.of(), classes);
    }

    static EngineExecutionResults run(Map<String, String> configuration, Class<?>... classes) {
        Map<String, String> all = new LinkedHashMap<>(configuration);
        all.put(MARKER, "true");
        return EngineTestKit.engine("junit-jupiter")
                .configurationParameters(all)
                .selectors(java.util.Arrays.stream(classes).map(c -> selectClass(c))
                        .toArray(org.junit.platform.engine.DiscoverySelector[]::new))
                .execute();
    }

    /** Fails, showing every failure's stack trace, unless exactly {@code tests} tests ran and all passed. */
    static void assertAllPassed(EngineExecutionResults results, int tests) {
        List<Event> failures = failures(results);
        if (!failures.isEmpty()) {
            throw new AssertionError(failures.size() + " failure(s) in the test kit run:\n" + failures.stream()
                    .map(TestKit::describe).collect(Collectors.joining("\n")));
        }
        long succeeded = results.testEvents().succeeded().count();
        long started = results.testEvents().started().count();
        if (succeeded != tests || started != tests) {
            throw new AssertionError("expected " + tests + " tests to pass; started " + started + ", succeeded "
                    + succeeded + ", skipped " + results.testEvents().skipped().count());
        }
    }

    /** Failed tests and containers. */
    static List<Event> failures(EngineExecutionResults results) {
        return results.allEvents().stream()
                .filter(e -> e.getType() == EventType.FINISHED)
                .filter(e -> e.getPayload(TestExecutionResult.class)
                        .map(r -> r.getStatus() == TestExecutionResult.Status.FAILED).orElse(false))
                .toList();
    }

    /** The single failure of the run (a test or a container), as thrown. */
    static Throwable onlyFailure(EngineExecutionResults results) {
        List<Event> failures = failures(results);
        if (failures.size() != 1) {
            throw new AssertionError("expected exactly one failure, got " + failures.size() + ":\n"
                    + failures.stream().map(TestKit::describe).collect(Collectors.joining("\n")));
        }
        return throwable(failures.get(0));
    }

    static Throwable throwable(Event event) {
        return event.getPayload(TestExecutionResult.class).flatMap(TestExecutionResult::getThrowable).orElseThrow();
    }

    private static String describe(Event event) {
        StringWriter trace = new StringWriter();
        event.getPayload(TestExecutionResult.class).flatMap(TestExecutionResult::getThrowable)
                .ifPresent(t -> t.printStackTrace(new PrintWriter(trace)));
        return "- " + event.getTestDescriptor().getUniqueId() + "\n" + trace;
    }
}
