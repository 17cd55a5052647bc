package io.github.sagemakerfake.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sagemakerfake.control.FakeControl;
import io.github.sagemakerfake.control.FaultRule;
import io.github.sagemakerfake.junit.SageMakerWorkforceTest.Isolation;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.opentest4j.AssertionFailedError;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.ResourceLimitExceededException;

/** A failing test keeps its own failure, and gains the fake's state and last requests beside it. */
class FailureReportTest {

    @Test
    void addsTheStateAndRequestsAsASuppressedExceptionAndKeepsTheFailureFirst() {
        EngineExecutionResults results = TestKit.run(FailsAnAssertion.class);
        Throwable failure = TestKit.onlyFailure(results);

        assertThat(failure).isInstanceOf(AssertionFailedError.class).hasMessageContaining("expected: \"beta\"");
        assertThat(failure.getSuppressed()).singleElement().isInstanceOf(FailureReport.FakeStateAtFailure.class);
        assertThat(report(failure))
                .contains("The SageMaker fake of test FailsAnAssertion > looksForTheWrongTeam")
                .contains("IN_PROCESS, default account 123456789012, default region us-east-1")
                .contains("123456789012/us-east-1: workforce default (Initializing), 1 work team(s) [alpha]")
                .contains("\"WorkteamName\":\"alpha\"")
                .contains("Requests (2):")
                .contains("#1 CreateWorkteam [123456789012/us-east-1]")
                .contains("#2 ListWorkteams [123456789012/us-east-1] {} -> 200");
    }

    @Test
    void publishesTheStateAsAReportEntry() {
        EngineExecutionResults results = TestKit.run(FailsAnAssertion.class);
        List<ReportEntry> entries = results.testEvents().reportingEntryPublished()
                .stream().map(e -> e.getRequiredPayload(ReportEntry.class)).toList();
        assertThat(entries).singleElement().satisfies(entry -> {
            assertThat(entry.getKeyValuePairs().get(FailureReport.STATE_ENTRY)).contains("\"WorkteamName\":\"alpha\"");
            assertThat(entry.getKeyValuePairs().get(FailureReport.REQUESTS_ENTRY)).contains("#2 ListWorkteams");
        });
    }

    @Test
    void showsTheErrorTheFakeAnswered() {
        Throwable failure = TestKit.onlyFailure(TestKit.run(ThrowsTheSdkException.class));
        assertThat(failure).isInstanceOf(ResourceLimitExceededException.class);
        assertThat(report(failure))
                .contains("#2 CreateWorkteam")
                .contains("-> 400 ResourceLimitExceeded");
    }

    @Test
    void saysSoWhenNoRequestReachedTheFake() {
        Throwable failure = TestKit.onlyFailure(TestKit.run(SendsNothing.class));
        assertThat(report(failure))
                .contains("(empty: no workforce, no work teams in any account or region)")
                .contains("Requests: none");
    }

    @Test
    void showsOnlyTheLastRequestsAndTheFaultRulesInForce() {
        Throwable failure = TestKit.onlyFailure(TestKit.run(ManyRequests.class));
        assertThat(report(failure))
                .contains("Requests (last 20 of 25):")
                .doesNotContain("#5 ListWorkteams")
                .contains("#6 ListWorkteams")
                .contains("#25 DescribeWorkteam")
                .contains("Fault rules in force:")
                .contains("on DescribeWorkteam, error AccessDeniedException (400)");
    }

    @Test
    void reportsFailuresOfLifecycleMethodsAndOfPerClassFakes() {
        Throwable beforeEach = TestKit.onlyFailure(TestKit.run(FailsInBeforeEach.class));
        assertThat(beforeEach).hasMessageContaining("set-up failed");
        assertThat(report(beforeEach)).contains("[from-set-up]");

        Throwable perClass = TestKit.onlyFailure(TestKit.run(FailsWithASharedFake.class));
        assertThat(report(perClass))
                .contains("The SageMaker fake of class FailsWithASharedFake").contains("[shared]");
    }

    @Test
    void leavesAbortedTestsAlone() {
        EngineExecutionResults results = TestKit.run(Aborts.class);
        assertThat(results.testEvents().aborted().count()).isEqualTo(1);
        Throwable aborted = TestKit.throwable(results.testEvents().aborted().list().get(0));
        assertThat(aborted.getSuppressed()).isEmpty();
    }

    /** The report among the failure's suppressed exceptions (the SDK adds its own for retried attempts). */
    static String report(Throwable failure) {
        return java.util.Arrays.stream(failure.getSuppressed())
                .filter(FailureReport.FakeStateAtFailure.class::isInstance)
                .reduce((a, b) -> {
                    throw new AssertionError("two reports on one failure");
                })
                .orElseThrow(() -> new AssertionError("no report on " + failure))
                .getMessage();
    }

    @TestKitOnly
    @SageMakerWorkforceTest
    static class FailsAnAssertion {
        @Test
        void looksForTheWrongTeam(SageMakerClient sageMaker) {
            Teams.create(sageMaker, "alpha");
            assertThat(sageMaker.listWorkteams().workteams().get(0).workteamName()).isEqualTo("beta");
        }
    }

    @TestKitOnly
    @SageMakerWorkforceTest(maxWorkteams = 1)
    static class ThrowsTheSdkException {
        @Test
        void createsOneTooMany(SageMakerClient sageMaker) {
            Teams.create(sageMaker, "one");
            Teams.create(sageMaker, "two");
        }
    }

    @TestKitOnly
    @SageMakerWorkforceTest
    static class SendsNothing {
        @Test
        void failsWithoutARequest(FakeControl fake) {
            throw new AssertionError("the code under test never called SageMaker");
        }
    }

    @TestKitOnly
    @SageMakerWorkforceTest
    static class ManyRequests {
        @Test
        void sendsTwentyFive(SageMakerClient sageMaker, FakeControl fake) {
            for (int i = 0; i < 24; i++) {
                sageMaker.listWorkteams();
            }
            fake.addFault(FaultRule.forOperation("DescribeWorkteam").error("AccessDeniedException", 400, "Not today"));
            sageMaker.describeWorkteam(r -> r.workteamName("any"));
        }
    }

    @TestKitOnly
    @SageMakerWorkforceTest
    static class FailsInBeforeEach {
        @BeforeEach
        void setUp(SageMakerClient sageMaker) {
            Teams.create(sageMaker, "from-set-up");
            throw new IllegalStateException("set-up failed");
        }

        @Test
        void neverRuns() {
        }
    }

    @TestKitOnly
    @SageMakerWorkforceTest(isolation = Isolation.PER_CLASS)
    static class FailsWithASharedFake {
        @Test
        void fails(SageMakerClient sageMaker) {
            Teams.create(sageMaker, "shared");
            throw new AssertionError("boom");
        }
    }

    @TestKitOnly
    @SageMakerWorkforceTest
    static class Aborts {
        @Test
        void assumesSomethingFalse(SageMakerClient sageMaker) {
            Teams.create(sageMaker, "any");
            Assumptions.assumeTrue(false, "not today");
        }
    }
}
